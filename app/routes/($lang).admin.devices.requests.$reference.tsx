import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { deviceErrors } from "~/components/devices/device-errors";
import { DevicesAdminNav } from "~/components/devices/DevicesAdminNav";
import { EarlierRecords } from "~/components/devices/EarlierRecords";
import { devicesLinks } from "~/components/devices/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { RadioGroupField, TextAreaField, TextField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import { useLocale } from "~/components/use-locale";
import { domainFailure, formFailure, lendingActor, notFound, type FormFailure } from "~/http/devices-admin.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { unitConditions } from "~/modules/lending/lending-constants";
import { checkOut, checkOutSchema, chinaDay, decideRequest, decisionSchema, getDeviceType, lendableUnits, NotFound, openRequest } from "~/modules/lending/index.server";
import { normaliseReference } from "~/modules/shared/reference";
import { requireStaff } from "~/modules/staff/index.server";

export const links = devicesLinks;
const refOf = (data: unknown) => (data as { request?: { reference: string } } | undefined)?.request?.reference ?? "";
export const handle: AdminHandle = {
  staffRole: "lending",
  title: ({ t, data }) => t("devices.admin.request.title", { reference: refOf(data) }),
  crumbs: ({ t, data }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("devices.admin.queue.title"), to: "/admin/devices" },
    { label: refOf(data) },
  ],
};

/** Opening a request shows the applicant's phone in full, so every view is recorded in the audit log. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const session = await requireStaff(request, "lending");
  const db = getDb();
  let detail;
  try {
    detail = await openRequest(db, lendingActor(session), String(params.reference ?? ""));
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
  const device = await getDeviceType(db, detail.typeId, { withExamplePoints: true });
  const units = detail.status === "pending" || detail.status === "approved" ? await lendableUnits(db, detail.typeId, { preferLocationId: detail.pickupLocationId, reservedFor: detail.reference }) : [];
  return {
    request: detail,
    units,
    loanDays: device.loanDays,
    defaultDue: device.mode === "loan" ? chinaDay(new Date(), device.loanDays ?? 90) : "",
    today: chinaDay(new Date()),
    done: new URL(request.url).searchParams.get("done") ?? "",
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "lending");
  const reference = normaliseReference(String(params.reference ?? ""));
  const form = await readFormData(request);
  const intent = form.get("intent") === "checkout" ? "checkout" : form.get("intent") === "cancel" ? "cancel" : "decide";
  const db = getDb();
  const actor = lendingActor(session);
  const back = (done: string) => redirect(localePath(`/admin/devices/requests/${reference}?done=${done}`, locale));

  if (intent === "decide" || intent === "cancel") {
    const submission = parseWithZod(form, { schema: decisionSchema });
    if (submission.status !== "success") return formFailure(intent, submission.reply());
    const { decision, reason, reserveUnitId } = submission.value;
    try {
      await decideRequest(db, actor, reference, decision === "approve" ? { decision, reason, reserveUnitId: reserveUnitId || null } : { decision, reason });
    } catch (error) {
      return domainFailure(error, intent, locale, (fieldErrors) => submission.reply({ fieldErrors }));
    }
    return back(decision === "approve" ? "approved" : decision === "reject" ? "rejected" : "cancelled");
  }

  const submission = parseWithZod(form, { schema: checkOutSchema });
  if (submission.status !== "success") return formFailure(intent, submission.reply());
  try {
    await checkOut(db, actor, { requestReference: reference, ...submission.value, dueDate: submission.value.dueDate || null });
  } catch (error) {
    return domainFailure(error, intent, locale, (fieldErrors) => submission.reply({ fieldErrors }));
  }
  return back("checkedOut");
}

export default function RequestDetail() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { request: r, units, defaultDue, today, done } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const en = locale === "en";
  const action = href(`/admin/devices/requests/${r.reference}`);
  const forForm = (intent: string) => (failure?.intent === intent ? failure : undefined);
  const decide = formState(forForm("decide")?.lastResult);
  const checkout = formState(forForm("checkout")?.lastResult);
  const cancel = formState(forForm("cancel")?.lastResult);
  const decideErrors = deviceErrors(t, decide, "decide", ["decision", "reason", "reserveUnitId"]);
  const cancelErrors = deviceErrors(t, cancel, "cancel", ["reason"]);
  const checkoutErrors = deviceErrors(t, checkout, "checkout", ["unitId", "dueDate", "condition"]);
  const summary = [
    ...(failure?.message ? [{ text: failure.message }] : []),
    ...(failure?.intent === "decide" ? decideErrors.summary : []),
    ...(failure?.intent === "checkout" ? checkoutErrors.summary : []),
    ...(failure?.intent === "cancel" ? cancelErrors.summary : []),
  ];
  const unitLabel = (u: (typeof units)[number]) =>
    t("devices.admin.unitOption", {
      tag: u.assetTag,
      location: en ? u.locationName.en : u.locationName.zh,
      condition: t(`devices.conditions.${u.condition}`),
      reserved: u.reservedFor ? t("devices.admin.reservedMark") : "",
    });

  return (
    <div className="page">
      <ErrorSummary errors={summary} />
      <h1>{t("devices.admin.request.title", { reference: r.reference })}</h1>
      <DevicesAdminNav />
      {done ? (
        <div className="notice notice--success" role="status">
          <p>{t(`devices.admin.request.done.${done as "approved"}`, { defaultValue: t("devices.admin.saved") })}</p>
        </div>
      ) : null}
      {r.earlier.length ? <EarlierRecords records={r.earlier} /> : null}
      <dl className="summary-list">
        <dt>{t("devices.admin.col.device")}</dt>
        <dd>
          <LocalLink to={`/devices/${r.typeId}`}>{en ? r.typeName.en : r.typeName.zh}</LocalLink>
          {" · "}
          {t(`devices.modes.${r.mode}`)}
        </dd>
        <dt>{t("devices.admin.col.status")}</dt>
        <dd>
          <strong>{t(`devices.requestStatus.${r.status}`)}</strong>
        </dd>
        <dt>{t("devices.admin.col.applicant")}</dt>
        <dd>{r.name}</dd>
        <dt>{t("devices.admin.phoneFull")}</dt>
        <dd>
          <a href={`tel:${r.phone}`}>{r.phone}</a>
        </dd>
        <dt>{t("devices.admin.col.disability")}</dt>
        <dd>{t(`devices.applicantCategories.${r.disability}`)}</dd>
        <dt>{t("devices.check.certificate")}</dt>
        <dd>{r.certificateMasked ?? t("devices.check.noCertificate")}</dd>
        <dt>{t("devices.check.purpose")}</dt>
        <dd className="message-text">{r.purpose || t("devices.admin.none")}</dd>
        <dt>{t("devices.admin.col.pickup")}</dt>
        <dd>{r.pickupLocation ? (en ? r.pickupLocation.en : r.pickupLocation.zh) : t("devices.admin.none")}</dd>
        <dt>{t("devices.admin.col.received")}</dt>
        <dd>{formatDateTime(r.createdAt, locale)}</dd>
        <dt>{t("devices.admin.source")}</dt>
        <dd>{t(`devices.admin.sources.${r.source as "web"}`)}</dd>
        {r.reason ? (
          <>
            <dt>{t("devices.admin.reason")}</dt>
            <dd>{r.reason}</dd>
          </>
        ) : null}
        {r.decidedBy ? (
          <>
            <dt>{t("devices.admin.decidedBy")}</dt>
            <dd>{r.decidedBy}</dd>
          </>
        ) : null}
        {r.reservedUnit ? (
          <>
            <dt>{t("devices.admin.reservedUnit")}</dt>
            <dd>{r.reservedUnit.assetTag}</dd>
          </>
        ) : null}
        {r.loan ? (
          <>
            <dt>{t("devices.admin.loan")}</dt>
            <dd>
              <LocalLink to={`/admin/devices/loans/${r.loan.id}`}>
                {t("devices.admin.loanLine", {
                  tag: r.loan.assetTag,
                  out: formatDate(r.loan.outAt, locale),
                  due: r.loan.dueDate ? formatDate(r.loan.dueDate, locale) : t("devices.admin.noDue"),
                })}
              </LocalLink>
              {r.loan.returnedAt ? ` · ${t("devices.admin.returnedOn", { date: formatDate(r.loan.returnedAt, locale) })}` : null}
            </dd>
          </>
        ) : null}
      </dl>

      <div className="admin-forms">
        {r.status === "pending" ? (
          <Form method="post" action={action} id="decide" noValidate aria-labelledby="decide-heading">
            <h2 id="decide-heading">{t("devices.admin.request.decideHeading")}</h2>
            <input type="hidden" name="intent" value="decide" />
            <RadioGroupField
              id={fieldId("decide", "decision")}
              name="decision"
              legend={t("devices.admin.request.decisionLegend")}
              options={(["approve", "reject"] as const).map((v) => ({ value: v, label: t(`devices.admin.request.decisions.${v}`) }))}
              errors={decideErrors.fieldErrors.decision}
              defaultValue={decide.value("decision")}
            />
            <div className="field">
              <label className="field__label" htmlFor={fieldId("decide", "reserveUnitId")}>
                {t("devices.admin.request.reserveLabel")}
              </label>
              <p className="field__hint" id={`${fieldId("decide", "reserveUnitId")}-hint`}>
                {t("devices.admin.request.reserveHint")}
              </p>
              <select id={fieldId("decide", "reserveUnitId")} name="reserveUnitId" defaultValue={decide.value("reserveUnitId")} aria-describedby={`${fieldId("decide", "reserveUnitId")}-hint`}>
                <option value="">{t("devices.admin.request.noReserve")}</option>
                {units
                  .filter((u) => u.status === "available")
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {unitLabel(u)}
                    </option>
                  ))}
              </select>
            </div>
            <TextAreaField
              id={fieldId("decide", "reason")}
              name="reason"
              label={t("devices.admin.request.reasonLabel")}
              hint={t("devices.admin.request.reasonHint")}
              errors={decideErrors.fieldErrors.reason}
              defaultValue={decide.value("reason")}
              rows={3}
            />
            <button type="submit" className="button">
              {t("devices.admin.request.decideSubmit")}
            </button>
          </Form>
        ) : null}

        {r.status === "approved" ? (
          <Form method="post" action={action} id="checkout" noValidate aria-labelledby="checkout-heading">
            <h2 id="checkout-heading">{t("devices.admin.request.checkoutHeading")}</h2>
            <input type="hidden" name="intent" value="checkout" />
            {units.length === 0 ? <p>{t("devices.admin.request.noUnits")}</p> : null}
            <RadioGroupField
              id={fieldId("checkout", "unitId")}
              name="unitId"
              legend={t("devices.admin.request.unitLegend")}
              hint={t("devices.admin.request.unitHint")}
              options={units.map((u) => ({ value: u.id, label: unitLabel(u) }))}
              errors={checkoutErrors.fieldErrors.unitId}
              defaultValue={checkout.value("unitId") || units.find((u) => u.reservedFor === r.reference)?.id || ""}
            />
            {r.mode === "loan" ? (
              <TextField
                id={fieldId("checkout", "dueDate")}
                name="dueDate"
                type="date"
                min={today}
                label={t("devices.admin.request.dueLabel")}
                hint={t("devices.admin.request.dueHint")}
                errors={checkoutErrors.fieldErrors.dueDate}
                defaultValue={checkout.value("dueDate") || defaultDue}
              />
            ) : null}
            <RadioGroupField
              id={fieldId("checkout", "condition")}
              name="condition"
              legend={t("devices.admin.conditionOutLegend")}
              options={unitConditions.map((c) => ({ value: c, label: t(`devices.conditions.${c}`) }))}
              errors={checkoutErrors.fieldErrors.condition}
              defaultValue={checkout.value("condition") || "good"}
            />
            <button type="submit" className="button">
              {r.mode === "loan" ? t("devices.admin.request.checkoutSubmit") : t("devices.admin.request.fitSubmit")}
            </button>
          </Form>
        ) : null}

        {r.status === "approved" ? (
          <Form method="post" action={action} id="cancel" noValidate aria-labelledby="cancel-heading">
            <h2 id="cancel-heading">{t("devices.admin.request.cancelHeading")}</h2>
            <input type="hidden" name="intent" value="cancel" />
            <input type="hidden" name="decision" value="cancel" />
            <TextAreaField
              id={fieldId("cancel", "reason")}
              name="reason"
              label={t("devices.admin.request.cancelReason")}
              errors={cancelErrors.fieldErrors.reason}
              defaultValue={cancel.value("reason")}
              rows={3}
            />
            <button type="submit" className="button button--secondary">
              {t("devices.admin.request.cancelSubmit")}
            </button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
