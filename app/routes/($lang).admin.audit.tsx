import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { LocalLink } from "~/components/LocalLink";
import { Pagination } from "~/components/Pagination";
import { routeLocale } from "~/http/route-locale";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { listAudit, requireStaff } from "~/modules/staff/index.server";
import { parsePage } from "~/http/query-numbers";

export const handle: AdminHandle = {
  staffRole: "admin",
  title: ({ t }) => t("admin.audit"),
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("admin.audit") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "admin");
  const page = parsePage(new URL(request.url).searchParams);
  return listAudit(getDb(), { page });
}

export default function Audit() {
  const { t, locale } = useT();
  const { items, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("admin.audit")}</h1>
      <p>{t("admin.auditIntro")}</p>
      <p>
        <LocalLink to="/admin/audit/export" reloadDocument>
          {t("admin.exportCsv")}
        </LocalLink>
      </p>
      <div className="table-wrap">
        <table>
          <caption>{t("admin.auditCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.colTime")}</th>
              <th scope="col">{t("admin.colUser")}</th>
              <th scope="col">{t("admin.colAction")}</th>
              <th scope="col">{t("admin.colTarget")}</th>
              <th scope="col">{t("admin.colDetail")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                </td>
                <td>{entry.username}</td>
                <td>{entry.action}</td>
                <td>{[entry.target_type, entry.target_id].filter(Boolean).join(" ")}</td>
                <td>{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
