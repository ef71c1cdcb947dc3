import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { deviceErrors } from "~/components/devices/device-errors";
import { RequestKeyFields } from "~/components/devices/RequestKeyFields";
import { devicesLinks } from "~/components/devices/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { WithdrawButton } from "~/components/withdrawal/Withdraw";
import { formState } from "~/components/form-state";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { LocalLink } from "~/components/LocalLink";
import { referenceLookupAction } from "~/http/lookup.server";
import { routeLocale } from "~/http/route-locale";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { findRequestForApplicant, NotFound } from "~/modules/lending/index.server";
import { federationPhone } from "~/modules/site/contact-details";

export const links = devicesLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("devices.lookup.title"),
  crumbs: ({ t }) => [{ label: t("devices.catalogue.title"), to: "/devices" }, { label: t("devices.lookup.title") }],
};

const formId = "lookup";
const fieldOrder = ["reference", "phone"] as const;

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

/**
 * Reference + phone → the request's status, shown on this page (a POST: the phone never goes into a URL).
 * A wrong phone gets exactly the same answer as an unknown reference; both go through the lookup guard
 * (throttled, locked after five wrong phones: docs/security.md).
 */
export async function action({ params, request, context }: ActionFunctionArgs) {
  return referenceLookupAction({ request, context, locale: routeLocale(params) }, { kind: "loanRequest", notFound: NotFound, notFoundCode: "requestNotFound", find: (key) => findRequestForApplicant(getDb(), key) });
}

export default function RequestStatus() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.hasErrors ? actionData.lastResult : undefined);
  const { fieldErrors, summary } = deviceErrors(t, state, formId, fieldOrder);
  const found = actionData?.found ?? null;
  const en = locale === "en";
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // The answer takes focus (as the error summary does), so it is read out after the post.
  useEffect(() => {
    if (found) resultHeading.current?.focus();
  }, [found]);
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }, ...summary] : summary} />
      <h1>{t("devices.lookup.title")}</h1>
      {found ? (
        <section aria-labelledby="lookup-result" className="notice notice--success">
          <h2 id="lookup-result" tabIndex={-1} ref={resultHeading} autoFocus>
            {t("devices.lookup.resultHeading", { reference: found.reference })}
          </h2>
          <dl className="summary-list">
            <dt>{t("devices.lookup.status")}</dt>
            <dd>
              <strong>{t(`devices.requestStatus.${found.status}`)}</strong>
            </dd>
            <dt>{t("devices.check.device")}</dt>
            <dd>{en ? found.device.name.en : found.device.name.zh}</dd>
            {found.pickupLocation ? (
              <>
                <dt>{t("devices.check.pickup")}</dt>
                <dd>{en ? found.pickupLocation.en : found.pickupLocation.zh}</dd>
              </>
            ) : null}
            <dt>{t("devices.lookup.received")}</dt>
            <dd>{formatDateTime(found.createdAt, locale)}</dd>
            {found.reason ? (
              <>
                <dt>{t("devices.lookup.reason")}</dt>
                <dd>{found.reason}</dd>
              </>
            ) : null}
            {found.loan?.dueDate && !found.loan.returnedAt ? (
              <>
                <dt>{t("devices.lookup.dueDate")}</dt>
                <dd>{formatDate(found.loan.dueDate, locale)}</dd>
              </>
            ) : null}
            {found.loan?.returnedAt ? (
              <>
                <dt>{t("devices.lookup.returned")}</dt>
                <dd>{formatDate(found.loan.returnedAt, locale)}</dd>
              </>
            ) : null}
          </dl>
          <p>{t(`devices.lookup.next.${found.status}`)}</p>
          {found.loan?.dueDate && !found.loan.returnedAt ? (
            <p>
              <LocalLink to="/devices/renew">{t("devices.lookup.renewLink")}</LocalLink>
            </p>
          ) : null}
          {found.status === "pending" || found.status === "approved" ? <WithdrawButton kind="device-request" reference={found.reference} secret={actionData?.phone ?? ""} /> : null}
        </section>
      ) : (
        <p className="lead">{t("devices.lookup.intro")}</p>
      )}
      <Form method="post" action={href("/devices/request")} id={formId} noValidate>
        {found ? <h2>{t("devices.lookup.another")}</h2> : null}
        <RequestKeyFields formId={formId} state={state} errors={fieldErrors} />
        <button type="submit" className="button">
          {t("devices.lookup.submit")}
        </button>
      </Form>
      <p>{t("devices.lookup.callUs", { phone: federationPhone })}</p>
      <p>
        <LocalLink to="/devices">{t("devices.device.backToCatalogue")}</LocalLink>
      </p>
    </div>
  );
}
