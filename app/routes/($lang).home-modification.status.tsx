import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { homeModErrors } from "~/components/centre/centre-errors";
import { centreLinks } from "~/components/centre/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { ReferenceLookupFields } from "~/components/ReferenceLookupFields";
import { useLocale } from "~/components/use-locale";
import { WithdrawButton } from "~/components/withdrawal/Withdraw";
import { referenceLookupAction } from "~/http/lookup.server";
import { routeLocale } from "~/http/route-locale";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { findHomeModForApplicant, HomeModNotFound } from "~/modules/home-modification/index.server";

export const links = centreLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("homeMod.lookup.title"),
  crumbs: ({ t }) => [{ label: t("homeMod.start.title"), to: "/home-modification" }, { label: t("homeMod.lookup.title") }],
};

const formId = "home-mod-status";
const fieldOrder = ["reference", "phone"] as const;

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

/** Reference + phone → where the application stands (a POST: the phone stays out of URLs), through the lookup guard. */
export async function action({ params, request, context }: ActionFunctionArgs) {
  return referenceLookupAction({ request, context, locale: routeLocale(params) }, { kind: "homeMod", notFound: HomeModNotFound, notFoundCode: "notFound_application", find: (key) => findHomeModForApplicant(getDb(), key) });
}

export default function HomeModStatusPage() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.hasErrors ? actionData.lastResult : undefined);
  const { fieldErrors, summary } = homeModErrors(t, state, formId, fieldOrder);
  const found = actionData?.found ?? null;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }, ...summary] : summary} />
      <h1>{t("homeMod.lookup.title")}</h1>
      {found ? (
        <section aria-labelledby="home-mod-result" className="notice notice--success">
          <h2 id="home-mod-result" tabIndex={-1}>
            {t("homeMod.lookup.resultHeading", { reference: found.reference })}
          </h2>
          <p>
            {t("homeMod.lookup.statusLabel")}
            <strong>{t(`homeMod.status.${found.status}`)}</strong>
          </p>
          {found.visitDate ? <p>{t("homeMod.lookup.visit", { date: formatDate(found.visitDate, locale) })}</p> : null}
          {found.reason ? <p>{t("homeMod.lookup.reason", { reason: found.reason })}</p> : null}
          <p>{t("homeMod.lookup.applied", { date: formatDate(found.createdAt, locale) })}</p>
          {found.status === "received" || found.status === "assessed" ? <WithdrawButton kind="home-modification" reference={found.reference} secret={actionData?.phone ?? ""} /> : null}
        </section>
      ) : null}
      <p>{t("homeMod.lookup.intro")}</p>
      <Form method="post" action={href("/home-modification/status")} id={formId} noValidate>
        <ReferenceLookupFields
          formId={formId}
          state={state}
          errors={fieldErrors}
          referenceLabel={t("homeMod.fields.reference")}
          referenceHint={t("homeMod.lookup.referenceHint")}
          phoneLabel={t("homeMod.fields.phone")}
        />
        <button type="submit" className="button">
          {t("homeMod.lookup.submit")}
        </button>
      </Form>
      <p>
        <LocalLink to="/home-modification">{t("homeMod.lookup.back")}</LocalLink>
      </p>
    </div>
  );
}
