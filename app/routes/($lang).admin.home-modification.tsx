import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { LocalLink } from "~/components/LocalLink";
import { SortableTable } from "~/components/SortableTable";
import { useLocale } from "~/components/use-locale";
import { parseSort } from "~/http/query-sort";
import { routeLocale } from "~/http/route-locale";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { homeModStatuses, qingyuanCounties, type HomeModStatus } from "~/modules/home-modification/home-mod-constants";
import { homeModCounts, homeModSortColumns, listHomeMods } from "~/modules/home-modification/index.server";
import { requireStaff } from "~/modules/staff/index.server";

/** The home-modification applications, one row a household (the 台账), for the 辅具 (lending) staff. */
export const handle: AdminHandle = {
  staffRole: "lending",
  title: ({ t }) => t("homeMod.admin.title"),
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("homeMod.admin.title") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "lending");
  const search = new URL(request.url).searchParams;
  const s = search.get("status") ?? "";
  const status = (homeModStatuses as readonly string[]).includes(s) ? (s as HomeModStatus) : undefined;
  const sort = parseSort(search, homeModSortColumns, { column: "received", direction: "desc" });
  const db = getDb();
  return { status: status ?? "", sort, counts: await homeModCounts(db), items: await listHomeMods(db, { status, sort }) };
}

export default function AdminHomeModification() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { items, counts, status, sort } = useLoaderData<typeof loader>();
  const countyName = (id: string) => {
    const c = qingyuanCounties.find((x) => x.id === id);
    return c ? (locale === "en" ? c.en : c.zh) : id;
  };
  return (
    <div className="page">
      <h1>{t("homeMod.admin.title")}</h1>
      <p>{t("homeMod.admin.intro")}</p>
      <p className="lead">{t("homeMod.admin.counts", counts)}</p>
      <p>
        <a href={href("/admin/home-modification/export")} download>
          {t("homeMod.admin.export")}
        </a>
      </p>
      <Form method="get" action={href("/admin/home-modification")} className="filter-form">
        <label htmlFor="home-mod-status">{t("homeMod.admin.filterStatus")}</label>
        <select id="home-mod-status" name="status" defaultValue={status}>
          <option value="">{t("homeMod.admin.allStatuses")}</option>
          {homeModStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`homeMod.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("homeMod.admin.filter")}
        </button>
      </Form>
      <SortableTable
        caption={`${t("homeMod.admin.caption")} (${items.length})`}
        sort={sort}
        emptyText={t("homeMod.admin.none")}
        columns={[
          { id: "reference", label: t("homeMod.admin.cols.reference"), sortable: true, isRowHeader: true },
          { id: "name", label: t("homeMod.admin.cols.name") },
          { id: "phone", label: t("homeMod.admin.cols.phone") },
          { id: "county", label: t("homeMod.admin.cols.county"), sortable: true },
          { id: "needs", label: t("homeMod.admin.cols.needs") },
          { id: "status", label: t("homeMod.admin.cols.status"), sortable: true },
          { id: "received", label: t("homeMod.admin.cols.received"), sortable: true },
        ]}
        rows={items.map((h) => ({
          id: h.reference,
          cells: [
            <LocalLink key="reference" to={`/admin/home-modification/${h.reference}`} aria-label={t("homeMod.admin.open", { reference: h.reference })}>
              {h.reference}
            </LocalLink>,
            h.name,
            h.phoneMasked,
            countyName(h.county),
            h.needs.map((n) => t(`homeMod.needs.${n}`)).join(t("homeMod.listSeparator")),
            t(`homeMod.status.${h.status}`),
            formatDate(h.createdAt, locale),
          ],
        }))}
      />
    </div>
  );
}
