import { useActionData, useLoaderData } from "@remix-run/react";
import { availabilitySummary, locationName } from "~/components/devices/availability";
import { deviceErrors } from "~/components/devices/device-errors";
import { devicesLinks } from "~/components/devices/styles";
import { RadioGroupField, TextAreaField, TextField } from "~/components/Fields";
import { CertificateStep, CheckList, FlowDone, FlowFrame, StepForm, SubmitAnswers, useFlowForm, type CheckRow } from "~/components/flows/FlowPage";
import { Honeypot } from "~/components/Honeypot";
import type { PageHandle } from "~/components/page-handle";
import { flowRoute } from "~/http/flow-route.server";
import { useT } from "~/i18n/use-t";
import { applicantCategories, requestStepPath, type RequestStep } from "~/modules/lending/lending-constants";
import { getDeviceType, requestFlow } from "~/modules/lending/index.server";
import { federationPhone } from "~/modules/site/contact-details";

/**
 * The request flow, one question per page: contact → disability → certificate → purpose → pickup → check → done.
 * The flow is declared in app/modules/lending/drafts.server.ts (requestFlow), its drafts scoped to the device; the
 * engine loads, checks, saves and moves on (app/http/flow-route.server.ts). This page only renders.
 */
export const links = devicesLinks;
type Step = RequestStep;

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

const route = flowRoute(requestFlow, {
  context: async (db, params) => {
    const device = await getDeviceType(db, String(params.deviceId ?? ""));
    return { scope: device.id, value: { id: device.id, name: device.name, mode: device.mode, locations: device.locations } };
  },
  path: (device, draftId, step, query) => requestStepPath(device.id, draftId, step as Step, query),
  start: (device) => `/devices/${device.id}`,
  view: ({ draft: { answers: a }, context: device }) => ({
    device,
    answers: {
      name: a.name ?? "",
      phone: a.phone ?? "",
      disability: a.disability ?? "",
      certificateMasked: a.certificate?.masked ?? "",
      purpose: a.purpose ?? "",
      pickup: a.pickupLocationId ?? "",
    },
  }),
});
export const loader = route.loader;
export const action = route.action;

const fieldsOf: Record<Step, string[]> = { contact: ["name", "phone"], disability: ["disability"], certificate: ["certificate"], purpose: ["purpose"], pickup: ["pickup"], check: [], done: [] };
const words = "devices.flow";

export default function RequestStepPage() {
  const { t, locale } = useT();
  const d = useLoaderData<typeof loader>();
  const step = d.step as Step;
  const f = useFlowForm(d, useActionData<typeof action>(), "request", fieldsOf[step], (state, formId, fields) => deviceErrors(t, state, formId, fields));
  const deviceName = locale === "en" ? d.device.name.en : d.device.name.zh;
  const stepPath = (s: string, query = "") => requestStepPath(d.device.id, d.draftId, s as Step, query);

  if (step === "done") return <RequestDone reference={d.reference ?? ""} deviceName={deviceName} />;
  return (
    <FlowFrame d={d} errors={f.errors} words={words} flowName={d.device.mode === "loan" ? t("devices.flow.forLoan", { device: deviceName }) : t("devices.flow.forFitting", { device: deviceName })}>
      {step === "contact" ? (
        <StepForm d={d} formId={f.formId} words={words}>
          <h1>{t("devices.steps.contact.question")}</h1>
          <p>{t("devices.steps.contact.intro")}</p>
          <TextField id={f.id("name")} name="name" label={t("devices.steps.contact.nameLabel")} errors={f.fieldErrors.name} defaultValue={f.value("name", d.answers.name)} autoComplete="name" />
          <TextField
            id={f.id("phone")}
            name="phone"
            type="tel"
            label={t("devices.steps.contact.phoneLabel")}
            hint={t("devices.steps.contact.phoneHint")}
            errors={f.fieldErrors.phone}
            defaultValue={f.value("phone", d.answers.phone)}
            autoComplete="tel"
            inputMode="tel"
          />
          <Honeypot label={t("devices.flow.website")} />
        </StepForm>
      ) : null}

      {step === "disability" ? (
        <StepForm d={d} formId={f.formId} words={words}>
          <RadioGroupField
            id={f.id("disability")}
            name="disability"
            legend={<h1 className="legend-heading">{t("devices.steps.disability.question")}</h1>}
            hint={t("devices.steps.disability.hint")}
            options={applicantCategories.map((c) => ({ value: c, label: t(`devices.applicantCategories.${c}`) }))}
            errors={f.fieldErrors.disability}
            defaultValue={f.value("disability", d.answers.disability)}
          />
        </StepForm>
      ) : null}

      {step === "certificate" ? (
        <CertificateStep
          d={d}
          form={f}
          text={{ title: t("devices.steps.certificate.question"), why: t("devices.steps.certificate.why"), given: d.answers.certificateMasked ? t("devices.steps.certificate.given", { masked: d.answers.certificateMasked }) : null, label: t("devices.steps.certificate.label"), hint: t("devices.steps.certificate.hint"), skip: t("devices.steps.certificate.skip") }} words={words}
        />
      ) : null}

      {step === "purpose" ? (
        <StepForm d={d} formId={f.formId} words={words}>
          <h1>{d.device.mode === "loan" ? t("devices.steps.purpose.questionLoan") : t("devices.steps.purpose.questionFitting")}</h1>
          <TextAreaField
            id={f.id("purpose")}
            name="purpose"
            label={t("devices.steps.purpose.label")}
            hint={t("devices.steps.purpose.hint")}
            errors={f.fieldErrors.purpose}
            defaultValue={f.value("purpose", d.answers.purpose)}
            rows={5}
          />
        </StepForm>
      ) : null}

      {step === "pickup" ? (
        <StepForm d={d} formId={f.formId} words={words}>
          <RadioGroupField
            id={f.id("pickup")}
            name="pickup"
            legend={<h1 className="legend-heading">{t("devices.steps.pickup.question")}</h1>}
            hint={t("devices.steps.pickup.hint")}
            options={d.device.locations.map((l) => ({
              value: l.locationId,
              label: locationName(t, locale, l),
              hint: availabilitySummary(t, { available: l.available, total: l.total, mode: d.device.mode }),
            }))}
            errors={f.fieldErrors.pickup}
            defaultValue={f.value("pickup", d.answers.pickup)}
          />
        </StepForm>
      ) : null}

      {step === "check" ? (
        <>
          <h1>{t("devices.check.title")}</h1>
          <CheckList rows={checkRows(t, locale, d)} stepPath={stepPath} words="devices.check" />
          <h2>{t("devices.check.sendHeading")}</h2>
          <p>{t("devices.check.sendText")}</p>
          <SubmitAnswers label={t("devices.check.send")} />
        </>
      ) : null}
    </FlowFrame>
  );
}

function checkRows(t: ReturnType<typeof useT>["t"], locale: ReturnType<typeof useT>["locale"], d: ReturnType<typeof useLoaderData<typeof loader>>): CheckRow[] {
  const a = d.answers;
  const pickup = d.device.locations.find((l) => l.locationId === a.pickup);
  return [
    { key: "device", label: t("devices.check.device"), value: t("devices.deviceWithMode", { device: locale === "en" ? d.device.name.en : d.device.name.zh, mode: t(`devices.modes.${d.device.mode}`) }), step: null },
    { key: "name", label: t("devices.check.name"), value: a.name, step: "contact" },
    { key: "phone", label: t("devices.check.phone"), value: a.phone, step: "contact" },
    { key: "disability", label: t("devices.check.disability"), value: a.disability ? t(`devices.applicantCategories.${a.disability as "vision"}`) : "", step: "disability" },
    { key: "certificate", label: t("devices.check.certificate"), value: a.certificateMasked || t("devices.check.noCertificate"), step: "certificate" },
    { key: "purpose", label: t("devices.check.purpose"), value: a.purpose, step: "purpose" },
    { key: "pickup", label: t("devices.check.pickup"), value: pickup ? locationName(t, locale, pickup) : "", step: "pickup" },
  ];
}

function RequestDone({ reference, deviceName }: { reference: string; deviceName: string }) {
  const { t } = useT();
  return (
    <FlowDone
      heading={t("devices.steps.done.heading")}
      label={t("devices.steps.done.reference")}
      reference={reference}
      nextHeading={t("devices.steps.done.nextHeading")}
      next={[t("devices.steps.done.next1"), t("devices.steps.done.next2"), t("devices.steps.done.next3", { phone: federationPhone })]}
      status={{ to: "/devices/request", text: t("devices.steps.done.statusLink") }}
      withdraw="device-request"
      back={{ to: "/devices", text: t("devices.device.backToCatalogue") }}
    >
      <p>{t("devices.steps.done.forDevice", { device: deviceName })}</p>
    </FlowDone>
  );
}
