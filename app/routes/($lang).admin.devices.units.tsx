import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { DevicesAdminNav } from "~/components/devices/DevicesAdminNav";
import { devicesLinks } from "~/components/devices/styles";
import { LocalLink } from "~/components/LocalLink";
import { Pagination } from "~/components/Pagination";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { unitStatuses, type UnitStatus } from "~/modules/lending/lending-constants";
import { listDeviceTypes, listLocations, listUnits } from "~/modules/lending/index.server";
import { requireStaff } from "~/modules/staff/index.server";
import { parsePage, queryInteger } from "~/http/query-numbers";

export const links = devicesLinks;
export const handle: AdminHandle = {
  staffRole: "lending",
  title: ({ t }) => t("devices.admin.units.title"),
  crumbs: ({ t }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("devices.admin.queue.title"), to: "/admin/devices" },
    { label: t("devices.admin.units.title") },
  ],
};

/** Every unit with its asset tag, filterable by device, location and status. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "lending");
  const search = new URL(request.url).searchParams;
  const db = getDb();
  const [types, locations] = await Promise.all([listDeviceTypes(db, {}, { withExamplePoints: true }), listLocations(db)]);
  const type = types.some((x) => x.id === search.get("type")) ? search.get("type")! : "";
  const location = locations.some((x) => x.id === search.get("location")) ? search.get("location")! : "";
  const status = (unitStatuses as readonly string[]).includes(search.get("status") ?? "") ? (search.get("status") as UnitStatus) : "";
  const result = await listUnits(db, { typeId: type || undefined, locationId: location || undefined, status: status || undefined, page: parsePage(search) });
  return {
    ...result,
    filters: { type, location, status },
    types: types.map((x) => ({ id: x.id, name: x.name })),
    locations: locations.map((x) => ({ id: x.id, name: x.name })),
    added: queryInteger(search, "added", { min: 0, max: 10_000, fallback: 0 }),
  };
}

export default function Units() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { items, total, page, pageCount, filters, types, locations, added } = useLoaderData<typeof loader>();
  const en = locale === "en";
  const name = (x: { name: { zh: string; en: string } }) => (en ? x.name.en : x.name.zh);
  return (
    <div className="page">
      <h1>{t("devices.admin.units.title")}</h1>
      <DevicesAdminNav />
      {added ? (
        <div className="notice notice--success" role="status">
          <p>{t("devices.admin.units.added", { n: added })}</p>
        </div>
      ) : null}
      <Form method="get" action={href("/admin/devices/units")} className="filter-form">
        <div>
          <label htmlFor="units-type">{t("devices.admin.col.device")}</label>
          <select id="units-type" name="type" defaultValue={filters.type}>
            <option value="">{t("devices.admin.any")}</option>
            {types.map((x) => (
              <option key={x.id} value={x.id}>
                {name(x)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="units-location">{t("devices.admin.col.location")}</label>
          <select id="units-location" name="location" defaultValue={filters.location}>
            <option value="">{t("devices.admin.any")}</option>
            {locations.map((x) => (
              <option key={x.id} value={x.id}>
                {name(x)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="units-status">{t("devices.admin.col.status")}</label>
          <select id="units-status" name="status" defaultValue={filters.status}>
            <option value="">{t("devices.admin.any")}</option>
            {unitStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`devices.unitStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("devices.admin.filter")}
        </button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption>{t("devices.admin.units.caption", { n: total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("devices.admin.col.assetTag")}</th>
              <th scope="col">{t("devices.admin.col.device")}</th>
              <th scope="col">{t("devices.admin.col.location")}</th>
              <th scope="col">{t("devices.admin.col.status")}</th>
              <th scope="col">{t("devices.admin.col.condition")}</th>
              <th scope="col">{t("devices.admin.col.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 ? (
              <tr>
                <td colSpan={6}>{t("devices.admin.units.empty")}</td>
              </tr>
            ) : null}
            {items.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <LocalLink to={`/admin/devices/units/${u.id}`}>{u.assetTag}</LocalLink>
                </th>
                <td>{en ? u.typeName.en : u.typeName.zh}</td>
                <td>{en ? u.locationName.en : u.locationName.zh}</td>
                <td>{t(`devices.unitStatus.${u.status}`)}</td>
                <td>{t(`devices.conditions.${u.condition}`)}</td>
                <td>{formatDate(u.updatedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
