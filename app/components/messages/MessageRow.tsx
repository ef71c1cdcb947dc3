import { Form } from "@remix-run/react";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { MessageView } from "./message-view";

/** One row of the staff outbox: the text as sent, its status, and for a failed message a "send again" button. */
export function MessageRow({ message: m, retryAction }: { message: MessageView; retryAction: string }) {
  const { t, locale } = useT();
  return (
    <tr>
      <th scope="row">{m.reference}</th>
      <td>{t(`messages.channels.${m.channel}`)}</td>
      <td>{m.recipient}</td>
      <td>
        {m.channel === "email" ? <p className="message-subject">{m.subject}</p> : null}
        <p className="message-text">{m.body}</p>
      </td>
      <td>
        <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
      </td>
      <td>
        <strong>{t(`messages.status.${m.status}`)}</strong>
        {m.sentAt ? <p>{t("messages.admin.sentAt", { time: formatDateTime(m.sentAt, locale) })}</p> : null}
        {m.status === "queued" && (m.attempts > 0 || m.nextAttemptAt > m.createdAt) ? <p>{t("messages.admin.nextAttempt", { time: formatDateTime(m.nextAttemptAt, locale) })}</p> : null}
        {m.lastError && m.status !== "sent" ? (
          <p>
            {t("messages.admin.colError")}: {m.lastError}
          </p>
        ) : null}
        {m.status === "failed" ? (
          <Form method="post" action={retryAction}>
            <input type="hidden" name="intent" value="retry" />
            <input type="hidden" name="id" value={m.id} />
            <button type="submit" className="button button--secondary" aria-label={t("messages.admin.retryLabel", { reference: m.reference, recipient: m.recipient })}>
              {t("messages.admin.retry")}
            </button>
          </Form>
        ) : null}
      </td>
      <td>{m.attempts}</td>
    </tr>
  );
}
