import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { deviceErrors } from "~/components/devices/device-errors";
import { RequestKeyFields } from "~/components/devices/RequestKeyFields";
import { devicesLinks } from "~/components/devices/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { readFormData } from "~/http/form-data.server";
import { guardedLookup, lookupRefusalInit, lookupRefusalText } from "~/http/lookup.server";
import { routeLocale } from "~/http/route-locale";
import { getFixedT } from "~/i18n/i18n.server";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { renewalGraceDays } from "~/modules/lending/lending-constants";
import { findLoanForBorrower, maxRenewals, NotFound, RenewalRefused, renewalSchema, renewLoan, type BorrowerLoan } from "~/modules/lending/index.server";
import { federationPhone } from "~/modules/site/contact-details";

export const links = devicesLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("devices.renew.title"),
  crumbs: ({ t }) => [{ label: t("devices.catalogue.title"), to: "/devices" }, { label: t("devices.renew.title") }],
};

const formId = "renew";
const fieldOrder = ["reference", "phone"] as const;

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return { maxRenewals: maxRenewals() };
}

/** Nothing on loan on a request whose phone matched: not a wrong phone, so not counted as one by the guard. */
const nothingLent = (error: unknown) => {
  if (error instanceof NotFound && error.what === "loan") return null;
  throw error;
};

/**
 * 续借 in two posts (the phone never goes into a URL), both through the lookup guard of the status page (the same
 * throttle and wrong-phone lock, kind `loanRequest`): `find` shows the loan and whether it can be renewed, with a
 * confirmation form; `renew` renews it (the confirmation carries the due date the person saw: one confirmation
 * renews once). A refusal is said in the error summary, with the loan as it now stands.
 */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const submission = parseWithZod(await readFormData(request), { schema: renewalSchema });
  const answer = { loan: null as BorrowerLoan | null, noLoan: false, renewed: false, key: null as { reference: string; phone: string } | null, message: null as string | null };
  if (submission.status !== "success") return data({ ...answer, hasErrors: true, lastResult: submission.reply() }, { status: 400 });
  const key = { reference: submission.value.reference, phone: submission.value.phone };
  const db = getDb();
  const renew = submission.value.intent === "renew";
  let refusal: RenewalRefused | null = null;
  const outcome = await guardedLookup(
    context,
    "loanRequest",
    key.reference,
    async () => {
      if (!renew) return findLoanForBorrower(db, key).catch(nothingLent);
      try {
        return await renewLoan(db, { ...key, dueDate: submission.value.dueDate ?? null });
      } catch (error) {
        if (!(error instanceof RenewalRefused)) throw error;
        refusal = error;
        return findLoanForBorrower(db, key).catch(nothingLent);
      }
    },
    NotFound,
  );
  if (outcome.status === "refused") {
    return data({ ...answer, hasErrors: true, lastResult: submission.reply(), message: lookupRefusalText(outcome, locale) }, lookupRefusalInit(outcome));
  }
  if (outcome.status === "notFound") {
    return data({ ...answer, hasErrors: true, lastResult: submission.reply({ formErrors: ["requestNotFound"] }) }, { status: 404 });
  }
  const loan = outcome.value;
  const renewed = renew && !refusal && loan !== null;
  // The confirmation form carries reference + phone back (a POST body, never a URL); none right after a renewal.
  const found = { ...answer, loan, noLoan: loan === null, renewed, key: loan && !loan.refusal && !renewed ? { reference: loan.reference, phone: key.phone } : null };
  if (refusal) return data({ ...found, hasErrors: true, lastResult: submission.reply(), message: domainErrorMessage(getFixedT(locale), refusal) }, domainErrorInit(refusal));
  return { ...found, hasErrors: false, lastResult: submission.reply({ resetForm: true }) };
}

export default function RenewLoan() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const settings = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.hasErrors ? actionData.lastResult : undefined);
  const { fieldErrors, summary } = deviceErrors(t, state, formId, fieldOrder);
  const loan = actionData?.loan ?? null;
  const renewed = Boolean(actionData?.renewed);
  const en = locale === "en";
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const phone = federationPhone;
  // The answer takes focus (as the error summary does), so it is read out after the post.
  useEffect(() => {
    if ((loan || actionData?.noLoan) && !actionData?.hasErrors) resultHeading.current?.focus();
  }, [loan, actionData]);
  const focusResult = !actionData?.hasErrors;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }, ...summary] : summary} />
      <h1>{t("devices.renew.title")}</h1>
      {renewed && loan ? (
        <section aria-labelledby="renew-result" className="notice notice--success">
          <h2 id="renew-result" tabIndex={-1} ref={resultHeading} autoFocus={focusResult}>
            {t("devices.renew.renewedHeading", { date: formatDate(loan.dueDate, locale) })}
          </h2>
          <p>{t("devices.renew.renewedText", { place: en ? loan.place.en : loan.place.zh })}</p>
        </section>
      ) : null}
      {loan ? (
        <section aria-labelledby="renew-loan">
          <h2 id="renew-loan" tabIndex={-1} ref={renewed ? undefined : resultHeading} autoFocus={focusResult && !renewed}>
            {t("devices.renew.loanHeading", { reference: loan.reference })}
          </h2>
          <dl className="summary-list">
            <dt>{t("devices.renew.device")}</dt>
            <dd>{en ? loan.device.en : loan.device.zh}</dd>
            <dt>{t("devices.renew.dueDate")}</dt>
            <dd>
              {formatDate(loan.dueDate, locale)}
              {loan.daysOverdue > 0 ? ` (${t("devices.renew.overdueBy", { n: loan.daysOverdue })})` : null}
            </dd>
            <dt>{t("devices.renew.returnTo")}</dt>
            <dd>{en ? loan.place.en : loan.place.zh}</dd>
            <dt>{t("devices.renew.renewals")}</dt>
            <dd>{t("devices.renew.renewalsValue", { n: loan.renewals, max: loan.maxRenewals })}</dd>
          </dl>
          {loan.refusal ? (
            <div className="notice">
              <h3>{t("devices.renew.cannotHeading")}</h3>
              <p>{t(`devices.api.renewalRefused.${loan.refusal}`, { max: loan.maxRenewals, grace: renewalGraceDays, phone })}</p>
            </div>
          ) : actionData?.key && loan.renewedDueDate ? (
            <Form method="post" action={href("/devices/renew")} id="renew-confirm" className="notice">
              <h3>{t("devices.renew.confirmHeading")}</h3>
              <p>{t("devices.renew.confirmText", { date: formatDate(loan.renewedDueDate, locale) })}</p>
              <input type="hidden" name="reference" value={actionData.key.reference} />
              <input type="hidden" name="phone" value={actionData.key.phone} />
              <input type="hidden" name="dueDate" value={loan.dueDate} />
              <button type="submit" name="intent" value="renew" className="button">
                {t("devices.renew.confirm")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : actionData?.noLoan ? (
        <section aria-labelledby="renew-noloan" className="notice">
          <h2 id="renew-noloan" tabIndex={-1} ref={resultHeading} autoFocus={focusResult}>
            {t("devices.renew.cannotHeading")}
          </h2>
          <p>{t("devices.renew.noLoan")}</p>
          <p>
            <LocalLink to="/devices/request">{t("devices.renew.statusLink")}</LocalLink>
          </p>
        </section>
      ) : (
        <>
          <p className="lead">{t("devices.renew.intro")}</p>
          <p>{t("devices.renew.rules", { max: settings.maxRenewals, grace: renewalGraceDays })}</p>
        </>
      )}
      <Form method="post" action={href("/devices/renew")} id={formId} noValidate>
        {loan || actionData?.noLoan ? <h2>{t("devices.renew.another")}</h2> : null}
        <input type="hidden" name="intent" value="find" />
        <RequestKeyFields formId={formId} state={state} errors={fieldErrors} />
        <button type="submit" className="button">
          {t("devices.renew.submit")}
        </button>
      </Form>
      <p>{t("devices.lookup.callUs", { phone })}</p>
      <p>
        <LocalLink to="/devices">{t("devices.device.backToCatalogue")}</LocalLink>
      </p>
    </div>
  );
}
