import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { centreErrors } from "~/components/centre/centre-errors";
import { centreLinks } from "~/components/centre/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { ReferenceLookupFields } from "~/components/ReferenceLookupFields";
import { WithdrawButton } from "~/components/withdrawal/Withdraw";
import { formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { referenceLookupAction } from "~/http/lookup.server";
import { routeLocale } from "~/http/route-locale";
import { formatDate, formatDateTime, formatTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { findSignup, NotFound } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";

export const links = centreLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("centre.signupLookup.title"),
  crumbs: ({ t }) => [{ label: t("centre.activities.title"), to: "/activities" }, { label: t("centre.signupLookup.title") }],
};

const formId = "signup-lookup";
const fieldOrder = ["reference", "phone"] as const;

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

/**
 * Reference + phone → the sign-up (POST: the phone stays out of URLs); withdrawing it is the withdrawal page's
 * (/withdraw/activity-signup), which this page's button opens at its confirmation step. A wrong phone gets the same
 * answer as an unknown reference; both go through the lookup guard (throttled, locked after five wrong phones:
 * docs/security.md).
 */
export async function action({ params, request, context }: ActionFunctionArgs) {
  return referenceLookupAction({ request, context, locale: routeLocale(params) }, { kind: "signup", notFound: NotFound, notFoundCode: "notFound_signup", find: (key) => findSignup(getDb(), key) });
}

export default function SignupLookupPage() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.hasErrors ? actionData.lastResult : undefined);
  const { fieldErrors, summary } = centreErrors(t, state, formId, fieldOrder);
  const found = actionData?.found ?? null;
  const en = locale === "en";
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }, ...summary] : summary} />
      <h1>{t("centre.signupLookup.title")}</h1>
      {found ? (
        <section aria-labelledby="signup-result" className="notice notice--success">
          <h2 id="signup-result" tabIndex={-1}>
            {t("centre.signupLookup.resultHeading", { reference: found.reference })}
          </h2>
          <p>
            <LocalLink to={`/activities/${found.activity.id}`}>{en ? found.activity.title.en : found.activity.title.zh}</LocalLink>
            {" · "}
            {formatDate(found.activity.startsAt, locale, { weekday: true })} {formatTime(found.activity.startsAt, locale)}
          </p>
          <p>
            {t("centre.signupLookup.statusLabel")}
            <strong>{found.status === "waiting" ? t("centre.signupStatus.waitingAt", { position: found.position ?? 1 }) : t(`centre.signupStatus.${found.status}`)}</strong>
          </p>
          {found.status === "offered" && found.offerExpiresAt ? <p>{t("centre.signupLookup.offerHeld", { until: formatDateTime(found.offerExpiresAt, locale) })}</p> : null}
          {found.status !== "cancelled" ? (
            <>
              <p>
                <a href={href(`/activities/${found.activity.id}/calendar.ics`)} download>
                  {t("centre.activities.calendar")}
                </a>
              </p>
              <WithdrawButton kind="activity-signup" reference={found.reference} secret={actionData?.phone ?? ""} />
            </>
          ) : null}
        </section>
      ) : null}
      <p>{t("centre.signupLookup.intro")}</p>
      <Form method="post" action={href("/activities/signup")} id={formId} noValidate>
        <ReferenceLookupFields
          formId={formId}
          state={state}
          errors={fieldErrors}
          referenceLabel={t("centre.fields.reference")}
          referenceHint={t("centre.signupLookup.referenceHint")}
          phoneLabel={t("centre.fields.phone")}
        />
        <button type="submit" className="button">
          {t("centre.signupLookup.submit")}
        </button>
      </Form>
      <p>
        <LocalLink to="/activities">{t("centre.activities.backLink")}</LocalLink>
      </p>
    </div>
  );
}
