import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { deviceErrors } from "~/components/devices/device-errors";
import { DevicesAdminNav } from "~/components/devices/DevicesAdminNav";
import { LedgerTable } from "~/components/devices/LedgerTable";
import { devicesLinks } from "~/components/devices/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { RadioGroupField, TextAreaField, TextField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import { domainFailure, formFailure, lendingActor, notFound, type FormFailure } from "~/http/devices-admin.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { changeUnit, getUnit, listLocations, NotFound, unitActionSchema, type UnitAction } from "~/modules/lending/index.server";
import { requireStaff } from "~/modules/staff/index.server";

export const links = devicesLinks;
const tagOf = (data: unknown) => (data as { unit?: { assetTag: string } } | undefined)?.unit?.assetTag ?? "";
export const handle: AdminHandle = {
  staffRole: "lending",
  title: ({ t, data }) => t("devices.admin.unit.title", { tag: tagOf(data) }),
  crumbs: ({ t, data }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("devices.admin.units.title"), to: "/admin/devices/units" },
    { label: tagOf(data) },
  ],
};

async function load(id: string) {
  try {
    return await getUnit(getDb(), id);
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "lending");
  const { unit, history, openLoan } = await load(String(params.unitId ?? ""));
  return { unit, history, openLoan, locations: await listLocations(getDb()), done: new URL(request.url).searchParams.get("done") ?? "" };
}

/** Repair, sanitise, back in service, transfer, write-off (报废, with reason and approver): each a ledger movement. */
export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "lending");
  const { unit } = await load(String(params.unitId ?? ""));
  const form = await readFormData(request);
  const intent = ["status", "transfer", "writeOff"].includes(String(form.get("intent"))) ? String(form.get("intent")) : "status";
  const submission = parseWithZod(form, { schema: unitActionSchema });
  if (submission.status !== "success") return formFailure(intent, submission.reply());
  const v = submission.value;
  const change: UnitAction =
    v.intent === "status"
      ? { action: v.to, reason: v.reason }
      : v.intent === "transfer"
        ? { action: "transfer", toLocationId: v.toLocationId, reason: v.reason }
        : { action: "writeOff", reason: v.reason, approver: v.approver };
  try {
    await changeUnit(getDb(), lendingActor(session), unit.id, change);
  } catch (error) {
    return domainFailure(error, intent, locale, (fieldErrors) => submission.reply({ fieldErrors }));
  }
  return redirect(localePath(`/admin/devices/units/${unit.id}?done=${change.action}`, locale));
}

export default function UnitDetail() {
  const { t, locale } = useT();
  const { unit, history, openLoan, locations, done } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const en = locale === "en";
  const stateOf = (intent: string) => formState(failure?.intent === intent ? failure.lastResult : undefined);
  const status = stateOf("status");
  const transfer = stateOf("transfer");
  const writeOff = stateOf("writeOff");
  const statusErrors = deviceErrors(t, status, "status", ["to", "reason"]);
  const transferErrors = deviceErrors(t, transfer, "transfer", ["toLocationId", "reason"]);
  const writeOffErrors = deviceErrors(t, writeOff, "writeOff", ["reason", "approver"]);
  const summary = [
    ...(failure?.message ? [{ text: failure.message }] : []),
    ...(failure?.intent === "status" ? statusErrors.summary : []),
    ...(failure?.intent === "transfer" ? transferErrors.summary : []),
    ...(failure?.intent === "writeOff" ? writeOffErrors.summary : []),
  ];
  const s = unit.status;
  const statusOptions = [
    ...(s === "available" || s === "sanitising" ? ["repair" as const] : []),
    ...(s === "available" || s === "repair" ? ["sanitise" as const] : []),
    ...(s === "repair" || s === "sanitising" ? ["ready" as const] : []),
  ];
  const movable = s === "available" || s === "repair" || s === "sanitising";

  return (
    <div className="page">
      <ErrorSummary errors={summary} />
      <h1>{t("devices.admin.unit.title", { tag: unit.assetTag })}</h1>
      <DevicesAdminNav />
      {done ? (
        <div className="notice notice--success" role="status">
          <p>{t("devices.admin.saved")}</p>
        </div>
      ) : null}
      <dl className="summary-list">
        <dt>{t("devices.admin.col.device")}</dt>
        <dd>{en ? unit.typeName.en : unit.typeName.zh}</dd>
        <dt>{t("devices.admin.col.location")}</dt>
        <dd>{en ? unit.locationName.en : unit.locationName.zh}</dd>
        <dt>{t("devices.admin.col.status")}</dt>
        <dd>
          <strong>{t(`devices.unitStatus.${unit.status}`)}</strong>
        </dd>
        <dt>{t("devices.admin.col.condition")}</dt>
        <dd>{t(`devices.conditions.${unit.condition}`)}</dd>
        <dt>{t("devices.admin.unit.acquired")}</dt>
        <dd>{formatDate(unit.acquiredAt, locale)}</dd>
        {openLoan ? (
          <>
            <dt>{t("devices.admin.loan")}</dt>
            <dd>
              <LocalLink to={`/admin/devices/requests/${openLoan.request_reference}`}>{openLoan.request_reference}</LocalLink>
              {openLoan.mode === "loan" ? (
                <>
                  {" · "}
                  <LocalLink to={`/admin/devices/loans/${openLoan.id}`}>{t("devices.admin.loans.returnLink", { tag: unit.assetTag })}</LocalLink>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>

      <div className="admin-forms">
        {statusOptions.length ? (
          <Form method="post" id="status" noValidate aria-labelledby="status-heading">
            <h2 id="status-heading">{t("devices.admin.unit.statusHeading")}</h2>
            <input type="hidden" name="intent" value="status" />
            <RadioGroupField
              id={fieldId("status", "to")}
              name="to"
              legend={t("devices.admin.unit.statusLegend")}
              options={statusOptions.map((o) => ({ value: o, label: t(`devices.admin.unit.actions.${o}`) }))}
              errors={statusErrors.fieldErrors.to}
              defaultValue={status.value("to")}
            />
            <TextAreaField id={fieldId("status", "reason")} name="reason" label={t("devices.admin.reason")} errors={statusErrors.fieldErrors.reason} defaultValue={status.value("reason")} rows={2} />
            <button type="submit" className="button">
              {t("devices.admin.unit.statusSubmit")}
            </button>
          </Form>
        ) : null}

        {movable ? (
          <Form method="post" id="transfer" noValidate aria-labelledby="transfer-heading">
            <h2 id="transfer-heading">{t("devices.admin.unit.transferHeading")}</h2>
            <input type="hidden" name="intent" value="transfer" />
            <RadioGroupField
              id={fieldId("transfer", "toLocationId")}
              name="toLocationId"
              legend={t("devices.admin.unit.transferLegend")}
              options={locations.filter((l) => l.id !== unit.locationId).map((l) => ({ value: l.id, label: en ? l.name.en : l.name.zh }))}
              errors={transferErrors.fieldErrors.toLocationId}
              defaultValue={transfer.value("toLocationId")}
            />
            <TextAreaField id={fieldId("transfer", "reason")} name="reason" label={t("devices.admin.reason")} errors={transferErrors.fieldErrors.reason} defaultValue={transfer.value("reason")} rows={2} />
            <button type="submit" className="button">
              {t("devices.admin.unit.transferSubmit")}
            </button>
          </Form>
        ) : null}

        {movable ? (
          <Form method="post" id="writeOff" noValidate aria-labelledby="writeoff-heading">
            <h2 id="writeoff-heading">{t("devices.admin.unit.writeOffHeading")}</h2>
            <p>{t("devices.admin.unit.writeOffIntro")}</p>
            <input type="hidden" name="intent" value="writeOff" />
            <TextAreaField id={fieldId("writeOff", "reason")} name="reason" label={t("devices.admin.unit.writeOffReason")} errors={writeOffErrors.fieldErrors.reason} defaultValue={writeOff.value("reason")} rows={2} />
            <TextField id={fieldId("writeOff", "approver")} name="approver" label={t("devices.admin.unit.approverLabel")} hint={t("devices.admin.unit.approverHint")} errors={writeOffErrors.fieldErrors.approver} defaultValue={writeOff.value("approver")} />
            <button type="submit" className="button button--secondary">
              {t("devices.admin.unit.writeOffSubmit")}
            </button>
          </Form>
        ) : null}
      </div>

      <h2>{t("devices.admin.unit.historyHeading")}</h2>
      <LedgerTable rows={history} caption={t("devices.admin.unit.historyCaption", { tag: unit.assetTag })} />
    </div>
  );
}
