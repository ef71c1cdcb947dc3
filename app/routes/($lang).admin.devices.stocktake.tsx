import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { deviceErrorText } from "~/components/devices/device-errors";
import { DevicesAdminNav } from "~/components/devices/DevicesAdminNav";
import { devicesLinks } from "~/components/devices/styles";
import { ErrorSummary, type SummaryError } from "~/components/ErrorSummary";
import { TextAreaField } from "~/components/Fields";
import { useLocale } from "~/components/use-locale";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { compareCounts, InvalidInput, LendingError, listLocations, recordStocktake, stockSheet, type Difference } from "~/modules/lending/index.server";
import { stocktakeReasonSchema } from "~/modules/lending/lending-schema";
import { requireStaff } from "~/modules/staff/index.server";
import { lendingActor } from "~/http/devices-admin.server";

export const links = devicesLinks;
export const handle: AdminHandle = {
  staffRole: "lending",
  title: ({ t }) => t("devices.admin.stocktake.title"),
  crumbs: ({ t }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("devices.admin.queue.title"), to: "/admin/devices" },
    { label: t("devices.admin.stocktake.title") },
  ],
};

async function sheetFor(locationParam: string | null) {
  const locations = await listLocations(getDb());
  const location = locations.find((l) => l.id === locationParam) ?? locations[0];
  return { locations, location, sheet: location ? await stockSheet(getDb(), location.id) : [] };
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "lending");
  return sheetFor(new URL(request.url).searchParams.get("location"));
}

interface StocktakeAnswer {
  hasErrors: boolean;
  recorded: boolean;
  differences: Difference[];
  missing: string[];
  found: string[];
  counts: Record<string, string>;
  reason: string;
  errors: Record<string, string>;
  message: string | null;
}

/**
 * 盘点: "compare" shows the differences between the counts and the ledger; "record" records them as adjustments,
 * which needs a reason whenever anything differs. Types left blank are not counted.
 */
export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "lending");
  const form = await readFormData(request);
  const { location } = await sheetFor(String(form.get("location") ?? ""));
  if (!location || location.id !== form.get("location")) throw new Response("Not Found", { status: 404 });
  const record = form.get("intent") === "record";
  const raw: Record<string, string> = {};
  const counts: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (!key.startsWith("count-") || typeof value !== "string") continue;
    const typeId = key.slice("count-".length);
    raw[typeId] = value;
    if (value.trim() === "") continue;
    const n = Number(value.trim());
    if (!Number.isInteger(n) || n < 0 || n > 9999) errors[`count-${typeId}`] = "count";
    else counts[typeId] = n;
  }
  const typedReason = form.get("reason") ?? undefined;
  const parsedReason = stocktakeReasonSchema.safeParse(typedReason);
  if (!parsedReason.success) errors.reason = parsedReason.error.issues[0].message;
  const reason = parsedReason.success ? parsedReason.data : String(typedReason ?? "");
  const answer: StocktakeAnswer = { hasErrors: false, recorded: false, differences: [], missing: [], found: [], counts: raw, reason, errors, message: null };
  if (Object.keys(errors).length) return data({ ...answer, hasErrors: true }, { status: 400 });
  if (Object.keys(counts).length === 0) return data({ ...answer, hasErrors: true, errors: { counts: "required" } }, { status: 400 });
  try {
    if (!record) return { ...answer, differences: await compareCounts(getDb(), location.id, counts) };
    const result = await recordStocktake(getDb(), lendingActor(session), { locationId: location.id, counts, reason });
    return { ...answer, recorded: true, ...result };
  } catch (error) {
    if (error instanceof InvalidInput) {
      const differences = await compareCounts(getDb(), location.id, counts).catch(() => []);
      return data({ ...answer, hasErrors: true, differences, errors: error.fields }, { status: 400 });
    }
    if (error instanceof LendingError) return data({ ...answer, hasErrors: true, message: domainErrorMessage(getFixedT(locale), error) }, domainErrorInit(error));
    throw error;
  }
}

export default function Stocktake() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { locations, location, sheet } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as StocktakeAnswer | undefined;
  const en = locale === "en";
  const name = (x: { zh: string; en: string }) => (en ? x.en : x.zh);
  const errors = answer?.errors ?? {};
  const summary: SummaryError[] = [
    ...(answer?.message ? [{ text: answer.message }] : []),
    ...(errors.counts ? [{ id: `count-${sheet[0]?.typeId}`, text: t("devices.admin.stocktake.noCounts") }] : []),
    ...Object.entries(errors)
      .filter(([k]) => k.startsWith("count-"))
      .map(([k, code]) => ({ id: k, text: `${name(sheet.find((r) => `count-${r.typeId}` === k)?.typeName ?? { zh: "", en: "" })}: ${deviceErrorText(t, "counts", code)}` })),
    ...(errors.reason ? [{ id: "stocktake-reason", text: deviceErrorText(t, "reason", errors.reason) }] : []),
  ];
  const changed = answer?.differences.filter((d) => d.difference !== 0) ?? [];
  return (
    <div className="page">
      <ErrorSummary errors={summary} />
      <h1>{t("devices.admin.stocktake.title")}</h1>
      <DevicesAdminNav />
      {answer?.recorded ? (
        <div className="notice notice--success" role="status">
          <p>{changed.length ? t("devices.admin.stocktake.recorded", { n: changed.length }) : t("devices.admin.stocktake.allMatch")}</p>
          {answer.missing.length ? <p>{t("devices.admin.stocktake.missingTags", { tags: answer.missing.join(t("devices.listSeparator")) })}</p> : null}
          {answer.found.length ? <p>{t("devices.admin.stocktake.foundTags", { tags: answer.found.join(t("devices.listSeparator")) })}</p> : null}
        </div>
      ) : null}
      <p>{t("devices.admin.stocktake.intro")}</p>
      <Form method="get" action={href("/admin/devices/stocktake")} className="filter-form">
        <label htmlFor="stocktake-location">{t("devices.admin.col.location")}</label>
        <select id="stocktake-location" name="location" defaultValue={location?.id}>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {name(l.name)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("devices.admin.stocktake.choose")}
        </button>
      </Form>

      {answer && !answer.recorded && answer.differences.length ? (
        <section aria-labelledby="differences-heading">
          <h2 id="differences-heading">{t("devices.admin.stocktake.differencesHeading")}</h2>
          <p role="status">{changed.length ? t("devices.admin.stocktake.differencesCount", { n: changed.length }) : t("devices.admin.stocktake.noDifferences")}</p>
          {changed.length ? (
            <div className="table-wrap">
              <table>
                <caption>{t("devices.admin.stocktake.differencesCaption", { location: location ? name(location.name) : "" })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("devices.admin.col.device")}</th>
                    <th scope="col">{t("devices.admin.col.ledgerStock")}</th>
                    <th scope="col">{t("devices.admin.col.counted")}</th>
                    <th scope="col">{t("devices.admin.col.difference")}</th>
                  </tr>
                </thead>
                <tbody>
                  {changed.map((d) => (
                    <tr key={d.typeId}>
                      <th scope="row">{name(d.typeName)}</th>
                      <td>{d.stock}</td>
                      <td>{d.counted}</td>
                      <td>{d.difference > 0 ? `+${d.difference}` : d.difference}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}

      {location ? (
        <Form method="post" action={href(`/admin/devices/stocktake?location=${location.id}`)} noValidate>
          <input type="hidden" name="location" value={location.id} />
          <div className="table-wrap">
            <table>
              <caption>{t("devices.admin.stocktake.caption", { location: name(location.name) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("devices.admin.col.device")}</th>
                  <th scope="col">{t("devices.admin.col.ledgerStock")}</th>
                  <th scope="col">{t("devices.admin.col.breakdown")}</th>
                  <th scope="col">{t("devices.admin.col.counted")}</th>
                </tr>
              </thead>
              <tbody>
                {sheet.map((row) => {
                  const inputId = `count-${row.typeId}`;
                  const error = errors[inputId];
                  const breakdown = (["available", "reserved", "sanitising", "repair"] as const)
                    .filter((s) => row.byStatus[s])
                    .map((s) => `${t(`devices.unitStatus.${s}`)} ${row.byStatus[s]}`)
                    .join(t("devices.listSeparator"));
                  return (
                    <tr key={row.typeId}>
                      <th scope="row" id={`${inputId}-name`}>
                        {name(row.typeName)}
                      </th>
                      <td>{row.stock}</td>
                      <td>{breakdown || t("devices.admin.none")}</td>
                      <td>
                        <label htmlFor={inputId} className="visually-hidden">
                          {t("devices.admin.stocktake.countLabel", { device: name(row.typeName) })}
                        </label>
                        <input
                          id={inputId}
                          name={inputId}
                          className="count-input"
                          type="number"
                          min={0}
                          inputMode="numeric"
                          defaultValue={answer?.counts[row.typeId] ?? ""}
                          aria-invalid={error ? true : undefined}
                        />
                        {error ? <p className="field__error">{deviceErrorText(t, "counts", error)}</p> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <TextAreaField
            id="stocktake-reason"
            name="reason"
            label={t("devices.admin.stocktake.reasonLabel")}
            hint={t("devices.admin.stocktake.reasonHint")}
            errors={errors.reason ? [deviceErrorText(t, "reason", errors.reason)] : []}
            defaultValue={answer?.reason ?? ""}
            rows={2}
          />
          <p className="button-row">
            <button type="submit" name="intent" value="compare" className="button button--secondary">
              {t("devices.admin.stocktake.compare")}
            </button>
            <button type="submit" name="intent" value="record" className="button">
              {t("devices.admin.stocktake.record")}
            </button>
          </p>
        </Form>
      ) : null}
    </div>
  );
}
