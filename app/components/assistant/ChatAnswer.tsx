import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { AnswerView } from "~/modules/assistant/answer-view";
import { useT } from "~/i18n/use-t";
import { LangText } from "../LangText";
import { useLocale } from "../use-locale";
import { LocalLink } from "../LocalLink";
import { EligibilityVerdicts, PrefillEligibility } from "./EligibilityVerdicts";

export interface ChatTurnData {
  id: string;
  /** Masked question. */
  question: string;
  helpful: boolean | null;
  view: AnswerView;
}

/** The id of an answer's heading: focus moves there when the answer arrives (with or without JavaScript). */
export const answerHeadingId = (id: string) => `answer-${id}`;

/**
 * One question and its answer: a heading naming the question, the lead, the quoted sources with their
 * citation links, the next steps, and the "有帮助 / 没帮助" form (when given where to post it). Plain HTML forms: works without JavaScript.
 */
export function ChatAnswer({ turn, rateAction, level = 2 }: { turn: ChatTurnData; rateAction?: string; level?: 2 | 3 }) {
  const { t } = useT();
  const { href } = useLocale();
  const { view } = turn;
  const headingId = answerHeadingId(turn.id);
  // Its heading's level (2 on the assistant's page; 3 inside the staff retrieval test's results) and its parts' below it.
  const Heading = level === 2 ? "h2" : "h3";
  const Sub = level === 2 ? "h3" : "h4";
  return (
    <article className={`chat-turn${view.grounded ? "" : " chat-turn--none"}`} aria-labelledby={headingId}>
      <Heading id={headingId} tabIndex={-1} className="chat-turn__heading">
        <LangText text={t("assistant.page.answerHeading", { question: turn.question })} />
      </Heading>
      <p className="chat-turn__question">
        <span className="chat-turn__label">{t("assistant.page.youAsked")}</span> <LangText text={turn.question} />
      </p>
      {view.notices.map((n) => (
        <p key={n} className="notice notice--warning">
          <LangText text={n} />
        </p>
      ))}
      {view.followUp?.length ? (
        <p className="chat-turn__context">
          {t("assistant.dialog.followUp")} <TopicWords words={view.followUp} />
        </p>
      ) : null}
      <p className="chat-turn__lead">
        <LangText text={view.lead} />
      </p>
      {view.caveat ? (
        <p className="chat-turn__caveat">
          <LangText text={view.caveat} />
        </p>
      ) : null}
      {view.eligibility ? <EligibilityVerdicts block={view.eligibility} passages={view.passages} headingId={`${headingId}-verdicts`} /> : null}
      <Points points={view.points} />
      {view.also?.map((part, i) => {
        const passage = view.passages.find((p) => p.n === part.source);
        return (
          <div key={i} className="chat-turn__also">
            {part.question ? (
              <p className="chat-turn__part-question">
                <LangText text={t("assistant.answer.partQuestion", { question: part.question })} />
              </p>
            ) : null}
            <p>
              <LangText text={part.lead} />
            </p>
            <Points points={part.points} />
            {passage ? (
              <p className="chat-eligibility__sources">
                {t("assistant.dialog.sourcesLabel")}{" "}
                <LocalLink to={passage.url} lang="zh-CN">
                  {passage.title}
                </LocalLink>
              </p>
            ) : null}
          </div>
        );
      })}
      {view.body ? (
        <p>
          <LangText text={view.body} />
        </p>
      ) : null}
      {view.rule ? (
        <p className="chat-turn__rule">
          <LangText text={view.rule.text} />
        </p>
      ) : null}
      {view.easyRead ? <EasyRead easyRead={view.easyRead} /> : null}
      {view.summaries.length ? (
        <>
          <Sub>{t("assistant.page.summariesHeading")}</Sub>
          <ul>
            {view.summaries.map((s) => (
              <li key={s.url}>
                <LocalLink to={s.url}>
                  <LangText text={s.title} />
                </LocalLink>
                : <LangText text={s.text} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.passages.length ? (
        <>
          <Sub>{view.grounded ? t("assistant.page.sourcesHeading") : t("assistant.page.relatedHeading")}</Sub>
          <ol className="chat-turn__sources">
            {view.passages.map((p) => (
              <li key={p.key}>
                <blockquote lang="zh-CN">“{p.quote}”</blockquote>
                <LocalLink to={p.url} lang="zh-CN">
                  {p.title}
                </LocalLink>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <Sub>{t("assistant.page.nextHeading")}</Sub>
      <ul className="chat-turn__next">
        {view.nextSteps.map((s) => (
          <li key={s.kind + s.text}>
            {s.kind === "eligibility" && view.eligibility ? (
              <PrefillEligibility prefill={view.eligibility.prefill} label={<LangText text={s.text} />} />
            ) : s.href ? (
              <LocalLink to={s.href}>
                <LangText text={s.text} />
              </LocalLink>
            ) : (
              <LangText text={s.text} />
            )}
          </li>
        ))}
      </ul>
      {/* No rating where the answer is only a test (the staff retrieval test). */}
      {rateAction ? <RateAnswer id={turn.id} helpful={turn.helpful} action={href(rateAction)} /> : null}
    </article>
  );
}

/**
 * The guide's easy-read version: a native <details> (keyboard and screen readers know it, no JavaScript needed),
 * closed until asked for, with a link to the guide's own easy-read section.
 */
function EasyRead({ easyRead }: { easyRead: NonNullable<AnswerView["easyRead"]> }) {
  const { t } = useT();
  return (
    <details className="chat-turn__easy-read">
      <summary>{t("assistant.answer.easyReadSummary")}</summary>
      <ul lang="zh-CN">
        {easyRead.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        <LocalLink to={easyRead.href}>
          <LangText text={t("assistant.answer.easyReadLink", { title: easyRead.title })} />
        </LocalLink>
      </p>
    </details>
  );
}

/** The topic a follow-up was read with: corpus words, marked as Chinese when they are. */
function TopicWords({ words }: { words: string[] }) {
  return (
    <>
      {words.map((w, i) => (
        <span key={w}>
          {i > 0 ? " · " : null}
          <LangText text={w} />
        </span>
      ))}
    </>
  );
}

/** "有帮助 / 没帮助": posts without a reload when JavaScript runs; focus moves to the thank-you line. */
function RateAnswer({ id, helpful, action }: { id: string; helpful: boolean | null; action: string }) {
  const { t } = useT();
  const fetcher = useFetcher();
  const thanks = useRef<HTMLParagraphElement>(null);
  const rated = helpful !== null || (fetcher.state !== "idle" && fetcher.formData?.get("id") === id);
  const wasSubmitting = useRef(false);
  useEffect(() => {
    if (fetcher.state !== "idle") wasSubmitting.current = true;
    else if (wasSubmitting.current) {
      wasSubmitting.current = false;
      thanks.current?.focus();
    }
  }, [fetcher.state]);
  if (rated) {
    return (
      <p ref={thanks} tabIndex={-1} className="chat-turn__rated">
        {t("assistant.page.rated")}
      </p>
    );
  }
  return (
    <fetcher.Form method="post" action={action} className="chat-turn__rate" preventScrollReset>
      <input type="hidden" name="intent" value="rate" />
      <input type="hidden" name="id" value={id} />
      <fieldset>
        <legend>{t("assistant.page.rateLegend")}</legend>
        <button type="submit" name="helpful" value="1" className="button button--secondary">
          {t("assistant.page.helpful")}
        </button>{" "}
        <button type="submit" name="helpful" value="0" className="button button--secondary">
          {t("assistant.page.notHelpful")}
        </button>
      </fieldset>
    </fetcher.Form>
  );
}

/** The items of a list an answer rests on, or nothing. */
function Points({ points }: { points: string[] }) {
  if (!points.length) return null;
  return (
    <ul className="chat-turn__points">
      {points.map((p) => (
        <li key={p}>
          <LangText text={p} />
        </li>
      ))}
    </ul>
  );
}
