import { useActionData, useLoaderData } from "@remix-run/react";
import { ContactQuestion } from "~/components/centre/ContactQuestion";
import { homeModErrors } from "~/components/centre/centre-errors";
import { centreLinks } from "~/components/centre/styles";
import { CheckboxGroupField, RadioGroupField, SelectField, TextAreaField, TextField } from "~/components/Fields";
import { CertificateStep, CheckList, FlowDone, FlowFrame, StepForm, SubmitAnswers, useFlowForm, type CheckRow } from "~/components/flows/FlowPage";
import type { PageHandle } from "~/components/page-handle";
import { flowRoute } from "~/http/flow-route.server";
import { useT } from "~/i18n/use-t";
import { forWhomOptions, homeModStepPath, homeNeeds, lowIncomeOptions, qingyuanCounties, type HomeModStep } from "~/modules/home-modification/home-mod-constants";
import { homeModCheckAnswers, homeModFlow } from "~/modules/home-modification/index.server";
import { federationPhone } from "~/modules/site/contact-details";

/**
 * The home-modification application, one question per page: for whom → (their name) → certificate → address →
 * household → 低保/特困 → needs → contact → check → done. The flow is declared in
 * app/modules/home-modification (homeModFlow); the engine loads, checks, saves and moves on. This page only renders.
 */
export const links = centreLinks;
type Step = HomeModStep;
const stepOf = (data: unknown) => ((data as { step?: Step } | undefined)?.step ?? "for-whom") as Step;

export const handle: PageHandle = {
  title: ({ t, data }) => t(`homeMod.steps.${stepOf(data)}.title`),
  crumbs: ({ t, data }) => [{ label: t("homeMod.start.title"), to: "/home-modification" }, { label: t(`homeMod.steps.${stepOf(data)}.title`) }],
};

const route = flowRoute(homeModFlow, {
  context: async () => ({ scope: "", value: null }),
  path: (_, draftId, step, query) => homeModStepPath(draftId, step, query),
  start: () => "/home-modification",
  view: ({ draft }) => ({ answers: homeModCheckAnswers(draft) }),
});
export const loader = route.loader;
export const action = route.action;

const fieldsOf: Record<Step, string[]> = {
  "for-whom": ["forWhom"],
  name: ["name"],
  certificate: ["certificate"],
  address: ["county", "address"],
  household: ["householdSize"],
  "low-income": ["lowIncome"],
  needs: ["needs", "needsOther"],
  contact: ["name", "phone"],
  check: [],
  done: [],
};

export default function HomeModStepPage() {
  const { t, locale } = useT();
  const d = useLoaderData<typeof loader>();
  const step = d.step as Step;
  const a = d.answers;
  const f = useFlowForm(d, useActionData<typeof action>(), "home-mod", fieldsOf[step], (state, formId, fields) => homeModErrors(t, state, formId, fields));
  const radios = (name: "forWhom" | "lowIncome", options: { value: string; label: string }[], hint?: string) => (
    <StepForm d={d} formId={f.formId}>
      <RadioGroupField
        id={f.id(name)}
        name={name}
        legend={<h1 className="legend-heading">{t(`homeMod.steps.${step as "for-whom"}.title`)}</h1>}
        hint={hint}
        options={options}
        errors={f.fieldErrors[name]}
        defaultValue={f.value(name, a[name])}
      />
    </StepForm>
  );

  if (step === "done") return <HomeModDone reference={d.reference ?? ""} />;
  return (
    <FlowFrame d={d} errors={f.errors} flowName={t("homeMod.flowName")}>
      {step === "for-whom" ? radios("forWhom", forWhomOptions.map((v) => ({ value: v, label: t(`homeMod.forWhom.${v}`) }))) : null}

      {step === "name" ? (
        <StepForm d={d} formId={f.formId}>
          <h1>{t("homeMod.steps.name.title")}</h1>
          <TextField id={f.id("name")} name="name" label={t("homeMod.fields.name")} errors={f.fieldErrors.name} defaultValue={f.value("name", a.name)} autoComplete="off" />
        </StepForm>
      ) : null}

      {step === "certificate" ? (
        <CertificateStep
          d={d}
          form={f}
          text={{ title: t("homeMod.steps.certificate.title"), why: t("homeMod.steps.certificate.why"), given: a.certificateMasked ? t("homeMod.steps.certificate.given", { masked: a.certificateMasked }) : null, label: t("homeMod.fields.certificate"), hint: t("homeMod.steps.certificate.hint"), skip: t("homeMod.steps.certificate.skip") }}
        />
      ) : null}

      {step === "address" ? (
        <StepForm d={d} formId={f.formId}>
          <h1>{t("homeMod.steps.address.title")}</h1>
          <SelectField
            id={f.id("county")}
            name="county"
            label={t("homeMod.fields.county")}
            placeholder={t("homeMod.steps.address.choose")}
            options={qingyuanCounties.map((c) => ({ value: c.id, label: locale === "en" ? c.en : c.zh }))}
            errors={f.fieldErrors.county}
            defaultValue={f.value("county", a.county)}
          />
          <TextAreaField id={f.id("address")} name="address" label={t("homeMod.fields.address")} hint={t("homeMod.steps.address.hint")} errors={f.fieldErrors.address} defaultValue={f.value("address", a.address)} rows={3} />
        </StepForm>
      ) : null}

      {step === "household" ? (
        <StepForm d={d} formId={f.formId}>
          <h1>{t("homeMod.steps.household.title")}</h1>
          <TextField
            id={f.id("householdSize")}
            name="householdSize"
            label={t("homeMod.fields.householdSize")}
            hint={t("homeMod.steps.household.hint")}
            errors={f.fieldErrors.householdSize}
            defaultValue={f.value("householdSize", a.householdSize)}
            inputMode="numeric"
          />
        </StepForm>
      ) : null}

      {step === "low-income" ? radios("lowIncome", lowIncomeOptions.map((v) => ({ value: v, label: t(`homeMod.lowIncome.${v}`) })), t("homeMod.steps.low-income.hint")) : null}

      {step === "needs" ? (
        <StepForm d={d} formId={f.formId}>
          <CheckboxGroupField
            id={f.id("needs")}
            name="needs"
            legend={<h1 className="legend-heading">{t("homeMod.steps.needs.title")}</h1>}
            hint={t("homeMod.steps.needs.hint")}
            options={homeNeeds.map((v) => ({ value: v, label: t(`homeMod.needs.${v}`) }))}
            errors={f.fieldErrors.needs}
            checked={f.values("needs", d.answers.needs)}
          />
          <TextAreaField id={f.id("needsOther")} name="needsOther" label={t("homeMod.fields.needsOther")} hint={t("homeMod.steps.needs.otherHint")} errors={f.fieldErrors.needsOther} defaultValue={f.value("needsOther", a.needsOther)} rows={2} />
        </StepForm>
      ) : null}

      {step === "contact" ? (
        <StepForm d={d} formId={f.formId}>
          <ContactQuestion title={t("homeMod.steps.contact.title")} intro={t("homeMod.steps.contact.intro")} id={f.id} errors={f.fieldErrors} value={(name) => f.value(name, name === "name" ? a.contactName : a.phone)} />
        </StepForm>
      ) : null}

      {step === "check" ? (
        <>
          <h1>{t("homeMod.steps.check.title")}</h1>
          <CheckList rows={checkRows(t, locale, a)} stepPath={(s, query = "") => homeModStepPath(d.draftId, s, query)} />
          <h2>{t("homeMod.steps.check.sendHeading")}</h2>
          <p>{t("homeMod.steps.check.sendText")}</p>
          <SubmitAnswers label={t("homeMod.steps.check.send")} />
        </>
      ) : null}
    </FlowFrame>
  );
}

type Answers = ReturnType<typeof useLoaderData<typeof loader>>["answers"];

function checkRows(t: ReturnType<typeof useT>["t"], locale: string, a: Answers): CheckRow[] {
  const county = qingyuanCounties.find((c) => c.id === a.county);
  const needs = [...a.needs.filter((n) => n !== "other").map((n) => t(`homeMod.needs.${n}`)), ...(a.needs.includes("other") ? [a.needsOther] : [])];
  return [
    { key: "forWhom", label: t("homeMod.fields.forWhom"), value: a.forWhom ? t(`homeMod.forWhom.${a.forWhom as "self"}`) : "", step: "for-whom" },
    ...(a.forWhom === "family" ? [{ key: "name", label: t("homeMod.fields.name"), value: a.name, step: "name" }] : []),
    { key: "certificate", label: t("homeMod.fields.certificate"), value: a.certificateMasked || t("homeMod.steps.check.noCertificate"), step: "certificate" },
    { key: "county", label: t("homeMod.fields.county"), value: county ? (locale === "en" ? county.en : county.zh) : "", step: "address" },
    { key: "address", label: t("homeMod.fields.address"), value: a.address, step: "address" },
    { key: "householdSize", label: t("homeMod.fields.householdSize"), value: a.householdSize, step: "household" },
    { key: "lowIncome", label: t("homeMod.fields.lowIncome"), value: a.lowIncome ? t(`homeMod.lowIncome.${a.lowIncome as "dibao"}`) : "", step: "low-income" },
    { key: "needs", label: t("homeMod.fields.needs"), value: needs.join(t("homeMod.listSeparator")), step: "needs" },
    { key: "contactName", label: t("homeMod.fields.contactName"), value: a.contactName, step: "contact" },
    { key: "phone", label: t("homeMod.fields.phone"), value: a.phone, step: "contact" },
  ];
}

function HomeModDone({ reference }: { reference: string }) {
  const { t } = useT();
  return (
    <FlowDone
      heading={t("homeMod.done.heading")}
      label={t("homeMod.done.reference")}
      reference={reference}
      nextHeading={t("homeMod.done.nextHeading")}
      next={[t("homeMod.done.next1"), t("homeMod.done.next2", { phone: federationPhone })]}
      status={{ to: "/home-modification/status", text: t("homeMod.start.statusLink") }}
      withdraw="home-modification"
    />
  );
}
