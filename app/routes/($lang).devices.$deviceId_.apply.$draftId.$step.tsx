import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, type Params } from "@remix-run/react";
import { availabilitySummary, locationName } from "~/components/devices/availability";
import { deviceErrors } from "~/components/devices/device-errors";
import { devicesLinks } from "~/components/devices/styles";
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
import { getDb } from "~/modules/db/index.server";
import { applicantCategories, requestStepPath, requestSteps, type RequestStep } from "~/modules/lending/lending-constants";
import {
  certificateSchema,
  contactSchema,
  disabilitySchema,
  firstMissingStep,
  getDeviceType,
  getDraft,
  LendingError,
  NotFound,
  pickupSchema,
  protectCertificate,
  purposeSchema,
  saveDraft,
  submitDraft,
} from "~/modules/lending/index.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";
import { federationPhone } from "~/modules/site/contact-details";

/**
 * The request flow, one question per page: contact → disability → certificate → purpose → pickup → check → done.
 * State lives in a server-side draft whose random id is in the URL (/devices/<device>/apply/<draftId>/<step>), so it
 * works without JavaScript or cookies and nothing typed is lost. Each step posts to itself and redirects (PRG).
 */
export const links = devicesLinks;

type Step = RequestStep;
const allSteps: readonly Step[] = [...requestSteps, "done"];

export const handle: PageHandle = {
  title: ({ t, data }) => t(`devices.steps.${((data as { step?: Step } | undefined)?.step ?? "contact") as Step}.title`),
  crumbs: ({ t, data, locale }) => {
    const d = data as { step?: Step; device?: { id: string; name: { zh: string; en: string } } } | undefined;
    return [
      { label: t("devices.catalogue.title"), to: "/devices" },
      ...(d?.device ? [{ label: locale === "en" ? d.device.name.en : d.device.name.zh, to: `/devices/${d.device.id}` }] : []),
      { label: t(`devices.steps.${(d?.step ?? "contact") as Step}.title`) },
    ];
  },
};

const notFound = () => new Response("Not Found", { status: 404 });

async function loadFlow(params: Params) {
  const locale = routeLocale(params);
  const step = String(params.step ?? "") as Step;
  if (!allSteps.includes(step)) throw notFound();
  try {
    const device = await getDeviceType(getDb(), String(params.deviceId ?? ""));
    const draft = await getDraft(getDb(), device.id, String(params.draftId ?? ""));
    const path = (s: Step, query = "") => localePath(requestStepPath(device.id, draft.id, s, query), locale);
    return { locale, step, device, draft, path };
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

const nextOf = (step: Step): Step => allSteps[allSteps.indexOf(step) + 1] ?? "check";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { step, device, draft, path } = await loadFlow(params);
  if (draft.requestReference && step !== "done") throw redirect(path("done"));
  if (step === "done" && !draft.requestReference) throw redirect(path(firstMissingStep(draft)));
  const missing = firstMissingStep(draft);
  if (step !== "done" && allSteps.indexOf(missing) < allSteps.indexOf(step)) throw redirect(path(missing));
  return {
    step,
    draftId: draft.id,
    device: { id: device.id, name: device.name, mode: device.mode, locations: device.locations },
    answers: {
      name: draft.name ?? "",
      phone: draft.phone ?? "",
      disability: draft.disability ?? "",
      certificateAnswered: draft.certificateAnswered,
      certificateMasked: draft.certificate?.masked ?? "",
      purpose: draft.purpose ?? "",
      pickup: draft.pickupLocationId ?? "",
    },
    reference: draft.requestReference,
    returnTo: new URL(request.url).searchParams.get("return") === "check" ? "check" : "",
  };
}

const invalid = (lastResult: unknown, status = 400) => data({ hasErrors: true, lastResult, message: null as string | null }, { status });

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { locale, step, device, draft, path } = await loadFlow(params);
  if (draft.requestReference) return redirect(path("done"));
  const form = await readFormData(request);
  const db = getDb();
  const next = () => redirect(form.get("returnTo") === "check" ? path("check") : path(nextOf(step)));

  switch (step) {
    case "contact": {
      const submission = parseWithZod(form, { schema: contactSchema });
      if (submission.status !== "success") {
        return invalid(submission.error?.website ? submission.reply({ formErrors: ["spam"] }) : submission.reply());
      }
      await saveDraft(db, draft.id, { name: submission.value.name, phone: submission.value.phone });
      return next();
    }
    case "disability": {
      const submission = parseWithZod(form, { schema: disabilitySchema });
      if (submission.status !== "success") return invalid(submission.reply());
      await saveDraft(db, draft.id, { disability: submission.value.disability });
      return next();
    }
    case "certificate": {
      if (form.get("intent") === "none") {
        await saveDraft(db, draft.id, { certificate: null });
        return next();
      }
      const submission = parseWithZod(form, { schema: certificateSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const typed = submission.value.certificate;
      // Left empty with a number given before (changing answers): keep that one. Only its hash and mask are kept.
      await saveDraft(db, draft.id, { certificate: typed ? await protectCertificate(db, typed) : draft.certificate });
      return next();
    }
    case "purpose": {
      const submission = parseWithZod(form, { schema: purposeSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      await saveDraft(db, draft.id, { purpose: submission.value.purpose });
      return next();
    }
    case "pickup": {
      const submission = parseWithZod(form, { schema: pickupSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      if (!device.locations.some((l) => l.locationId === submission.value.pickup)) return invalid(submission.reply({ fieldErrors: { pickup: ["chooseOne"] } }));
      await saveDraft(db, draft.id, { pickupLocationId: submission.value.pickup });
      return redirect(path("check"));
    }
    case "check": {
      const missing = firstMissingStep(draft);
      if (missing !== "check") return redirect(path(missing));
      const t = getFixedT(locale);
      const limit = await hitRateLimit(db, "request", context.clientIp ?? "local");
      if (!limit.allowed) {
        return data({ hasErrors: true, lastResult: null, message: t("errors.rateLimited") }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
      }
      try {
        await submitDraft(db, draft);
      } catch (error) {
        if (!(error instanceof LendingError)) throw error;
        return data({ hasErrors: true, lastResult: null, message: domainErrorMessage(t, error) }, domainErrorInit(error));
      }
      return redirect(path("done"));
    }
    default:
      throw new Response("Method Not Allowed", { status: 405 });
  }
}

const fieldsOf: Record<Step, string[]> = {
  contact: ["name", "phone"],
  disability: ["disability"],
  certificate: ["certificate"],
  purpose: ["purpose"],
  pickup: ["pickup"],
  check: [],
  done: [],
};

export default function RequestStepPage() {
  const { t, locale } = useT();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const en = locale === "en";
  const deviceName = en ? d.device.name.en : d.device.name.zh;
  const formId = `request-${d.step}`;
  // (Conform's reply as the loader data's JSON type, which TypeScript cannot equate with SubmissionResult.)
  const state = formState(actionData && "lastResult" in actionData ? (actionData.lastResult as never) : undefined);
  const { fieldErrors, summary } = deviceErrors(t, state, formId, fieldsOf[d.step]);
  const errors = actionData?.message ? [{ text: actionData.message }, ...summary] : summary;
  const value = (name: string, saved: string) => (actionData?.lastResult ? state.value(name) : saved);
  const id = (name: string) => fieldId(formId, name);
  const stepPath = (s: Step, query = "") => requestStepPath(d.device.id, d.draftId, s, query);
  const index = requestSteps.indexOf(d.step as (typeof requestSteps)[number]);
  const back = index > 0 ? stepPath(requestSteps[index - 1]) : `/devices/${d.device.id}`;
  const returnField = d.returnTo ? <input type="hidden" name="returnTo" value={d.returnTo} /> : null;
  const continueButton = (
    <button type="submit" className="button">
      {t("devices.flow.continue")}
    </button>
  );

  if (d.step === "done") {
    return (
      <div className="page page--narrow">
        <div className="confirmation">
          <h1>{t("devices.steps.done.heading")}</h1>
          <p>
            {t("devices.steps.done.reference")}
            <br />
            <strong className="reference">{d.reference}</strong>
          </p>
        </div>
        <p>{t("devices.steps.done.forDevice", { device: deviceName })}</p>
        <h2>{t("devices.steps.done.nextHeading")}</h2>
        <ul>
          <li>{t("devices.steps.done.next1")}</li>
          <li>{t("devices.steps.done.next2")}</li>
          <li>{t("devices.steps.done.next3", { phone: federationPhone })}</li>
        </ul>
        <p>
          <LocalLink to="/devices/request">{t("devices.steps.done.statusLink")}</LocalLink>
        </p>
        <p>
          <WithdrawLink kind="device-request" reference={d.reference} />
        </p>
        <p>
          <LocalLink to="/devices">{t("devices.device.backToCatalogue")}</LocalLink>
        </p>
      </div>
    );
  }

  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} />
      <p>
        <LocalLink to={back} className="back-link">
          {t("devices.flow.back")}
        </LocalLink>
      </p>
      <p className="step-count">
        {t("devices.flow.stepOf", { n: index + 1, of: requestSteps.length })}
        {" · "}
        {d.device.mode === "loan" ? t("devices.flow.forLoan", { device: deviceName }) : t("devices.flow.forFitting", { device: deviceName })}
      </p>

      {d.step === "contact" ? (
        <Form method="post" id={formId} noValidate>
          <h1>{t("devices.steps.contact.question")}</h1>
          <p>{t("devices.steps.contact.intro")}</p>
          <TextField id={id("name")} name="name" label={t("devices.steps.contact.nameLabel")} errors={fieldErrors.name} defaultValue={value("name", d.answers.name)} autoComplete="name" />
          <TextField
            id={id("phone")}
            name="phone"
            type="tel"
            label={t("devices.steps.contact.phoneLabel")}
            hint={t("devices.steps.contact.phoneHint")}
            errors={fieldErrors.phone}
            defaultValue={value("phone", d.answers.phone)}
            autoComplete="tel"
            inputMode="tel"
          />
          <Honeypot label={t("devices.flow.website")} />
          {returnField}
          {continueButton}
        </Form>
      ) : null}

      {d.step === "disability" ? (
        <Form method="post" id={formId} noValidate>
          <RadioGroupField
            id={id("disability")}
            name="disability"
            legend={<h1 className="legend-heading">{t("devices.steps.disability.question")}</h1>}
            hint={t("devices.steps.disability.hint")}
            options={applicantCategories.map((c) => ({ value: c, label: t(`devices.applicantCategories.${c}`) }))}
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
            title={t("devices.steps.certificate.question")}
            why={t("devices.steps.certificate.why")}
            given={d.answers.certificateMasked ? t("devices.steps.certificate.given", { masked: d.answers.certificateMasked }) : null}
            label={t("devices.steps.certificate.label")}
            hint={t("devices.steps.certificate.hint")}
            errors={fieldErrors.certificate}
            defaultValue={actionData?.lastResult ? state.value("certificate") : ""}
            skipLabel={t("devices.steps.certificate.skip")}
            returnField={returnField}
            continueButton={continueButton}
          />
        </Form>
      ) : null}

      {d.step === "purpose" ? (
        <Form method="post" id={formId} noValidate>
          <h1>{d.device.mode === "loan" ? t("devices.steps.purpose.questionLoan") : t("devices.steps.purpose.questionFitting")}</h1>
          <TextAreaField
            id={id("purpose")}
            name="purpose"
            label={t("devices.steps.purpose.label")}
            hint={t("devices.steps.purpose.hint")}
            errors={fieldErrors.purpose}
            defaultValue={value("purpose", d.answers.purpose)}
            rows={5}
          />
          {returnField}
          {continueButton}
        </Form>
      ) : null}

      {d.step === "pickup" ? (
        <Form method="post" id={formId} noValidate>
          <RadioGroupField
            id={id("pickup")}
            name="pickup"
            legend={<h1 className="legend-heading">{t("devices.steps.pickup.question")}</h1>}
            hint={t("devices.steps.pickup.hint")}
            options={d.device.locations.map((l) => ({
              value: l.locationId,
              label: locationName(t, locale, l),
              hint: availabilitySummary(t, { available: l.available, total: l.total, mode: d.device.mode }),
            }))}
            errors={fieldErrors.pickup}
            defaultValue={value("pickup", d.answers.pickup)}
          />
          {continueButton}
        </Form>
      ) : null}

      {d.step === "check" ? <CheckAnswers d={d} stepPath={stepPath} /> : null}
    </div>
  );
}

function CheckAnswers({ d, stepPath }: { d: ReturnType<typeof useLoaderData<typeof loader>>; stepPath: (s: Step, query?: string) => string }) {
  const { t, locale } = useT();
  const en = locale === "en";
  const pickup = d.device.locations.find((l) => l.locationId === d.answers.pickup);
  const rows: { key: string; label: string; value: string; step?: Step }[] = [
    { key: "device", label: t("devices.check.device"), value: t("devices.deviceWithMode", { device: en ? d.device.name.en : d.device.name.zh, mode: t(`devices.modes.${d.device.mode}`) }) },
    { key: "name", label: t("devices.check.name"), value: d.answers.name, step: "contact" },
    { key: "phone", label: t("devices.check.phone"), value: d.answers.phone, step: "contact" },
    { key: "disability", label: t("devices.check.disability"), value: d.answers.disability ? t(`devices.applicantCategories.${d.answers.disability as "vision"}`) : "", step: "disability" },
    { key: "certificate", label: t("devices.check.certificate"), value: d.answers.certificateMasked || t("devices.check.noCertificate"), step: "certificate" },
    { key: "purpose", label: t("devices.check.purpose"), value: d.answers.purpose, step: "purpose" },
    { key: "pickup", label: t("devices.check.pickup"), value: pickup ? locationName(t, locale, pickup) : "", step: "pickup" },
  ];
  return (
    <>
      <h1>{t("devices.check.title")}</h1>
      <dl className="check-list">
        {rows.map((row) => (
          <div key={row.key} className="check-list__row">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
            <dd>
              {row.step ? (
                <LocalLink to={stepPath(row.step, "?return=check")}>
                  {t("devices.check.change")}
                  <span className="visually-hidden">{t("devices.check.changeWhat", { what: row.label })}</span>
                </LocalLink>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <h2>{t("devices.check.sendHeading")}</h2>
      <p>{t("devices.check.sendText")}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t("devices.check.send")}
        </button>
      </Form>
    </>
  );
}
