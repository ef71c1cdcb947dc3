import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { DevicesAdminNav } from "~/components/devices/DevicesAdminNav";
import { LedgerTable } from "~/components/devices/LedgerTable";
import { devicesLinks } from "~/components/devices/styles";
import { Pagination } from "~/components/Pagination";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { movementKinds, type MovementKind } from "~/modules/lending/lending-constants";
import { ledgerStock, listLedger, listLocations } from "~/modules/lending/index.server";
import { requireStaff } from "~/modules/staff/index.server";
import { parsePage } from "~/http/query-numbers";

export const links = devicesLinks;
export const handle: AdminHandle = {
  staffRole: "lending",
  title: ({ t }) => t("devices.admin.ledger.title"),
  crumbs: ({ t }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("devices.admin.queue.title"), to: "/admin/devices" },
    { label: t("devices.admin.ledger.title") },
  ],
};

/** 台账: every movement, newest first; it is never edited. Stock per location is the sum of its quantities. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "lending");
  const search = new URL(request.url).searchParams;
  const locations = await listLocations(getDb());
  const location = locations.some((l) => l.id === search.get("location")) ? search.get("location")! : "";
  const kind = (movementKinds as readonly string[]).includes(search.get("kind") ?? "") ? (search.get("kind") as MovementKind) : "";
  const result = await listLedger(getDb(), { locationId: location || undefined, kind: kind || undefined, page: parsePage(search) });
  const stock = await ledgerStock(getDb());
  const totals = locations.map((l) => ({ id: l.id, name: l.name, stock: stock.filter((s) => s.locationId === l.id).reduce((a, s) => a + s.stock, 0) }));
  return { ...result, filters: { location, kind }, locations: locations.map((l) => ({ id: l.id, name: l.name })), totals };
}

export default function Ledger() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { items, total, page, pageCount, filters, locations, totals } = useLoaderData<typeof loader>();
  const en = locale === "en";
  const name = (x: { zh: string; en: string }) => (en ? x.en : x.zh);
  return (
    <div className="page">
      <h1>{t("devices.admin.ledger.title")}</h1>
      <DevicesAdminNav />
      <p>{t("devices.admin.ledger.intro")}</p>
      <ul>
        <li>
          <a href={href("/admin/devices/export/ledger")} download>
            {t("devices.admin.ledger.exportCsv")}
          </a>
        </li>
        <li>
          <a href={href("/admin/devices/export/loans")} download>
            {t("devices.admin.loans.exportCsv")}
          </a>
        </li>
      </ul>
      <div className="table-wrap">
        <table>
          <caption>{t("devices.admin.ledger.totalsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("devices.admin.col.location")}</th>
              <th scope="col">{t("devices.admin.col.ledgerStock")}</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((l) => (
              <tr key={l.id}>
                <th scope="row">{name(l.name)}</th>
                <td>{l.stock}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form method="get" action={href("/admin/devices/ledger")} className="filter-form">
        <div>
          <label htmlFor="ledger-location">{t("devices.admin.col.location")}</label>
          <select id="ledger-location" name="location" defaultValue={filters.location}>
            <option value="">{t("devices.admin.any")}</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {name(l.name)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ledger-kind">{t("devices.admin.col.kind")}</label>
          <select id="ledger-kind" name="kind" defaultValue={filters.kind}>
            <option value="">{t("devices.admin.any")}</option>
            {movementKinds.map((k) => (
              <option key={k} value={k}>
                {t(`devices.movementKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("devices.admin.filter")}
        </button>
      </Form>
      <LedgerTable rows={items} caption={t("devices.admin.ledger.caption", { n: total })} />
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
