import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { LocalLink } from "~/components/LocalLink";
import { routeLocale } from "~/http/route-locale";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listActivitiesForStaff } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";
import { requireStaff } from "~/modules/staff/index.server";

export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t }) => t("centre.admin.activities.title"),
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("centre.admin.activities.title") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "content");
  return { items: await listActivitiesForStaff(getDb()) };
}

export default function AdminActivities() {
  const { t, locale } = useT();
  const { items } = useLoaderData<typeof loader>();
  const en = locale === "en";
  return (
    <div className="page">
      <h1>{t("centre.admin.activities.title")}</h1>
      <p>{t("centre.admin.activities.intro")}</p>
      <p>
        <LocalLink to="/admin/activities/new/edit" className="button">
          {t("centre.admin.activities.new")}
        </LocalLink>
      </p>
      <div className="table-wrap">
        <table>
          <caption>
            {t("centre.admin.activities.caption")} ({items.length})
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("centre.admin.activities.colTitle")}</th>
              <th scope="col">{t("centre.admin.activities.colWhen")}</th>
              <th scope="col">{t("centre.admin.activities.colStatus")}</th>
              <th scope="col">{t("centre.admin.activities.colSignups")}</th>
              <th scope="col">{t("centre.admin.activities.edit")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => {
              const title = en ? a.title.en : a.title.zh;
              return (
                <tr key={a.id}>
                  <th scope="row">
                    <LocalLink to={`/admin/activities/${a.id}`}>{title}</LocalLink>
                  </th>
                  <td>{formatDateTime(a.startsAt, locale)}</td>
                  <td>{t(`centre.admin.activities.status.${a.status}`)}</td>
                  <td>
                    {a.confirmed} / {a.waiting} / {a.capacity}
                  </td>
                  <td>
                    <LocalLink to={`/admin/activities/${a.id}/edit`}>
                      {t("centre.admin.activities.edit")}
                      <span className="visually-hidden">{t("centre.flow.changeWhat", { what: title })}</span>
                    </LocalLink>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
