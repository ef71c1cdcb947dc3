import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { LocalLink } from "~/components/LocalLink";
import { routeLocale } from "~/http/route-locale";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listEditorialDocuments } from "~/modules/content/editorial.server";
import { getDb } from "~/modules/db/index.server";
import { requireStaff } from "~/modules/staff/index.server";

export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t }) => t("admin.editor.title"),
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("admin.editor.title") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "content");
  return { documents: await listEditorialDocuments(getDb()) };
}

export default function ContentDocuments() {
  const { t, locale } = useT();
  const { documents } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const published = params.get("published");
  const scheduled = params.get("scheduled");
  const scheduledAt = scheduled ? documents.find((d) => d.id === scheduled)?.publishAt : null;
  return (
    <div className="page">
      <h1>{t("admin.editor.title")}</h1>
      {published ? (
        <div className="notice notice--success" role="status">
          <p>{t("admin.editor.publishedNotice", { id: published })}</p>
        </div>
      ) : null}
      {scheduled && scheduledAt ? (
        <div className="notice notice--success" role="status">
          <p>{t("admin.editor.schedule.done", { when: formatDateTime(scheduledAt, locale) })}</p>
        </div>
      ) : null}
      <p>{t("admin.editor.intro")}</p>
      <p>
        <LocalLink to="/admin/content/new" className="button">
          {t("admin.editor.newNotice")}
        </LocalLink>
      </p>
      <div className="table-wrap">
        <table>
          <caption>{t("admin.editor.caption", { count: documents.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.editor.colTitle")}</th>
              <th scope="col">{t("admin.editor.colType")}</th>
              <th scope="col">{t("admin.editor.colState")}</th>
              <th scope="col">{t("admin.editor.colChanged")}</th>
              <th scope="col">{t("admin.editor.colBy")}</th>
              <th scope="col">{t("admin.colActions")}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <span lang="zh-CN">{d.title}</span>
                  {locale === "en" ? <span className="meta"> ({d.titleEn})</span> : null}
                </th>
                <td>{t(`policies.types.${d.type}`)}</td>
                <td>
                  {t(`admin.editor.state.${d.state}`)}
                  {d.publishAt ? (
                    <>
                      {" "}
                      <time dateTime={d.publishAt}>{t("admin.editor.scheduledAt", { when: formatDateTime(d.publishAt, locale) })}</time>
                    </>
                  ) : null}
                </td>
                <td>
                  <time dateTime={d.updatedAt}>{formatDateTime(d.updatedAt, locale)}</time>
                </td>
                <td>{d.updatedBy ?? t("admin.editor.bySeed")}</td>
                <td>
                  <LocalLink to={`/admin/content/${d.id}`}>{t("admin.editor.editLink", { title: d.title })}</LocalLink>{" "}
                  {d.state !== "published" ? (
                    <LocalLink to={`/admin/content/${d.id}/preview`}>{t("admin.editor.previewLink", { title: d.title })}</LocalLink>
                  ) : null}{" "}
                  {d.state === "published" || d.state === "edited" || d.state === "editedReview" || d.state === "editedScheduled" ? (
                    <LocalLink to={`/policies/${d.id}`}>{t("admin.editor.viewLink", { title: d.title })}</LocalLink>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
