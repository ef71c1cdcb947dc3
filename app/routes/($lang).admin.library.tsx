import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { LocalLink } from "~/components/LocalLink";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { cardStatuses, type CardStatus } from "~/modules/centre/centre-constants";
import { cardCounts, listCards } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";
import { requireStaff } from "~/modules/staff/index.server";

export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t }) => t("centre.admin.library.title"),
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("centre.admin.library.title") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "content");
  const s = new URL(request.url).searchParams.get("status") ?? "";
  const status = (cardStatuses as readonly string[]).includes(s) ? (s as CardStatus) : undefined;
  const db = getDb();
  return { status: status ?? "", counts: await cardCounts(db), items: await listCards(db, { status }) };
}

export default function AdminLibrary() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { items, counts, status } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("centre.admin.library.title")}</h1>
      <p>{t("centre.admin.library.intro")}</p>
      <p className="lead">{t("centre.admin.library.counts", counts)}</p>
      <Form method="get" action={href("/admin/library")} className="filter-form">
        <label htmlFor="card-status">{t("centre.admin.library.filterStatus")}</label>
        <select id="card-status" name="status" defaultValue={status}>
          <option value="">{t("centre.admin.library.allStatuses")}</option>
          {cardStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`centre.cardStatus.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("centre.admin.library.filter")}
        </button>
      </Form>
      {items.length ? (
        <div className="table-wrap">
          <table>
            <caption>
              {t("centre.admin.library.caption")} ({items.length})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("centre.admin.library.colReference")}</th>
                <th scope="col">{t("centre.admin.library.colName")}</th>
                <th scope="col">{t("centre.admin.library.colPhone")}</th>
                <th scope="col">{t("centre.admin.library.colFormat")}</th>
                <th scope="col">{t("centre.admin.library.colStatus")}</th>
                <th scope="col">{t("centre.admin.library.colReceived")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.reference}>
                  <th scope="row">
                    <LocalLink to={`/admin/library/${c.reference}`} aria-label={t("centre.admin.library.open", { reference: c.reference })}>
                      {c.reference}
                    </LocalLink>
                  </th>
                  <td>{c.name}</td>
                  <td>{c.phoneMasked}</td>
                  <td>{t(`centre.formats.${c.format}`)}</td>
                  <td>{t(`centre.cardStatus.status.${c.status}`)}</td>
                  <td>{formatDateTime(c.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("centre.admin.library.none")}</p>
      )}
    </div>
  );
}
