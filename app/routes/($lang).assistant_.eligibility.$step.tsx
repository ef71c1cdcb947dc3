import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/ErrorSummary";
import { RadioGroupField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { eligibilityCookieHeader, readEligibilityAnswers } from "~/http/assistant.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { getDocument } from "~/modules/content/index.server";
import { assistantAnswers } from "~/modules/observability/metrics.server";
import {
  ageOptions,
  careOptions,
  categoryOptions,
  certificateOptions,
  checkEligibility,
  eligibilitySteps,
  firstMissingStep,
  gradeOptions,
  incomeOptions,
  residenceOptions,
  stepFields,
  type EligibilityAnswers,
  type EligibilityStep,
} from "~/modules/assistant/eligibility";
import { stepSchemas } from "~/modules/assistant/eligibility-schema";
import assistantStyles from "~/styles/assistant.css?url";
import { keyUnder } from "~/i18n/keys";

/**
 * The guided eligibility check, one question a page: /assistant/eligibility/<step> for each question, then
 * /check ("check your answers", with change links) and /result. The answers travel in a cookie (qy_elig),
 * so the flow works without JavaScript and keeps health details out of URLs.
 */

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assistantStyles }];

type Page = EligibilityStep | "check" | "result";
const isStep = (value: string): value is EligibilityStep => (eligibilitySteps as readonly string[]).includes(value);

export const handle: PageHandle = {
  title: ({ t, data }) => {
    const page = (data as { page?: Page } | undefined)?.page;
    const name = page ? t(`assistant.eligibility.pages.${page}`) : t("assistant.eligibility.title");
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

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  const page = String(params.step ?? "");
  if (!isStep(page) && page !== "check" && page !== "result") throw new Response("Not Found", { status: 404 });
  const answers = await readEligibilityAnswers(request);
  const missing = firstMissingStep(answers);
  const path = (p: Page) => localePath(`/assistant/eligibility/${p}`, locale);
  // A later page is only shown once the questions before it have answers.
  if (missing && (!isStep(page) || eligibilitySteps.indexOf(page) > eligibilitySteps.indexOf(missing))) throw redirect(path(missing));
  if (page === "result") {
    assistantAnswers.inc({ status: "eligibility_check" });
    const results = checkEligibility(answers as EligibilityAnswers).map((r) => ({
      ...r,
      links: sourceLinks(r.sources),
      guideTitle: getDocument(r.guide)?.title ?? r.guide,
    }));
    return { page, answers, results };
  }
  return { page, answers, results: null };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const page = String(params.step ?? "");
  if (!isStep(page)) throw new Response("Method Not Allowed", { status: 405 });
  const form = await readFormData(request);
  const submission = parseWithZod(form, { schema: stepSchemas[page] });
  if (submission.status !== "success") {
    return data({ hasErrors: true, lastResult: submission.reply() }, { status: 400 });
  }
  const answers = { ...(await readEligibilityAnswers(request)), ...(submission.value as Partial<EligibilityAnswers>) };
  const next = form.get("returnTo") === "check" ? firstMissingStep(answers) ?? "check" : eligibilitySteps[eligibilitySteps.indexOf(page) + 1] ?? "check";
  return redirect(localePath(`/assistant/eligibility/${next}`, locale), { headers: { "Set-Cookie": await eligibilityCookieHeader(request, answers) } });
}

export default function EligibilityPage() {
  const { page, answers, results } = useLoaderData<typeof loader>();
  if (page === "check") return <CheckAnswers answers={answers} />;
  if (page === "result" && results) return <Result results={results} />;
  return <Question step={page as EligibilityStep} answers={answers} />;
}

/** "请选择是否持有残疾人证": the shared error sentences with this form's own field names. */
function fieldError(t: ReturnType<typeof useT>["t"], field: string, code: string): string {
  const [name, max] = code.split(":");
  return t(`errors.${name}`, { field: t(keyUnder("assistant.eligibility.fields", field)), max, defaultValue: t("errors.badRequest") });
}

function Question({ step, answers }: { step: EligibilityStep; answers: Partial<EligibilityAnswers> }) {
  const { t } = useT();
  const { href } = useLocale();
  const [search] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const formId = `eligibility-${step}`;
  const fields = stepFields[step];
  const summary = fields.flatMap((field) =>
    state.errors(field).map((code) => ({ id: fieldId(formId, field), text: fieldError(t, field, code) })),
  );
  const index = eligibilitySteps.indexOf(step);
  const back = index === 0 ? "/assistant/eligibility" : `/assistant/eligibility/${eligibilitySteps[index - 1]}`;
  const returnTo = search.get("returnTo") === "check" ? "check" : "";
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={summary} />
      <p>
        <LocalLink to={returnTo ? "/assistant/eligibility/check" : back} className="back-link">
          {t("assistant.eligibility.back")}
        </LocalLink>
      </p>
      <p>{t("assistant.eligibility.stepOf", { n: index + 1, of: eligibilitySteps.length })}</p>
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
              <LocalLink to={`/assistant/eligibility/${row.step}?returnTo=check`}>
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
