import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { deviceErrors } from "~/components/devices/device-errors";
import { DevicesAdminNav } from "~/components/devices/DevicesAdminNav";
import { devicesLinks } from "~/components/devices/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { RadioGroupField, TextAreaField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import { domainFailure, formFailure, lendingActor, notFound, type FormFailure } from "~/http/devices-admin.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { afterReturn, unitConditions } from "~/modules/lending/lending-constants";
import { getLoan, listLocations, loanMessages, NotFound, returnLoan, returnSchema } from "~/modules/lending/index.server";
import { requireStaff } from "~/modules/staff/index.server";

export const links = devicesLinks;
const tagOf = (data: unknown) => (data as { loan?: { assetTag: string } } | undefined)?.loan?.assetTag ?? "";
export const handle: AdminHandle = {
  staffRole: "lending",
  title: ({ t, data }) => t("devices.admin.return.title", { tag: tagOf(data) }),
  crumbs: ({ t, data }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("devices.admin.loans.title"), to: "/admin/devices/loans" },
    { label: tagOf(data) },
  ],
};

async function load(id: string) {
  try {
    return await getLoan(getDb(), id);
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "lending");
  const loan = await load(String(params.loanId ?? ""));
  return { loan, locations: await listLocations(getDb()), reminders: await loanMessages(getDb(), loan.id) };
}

/** 入库 of a loan: condition, where it goes next (sanitising by default), and where it was handed back. */
export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "lending");
  const loan = await load(String(params.loanId ?? ""));
  const submission = parseWithZod(await readFormData(request), { schema: returnSchema });
  if (submission.status !== "success") return formFailure("return", submission.reply());
  try {
    await returnLoan(getDb(), lendingActor(session), { loanId: loan.id, ...submission.value, locationId: submission.value.locationId || null, note: submission.value.note || null });
  } catch (error) {
    return domainFailure(error, "return", locale, (fieldErrors) => submission.reply({ fieldErrors }));
  }
  return redirect(localePath(`/admin/devices/loans?returned=${encodeURIComponent(loan.assetTag)}`, locale));
}

export default function ReturnLoan() {
  const { t, locale } = useT();
  const { loan, locations, reminders } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const state = formState(failure?.lastResult);
  const { fieldErrors, summary } = deviceErrors(t, state, "return", ["condition", "next", "locationId", "note"]);
  const en = locale === "en";
  const closed = loan.mode !== "loan" || loan.returnedAt !== null;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={[...(failure?.message ? [{ text: failure.message }] : []), ...summary]} />
      <h1>{t("devices.admin.return.title", { tag: loan.assetTag })}</h1>
      <DevicesAdminNav />
      <dl className="summary-list">
        <dt>{t("devices.admin.col.device")}</dt>
        <dd>{en ? loan.typeName.en : loan.typeName.zh}</dd>
        <dt>{t("devices.admin.col.reference")}</dt>
        <dd>
          <LocalLink to={`/admin/devices/requests/${loan.requestReference}`}>{loan.requestReference}</LocalLink>
        </dd>
        <dt>{t("devices.admin.col.applicant")}</dt>
        <dd>
          {loan.name} · {loan.phoneMasked}
        </dd>
        <dt>{t("devices.admin.col.out")}</dt>
        <dd>{t("devices.admin.return.outLine", { date: formatDate(loan.outAt, locale), location: en ? loan.locationName.en : loan.locationName.zh, condition: t(`devices.conditions.${loan.conditionOut}`), who: loan.outBy })}</dd>
        <dt>{t("devices.admin.col.due")}</dt>
        <dd>{loan.dueDate ? formatDate(loan.dueDate, locale) : t("devices.admin.noDue")}</dd>
        {loan.mode === "loan" ? (
          <>
            <dt>{t("devices.admin.renewals")}</dt>
            <dd>{t("devices.admin.renewalsValue", { n: loan.renewals })}</dd>
          </>
        ) : null}
        {loan.returnedAt ? (
          <>
            <dt>{t("devices.admin.col.status")}</dt>
            <dd>{t("devices.admin.returnedOn", { date: formatDate(loan.returnedAt, locale) })}</dd>
          </>
        ) : null}
      </dl>
      {loan.mode === "loan" ? (
        <section aria-labelledby="loan-reminders">
          <h2 id="loan-reminders">{t("devices.admin.reminders.heading")}</h2>
          <p>{t("devices.admin.reminders.intro")}</p>
          {reminders.length === 0 ? (
            <p>{t("devices.admin.reminders.none")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption>{t("devices.admin.reminders.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("devices.admin.reminders.colKind")}</th>
                    <th scope="col">{t("devices.admin.reminders.colWhen")}</th>
                    <th scope="col">{t("devices.admin.reminders.colStatus")}</th>
                    <th scope="col">{t("devices.admin.reminders.colRecipient")}</th>
                  </tr>
                </thead>
                <tbody>
                  {reminders.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">{t(`devices.admin.reminders.kind.${m.template}`, { defaultValue: m.template })}</th>
                      <td>
                        <time dateTime={m.nextAttemptAt}>{formatDateTime(m.nextAttemptAt, locale)}</time>
                      </td>
                      <td>
                        <strong>{t(`messages.status.${m.status}`)}</strong>
                        {m.sentAt ? <> · {t("messages.admin.sentAt", { time: formatDateTime(m.sentAt, locale) })}</> : null}
                      </td>
                      <td>
                        {t(`messages.channels.${m.channel}`)} · {m.recipient}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      {closed ? (
        <p>{loan.mode === "fitting" ? t("devices.admin.return.fitting") : t("devices.admin.return.already")}</p>
      ) : (
        <Form method="post" id="return" noValidate>
          <h2>{t("devices.admin.return.formHeading")}</h2>
          <RadioGroupField
            id={fieldId("return", "condition")}
            name="condition"
            legend={t("devices.admin.conditionInLegend")}
            options={unitConditions.map((c) => ({ value: c, label: t(`devices.conditions.${c}`) }))}
            errors={fieldErrors.condition}
            defaultValue={state.value("condition")}
          />
          <RadioGroupField
            id={fieldId("return", "next")}
            name="next"
            legend={t("devices.admin.return.nextLegend")}
            options={afterReturn.map((n) => ({ value: n, label: t(`devices.admin.return.next.${n}`) }))}
            errors={fieldErrors.next}
            defaultValue={state.value("next") || "sanitising"}
          />
          <div className="field">
            <label className="field__label" htmlFor={fieldId("return", "locationId")}>
              {t("devices.admin.return.locationLabel")}
            </label>
            <select id={fieldId("return", "locationId")} name="locationId" defaultValue={state.value("locationId") || loan.locationId}>
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {en ? l.name.en : l.name.zh}
                </option>
              ))}
            </select>
          </div>
          <TextAreaField id={fieldId("return", "note")} name="note" label={t("devices.admin.return.noteLabel")} errors={fieldErrors.note} defaultValue={state.value("note")} rows={3} />
          <button type="submit" className="button">
            {t("devices.admin.return.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}
