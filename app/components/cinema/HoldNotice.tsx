import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { formatTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { holdWarningSeconds } from "~/modules/cinema/cinema-constants";
import { useLocale } from "../use-locale";
import { HoldWarningDialog } from "./HoldWarningDialog";
import { stepPath, type Step } from "./paths";

export interface HoldNoticeProps {
  expiresAt: string;
  /** The server's clock when the page was made: the countdown uses the difference, not the device's clock. */
  serverNow: string;
  canExtend: boolean;
  extensionsLeft: number;
  /** Locale-aware path of the hold route (POST extends). */
  extendAction: string;
  /** The step to come back to after extending. */
  returnTo: string;
  warningSeconds: number;
  /** The hold was just extended (shown as a status message). */
  extended?: boolean;
}

/**
 * How long the seats are held, in words, with a way to extend (WCAG 2.2.1 Timing Adjustable). Without JavaScript
 * the time and the extend button are on the page; with JavaScript a polite live region also warns two minutes
 * before the end and says when the time is up, and the warning opens as a modal dialog (HoldWarningDialog) that
 * offers the same extend post. Nothing happens silently: an expired hold brings the person back
 * to the seat step with a message and their answers kept.
 */
export function HoldNotice(props: HoldNoticeProps) {
  const { t, locale } = useT();
  const remainingMs = Math.max(0, Date.parse(props.expiresAt) - Date.parse(props.serverNow));
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  const extendedText = props.extended ? t("cinema.hold.extended", { time: formatTime(props.expiresAt, locale) }) : "";
  const [message, setMessage] = useState(extendedText);
  const [warningOpen, setWarningOpen] = useState(false);

  // A new hold time (after "extend", also on client-side navigation): say so, and start the timers again.
  useEffect(() => {
    setMessage(extendedText);
  }, [extendedText]);
  useEffect(() => setWarningOpen(false), [props.expiresAt]);

  useEffect(() => {
    const warnIn = remainingMs - props.warningSeconds * 1000;
    const timers: ReturnType<typeof setTimeout>[] = [];
    if (warnIn > 0) {
      timers.push(
        setTimeout(() => {
          setMessage(props.canExtend ? t("cinema.hold.warning") : t("cinema.hold.warningNoExtend"));
          setWarningOpen(true);
        }, warnIn),
      );
    }
    timers.push(
      setTimeout(() => {
        setWarningOpen(false);
        setMessage(t("cinema.hold.timeUp"));
      }, remainingMs),
    );
    return () => timers.forEach(clearTimeout);
  }, [remainingMs, props.warningSeconds, props.canExtend, t]);

  return (
    <section className="hold-notice" aria-labelledby="hold-notice-title">
      <h2 id="hold-notice-title" className="hold-notice__title">
        {t("cinema.hold.title")}
      </h2>
      <p>{t("cinema.hold.until", { time: formatTime(props.expiresAt, locale), minutes })}</p>
      {props.canExtend ? (
        <Form method="post" action={props.extendAction} className="hold-notice__form">
          <input type="hidden" name="returnTo" value={props.returnTo} />
          <button type="submit" className="button button--secondary" name="intent" value="extend">
            {t("cinema.hold.extend")}
          </button>
          <span className="hold-notice__left">{t("cinema.hold.extensionsLeft", { n: props.extensionsLeft })}</span>
        </Form>
      ) : (
        <p>{t("cinema.hold.noMoreExtensions")}</p>
      )}
      <div className="hold-notice__live" role="status" aria-live="polite" aria-atomic="true">
        {message}
      </div>
      <HoldWarningDialog
        isOpen={warningOpen}
        onClose={() => setWarningOpen(false)}
        canExtend={props.canExtend}
        extendAction={props.extendAction}
        returnTo={props.returnTo}
      />
    </section>
  );
}

/** A booking page's hold as its loader gives it (app/http/cinema-flow.server.ts: `holdNotice`, `holdTimes`). */
export interface BookingHold {
  hold: Pick<HoldNoticeProps, "expiresAt" | "canExtend" | "extensionsLeft">;
  serverNow: string;
  extended: boolean;
  screeningId: string;
  draftId: string;
}

/** The hold notice of a page of a booking in progress: "more time" posts to the booking's hold route and comes back here. */
export function BookingHoldNotice({ hold, serverNow, extended, screeningId, draftId, returnTo }: BookingHold & { returnTo: Step }) {
  const { href } = useLocale();
  return (
    <HoldNotice
      {...hold}
      serverNow={serverNow}
      extended={extended}
      extendAction={href(stepPath(screeningId, draftId, "hold"))}
      returnTo={returnTo}
      warningSeconds={holdWarningSeconds}
    />
  );
}
