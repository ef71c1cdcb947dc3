import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { DevicesAdminNav } from "~/components/devices/DevicesAdminNav";
import { EarlierRecords } from "~/components/devices/EarlierRecords";
import { devicesLinks } from "~/components/devices/styles";
import { LocalLink } from "~/components/LocalLink";
import { Pagination } from "~/components/Pagination";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { requestStatuses, type RequestStatus } from "~/modules/lending/lending-constants";
import { listRequests, loanCounts } from "~/modules/lending/index.server";
import { requireStaff } from "~/modules/staff/index.server";
import { parsePage } from "~/http/query-numbers";

export const links = devicesLinks;
export const handle: AdminHandle = {
  staffRole: "lending",
  title: ({ t }) => t("devices.admin.queue.title"),
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("devices.admin.queue.title") }],
};

const filters = ["open", ...requestStatuses, "all"] as const;
type Filter = (typeof filters)[number];

/** The request queue: open requests oldest first, possible duplicate fittings flagged with the earlier record. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "lending");
  const search = new URL(request.url).searchParams;
  const statusParam = search.get("status") ?? "open";
  const status: Filter = (filters as readonly string[]).includes(statusParam) ? (statusParam as Filter) : "open";
  const result = await listRequests(getDb(), { status, page: parsePage(search) });
  return { ...result, status, counts: await loanCounts(getDb()) };
}

export default function DevicesQueue() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { items, total, page, pageCount, status, counts } = useLoaderData<typeof loader>();
  const en = locale === "en";
  const statusLabel = (s: Filter) => (s === "open" ? t("devices.admin.queue.open") : s === "all" ? t("devices.admin.queue.all") : t(`devices.requestStatus.${s as RequestStatus}`));
  return (
    <div className="page">
      <h1>{t("devices.admin.queue.title")}</h1>
      <DevicesAdminNav />
      <ul>
        <li>
          <LocalLink to="/admin/devices/loans?view=overdue">{t("devices.admin.queue.overdue", { n: counts.overdue })}</LocalLink>
        </li>
        <li>
          <LocalLink to="/admin/devices/loans?view=dueSoon">{t("devices.admin.queue.dueSoon", { n: counts.dueSoon })}</LocalLink>
        </li>
      </ul>
      <p>{t("devices.admin.queue.intro")}</p>
      <Form method="get" action={href("/admin/devices")} className="filter-form">
        <label htmlFor="queue-status">{t("devices.admin.queue.filterLabel")}</label>
        <select id="queue-status" name="status" defaultValue={status}>
          {filters.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("devices.admin.filter")}
        </button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption>{t("devices.admin.queue.caption", { status: statusLabel(status), n: total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("devices.admin.col.reference")}</th>
              <th scope="col">{t("devices.admin.col.device")}</th>
              <th scope="col">{t("devices.admin.col.applicant")}</th>
              <th scope="col">{t("devices.admin.col.phone")}</th>
              <th scope="col">{t("devices.admin.col.disability")}</th>
              <th scope="col">{t("devices.admin.col.pickup")}</th>
              <th scope="col">{t("devices.admin.col.received")}</th>
              <th scope="col">{t("devices.admin.col.status")}</th>
              <th scope="col">{t("devices.admin.col.flags")}</th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 ? (
              <tr>
                <td colSpan={9}>{t("devices.admin.queue.empty")}</td>
              </tr>
            ) : null}
            {items.map((r) => (
              <tr key={r.reference}>
                <th scope="row">
                  <LocalLink to={`/admin/devices/requests/${r.reference}`} aria-label={t("devices.admin.open", { reference: r.reference })}>
                    {r.reference}
                  </LocalLink>
                </th>
                <td>{t("devices.deviceWithMode", { device: en ? r.typeName.en : r.typeName.zh, mode: t(`devices.modes.${r.mode}`) })}</td>
                <td>{r.name}</td>
                <td>{r.phoneMasked}</td>
                <td>{t(`devices.applicantCategories.${r.disability}`)}</td>
                <td>{r.pickupLocation ? (en ? r.pickupLocation.en : r.pickupLocation.zh) : t("devices.admin.none")}</td>
                <td>
                  <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, locale)}</time>
                </td>
                <td>{t(`devices.requestStatus.${r.status}`)}</td>
                <td>{r.earlier.length ? <EarlierRecords records={r.earlier} /> : t("devices.admin.none")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
