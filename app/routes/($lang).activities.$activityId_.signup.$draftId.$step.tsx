import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, type Params } from "@remix-run/react";
import { centreErrors } from "~/components/centre/centre-errors";
import { centreLinks } from "~/components/centre/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { CheckboxGroupField, TextField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { Honeypot } from "~/components/Honeypot";
import { LocalLink } from "~/components/LocalLink";
import { WithdrawLink } from "~/components/withdrawal/Withdraw";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { formatDate, formatTime } from "~/i18n/format";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { accessibilityFeatures, centrePhone, signupStepPath, signupSteps, type SignupStep } from "~/modules/centre/centre-constants";
import {
  CentreError,
  contactSchema,
  findSignup,
  firstMissingSignupStep,
  getActivity,
  getSignupDraft,
  needsSchema,
  NotFound,
  saveSignupDraft,
  submitSignupDraft,
} from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";

/**
 * Sign-up for an activity, one question per page: contact → needs → check → done. A server-side draft under a random
 * id in the URL keeps the answers (works without JavaScript or cookies). Confirming claims a place through the booking
 * engine's guarantee (ADR 0003); when places are gone the person is put on the waiting list or told it is full.
 */
export const links = centreLinks;
type Step = SignupStep;
const allSteps: readonly Step[] = [...signupSteps, "done"];

export const handle: PageHandle = {
  title: ({ t, data }) => {
    const d = data as { step?: Step; status?: string } | undefined;
    if (d?.step === "done") return t(d.status === "waiting" ? "centre.signup.done.waitingHeading" : "centre.signup.done.heading");
    return t(`centre.signup.${(d?.step ?? "contact") as Exclude<Step, "done">}.title`);
  },
  crumbs: ({ t, data, locale }) => {
    const d = data as { activity?: { id: string; title: { zh: string; en: string } } } | undefined;
    return [
      { label: t("centre.activities.title"), to: "/activities" },
      ...(d?.activity ? [{ label: locale === "en" ? d.activity.title.en : d.activity.title.zh, to: `/activities/${d.activity.id}` }] : []),
      { label: t("centre.signup.crumb") },
    ];
  },
};

const notFound = () => new Response("Not Found", { status: 404 });

async function loadFlow(params: Params) {
  const locale = routeLocale(params);
  const step = String(params.step ?? "") as Step;
  if (!allSteps.includes(step)) throw notFound();
  try {
    const activity = await getActivity(getDb(), String(params.activityId ?? ""));
    const draft = await getSignupDraft(getDb(), activity.id, String(params.draftId ?? ""));
    const path = (s: Step, query = "") => localePath(signupStepPath(activity.id, draft.id, s, query), locale);
    return { locale, step, activity, draft, path };
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { step, activity, draft, path } = await loadFlow(params);
  if (draft.signupReference && step !== "done") throw redirect(path("done"));
  if (step === "done" && !draft.signupReference) throw redirect(path(firstMissingSignupStep(draft)));
  const missing = firstMissingSignupStep(draft);
  if (step !== "done" && allSteps.indexOf(missing) < allSteps.indexOf(step)) throw redirect(path(missing));
  // A sign-up that can no longer be found (stripped by the retention purge, say) is a 404, not a 500.
  const result = draft.signupReference
    ? await findSignup(getDb(), { reference: draft.signupReference, phone: draft.phone ?? "" }).catch((error: unknown) => {
        if (error instanceof NotFound) throw notFound();
        throw error;
      })
    : null;
  return {
    step,
    draftId: draft.id,
    activity,
    answers: { name: draft.name ?? "", phone: draft.phone ?? "", needs: draft.needs ?? [] },
    needsAnswered: draft.needs !== null,
    reference: draft.signupReference,
    status: result?.status ?? null,
    position: result?.position ?? null,
    returnTo: new URL(request.url).searchParams.get("return") === "check" ? "check" : "",
  };
}

const invalid = (lastResult: unknown, status = 400) => data({ hasErrors: true, lastResult, message: null as string | null }, { status });

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { locale, step, draft, path } = await loadFlow(params);
  if (draft.signupReference) return redirect(path("done"));
  const form = await readFormData(request);
  const db = getDb();
  switch (step) {
    case "contact": {
      const submission = parseWithZod(form, { schema: contactSchema });
      if (submission.status !== "success") return invalid(submission.error?.website ? submission.reply({ formErrors: ["spam"] }) : submission.reply());
      await saveSignupDraft(db, draft.id, { name: submission.value.name, phone: submission.value.phone });
      return redirect(form.get("returnTo") === "check" ? path("check") : path("needs"));
    }
    case "needs": {
      const submission = parseWithZod(form, { schema: needsSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      await saveSignupDraft(db, draft.id, { needs: submission.value.needs });
      return redirect(path("check"));
    }
    case "check": {
      const missing = firstMissingSignupStep(draft);
      if (missing !== "check") return redirect(path(missing));
      const t = getFixedT(locale);
      const limit = await hitRateLimit(db, "booking", context.clientIp ?? "local");
      if (!limit.allowed) return data({ hasErrors: true, lastResult: null, message: t("errors.rateLimited") }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
      try {
        await submitSignupDraft(db, draft);
      } catch (error) {
        if (!(error instanceof CentreError)) throw error;
        return data({ hasErrors: true, lastResult: null, message: domainErrorMessage(t, error) }, domainErrorInit(error));
      }
      return redirect(path("done"));
    }
    default:
      throw new Response("Method Not Allowed", { status: 405 });
  }
}

const fieldsOf: Record<Step, string[]> = { contact: ["name", "phone"], needs: ["needs"], check: [], done: [] };

export default function SignupStepPage() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const en = locale === "en";
  const title = en ? d.activity.title.en : d.activity.title.zh;
  const formId = `signup-${d.step}`;
  // (Conform's reply as the loader data's JSON type, which TypeScript cannot equate with SubmissionResult.)
  const state = formState(actionData && "lastResult" in actionData ? (actionData.lastResult as never) : undefined);
  const { fieldErrors, summary } = centreErrors(t, state, formId, fieldsOf[d.step]);
  const errors = actionData?.message ? [{ text: actionData.message }, ...summary] : summary;
  const value = (name: string, saved: string) => (actionData?.lastResult ? state.value(name) : saved);
  const id = (name: string) => fieldId(formId, name);
  const stepPath = (s: Step, query = "") => signupStepPath(d.activity.id, d.draftId, s, query);
  const index = signupSteps.indexOf(d.step as (typeof signupSteps)[number]);
  const back = index > 0 ? stepPath(signupSteps[index - 1]) : `/activities/${d.activity.id}`;

  if (d.step === "done") {
    const waiting = d.status === "waiting";
    return (
      <div className="page page--narrow">
        <div className="confirmation">
          <h1>{waiting ? t("centre.signup.done.waitingHeading") : t("centre.signup.done.heading")}</h1>
          <p>
            {t("centre.signup.done.reference")}
            <br />
            <strong className="reference">{d.reference}</strong>
          </p>
        </div>
        <p>{waiting ? t("centre.signup.done.waitingText", { position: d.position ?? 1, title }) : t("centre.signup.done.text", { title })}</p>
        <p>
          {t("centre.activities.when")}: {formatDate(d.activity.startsAt, locale, { weekday: true })} {formatTime(d.activity.startsAt, locale)} · {en ? d.activity.place.en : d.activity.place.zh}
        </p>
        <h2>{t("centre.flow.nextHeading")}</h2>
        <ul>
          <li>{t("centre.signup.done.next1")}</li>
          <li>{t("centre.signup.done.next2", { phone: centrePhone })}</li>
        </ul>
        <ul>
          <li>
            <a href={href(`/activities/${d.activity.id}/calendar.ics`)} download>
              {t("centre.activities.calendar")}
            </a>
          </li>
          <li>
            <LocalLink to="/activities/signup">{t("centre.signup.done.manageLink")}</LocalLink>
          </li>
          <li>
            <WithdrawLink kind="activity-signup" reference={d.reference} />
          </li>
          <li>
            <LocalLink to="/activities">{t("centre.activities.backLink")}</LocalLink>
          </li>
        </ul>
      </div>
    );
  }

  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} />
      <p>
        <LocalLink to={back} className="back-link">
          {t("centre.flow.back")}
        </LocalLink>
      </p>
      <p className="step-count">
        {t("centre.flow.stepOf", { n: index + 1, of: signupSteps.length })} · {t("centre.signup.flowName", { title })}
      </p>

      {d.step === "contact" ? (
        <Form method="post" id={formId} noValidate>
          <h1>{t("centre.signup.contact.title")}</h1>
          <p>{t("centre.signup.contact.intro")}</p>
          <TextField id={id("name")} name="name" label={t("centre.fields.name")} errors={fieldErrors.name} defaultValue={value("name", d.answers.name)} autoComplete="name" />
          <TextField id={id("phone")} name="phone" type="tel" label={t("centre.fields.phone")} hint={t("centre.flow.phoneHint")} errors={fieldErrors.phone} defaultValue={value("phone", d.answers.phone)} autoComplete="tel" inputMode="tel" />
          <Honeypot label={t("centre.flow.website")} />
          {d.returnTo ? <input type="hidden" name="returnTo" value={d.returnTo} /> : null}
          <button type="submit" className="button">
            {t("centre.flow.continue")}
          </button>
        </Form>
      ) : null}

      {d.step === "needs" ? (
        <Form method="post" id={formId} noValidate>
          <CheckboxGroupField
            id={id("needs")}
            name="needs"
            legend={<h1 className="legend-heading">{t("centre.signup.needs.title")}</h1>}
            hint={t("centre.signup.needs.hint")}
            options={accessibilityFeatures.map((f) => ({ value: f, label: t(`centre.features.${f}`) }))}
            errors={fieldErrors.needs}
            checked={d.answers.needs}
          />
          <button type="submit" className="button">
            {t("centre.flow.continue")}
          </button>
        </Form>
      ) : null}

      {d.step === "check" ? (
        <>
          <h1>{t("centre.signup.check.title")}</h1>
          <dl className="check-list">
            {[
              { key: "activity", label: t("centre.signup.check.activity"), value: title, step: null },
              { key: "name", label: t("centre.fields.name"), value: d.answers.name, step: "contact" as Step },
              { key: "phone", label: t("centre.fields.phone"), value: d.answers.phone, step: "contact" as Step },
              { key: "needs", label: t("centre.fields.needs"), value: d.answers.needs.length ? d.answers.needs.map((n) => t(`centre.features.${n}`)).join(t("centre.listSeparator")) : t("centre.signup.check.noNeeds"), step: "needs" as Step },
            ].map((row) => (
              <div key={row.key} className="check-list__row">
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
                <dd>
                  {row.step ? (
                    <LocalLink to={stepPath(row.step, "?return=check")}>
                      {t("centre.flow.change")}
                      <span className="visually-hidden">{t("centre.flow.changeWhat", { what: row.label })}</span>
                    </LocalLink>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
          <p>{d.activity.placesLeft > 0 ? t("centre.signup.check.placesLeft", { n: d.activity.placesLeft }) : t("centre.signup.check.waiting")}</p>
          <Form method="post">
            <button type="submit" className="button">
              {t("centre.signup.check.send")}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
