import { useActionData, useLoaderData } from "@remix-run/react";
import { ContactQuestion } from "~/components/centre/ContactQuestion";
import { centreErrors } from "~/components/centre/centre-errors";
import { centreLinks } from "~/components/centre/styles";
import { CheckboxGroupField } from "~/components/Fields";
import { CheckList, FlowConfirmation, FlowFrame, StepForm, SubmitAnswers, useFlowForm } from "~/components/flows/FlowPage";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { WithdrawLink } from "~/components/withdrawal/Withdraw";
import { flowRoute } from "~/http/flow-route.server";
import { formatDate, formatTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { accessibilityFeatures, centrePhone, signupStepPath, type SignupStep } from "~/modules/centre/centre-constants";
import { findSignup, getActivity, signupFlow } from "~/modules/centre/index.server";

/**
 * Sign-up for an activity, one question per page: contact → needs → check → done. The flow is declared in
 * app/modules/centre/activities.server.ts (signupFlow), its drafts scoped to the activity; the engine loads, checks,
 * saves and moves on (app/http/flow-route.server.ts). Confirming claims a place through the booking engine's
 * guarantee (ADR 0003); when places are gone the person is put on the waiting list or told it is full.
 */
export const links = centreLinks;
type Step = SignupStep;

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

const route = flowRoute(signupFlow, {
  context: async (db, params) => {
    const activity = await getActivity(db, String(params.activityId ?? ""));
    return { scope: activity.id, value: activity };
  },
  path: (activity, draftId, step, query) => signupStepPath(activity.id, draftId, step as Step, query),
  start: (activity) => `/activities/${activity.id}`,
  view: async ({ db, draft, context: activity }) => {
    // A sign-up that can no longer be found (stripped by the retention purge, say) is a 404, not a 500.
    const result = draft.reference ? await findSignup(db, { reference: draft.reference, phone: draft.answers.phone ?? "" }) : null;
    return {
      activity,
      answers: { name: draft.answers.name ?? "", phone: draft.answers.phone ?? "", needs: draft.answers.needs ?? [] },
      status: result?.status ?? null,
      position: result?.position ?? null,
    };
  },
});
export const loader = route.loader;
export const action = route.action;

const fieldsOf: Record<Step, string[]> = { contact: ["name", "phone"], needs: ["needs"], check: [], done: [] };

export default function SignupStepPage() {
  const { t, locale } = useT();
  const d = useLoaderData<typeof loader>();
  const step = d.step as Step;
  const f = useFlowForm(d, useActionData<typeof action>(), "signup", fieldsOf[step], (state, formId, fields) => centreErrors(t, state, formId, fields));
  const title = locale === "en" ? d.activity.title.en : d.activity.title.zh;
  const stepPath = (s: string, query = "") => signupStepPath(d.activity.id, d.draftId, s as Step, query);

  if (step === "done") return <SignupDone d={d} title={title} />;
  return (
    <FlowFrame d={d} errors={f.errors} flowName={t("centre.signup.flowName", { title })}>
      {step === "contact" ? (
        <StepForm d={d} formId={f.formId}>
          <ContactQuestion title={t("centre.signup.contact.title")} intro={t("centre.signup.contact.intro")} id={f.id} errors={f.fieldErrors} value={(name) => f.value(name, d.answers[name as "name"])} />
        </StepForm>
      ) : null}

      {step === "needs" ? (
        <StepForm d={d} formId={f.formId}>
          <CheckboxGroupField
            id={f.id("needs")}
            name="needs"
            legend={<h1 className="legend-heading">{t("centre.signup.needs.title")}</h1>}
            hint={t("centre.signup.needs.hint")}
            options={accessibilityFeatures.map((v) => ({ value: v, label: t(`centre.features.${v}`) }))}
            errors={f.fieldErrors.needs}
            checked={d.answers.needs}
          />
        </StepForm>
      ) : null}

      {step === "check" ? (
        <>
          <h1>{t("centre.signup.check.title")}</h1>
          <CheckList
            stepPath={stepPath}
            rows={[
              { key: "activity", label: t("centre.signup.check.activity"), value: title, step: null },
              { key: "name", label: t("centre.fields.name"), value: d.answers.name, step: "contact" },
              { key: "phone", label: t("centre.fields.phone"), value: d.answers.phone, step: "contact" },
              {
                key: "needs",
                label: t("centre.fields.needs"),
                value: d.answers.needs.length ? d.answers.needs.map((n) => t(`centre.features.${n}`)).join(t("centre.listSeparator")) : t("centre.signup.check.noNeeds"),
                step: "needs",
              },
            ]}
          />
          <p>{d.activity.placesLeft > 0 ? t("centre.signup.check.placesLeft", { n: d.activity.placesLeft }) : t("centre.signup.check.waiting")}</p>
          <SubmitAnswers label={t("centre.signup.check.send")} />
        </>
      ) : null}
    </FlowFrame>
  );
}

function SignupDone({ d, title }: { d: ReturnType<typeof useLoaderData<typeof loader>>; title: string }) {
  const { t, locale } = useT();
  const { href } = useLocale();
  const waiting = d.status === "waiting";
  return (
    <div className="page page--narrow">
      <FlowConfirmation heading={waiting ? t("centre.signup.done.waitingHeading") : t("centre.signup.done.heading")} label={t("centre.signup.done.reference")} reference={d.reference ?? ""} />
      <p>{waiting ? t("centre.signup.done.waitingText", { position: d.position ?? 1, title }) : t("centre.signup.done.text", { title })}</p>
      <p>
        {t("centre.activities.when")}: {formatDate(d.activity.startsAt, locale, { weekday: true })} {formatTime(d.activity.startsAt, locale)} · {locale === "en" ? d.activity.place.en : d.activity.place.zh}
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
