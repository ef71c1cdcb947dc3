import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { AnswerNowNote } from "~/components/assistant/AnswerNowNote";
import { LocalLink } from "~/components/LocalLink";
import { Pagination } from "~/components/Pagination";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { unansweredFilters, type UnansweredFilter } from "~/modules/assistant/assistant-constants";
import { answerNow } from "~/modules/assistant/question-loop.server";
import { draftCaseLine, exportLimit, unansweredPage } from "~/modules/assistant/unanswered.server";
import { getDb } from "~/modules/db/index.server";
import { requireStaff } from "~/modules/staff/index.server";
import { parsePage } from "~/http/query-numbers";

/**
 * For editors: questions the assistant could not answer (or answered unhelpfully), masked, newest first; each
 * page's questions as draft evaluation cases to copy, and the whole list as CSV or JSONL.
 */
export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t }) => t("assistant.admin.title"),
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("assistant.admin.title") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "content");
  const search = new URL(request.url).searchParams;
  const filterParam = search.get("filter");
  const filter = (unansweredFilters as readonly string[]).includes(filterParam ?? "") ? (filterParam as UnansweredFilter) : "no_answer";
  const result = await unansweredPage(getDb(), { filter, page: parsePage(search) });
  // What the assistant answers to each question today (the retrieval test's machinery: nothing stored or counted).
  const now = [];
  for (const item of result.items) now.push(await answerNow(item.question, item.locale === "en" ? "en" : "zh-CN"));
  return { ...result, now, filter, drafts: result.items.map(draftCaseLine).join("\n"), exportLimit };
}

/** The retrieval test of one question, in the language it was asked in. */
const hitTestPath = (question: string, locale: string) =>
  `/admin/assistant/retrieval-test?${new URLSearchParams({ q: question, lang: locale === "en" ? "en" : "zh-CN" })}`;

/** The console's actions on a question, prefilled with it: a glossary mapping, a question people ask, a new FAQ document. */
const glossaryPath = (question: string, locale: string) => `/admin/assistant/glossary?${new URLSearchParams({ q: question, lang: locale === "en" ? "en" : "zh-CN" })}`;
const peopleAskPath = (question: string, locale: string) => `/admin/assistant/question?${new URLSearchParams({ q: question, lang: locale === "en" ? "en" : "zh-CN" })}`;
const newFaqPath = (question: string, locale: string) => `/admin/content/new?${new URLSearchParams({ type: "faq", question, lang: locale === "en" ? "en" : "zh-CN" })}`;

export default function AssistantQuestions() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { items, now, page, pageCount, total, filter, drafts, exportLimit: max } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("assistant.admin.title")}</h1>
      <p>{t("assistant.admin.intro")}</p>
      <p>
        <LocalLink to="/admin/assistant/retrieval-test">{t("assistant.hitTest.listLink")}</LocalLink>
      </p>
      <Form method="get" action={href("/admin/assistant")} className="filter-form">
        <label htmlFor="assistant-filter">{t("assistant.admin.filterLabel")}</label>
        <select id="assistant-filter" name="filter" defaultValue={filter}>
          {unansweredFilters.map((f) => (
            <option key={f} value={f}>
              {t(`assistant.admin.filters.${f}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("admin.filter")}
        </button>
      </Form>
      {items.length === 0 ? (
        <p>{t("assistant.admin.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              {t(`assistant.admin.filters.${filter}`)} ({total})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("assistant.admin.colQuestion")}</th>
                <th scope="col">{t("assistant.admin.colStatus")}</th>
                <th scope="col">{t("assistant.admin.colLocale")}</th>
                <th scope="col">{t("assistant.admin.colAsked")}</th>
                <th scope="col">{t("assistant.loop.colNow")}</th>
                <th scope="col">{t("assistant.hitTest.colTest")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={item.id}>
                  <th scope="row">{item.question}</th>
                  <td>{t(`assistant.admin.statuses.${item.status}`, { defaultValue: item.status })}</td>
                  <td>{t(item.locale === "en" ? "admin.localeNames.en" : "admin.localeNames.zh-CN")}</td>
                  <td>
                    <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, locale)}</time>
                  </td>
                  <td>
                    <AnswerNowNote answer={now[i] ?? null} label={t("assistant.loop.nowLabel")} />
                  </td>
                  <td>
                    <ul className="action-list">
                      {[
                        // The question prefilled in the retrieval test, a glossary mapping, a question people ask, a new FAQ.
                        { to: hitTestPath(item.question, item.locale), label: t("assistant.hitTest.testLink") },
                        { to: glossaryPath(item.question, item.locale), label: t("assistant.loop.addMapping") },
                        { to: peopleAskPath(item.question, item.locale), label: t("assistant.loop.addQuestion") },
                        { to: newFaqPath(item.question, item.locale), label: t("assistant.loop.newFaq") },
                      ].map((action) => (
                        <li key={action.to}>
                          <LocalLink to={action.to}>
                            {action.label}
                            <span className="visually-hidden">
                              {t("assistant.hitTest.separator")}
                              {item.question}
                            </span>
                          </LocalLink>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />
      {items.length > 0 && (
        <section aria-labelledby="assistant-export">
          <h2 id="assistant-export">{t("assistant.admin.exportHeading")}</h2>
          <p>{t("assistant.admin.exportIntro")}</p>
          <div className="field">
            <label htmlFor="assistant-drafts">{t("assistant.admin.draftLabel")}</label>
            <textarea id="assistant-drafts" readOnly rows={Math.min(10, items.length + 1)} spellCheck={false} value={drafts} />
          </div>
          <ul>
            <li>
              <a href={href(`/admin/assistant/export/csv?filter=${filter}`)} download>
                {t("assistant.admin.downloadCsv", { max })}
              </a>
            </li>
            <li>
              <a href={href(`/admin/assistant/export/jsonl?filter=${filter}`)} download>
                {t("assistant.admin.downloadJsonl", { max })}
              </a>
            </li>
          </ul>
        </section>
      )}
    </div>
  );
}
