import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, type Params } from "@remix-run/react";
import { centreErrors } from "~/components/centre/centre-errors";
import { centreLinks } from "~/components/centre/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { RadioGroupField, TextAreaField, TextField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { Honeypot } from "~/components/Honeypot";
import { LocalLink } from "~/components/LocalLink";
import { WithdrawLink } from "~/components/withdrawal/Withdraw";
import type { PageHandle } from "~/components/page-handle";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { CertificateNumberQuestion } from "~/components/CertificateNumberQuestion";
import { cardFormats, cardStepPath, cardSteps, centrePhone, collectOptions, disabilityCategories, type CardStep } from "~/modules/centre/centre-constants";
import {
  addressSchema,
  CentreError,
  certificateSchema,
  collectSchema,
  contactSchema,
  disabilitySchema,
  firstMissingCardStep,
  formatSchema,
  getCardDraft,
  NotFound,
  protectCertificate,
  saveCardDraft,
  submitCardDraft,
} from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";

/**
 * The 借阅证 application, one question per page: contact → disability → certificate → format → collect → (address)
 * → check → done. State lives in a server-side draft whose random id is in the URL, so it works without JavaScript or
 * cookies; each step posts to itself and redirects (PRG).
 */
export const links = centreLinks;
type Step = CardStep;
const allSteps: readonly Step[] = [...cardSteps, "done"];

export const handle: PageHandle = {
  title: ({ t, data }) => t(`centre.card.${((data as { step?: Step } | undefined)?.step ?? "contact") as Step}.title`),
  crumbs: ({ t, data }) => [{ label: t("centre.library.title"), to: "/library" }, { label: t(`centre.card.${((data as { step?: Step } | undefined)?.step ?? "contact") as Step}.title`) }],
};

const notFound = () => new Response("Not Found", { status: 404 });

async function loadFlow(params: Params) {
  const locale = routeLocale(params);
  const step = String(params.step ?? "") as Step;
  if (!allSteps.includes(step)) throw notFound();
  try {
    const draft = await getCardDraft(getDb(), String(params.draftId ?? ""));
    const path = (s: Step, query = "") => localePath(cardStepPath(draft.id, s, query), locale);
    return { locale, step, draft, path };
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

/** The step after this one, skipping the address when the card is collected. */
function nextOf(step: Step, collect: string | null): Step {
  const next = allSteps[allSteps.indexOf(step) + 1] ?? "check";
  return next === "address" && collect !== "delivery" ? "check" : next;
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { step, draft, path } = await loadFlow(params);
  if (draft.cardReference && step !== "done") throw redirect(path("done"));
  if (step === "done" && !draft.cardReference) throw redirect(path(firstMissingCardStep(draft)));
  const missing = firstMissingCardStep(draft);
  if (step !== "done" && allSteps.indexOf(missing) < allSteps.indexOf(step)) throw redirect(path(missing));
  if (step === "address" && draft.collect !== "delivery") throw redirect(path("check"));
  return {
    step,
    draftId: draft.id,
    answers: {
      name: draft.name ?? "",
      phone: draft.phone ?? "",
      disability: draft.disability ?? "",
      certificateMasked: draft.certificate?.masked ?? "",
      format: draft.format ?? "",
      collect: draft.collect ?? "",
      address: draft.address ?? "",
    },
    reference: draft.cardReference,
    returnTo: new URL(request.url).searchParams.get("return") === "check" ? "check" : "",
  };
}

const invalid = (lastResult: unknown, status = 400) => data({ hasErrors: true, lastResult, message: null as string | null }, { status });

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { locale, step, draft, path } = await loadFlow(params);
  if (draft.cardReference) return redirect(path("done"));
  const form = await readFormData(request);
  const db = getDb();
  const next = (collect: string | null = draft.collect) => {
    const target = nextOf(step, collect);
    return redirect(form.get("returnTo") === "check" && target !== "address" ? path("check") : path(target));
  };

  switch (step) {
    case "contact": {
      const submission = parseWithZod(form, { schema: contactSchema });
      if (submission.status !== "success") return invalid(submission.error?.website ? submission.reply({ formErrors: ["spam"] }) : submission.reply());
      await saveCardDraft(db, draft.id, { name: submission.value.name, phone: submission.value.phone });
      return next();
    }
    case "disability": {
      const submission = parseWithZod(form, { schema: disabilitySchema });
      if (submission.status !== "success") return invalid(submission.reply());
      await saveCardDraft(db, draft.id, { disability: submission.value.disability });
      return next();
    }
    case "certificate": {
      if (form.get("intent") === "none") {
        await saveCardDraft(db, draft.id, { certificate: null });
        return next();
      }
      const submission = parseWithZod(form, { schema: certificateSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const typed = submission.value.certificate;
      await saveCardDraft(db, draft.id, { certificate: typed ? await protectCertificate(db, typed) : draft.certificate });
      return next();
    }
    case "format": {
      const submission = parseWithZod(form, { schema: formatSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      await saveCardDraft(db, draft.id, { format: submission.value.format });
      return next();
    }
    case "collect": {
      const submission = parseWithZod(form, { schema: collectSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      await saveCardDraft(db, draft.id, { collect: submission.value.collect });
      return next(submission.value.collect);
    }
    case "address": {
      const submission = parseWithZod(form, { schema: addressSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      await saveCardDraft(db, draft.id, { address: submission.value.address });
      return redirect(path("check"));
    }
    case "check": {
      const missing = firstMissingCardStep(draft);
      if (missing !== "check") return redirect(path(missing));
      const t = getFixedT(locale);
      const limit = await hitRateLimit(db, "request", context.clientIp ?? "local");
      if (!limit.allowed) return data({ hasErrors: true, lastResult: null, message: t("errors.rateLimited") }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
      try {
        await submitCardDraft(db, draft);
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

const fieldsOf: Record<Step, string[]> = { contact: ["name", "phone"], disability: ["disability"], certificate: ["certificate"], format: ["format"], collect: ["collect"], address: ["address"], check: [], done: [] };
const visibleSteps = cardSteps.filter((s) => s !== "address");

export default function CardStepPage() {
  const { t } = useT();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formId = `card-${d.step}`;
  // (Conform's reply as the loader data's JSON type, which TypeScript cannot equate with SubmissionResult.)
  const state = formState(actionData && "lastResult" in actionData ? (actionData.lastResult as never) : undefined);
  const { fieldErrors, summary } = centreErrors(t, state, formId, fieldsOf[d.step]);
  const errors = actionData?.message ? [{ text: actionData.message }, ...summary] : summary;
  const value = (name: string, saved: string) => (actionData?.lastResult ? state.value(name) : saved);
  const id = (name: string) => fieldId(formId, name);
  const stepPath = (s: Step, query = "") => cardStepPath(d.draftId, s, query);
  const index = cardSteps.indexOf(d.step as (typeof cardSteps)[number]);
  const back = d.step === "check" && d.answers.collect !== "delivery" ? stepPath("collect") : index > 0 ? stepPath(cardSteps[index - 1]) : "/library";
  const returnField = d.returnTo ? <input type="hidden" name="returnTo" value={d.returnTo} /> : null;
  const continueButton = (
    <button type="submit" className="button">
      {t("centre.flow.continue")}
    </button>
  );

  if (d.step === "done") {
    return (
      <div className="page page--narrow">
        <div className="confirmation">
          <h1>{t("centre.card.done.heading")}</h1>
          <p>
            {t("centre.card.done.reference")}
            <br />
            <strong className="reference">{d.reference}</strong>
          </p>
        </div>
        <h2>{t("centre.flow.nextHeading")}</h2>
        <ul>
          <li>{t("centre.card.done.next1")}</li>
          <li>{t("centre.card.done.next2", { phone: centrePhone })}</li>
        </ul>
        <p>
          <LocalLink to="/library/status">{t("centre.library.statusLink")}</LocalLink>
        </p>
        <p>
          <WithdrawLink kind="library-card" reference={d.reference} />
        </p>
        <p>
          <LocalLink to="/library">{t("centre.card.done.backLink")}</LocalLink>
        </p>
      </div>
    );
  }

  const stepNumber = d.step === "address" ? visibleSteps.indexOf("collect") + 1 : visibleSteps.indexOf(d.step as (typeof visibleSteps)[number]) + 1;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} />
      <p>
        <LocalLink to={back} className="back-link">
          {t("centre.flow.back")}
        </LocalLink>
      </p>
      <p className="step-count">
        {t("centre.flow.stepOf", { n: stepNumber, of: visibleSteps.length })} · {t("centre.card.flowName")}
      </p>

      {d.step === "contact" ? (
        <Form method="post" id={formId} noValidate>
          <h1>{t("centre.card.contact.title")}</h1>
          <p>{t("centre.card.contact.intro")}</p>
          <TextField id={id("name")} name="name" label={t("centre.fields.name")} errors={fieldErrors.name} defaultValue={value("name", d.answers.name)} autoComplete="name" />
          <TextField id={id("phone")} name="phone" type="tel" label={t("centre.fields.phone")} hint={t("centre.flow.phoneHint")} errors={fieldErrors.phone} defaultValue={value("phone", d.answers.phone)} autoComplete="tel" inputMode="tel" />
          <Honeypot label={t("centre.flow.website")} />
          {returnField}
          {continueButton}
        </Form>
      ) : null}

      {d.step === "disability" ? (
        <Form method="post" id={formId} noValidate>
          <RadioGroupField
            id={id("disability")}
            name="disability"
            legend={<h1 className="legend-heading">{t("centre.card.disability.title")}</h1>}
            hint={t("centre.card.disability.hint")}
            options={disabilityCategories.map((c) => ({ value: c, label: t(`centre.disability.${c}`) }))}
            errors={fieldErrors.disability}
            defaultValue={value("disability", d.answers.disability)}
          />
          {returnField}
          {continueButton}
        </Form>
      ) : null}

      {d.step === "certificate" ? (
        <Form method="post" id={formId} noValidate>
          <CertificateNumberQuestion
            id={id("certificate")}
            title={t("centre.card.certificate.title")}
            why={t("centre.card.certificate.why")}
            given={d.answers.certificateMasked ? t("centre.card.certificate.given", { masked: d.answers.certificateMasked }) : null}
            label={t("centre.fields.certificate")}
            hint={t("centre.card.certificate.hint")}
            errors={fieldErrors.certificate}
            defaultValue={actionData?.lastResult ? state.value("certificate") : ""}
            skipLabel={t("centre.card.certificate.skip")}
            returnField={returnField}
            continueButton={continueButton}
          />
        </Form>
      ) : null}

      {d.step === "format" ? (
        <Form method="post" id={formId} noValidate>
          <RadioGroupField
            id={id("format")}
            name="format"
            legend={<h1 className="legend-heading">{t("centre.card.format.title")}</h1>}
            hint={t("centre.card.format.hint")}
            options={cardFormats.map((f) => ({ value: f, label: t(`centre.formats.${f}`) }))}
            errors={fieldErrors.format}
            defaultValue={value("format", d.answers.format)}
          />
          {returnField}
          {continueButton}
        </Form>
      ) : null}

      {d.step === "collect" ? (
        <Form method="post" id={formId} noValidate>
          <RadioGroupField
            id={id("collect")}
            name="collect"
            legend={<h1 className="legend-heading">{t("centre.card.collect.title")}</h1>}
            options={collectOptions.map((c) => ({ value: c, label: t(`centre.collect.${c}`), hint: t(`centre.collect.${c}Hint`, { phone: centrePhone }) }))}
            errors={fieldErrors.collect}
            defaultValue={value("collect", d.answers.collect)}
          />
          {returnField}
          {continueButton}
        </Form>
      ) : null}

      {d.step === "address" ? (
        <Form method="post" id={formId} noValidate>
          <h1>{t("centre.card.address.title")}</h1>
          <TextAreaField id={id("address")} name="address" label={t("centre.fields.address")} hint={t("centre.card.address.hint")} errors={fieldErrors.address} defaultValue={value("address", d.answers.address)} rows={3} />
          {continueButton}
        </Form>
      ) : null}

      {d.step === "check" ? <CheckAnswers d={d} stepPath={stepPath} /> : null}
    </div>
  );
}

function CheckAnswers({ d, stepPath }: { d: ReturnType<typeof useLoaderData<typeof loader>>; stepPath: (s: Step, query?: string) => string }) {
  const { t } = useT();
  const a = d.answers;
  const rows: { key: string; label: string; value: string; step: Step }[] = [
    { key: "name", label: t("centre.fields.name"), value: a.name, step: "contact" },
    { key: "phone", label: t("centre.fields.phone"), value: a.phone, step: "contact" },
    { key: "disability", label: t("centre.fields.disability"), value: a.disability ? t(`centre.disability.${a.disability as "vision"}`) : "", step: "disability" },
    { key: "certificate", label: t("centre.fields.certificate"), value: a.certificateMasked || t("centre.card.check.noCertificate"), step: "certificate" },
    { key: "format", label: t("centre.fields.format"), value: a.format ? t(`centre.formats.${a.format as "braille"}`) : "", step: "format" },
    { key: "collect", label: t("centre.fields.collect"), value: a.collect ? t(`centre.collect.${a.collect as "pickup"}`) : "", step: "collect" },
    ...(a.collect === "delivery" ? [{ key: "address", label: t("centre.fields.address"), value: a.address, step: "address" as Step }] : []),
  ];
  return (
    <>
      <h1>{t("centre.card.check.title")}</h1>
      <CheckList rows={rows} stepPath={stepPath} />
      <h2>{t("centre.card.check.sendHeading")}</h2>
      <p>{t("centre.card.check.sendText")}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t("centre.card.check.send")}
        </button>
      </Form>
    </>
  );
}

function CheckList({ rows, stepPath }: { rows: { key: string; label: string; value: string; step: Step }[]; stepPath: (s: Step, query?: string) => string }) {
  const { t } = useT();
  return (
    <dl className="check-list">
      {rows.map((row) => (
        <div key={row.key} className="check-list__row">
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
          <dd>
            <LocalLink to={stepPath(row.step, "?return=check")}>
              {t("centre.flow.change")}
              <span className="visually-hidden">{t("centre.flow.changeWhat", { what: row.label })}</span>
            </LocalLink>
          </dd>
        </div>
      ))}
    </dl>
  );
}
