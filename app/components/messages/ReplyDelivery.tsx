import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { MessageView } from "./message-view";

/** On a feedback message's staff page: whether the reply reached the person, message by message. */
export function ReplyDelivery({ hasContact, messages }: { hasContact: boolean; messages: MessageView[] }) {
  const { t, locale } = useT();
  return (
    <section aria-labelledby="reply-delivery">
      <h2 id="reply-delivery">{t("messages.admin.feedbackDelivery")}</h2>
      {!hasContact ? (
        <p>{t("messages.admin.feedbackNoContact")}</p>
      ) : messages.length === 0 ? (
        <p>{t("messages.admin.feedbackNoMessage")}</p>
      ) : (
        <ul className="plain-list">
          {messages.map((m) => (
            <li key={m.id}>
              {t(`messages.channels.${m.channel}`)} · {m.recipient} · <strong>{t(`messages.status.${m.status}`)}</strong>
              {m.sentAt ? <> · {t("messages.admin.sentAt", { time: formatDateTime(m.sentAt, locale) })}</> : null}
              {m.status === "queued" && m.attempts > 0 ? <> · {t("messages.admin.nextAttempt", { time: formatDateTime(m.nextAttemptAt, locale) })}</> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
