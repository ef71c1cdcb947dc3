import { useActionData, useLoaderData } from "@remix-run/react";
import { ContactQuestion } from "~/components/centre/ContactQuestion";
import { centreErrors } from "~/components/centre/centre-errors";
import { centreLinks } from "~/components/centre/styles";
import { RadioGroupField, TextAreaField } from "~/components/Fields";
import { CertificateStep, CheckList, FlowDone, FlowFrame, StepForm, SubmitAnswers, useFlowForm, type CheckRow } from "~/components/flows/FlowPage";
import type { PageHandle } from "~/components/page-handle";
import { flowRoute } from "~/http/flow-route.server";
import { useT } from "~/i18n/use-t";
import { cardFormats, cardStepPath, centrePhone, collectOptions, disabilityCategories, type CardStep } from "~/modules/centre/centre-constants";
import { cardFlow } from "~/modules/centre/index.server";

/**
 * The 借阅证 application, one question per page: contact → disability → certificate → format → collect → (address)
 * → check → done. The flow is declared in app/modules/centre/library.server.ts (cardFlow); the engine loads, checks,
 * saves and moves on (app/http/flow-route.server.ts). This page only renders.
 */
export const links = centreLinks;
type Step = CardStep;

export const handle: PageHandle = {
  title: ({ t, data }) => t(`centre.card.${((data as { step?: Step } | undefined)?.step ?? "contact") as Step}.title`),
  crumbs: ({ t, data }) => [{ label: t("centre.library.title"), to: "/library" }, { label: t(`centre.card.${((data as { step?: Step } | undefined)?.step ?? "contact") as Step}.title`) }],
};

const route = flowRoute(cardFlow, {
  context: async () => ({ scope: "", value: null }),
  path: (_, draftId, step, query) => cardStepPath(draftId, step as Step, query),
  start: () => "/library",
  view: ({ draft: { answers: a } }) => ({
    answers: {
      name: a.name ?? "",
      phone: a.phone ?? "",
      disability: a.disability ?? "",
      certificateMasked: a.certificate?.masked ?? "",
      format: a.format ?? "",
      collect: a.collect ?? "",
      address: a.address ?? "",
    },
  }),
});
export const loader = route.loader;
export const action = route.action;

const fieldsOf: Record<Step, string[]> = { contact: ["name", "phone"], disability: ["disability"], certificate: ["certificate"], format: ["format"], collect: ["collect"], address: ["address"], check: [], done: [] };

export default function CardStepPage() {
  const { t } = useT();
  const d = useLoaderData<typeof loader>();
  const step = d.step as Step;
  const f = useFlowForm(d, useActionData<typeof action>(), "card", fieldsOf[step], (state, formId, fields) => centreErrors(t, state, formId, fields));
  const stepPath = (s: string, query = "") => cardStepPath(d.draftId, s as Step, query);
  const radios = (name: "disability" | "format" | "collect", options: { value: string; label: string; hint?: string }[], hint?: string) => (
    <StepForm d={d} formId={f.formId}>
      <RadioGroupField
        id={f.id(name)}
        name={name}
        legend={<h1 className="legend-heading">{t(`centre.card.${name}.title`)}</h1>}
        hint={hint}
        options={options}
        errors={f.fieldErrors[name]}
        defaultValue={f.value(name, d.answers[name])}
      />
    </StepForm>
  );

  if (step === "done") return <CardDone reference={d.reference ?? ""} />;
  return (
    <FlowFrame d={d} errors={f.errors} flowName={t("centre.card.flowName")}>
      {step === "contact" ? (
        <StepForm d={d} formId={f.formId}>
          <ContactQuestion title={t("centre.card.contact.title")} intro={t("centre.card.contact.intro")} id={f.id} errors={f.fieldErrors} value={(name) => f.value(name, d.answers[name as "name"])} />
        </StepForm>
      ) : null}

      {step === "disability" ? radios("disability", disabilityCategories.map((c) => ({ value: c, label: t(`centre.disability.${c}`) })), t("centre.card.disability.hint")) : null}

      {step === "certificate" ? (
        <CertificateStep
          d={d}
          form={f}
          text={{ title: t("centre.card.certificate.title"), why: t("centre.card.certificate.why"), given: d.answers.certificateMasked ? t("centre.card.certificate.given", { masked: d.answers.certificateMasked }) : null, label: t("centre.fields.certificate"), hint: t("centre.card.certificate.hint"), skip: t("centre.card.certificate.skip") }}
        />
      ) : null}

      {step === "format" ? radios("format", cardFormats.map((v) => ({ value: v, label: t(`centre.formats.${v}`) })), t("centre.card.format.hint")) : null}

      {step === "collect" ? radios("collect", collectOptions.map((c) => ({ value: c, label: t(`centre.collect.${c}`), hint: t(`centre.collect.${c}Hint`, { phone: centrePhone }) }))) : null}

      {step === "address" ? (
        <StepForm d={d} formId={f.formId}>
          <h1>{t("centre.card.address.title")}</h1>
          <TextAreaField id={f.id("address")} name="address" label={t("centre.fields.address")} hint={t("centre.card.address.hint")} errors={f.fieldErrors.address} defaultValue={f.value("address", d.answers.address)} rows={3} />
        </StepForm>
      ) : null}

      {step === "check" ? (
        <>
          <h1>{t("centre.card.check.title")}</h1>
          <CheckList rows={checkRows(t, d.answers)} stepPath={stepPath} />
          <h2>{t("centre.card.check.sendHeading")}</h2>
          <p>{t("centre.card.check.sendText")}</p>
          <SubmitAnswers label={t("centre.card.check.send")} />
        </>
      ) : null}
    </FlowFrame>
  );
}

function checkRows(t: ReturnType<typeof useT>["t"], a: ReturnType<typeof useLoaderData<typeof loader>>["answers"]): CheckRow[] {
  return [
    { key: "name", label: t("centre.fields.name"), value: a.name, step: "contact" },
    { key: "phone", label: t("centre.fields.phone"), value: a.phone, step: "contact" },
    { key: "disability", label: t("centre.fields.disability"), value: a.disability ? t(`centre.disability.${a.disability as "vision"}`) : "", step: "disability" },
    { key: "certificate", label: t("centre.fields.certificate"), value: a.certificateMasked || t("centre.card.check.noCertificate"), step: "certificate" },
    { key: "format", label: t("centre.fields.format"), value: a.format ? t(`centre.formats.${a.format as "braille"}`) : "", step: "format" },
    { key: "collect", label: t("centre.fields.collect"), value: a.collect ? t(`centre.collect.${a.collect as "pickup"}`) : "", step: "collect" },
    ...(a.collect === "delivery" ? [{ key: "address", label: t("centre.fields.address"), value: a.address, step: "address" }] : []),
  ];
}

function CardDone({ reference }: { reference: string }) {
  const { t } = useT();
  return (
    <FlowDone
      heading={t("centre.card.done.heading")}
      label={t("centre.card.done.reference")}
      reference={reference}
      nextHeading={t("centre.flow.nextHeading")}
      next={[t("centre.card.done.next1"), t("centre.card.done.next2", { phone: centrePhone })]}
      status={{ to: "/library/status", text: t("centre.library.statusLink") }}
      withdraw="library-card"
      back={{ to: "/library", text: t("centre.card.done.backLink") }}
    />
  );
}
