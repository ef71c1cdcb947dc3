import { LocalLink } from "~/components/LocalLink";
import { useT } from "~/i18n/use-t";
import type { AnswerStatus } from "~/modules/assistant/guards";

/** What the assistant answers to a question (question-loop.server.ts's AnswerNow, as the page gets it). */
export interface AnswerNowView {
  answered: boolean;
  status: AnswerStatus;
  citation: { title: string; url: string } | null;
}

/**
 * "Does the assistant answer it now?": answered with its first citation (a link), or refused with why, in one line
 * under a label ("现在：", "用这项改动：").
 */
export function AnswerNowNote({ answer, label }: { answer: AnswerNowView | null; label: string }) {
  const { t } = useT();
  if (!answer) return null;
  const status = t(`assistant.admin.statuses.${answer.status}`);
  return (
    <p className={answer.answered ? "notice" : "notice notice--warning"}>
      <strong>{label}</strong>{" "}
      {answer.answered ? t("assistant.loop.answered") : t("assistant.loop.refused", { status })}
      {answer.answered && answer.citation ? (
        <>
          {" "}
          {t("assistant.loop.firstCitation")}{" "}
          <LocalLink to={answer.citation.url} lang="zh-CN">
            {answer.citation.title}
          </LocalLink>
        </>
      ) : null}
    </p>
  );
}
