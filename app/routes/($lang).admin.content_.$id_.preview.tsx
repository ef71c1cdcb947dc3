import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import { PolicyDocument } from "~/components/policies/PolicyDocument";
import { useLocale } from "~/components/use-locale";
import { readFormData } from "~/http/form-data.server";
import { policyPageData } from "~/http/policy-page.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { approveAndPublish, getPendingReview, mayApprove, previewDocument, requestReview } from "~/modules/content/editorial.server";
import { getDb } from "~/modules/db/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

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
  const { user } = await requireStaff(request, "content");
  const db = getDb();
  const preview = await previewDocument(db, params.id ?? "");
  if (!preview) throw new Response("Not Found", { status: 404 });
  const review = preview.stored.published ? undefined : await getPendingReview(db, preview.stored.meta.id);
  return {
    page: policyPageData(preview.document, locale),
    // published: the live text, no draft beside it; edited: a draft of a published document (the public sees the live one).
    published: preview.stored.published,
    edited: !preview.stored.published && preview.live.published,
    // Publishing this draft repeals the document (content.repeal).
    repeals: !preview.stored.published && preview.stored.meta.status === "repealed" && !(preview.live.published && preview.live.meta.status === "repealed"),
    revision: preview.stored.revision,
    // none: a draft to ask about; waiting: asked, this user cannot approve it (asked or wrote it); approvable.
    review: !review || review.revision !== preview.stored.revision ? "none" : mayApprove(user.id, review, preview.stored.updatedBy) ? "approvable" : "waiting",
  } as const;
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const form = await readFormData(request);
  const id = params.id ?? "";
  const revision = Number(form.get("revision"));
  const intent = form.get("intent");
  if (!Number.isInteger(revision) || (intent !== "request" && intent !== "approve")) throw new Response("Bad Request", { status: 400 });
  const result = intent === "request" ? await requestReview(getDb(), actorOf(session), id, revision) : await approveAndPublish(getDb(), actorOf(session), id, revision);
  if (result.ok) {
    return redirect(localePath(intent === "request" ? `/admin/content/${id}/preview?requested=1` : `/admin/content?published=${encodeURIComponent(id)}`, locale));
  }
  if (result.reason === "notFound") throw new Response("Not Found", { status: 404 });
  return data({ hasErrors: true, reason: result.reason }, { status: result.reason === "ownDraft" ? 403 : 409 });
}

/** A draft as the public page will show it (the same component), marked as a preview that is not published. */
export default function PreviewDraft() {
  const { t } = useT();
  const { href } = useLocale();
  const { page, published, edited, repeals, revision, review } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const [params] = useSearchParams();
  const formAction = href(`/admin/content/${page.doc.id}/preview`);
  return (
    <PolicyDocument
      data={page}
      preview={
        <>
          <ErrorSummary errors={refused ? [{ text: t(`admin.editor.reviewErrors.${refused.reason}`) }] : []} />
          <div className="notice notice--warning preview-banner" role="note" aria-label={t("admin.editor.previewLabel")}>
            {params.get("saved") ? <p role="status">{t("admin.editor.savedRevision", { revision })}</p> : null}
            {params.get("requested") ? <p role="status">{t("admin.editor.requested")}</p> : null}
            {params.get("restored") ? <p role="status">{t("admin.editor.history.restored", { revision: params.get("restored"), current: revision })}</p> : null}
            <p>
              <strong>{t("admin.editor.previewLabel")}</strong> {published ? t("admin.editor.previewPublished") : edited ? t("admin.editor.previewEdited") : t("admin.editor.previewDraft")}
            </p>
            {published ? null : (
              <>
                {review === "waiting" ? <p>{t("admin.editor.waiting")}</p> : null}
                {review === "approvable" ? <p>{t("admin.editor.approvable")}</p> : null}
                {repeals ? <p>{t("admin.editor.approvableRepeal")}</p> : null}
                {review === "waiting" ? null : (
                  <Form method="post" action={formAction} className="button-row">
                    <input type="hidden" name="revision" value={revision} />
                    <button type="submit" name="intent" value={review === "approvable" ? "approve" : "request"} className="button">
                      {review === "approvable" ? t("admin.editor.approve") : t("admin.editor.requestReview")}
                    </button>
                  </Form>
                )}
                <p>
                  <LocalLink to={`/admin/content/${page.doc.id}`}>{t("admin.editor.backToEdit", { title: page.doc.title })}</LocalLink>{" "}
                  <LocalLink to="/admin/content">{t("admin.editor.backToList")}</LocalLink>
                </p>
              </>
            )}
          </div>
        </>
      }
    />
  );
}
