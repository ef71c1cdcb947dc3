import type { LinksFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/ErrorSummary";
import { RadioGroupField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { eligibilityCookieHeader, readEligibilityDraftId } from "~/http/assistant.server";
import { cookieFlowRoute } from "~/http/flow-route.server";
import { useT } from "~/i18n/use-t";
import { getDocument } from "~/modules/content/index.server";
import { assistantAnswers } from "~/modules/observability/metrics.server";
import {
  ageOptions,
  careOptions,
  categoryOptions,
  certificateOptions,
  eligibilitySteps,
  gradeOptions,
  incomeOptions,
  residenceOptions,
  stepFields,
  type EligibilityAnswers,
  type EligibilityStep,
} from "~/modules/assistant/eligibility";
import { eligibilityFlow, eligibilityResult } from "~/modules/assistant/index.server";
import assistantStyles from "~/styles/assistant.css?url";
import { keyUnder } from "~/i18n/keys";

/**
 * The guided eligibility check, one question a page: /assistant/eligibility/<step> for each question, then
 * /check ("check your answers", with change links) and /result. The flow is declared in
 * app/modules/assistant/eligibility-flow.server.ts; the engine loads, checks, saves and moves on
 * (cookieFlowRoute: the draft's id is in a cookie, its answers in flow_drafts, so health details stay out of URLs
 * and the flow works without JavaScript). The result is the flow's "done" page. This page only renders.
 */

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assistantStyles }];

type Page = EligibilityStep | "check" | "done";

export const handle: PageHandle = {
  title: ({ t, data }) => {
    const page = (data as { step?: Page } | undefined)?.step;
    const name = page ? t(`assistant.eligibility.pages.${page === "done" ? "result" : page}`) : t("assistant.eligibility.title");
    return `${name} - ${t("assistant.eligibility.title")}`;
  },
  crumbs: ({ t }) => [
    { label: t("assistant.page.title"), to: "/assistant" },
    { label: t("assistant.eligibility.title"), to: "/assistant/eligibility" },
    { label: t("assistant.eligibility.questionsCrumb") },
  ],
};

const options: Record<keyof EligibilityAnswers, readonly string[]> = {
  certificate: certificateOptions,
  category: categoryOptions,
  grade: gradeOptions,
  age: ageOptions,
  income: incomeOptions,
  care: careOptions,
  residence: residenceOptions,
};

function sourceLinks(sources: Array<{ docId: string; anchor: string }>) {
  return sources.map(({ docId, anchor }) => {
    const doc = getDocument(docId);
    const section = doc?.sections.find((s) => s.anchor === anchor);
    return {
      url: `/policies/${docId}#${anchor}`,
      title: doc ? (doc.type === "regulation" ? `《${doc.title}》${section?.citation ?? ""}` : `${doc.title} · ${section?.citation ?? ""}`) : docId,
    };
  });
}

const route = cookieFlowRoute(eligibilityFlow, {
  cookie: { read: readEligibilityDraftId, set: eligibilityCookieHeader },
  path: (step, query = "") => `/assistant/eligibility/${step}${query}`,
  doneSegment: "result",
  start: "/assistant/eligibility",
  view: ({ answers, step }) => {
    if (step !== "done") return { answers, results: null };
    assistantAnswers.inc({ status: "eligibility_check" });
    const results = eligibilityResult(answers).map((r) => ({ ...r, links: sourceLinks(r.sources), guideTitle: getDocument(r.guide)?.title ?? r.guide }));
    return { answers, results };
  },
});
export const loader = route.loader;
export const action = route.action;

export default function EligibilityPage() {
  const d = useLoaderData<typeof loader>();
  if (d.step === "check") return <CheckAnswers answers={d.answers} />;
  if (d.step === "done" && d.results) return <Result results={d.results} />;
  return <Question step={d.step as EligibilityStep} answers={d.answers} back={d.back} count={d.count} returnTo={d.returnTo} />;
}

/** "请选择是否持有残疾人证": the shared error sentences with this form's own field names. */
function fieldError(t: ReturnType<typeof useT>["t"], field: string, code: string): string {
  const [name, max] = code.split(":");
  return t(`errors.${name}`, { field: t(keyUnder("assistant.eligibility.fields", field)), max, defaultValue: t("errors.badRequest") });
}

function Question({ step, answers, back, count, returnTo }: { step: EligibilityStep; answers: Partial<EligibilityAnswers>; back: string; count: { n: number; of: number }; returnTo: string }) {
  const { t } = useT();
  const { href } = useLocale();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const formId = `eligibility-${step}`;
  const fields = stepFields[step];
  const summary = [
    ...(actionData?.message ? [{ text: actionData.message }] : []),
    ...fields.flatMap((field) => state.errors(field).map((code) => ({ id: fieldId(formId, field), text: fieldError(t, field, code) }))),
  ];
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={summary} />
      <p>
        <LocalLink to={returnTo ? "/assistant/eligibility/check" : back} className="back-link">
          {t("assistant.eligibility.back")}
        </LocalLink>
      </p>
      <p>{t("assistant.eligibility.stepOf", count)}</p>
      <h1>{t(`assistant.eligibility.pages.${step}`)}</h1>
      <Form method="post" action={href(`/assistant/eligibility/${step}`)} id={formId} noValidate>
        {returnTo ? <input type="hidden" name="returnTo" value="check" /> : null}
        {fields.map((field) => {
          const legend = t(`assistant.eligibility.questions.${field}`);
          const hint = t(`assistant.eligibility.hints.${field}`, { defaultValue: "" });
          const radio = (
            <RadioGroupField
              key={field}
              id={fieldId(formId, field)}
              name={field}
              legend={legend}
              hint={hint || undefined}
              options={options[field].map((value) => ({ value, label: t(keyUnder("assistant.eligibility.options", `${field}.${value}`)) }))}
              errors={state.errors(field).map((code) => fieldError(t, field, code))}
              defaultValue={state.value(field) || answers[field] || ""}
            />
          );
          return radio;
        })}
        <button type="submit" className="button">
          {t("assistant.eligibility.continue")}
        </button>
      </Form>
    </div>
  );
}

function CheckAnswers({ answers }: { answers: Partial<EligibilityAnswers> }) {
  const { t } = useT();
  const rows = eligibilitySteps.flatMap((step) =>
    stepFields[step].map((field) => ({
      step,
      field,
      label: t(`assistant.eligibility.questions.${field}`),
      value: answers[field] ? t(keyUnder("assistant.eligibility.options", `${field}.${answers[field]}`)) : "",
    })),
  );
  return (
    <div className="page page--narrow">
      <h1>{t("assistant.eligibility.pages.check")}</h1>
      <dl className="summary-list">
        {rows.map((row) => (
          <div key={row.field} style={{ display: "contents" }}>
            <dt>{row.label}</dt>
            <dd>
              {row.value}{" "}
              <LocalLink to={`/assistant/eligibility/${row.step}?return=check`}>
                {t("assistant.eligibility.change")}
                <span className="visually-hidden"> {row.label}</span>
              </LocalLink>
            </dd>
          </div>
        ))}
      </dl>
      <p>{t("assistant.eligibility.notDecision")}</p>
      <p>
        <LocalLink to="/assistant/eligibility/result" className="button">
          {t("assistant.eligibility.seeResult")}
        </LocalLink>
      </p>
    </div>
  );
}

type ResultData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["results"]>;

function Result({ results }: { results: ResultData }) {
  const { t } = useT();
  return (
    <div className="page page--narrow">
      <h1>{t("assistant.eligibility.pages.result")}</h1>
      <p className="lead">{t("assistant.eligibility.resultIntro")}</p>
      {results.map((r) => (
        <section key={r.scheme} className={`eligibility-result eligibility-result--${r.outcome}`} aria-labelledby={`result-${r.scheme}`}>
          <h2 id={`result-${r.scheme}`}>{t(`assistant.eligibility.schemes.${r.scheme}`)}</h2>
          <p className="eligibility-result__outcome">{t(`assistant.eligibility.outcomes.${r.outcome}`)}</p>
          <h3>{t("assistant.eligibility.why")}</h3>
          <ul>
            {r.reasons.map((reason) => (
              <li key={reason}>{t(keyUnder("assistant.eligibility.reasons", reason.replace(".", "_")))}</li>
            ))}
          </ul>
          <h3>{t("assistant.eligibility.bringHeading")}</h3>
          <ul>
            {r.bring.map((b) => (
              <li key={b}>{t(keyUnder("assistant.eligibility.bring", b))}</li>
            ))}
          </ul>
          <h3>{t("assistant.eligibility.whereHeading")}</h3>
          <p>{t(`assistant.eligibility.applyAt.${r.applyAt}`)}</p>
          <h3>{t("assistant.eligibility.decidesHeading")}</h3>
          <p>{t(`assistant.eligibility.decides.${r.decides}`)}</p>
          <h3>{t("assistant.eligibility.sourcesHeading")}</h3>
          <ul>
            {r.links.map((l) => (
              <li key={l.url}>
                <LocalLink to={l.url} lang="zh-CN">
                  {l.title}
                </LocalLink>
              </li>
            ))}
            <li>
              <LocalLink to={`/policies/${r.guide}`}>{t("assistant.eligibility.guideLink", { title: r.guideTitle })}</LocalLink>
            </li>
          </ul>
        </section>
      ))}
      <div className="notice">
        <p>{t("assistant.eligibility.notDecision")}</p>
        <p>{t("assistant.eligibility.hotline")}</p>
      </div>
      <p>
        <LocalLink to="/assistant/eligibility/check">{t("assistant.eligibility.changeAnswers")}</LocalLink>
      </p>
      <p>
        <LocalLink to="/assistant">{t("assistant.eligibility.backToChat")}</LocalLink>
      </p>
    </div>
  );
}
