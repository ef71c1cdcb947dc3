import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { AnswerPassage, EligibilityBlock } from "~/modules/assistant/answer-view";
import { useT } from "~/i18n/use-t";
import { LangText } from "../LangText";
import { LocalLink } from "../LocalLink";
import { useLocale } from "../use-locale";

/**
 * The rules' answer in a chat turn: what the person said, each benefit with its verdict, why and the sections
 * it rests on, and what is still unknown (answerable in the next question). Plain HTML: works without
 * JavaScript.
 */
export function EligibilityVerdicts({ block, passages, headingId }: { block: EligibilityBlock; passages: AnswerPassage[]; headingId: string }) {
  const { t } = useT();
  const byNumber = new Map(passages.map((p) => [p.n, p]));
  return (
    <section className="chat-eligibility" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("assistant.dialog.verdictsHeading")}</h3>
      {block.facts.length ? (
        <p>
          <span className="chat-turn__label">{t("assistant.dialog.factsLabel")}</span>{" "}
          <LangText text={block.facts.join(t("assistant.eligibility.chat.listSeparator"))} />
        </p>
      ) : null}
      <ul className="chat-eligibility__items">
        {block.items.map((item) => (
          <li key={item.scheme} className={`chat-eligibility__item chat-eligibility__item--${item.verdict}`}>
            <p className="chat-eligibility__verdict">
              <LangText text={t("assistant.eligibility.chat.itemLine", { name: item.name, verdict: item.verdictText })} />
            </p>
            {item.why.length || item.ifs.length ? (
              <ul>
                {[...item.why, ...item.ifs].map((line) => (
                  <li key={line}>
                    <LangText text={line} />
                  </li>
                ))}
              </ul>
            ) : null}
            {item.sources.length ? (
              <p className="chat-eligibility__sources">
                {t("assistant.dialog.sourcesLabel")}{" "}
                {item.sources.map((n, i) => {
                  const passage = byNumber.get(n);
                  if (!passage) return null;
                  return (
                    <span key={n}>
                      {i > 0 ? t("assistant.eligibility.chat.listSeparator") : null}
                      <LocalLink to={passage.url} lang="zh-CN">
                        {passage.title}
                      </LocalLink>
                    </span>
                  );
                })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {block.assumption ? (
        <p>
          <LangText text={block.assumption} />
        </p>
      ) : null}
      {block.unknown.length ? (
        <>
          <h4>{t("assistant.dialog.unknownHeading")}</h4>
          <ul>
            {block.unknown.map((u) => (
              <li key={u.field}>
                <LangText text={u.question} />
              </li>
            ))}
          </ul>
          <p>{t("assistant.dialog.unknownHint")}</p>
        </>
      ) : null}
    </section>
  );
}

/**
 * "用资格自测逐项核对": posts the answers the chat already knows (choices only, never a number) to the
 * step-by-step check, which keeps them in its cookie and opens the first question still open.
 */
export function PrefillEligibility({ prefill, label }: { prefill: EligibilityBlock["prefill"]; label: ReactNode }) {
  const { t } = useT();
  const { href } = useLocale();
  return (
    <Form method="post" action={href("/assistant/eligibility")} className="chat-eligibility__prefill">
      <input type="hidden" name="intent" value="prefill" />
      {Object.entries(prefill).map(([field, value]) => (
        <input key={field} type="hidden" name={field} value={value} />
      ))}
      <button type="submit" className="button button--secondary">
        {label}
      </button>
      <p className="field__hint">{t("assistant.dialog.prefillHint")}</p>
    </Form>
  );
}
