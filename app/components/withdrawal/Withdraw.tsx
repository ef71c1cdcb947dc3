import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { secretField, withdrawalPath, type WithdrawalKind } from "~/modules/withdrawal/withdrawal-constants";
import { LocalLink } from "../LocalLink";
import { useLocale } from "../use-locale";

/**
 * The way to withdraw a record from where a person looks at it. On a status page, after reference + phone were
 * proven, a button opens the withdrawal page at its confirmation step (a POST: the phone stays out of the URL);
 * on a confirmation page a link opens it with the reference filled in. Labels: `withdrawLinks` (a namespace of its
 * own, so the pages that show them do not load the withdrawal page's text).
 */
export function WithdrawButton({ kind, reference, secret }: { kind: WithdrawalKind; reference: string; secret: string }) {
  const { t } = useT();
  const { href } = useLocale();
  return (
    <Form method="post" action={href(withdrawalPath(kind))}>
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name={secretField(kind)} value={secret} />
      <input type="hidden" name="intent" value="find" />
      <button type="submit" className="button button--secondary">
        {t(`withdrawLinks.${kind}`)}
      </button>
    </Form>
  );
}

export function WithdrawLink({ kind, reference }: { kind: WithdrawalKind; reference?: string | null }) {
  const { t } = useT();
  return <LocalLink to={withdrawalPath(kind, reference ?? undefined)}>{t(`withdrawLinks.${kind}`)}</LocalLink>;
}
