import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { DevicesAdminNav } from "~/components/devices/DevicesAdminNav";
import { devicesLinks } from "~/components/devices/styles";
import { LocalLink } from "~/components/LocalLink";
import { Pagination } from "~/components/Pagination";
import { SortableTable } from "~/components/SortableTable";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { loanViews, reminderDays, type LoanView } from "~/modules/lending/lending-constants";
import { listLoans, loanSortKeys } from "~/modules/lending/index.server";
import { requireStaff } from "~/modules/staff/index.server";
import { parsePage } from "~/http/query-numbers";
import { parseSort } from "~/http/query-sort";

export const links = devicesLinks;
export const handle: AdminHandle = {
  staffRole: "lending",
  title: ({ t }) => t("devices.admin.loans.title"),
  crumbs: ({ t }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("devices.admin.queue.title"), to: "/admin/devices" },
    { label: t("devices.admin.loans.title") },
  ],
};

/** Loans: open, overdue, the reminders list (due within 7 days), returned, fittings. Phones masked. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "lending");
  const search = new URL(request.url).searchParams;
  const viewParam = search.get("view") ?? "open";
  const view: LoanView = (loanViews as readonly string[]).includes(viewParam) ? (viewParam as LoanView) : "open";
  const openView = view === "open" || view === "overdue" || view === "dueSoon";
  const sort = parseSort(search, loanSortKeys, openView ? { column: "due", direction: "asc" } : { column: "out", direction: "desc" });
  const result = await listLoans(getDb(), { view, page: parsePage(search), sort });
  return { ...result, view, sort, returned: search.get("returned") ?? "" };
}

export default function Loans() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { items, total, page, pageCount, view, sort, returned } = useLoaderData<typeof loader>();
  const en = locale === "en";
  return (
    <div className="page">
      <h1>{t("devices.admin.loans.title")}</h1>
      <DevicesAdminNav />
      {returned ? (
        <div className="notice notice--success" role="status">
          <p>{t("devices.admin.loans.returnedNotice", { tag: returned })}</p>
        </div>
      ) : null}
      <nav aria-label={t("devices.admin.loans.viewsLabel")} className="subnav">
        <ul>
          {loanViews.map((v) => (
            <li key={v}>
              <LocalLink to={`/admin/devices/loans?view=${v}`} aria-current={v === view ? "page" : undefined}>
                {t(`devices.admin.loans.views.${v}`, { days: reminderDays })}
              </LocalLink>
            </li>
          ))}
        </ul>
      </nav>
      {view === "dueSoon" ? <p>{t("devices.admin.loans.remindersIntro", { days: reminderDays })}</p> : null}
      {view === "overdue" ? <p>{t("devices.admin.loans.overdueIntro")}</p> : null}
      <p>
        <a href={href("/admin/devices/export/loans")} download>
          {t("devices.admin.loans.exportCsv")}
        </a>
      </p>
      <SortableTable
        caption={t("devices.admin.loans.caption", { view: t(`devices.admin.loans.views.${view}`, { days: reminderDays }), n: total })}
        sort={sort}
        emptyText={t("devices.admin.loans.empty")}
        columns={[
          { id: "assetTag", label: t("devices.admin.col.assetTag"), sortable: true, isRowHeader: true },
          { id: "device", label: t("devices.admin.col.device") },
          { id: "reference", label: t("devices.admin.col.reference") },
          { id: "applicant", label: t("devices.admin.col.applicant") },
          { id: "phone", label: t("devices.admin.col.phone") },
          { id: "location", label: t("devices.admin.col.location") },
          { id: "out", label: t("devices.admin.col.out"), sortable: true },
          { id: "due", label: t("devices.admin.col.due"), sortable: true },
          { id: "status", label: t("devices.admin.col.status") },
        ]}
        rows={items.map((l) => ({
          id: l.id,
          cells: [
            <LocalLink key="tag" to={`/admin/devices/units/${l.unitId}`}>
              {l.assetTag}
            </LocalLink>,
            en ? l.typeName.en : l.typeName.zh,
            <LocalLink key="reference" to={`/admin/devices/requests/${l.requestReference}`}>
              {l.requestReference}
            </LocalLink>,
            l.name,
            l.phoneMasked,
            en ? l.locationName.en : l.locationName.zh,
            formatDate(l.outAt, locale),
            l.dueDate ? formatDate(l.dueDate, locale) : t("devices.admin.noDue"),
            l.mode === "fitting" ? (
              t("devices.unitStatus.fitted")
            ) : l.returnedAt ? (
              t("devices.admin.returnedOn", { date: formatDate(l.returnedAt, locale) })
            ) : (
              <>
                {l.daysOverdue > 0 ? <strong>{t("devices.admin.loans.overdueDays", { n: l.daysOverdue })}</strong> : t("devices.unitStatus.on_loan")}{" "}
                <LocalLink to={`/admin/devices/loans/${l.id}`}>{t("devices.admin.loans.returnLink", { tag: l.assetTag })}</LocalLink>
              </>
            ),
          ],
        }))}
      />
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
