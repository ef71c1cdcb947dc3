import { Form } from "@remix-run/react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useT } from "~/i18n/use-t";

export interface HoldWarningDialogProps {
  isOpen: boolean;
  onClose: () => void;
  canExtend: boolean;
  /** Locale-aware path of the hold route (POST extends). */
  extendAction: string;
  returnTo: string;
}

/**
 * The seat-hold warning as a modal dialog (React Aria's ModalOverlay, Modal and Dialog): it takes focus when the hold
 * is about to end, keeps focus inside, closes with Escape or "not now", and gives focus back to where it was.
 * "More time" is the same form post as the notice's button. Only ever opened by a timer after hydration: without
 * JavaScript the page has the notice and its button, nothing else.
 */
export function HoldWarningDialog({ isOpen, onClose, canExtend, extendAction, returnTo }: HoldWarningDialogProps) {
  const { t } = useT();
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => (open ? undefined : onClose())} isDismissable className="hold-dialog__overlay">
      <Modal className="hold-dialog">
        <Dialog role="alertdialog" className="hold-dialog__dialog">
          <Heading slot="title" className="hold-dialog__title">
            {t("cinema.hold.dialogTitle")}
          </Heading>
          <p>{canExtend ? t("cinema.hold.warning") : t("cinema.hold.warningNoExtend")}</p>
          <div className="hold-dialog__actions">
            {canExtend ? (
              <Form method="post" action={extendAction}>
                <input type="hidden" name="returnTo" value={returnTo} />
                <button type="submit" className="button" name="intent" value="extend" autoFocus>
                  {t("cinema.hold.extend")}
                </button>
              </Form>
            ) : null}
            <Button className="button button--secondary" onPress={onClose} autoFocus={!canExtend}>
              {t("cinema.hold.dialogClose")}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
