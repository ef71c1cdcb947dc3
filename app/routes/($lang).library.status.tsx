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
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { centrePhone } from "~/modules/centre/centre-constants";
import { findCardForApplicant, NotFound } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";

export const links = centreLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("centre.cardStatus.title"),
  crumbs: ({ t }) => [{ label: t("centre.library.title"), to: "/library" }, { label: t("centre.cardStatus.title") }],
};

const formId = "card-status";
const fieldOrder = ["reference", "phone"] as const;

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

/**
 * Reference + phone → the application's status (a POST: the phone never goes into a URL), through the lookup
 * guard (throttled, locked after five wrong phones: docs/security.md).
 */
export async function action({ params, request, context }: ActionFunctionArgs) {
  return referenceLookupAction({ request, context, locale: routeLocale(params) }, { kind: "libraryCard", notFound: NotFound, notFoundCode: "notFound_card", find: (key) => findCardForApplicant(getDb(), key) });
}

export default function CardStatusPage() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.hasErrors ? actionData.lastResult : undefined);
  const { fieldErrors, summary } = centreErrors(t, state, formId, fieldOrder);
  const found = actionData?.found ?? null;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }, ...summary] : summary} />
      <h1>{t("centre.cardStatus.title")}</h1>
      {found ? (
        <section aria-labelledby="card-result" className="notice notice--success">
          <h2 id="card-result" tabIndex={-1}>
            {t("centre.cardStatus.resultHeading", { reference: found.reference })}
          </h2>
          <p>
            {t("centre.cardStatus.statusLabel")}
            <strong>{t(`centre.cardStatus.status.${found.status}`)}</strong>
          </p>
          <p>{t(`centre.cardStatus.explain.${found.status}`, { phone: centrePhone })}</p>
          {found.reason ? <p>{t("centre.cardStatus.reason", { reason: found.reason })}</p> : null}
          <p>{t("centre.cardStatus.applied", { date: formatDate(found.createdAt, locale) })}</p>
          {found.status === "pending" ? <WithdrawButton kind="library-card" reference={found.reference} secret={actionData?.phone ?? ""} /> : null}
        </section>
      ) : null}
      <p>{t("centre.cardStatus.intro")}</p>
      <Form method="post" action={href("/library/status")} id={formId} noValidate>
        <ReferenceLookupFields
          formId={formId}
          state={state}
          errors={fieldErrors}
          referenceLabel={t("centre.fields.reference")}
          referenceHint={t("centre.cardStatus.referenceHint")}
          phoneLabel={t("centre.fields.phone")}
        />
        <button type="submit" className="button">
          {t("centre.cardStatus.submit")}
        </button>
      </Form>
      <p>
        <LocalLink to="/library">{t("centre.card.done.backLink")}</LocalLink>
      </p>
    </div>
  );
}
