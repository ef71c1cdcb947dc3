import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { LocalLink } from "~/components/LocalLink";
import { StaffTable } from "~/components/StaffTable";
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
      <StaffTable
        caption={t("admin.editor.caption", { count: documents.length })}
        columns={[
          { id: "title", label: t("admin.editor.colTitle"), isRowHeader: true },
          { id: "type", label: t("admin.editor.colType") },
          { id: "state", label: t("admin.editor.colState") },
          { id: "changed", label: t("admin.editor.colChanged") },
          { id: "by", label: t("admin.editor.colBy") },
          { id: "actions", label: t("admin.colActions") },
        ]}
        rows={documents.map((d) => ({
          id: d.id,
          cells: [
            <>
              <span lang="zh-CN">{d.title}</span>
              {locale === "en" ? <span className="meta"> ({d.titleEn})</span> : null}
            </>,
            t(`policies.types.${d.type}`),
            <>
              {t(`admin.editor.state.${d.state}`)}
              {d.publishAt ? <> <time dateTime={d.publishAt}>{t("admin.editor.scheduledAt", { when: formatDateTime(d.publishAt, locale) })}</time></> : null}
            </>,
            <time dateTime={d.updatedAt}>{formatDateTime(d.updatedAt, locale)}</time>,
            d.updatedBy ?? t("admin.editor.bySeed"),
            <>
              <LocalLink to={`/admin/content/${d.id}`}>{t("admin.editor.editLink", { title: d.title })}</LocalLink>{" "}
              {d.state !== "published" ? <LocalLink to={`/admin/content/${d.id}/preview`}>{t("admin.editor.previewLink", { title: d.title })}</LocalLink> : null}{" "}
              {d.state === "published" || d.state === "edited" || d.state === "editedReview" || d.state === "editedScheduled" ? (
                <LocalLink to={`/policies/${d.id}`}>{t("admin.editor.viewLink", { title: d.title })}</LocalLink>
              ) : null}
            </>,
          ],
        }))}
      />
    </div>
  );
}
