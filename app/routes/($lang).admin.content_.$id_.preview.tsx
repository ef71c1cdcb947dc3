import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { LocalLink } from "~/components/LocalLink";
import { PolicyDocument } from "~/components/policies/PolicyDocument";
import { policyPageData } from "~/http/policy-page.server";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { previewDocument } from "~/modules/content/editorial.server";
import { getDb } from "~/modules/db/index.server";
import { requireStaff } from "~/modules/staff/index.server";

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t, data }) => t("admin.editor.previewTitle", { title: (data as Data | undefined)?.page.doc.title ?? "" }),
  crumbs: ({ t, data }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("admin.editor.title"), to: "/admin/content" },
    { label: t("admin.editor.previewTitle", { title: (data as Data | undefined)?.page.doc.title ?? "" }) },
  ],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  await requireStaff(request, "content");
  const preview = await previewDocument(getDb(), params.id ?? "");
  if (!preview) throw new Response("Not Found", { status: 404 });
  return { page: policyPageData(preview.document, locale), published: preview.stored.published, revision: preview.stored.revision };
}

/** A draft as the public page will show it (the same component), marked as a preview that is not published. */
export default function PreviewDraft() {
  const { t } = useT();
  const { page, published, revision } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <PolicyDocument
      data={page}
      preview={
        <div className="notice notice--warning preview-banner" role="note" aria-label={t("admin.editor.previewLabel")}>
          {params.get("saved") ? <p role="status">{t("admin.editor.savedRevision", { revision })}</p> : null}
          <p>
            <strong>{t("admin.editor.previewLabel")}</strong> {published ? t("admin.editor.previewPublished") : t("admin.editor.previewDraft")}
          </p>
          {published ? null : (
            <p>
              <LocalLink to={`/admin/content/${page.doc.id}`}>{t("admin.editor.backToEdit", { title: page.doc.title })}</LocalLink>{" "}
              <LocalLink to="/admin/content">{t("admin.editor.backToList")}</LocalLink>
            </p>
          )}
        </div>
      }
    />
  );
}
