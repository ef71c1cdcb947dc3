import { redirect, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ChatAnswer } from "~/components/assistant/ChatAnswer";
import type { AdminHandle } from "~/components/admin-handle";
import { ErrorSummary } from "~/components/ErrorSummary";
import { RadioGroupField, TextAreaField } from "~/components/Fields";
import { LangText } from "~/components/LangText";
import { LocalLink } from "~/components/LocalLink";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { hitTestQuerySchema, maskedQuery, maskedQuestion, runHitTest, type HitTestError, type HitTestReport } from "~/modules/assistant/hit-test.server";
import { maxQuestionLength } from "~/modules/assistant/index.server";
import { requireStaff } from "~/modules/staff/index.server";
import assistantStyles from "~/styles/assistant.css?url";

/**
 * For editors (issue 16, item 6): a question typed as a resident would ask it, and what the assistant would answer
 * now, with why — how it read the question, the sections each channel found, the grounding gate's verdict. A GET
 * form (the question in the URL, so the unanswered-questions page can link here prefilled); nothing is stored or
 * counted (hit-test.server.ts).
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: assistantStyles }];

export const handle: AdminHandle = {
  staffRole: "content",
  // "错误：" comes from the root, as on every page (the loader's hasErrors, see use-form-errors-state).
  title: ({ t }) => t("assistant.hitTest.title"),
  crumbs: ({ t }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("assistant.admin.title"), to: "/admin/assistant" },
    { label: t("assistant.hitTest.title") },
  ],
};

const formId = "hit-test";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const pageLocale = routeLocale(params);
  await requireStaff(request, "content");
  const url = new URL(request.url);
  const parsed = hitTestQuerySchema.parse(Object.fromEntries(url.searchParams));
  const locale = parsed.lang ?? pageLocale;
  // A personal number typed into the question leaves the address at once (the page's links, the browser's history):
  // the same test again with the masked question, which the assistant reads the same way.
  const masked = maskedQuery(parsed);
  if (masked) return redirect(`${url.pathname}?${new URLSearchParams({ ...masked, lang: locale, hidden: "1" })}`);
  // What the form shows again: the cleaned question; a too long one is not echoed (as on the assistant's page).
  const form = { q: maskedQuestion(parsed.q), prev: maskedQuestion(parsed.prev), lang: locale, hidden: parsed.hidden === "1" };
  if (parsed.q === undefined) return { form, errors: [] as HitTestError[], report: null, maxLength: maxQuestionLength };
  const outcome = await runHitTest({ question: parsed.q, previous: parsed.prev ?? null, locale });
  return outcome.ok
    ? { form, errors: [] as HitTestError[], report: outcome.report, maxLength: maxQuestionLength }
    : { form, errors: outcome.errors, report: null, maxLength: maxQuestionLength, hasErrors: true };
}

export default function RetrievalTest() {
  const { t } = useT();
  const { href } = useLocale();
  const { form, errors, report, maxLength } = useLoaderData<typeof loader>();
  const fieldName = { q: t("assistant.hitTest.questionField"), prev: t("assistant.hitTest.previousField") };
  const message = (e: HitTestError) => t(`errors.${e.code}`, { field: fieldName[e.field], max: e.max });
  const errorsOf = (field: HitTestError["field"]) => errors.filter((e) => e.field === field).map(message);
  const fieldIdOf = (field: HitTestError["field"]) => `${formId}-${field}`;
  return (
    <div className="page assistant">
      <ErrorSummary errors={errors.map((e) => ({ id: fieldIdOf(e.field), text: message(e) }))} />
      <h1>{t("assistant.hitTest.title")}</h1>
      <p>{t("assistant.hitTest.intro")}</p>
      {/* Keyed by what it shows: after a client-side navigation (the masking redirect) the fields show the new values. */}
      <Form method="get" action={href("/admin/assistant/retrieval-test")} id={formId} noValidate key={`${form.lang}\n${form.q}\n${form.prev}`}>
        <TextAreaField
          id={fieldIdOf("q")}
          name="q"
          label={t("assistant.hitTest.questionLabel")}
          hint={t("assistant.hitTest.questionHint", { max: maxLength })}
          errors={errorsOf("q")}
          defaultValue={form.q}
          rows={3}
        />
        <TextAreaField
          id={fieldIdOf("prev")}
          name="prev"
          label={t("assistant.hitTest.previousLabel")}
          hint={t("assistant.hitTest.previousHint")}
          errors={errorsOf("prev")}
          defaultValue={form.prev}
          rows={2}
        />
        <RadioGroupField
          id={`${formId}-lang`}
          name="lang"
          legend={t("assistant.hitTest.localeLegend")}
          options={[
            { value: "zh-CN", label: <span lang="zh-CN">{t("admin.localeNames.zh-CN")}</span> },
            { value: "en", label: <span lang="en">{t("admin.localeNames.en")}</span> },
          ]}
          defaultValue={form.lang}
        />
        <button type="submit" className="button">
          {t("assistant.hitTest.submit")}
        </button>
      </Form>
      {report ? <Report report={report} hidden={form.hidden} /> : null}
      <p>
        <LocalLink to="/admin/assistant">{t("assistant.hitTest.backToList")}</LocalLink>
      </p>
    </div>
  );
}

const score = (n: number, digits: number) => n.toFixed(digits);

function Report({ report, hidden }: { report: HitTestReport; hidden: boolean }) {
  const { t } = useT();
  const status = t(`assistant.admin.statuses.${report.status}`);
  const confidence = report.grounding ? score(report.grounding.confidence, 2) : "";
  const threshold = report.grounding ? score(report.grounding.threshold, 2) : "";
  const decided =
    report.decidedBy === "guard"
      ? report.guardRule
        ? t("assistant.hitTest.decided.guardRule", { status, rule: report.guardRule })
        : t("assistant.hitTest.decided.guard", { status })
      : t(`assistant.hitTest.decided.${report.decidedBy}`, { confidence, threshold });
  const u = report.understanding;
  const list = (items: string[]) => (items.length ? items.join(t("assistant.hitTest.separator")) : t("assistant.hitTest.none"));
  return (
    <section aria-labelledby="hit-test-result" className="hit-test">
      <h2 id="hit-test-result" tabIndex={-1}>
        {t("assistant.hitTest.resultHeading")}
      </h2>
      <p className={report.answered ? "notice" : "notice notice--warning"}>
        <strong>{report.answered ? t("assistant.hitTest.verdictAnswered") : t("assistant.hitTest.verdictRefused", { status })}</strong> {decided}
      </p>
      {hidden ? <p>{t("assistant.hitTest.numbersHidden")}</p> : null}
      {report.previous ? (
        <p>
          {t("assistant.hitTest.previousAsked")} <LangText text={report.previous} />
        </p>
      ) : null}
      <ChatAnswer turn={{ id: "hit-test", question: report.question, helpful: null, view: report.view }} level={3} />

      <h3>{t("assistant.hitTest.whyHeading")}</h3>
      {u ? (
        <dl className="hit-test__reading">
          <dt>{t("assistant.hitTest.normalised")}</dt>
          <dd>
            <LangText text={u.text} />
          </dd>
          <dt>{t("assistant.hitTest.searched")}</dt>
          <dd>
            <LangText text={u.query} />
          </dd>
          <dt>{t("assistant.hitTest.repairs")}</dt>
          <dd>{list(u.repairs.map((r) => t("assistant.hitTest.mapping", { from: r.from, to: r.to })))}</dd>
          <dt>{t("assistant.hitTest.glossary")}</dt>
          <dd>{list(u.glossary.map((g) => t("assistant.hitTest.mapping", { from: g.from, to: g.to })))}</dd>
          <dt>{t("assistant.hitTest.narrative")}</dt>
          <dd>{list(u.narrative)}</dd>
        </dl>
      ) : (
        <p>{t("assistant.hitTest.noRetrieval")}</p>
      )}

      {u && u.keyTerms.length ? (
        <div className="table-wrap">
          <table>
            <caption>{t("assistant.hitTest.termsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("assistant.hitTest.colTerm")}</th>
                <th scope="col">{t("assistant.hitTest.colWeight")}</th>
                <th scope="col">{t("assistant.hitTest.colAsked")}</th>
                <th scope="col">{t("assistant.hitTest.colFound")}</th>
              </tr>
            </thead>
            <tbody>
              {u.keyTerms.map((k) => (
                <tr key={k.term}>
                  <th scope="row">
                    <LangText text={k.term} />
                  </th>
                  <td>{score(k.weight, 2)}</td>
                  <td>{k.asked ? t("assistant.hitTest.yes") : t("assistant.hitTest.no")}</td>
                  <td>{k.found === null ? t("assistant.hitTest.notJudged") : k.found ? t("assistant.hitTest.yes") : t("assistant.hitTest.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {report.grounding ? (
        <>
          <h3>{t("assistant.hitTest.gateHeading")}</h3>
          <p>
            {t(report.grounding.passes ? "assistant.hitTest.gatePasses" : "assistant.hitTest.gateFails", { confidence, threshold })}
          </p>
          {report.grounding.missing.length ? <p>{t("assistant.hitTest.missing", { terms: list(report.grounding.missing) })}</p> : null}
        </>
      ) : null}

      {report.sections.length ? (
        <div className="table-wrap">
          <table>
            <caption>{t("assistant.hitTest.sectionsCaption", { count: report.sections.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("assistant.hitTest.colRank")}</th>
                <th scope="col">{t("assistant.hitTest.colSection")}</th>
                <th scope="col">{t("assistant.hitTest.colBm25")}</th>
                <th scope="col">{t("assistant.hitTest.colVector")}</th>
                <th scope="col">{t("assistant.hitTest.colFused")}</th>
                <th scope="col">{t("assistant.hitTest.colTerms")}</th>
                <th scope="col">{t("assistant.hitTest.colUse")}</th>
              </tr>
            </thead>
            <tbody>
              {report.sections.map((s) => (
                <tr key={s.key}>
                  <td>{s.rank}</td>
                  <th scope="row">
                    <LocalLink to={s.url} lang="zh-CN">
                      {s.title}
                    </LocalLink>
                  </th>
                  <td>{s.bm25 ? t("assistant.hitTest.rankScore", { rank: s.bm25.rank, score: score(s.bm25.score, 2) }) : t("assistant.hitTest.notRanked")}</td>
                  <td>{s.vector ? t("assistant.hitTest.rankScore", { rank: s.vector.rank, score: score(s.vector.cosine, 3) }) : t("assistant.hitTest.notRanked")}</td>
                  <td>{score(s.fused, 4)}</td>
                  <td>{list(s.terms)}</td>
                  <td>
                    {list([
                      ...(s.cited ? [t("assistant.hitTest.cited")] : []),
                      ...(s.judged ? [t("assistant.hitTest.judged")] : []),
                    ])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
