import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { z } from "zod";
import { DateTimeField } from "~/components/DateTimeField";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import { PolicyDocument } from "~/components/policies/PolicyDocument";
import { useLocale } from "~/components/use-locale";
import { readFormData } from "~/http/form-data.server";
import { policyPageData } from "~/http/policy-page.server";
import { routeLocale } from "~/http/route-locale";
import { chinaLocalToIso, isoToChinaLocal } from "~/http/china-local-time";
import { localePath } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import {
  approveAndPublish,
  approveAndSchedule,
  cancelSchedule,
  getPendingReview,
  mayApprove,
  mayCancelSchedule,
  previewDocument,
  requestReview,
  type ScheduleResult,
} from "~/modules/content/editorial.server";
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
    // Publishing this draft repeals these articles (content.repeal.article): their citations, in body order.
    repealsArticles: preview.stored.published
      ? []
      : preview.document.sections
          .filter((s) => s.repeal?.anchor === s.anchor && !(preview.live.published && preview.live.meta.repealedArticles?.some((a) => a.anchor === s.anchor)))
          .map((s) => s.citation),
    revision: preview.stored.revision,
    // none: a draft to ask about; waiting: asked, this user cannot approve it (asked or wrote it); approvable;
    // scheduled: approved, to be published at publishAt (the approver or an admin may cancel it: mayCancel).
    review:
      !review || review.revision !== preview.stored.revision
        ? "none"
        : review.publishAt
          ? "scheduled"
          : mayApprove(user.id, review, preview.stored.updatedBy)
            ? "approvable"
            : "waiting",
    publishAt: review?.revision === preview.stored.revision ? review.publishAt : null,
    mayCancel: review?.revision === preview.stored.revision && mayCancelSchedule({ id: user.id, roles: user.roles }, review),
  } as const;
}

const intents = ["request", "approve", "schedule", "cancelSchedule"] as const;
const reviewForm = z.object({
  intent: z.enum(intents),
  revision: z.coerce.number().int(),
  // raw: a datetime-local value, parsed into a time below (anything else is refused in the error summary)
  publishAt: z.string().trim().optional(),
});

/** The publication time posted (a datetime-local value, China time) → a Date, or the reason it is not one. */
function publishTime(value: string | undefined): Date | "required" | "invalid" {
  if (!value) return "required";
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return "invalid";
  const date = new Date(chinaLocalToIso(value.slice(0, 16)));
  return Number.isNaN(date.getTime()) ? "invalid" : date;
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const parsed = reviewForm.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const { intent, revision, publishAt } = parsed.data;
  const id = params.id ?? "";
  const db = getDb();
  const actor = actorOf(session);
  let result: ScheduleResult;
  if (intent === "schedule") {
    const when = publishTime(publishAt);
    if (typeof when === "string") return data({ hasErrors: true, reason: null, publishAtError: when, publishAt: publishAt ?? "" } as const, { status: 400 });
    result = await approveAndSchedule(db, actor, id, revision, when);
  } else if (intent === "cancelSchedule") result = await cancelSchedule(db, { ...actor, roles: session.user.roles }, id, revision);
  else if (intent === "request") result = await requestReview(db, actor, id, revision);
  else result = await approveAndPublish(db, actor, id, revision);
  if (result.ok) {
    const next = { request: `/admin/content/${id}/preview?requested=1`, approve: `/admin/content?published=${encodeURIComponent(id)}`, schedule: `/admin/content?scheduled=${encodeURIComponent(id)}`, cancelSchedule: `/admin/content/${id}/preview?unscheduled=1` }[intent];
    return redirect(localePath(next, locale));
  }
  if (result.reason === "notFound") throw new Response("Not Found", { status: 404 });
  if (result.reason === "past" || result.reason === "tooFar") return data({ hasErrors: true, reason: null, publishAtError: result.reason, publishAt: publishAt ?? "" } as const, { status: 400 });
  return data({ hasErrors: true, reason: result.reason, publishAtError: null, publishAt: publishAt ?? "" } as const, { status: result.reason === "ownDraft" || result.reason === "notApprover" ? 403 : 409 });
}

/** A draft as the public page will show it (the same component), marked as a preview that is not published. */
export default function PreviewDraft() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { page, published, edited, repeals, repealsArticles, revision, review, publishAt, mayCancel } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const [params] = useSearchParams();
  const formAction = href(`/admin/content/${page.doc.id}/preview`);
  return (
    <PolicyDocument
      data={page}
      preview={
        <>
          <ErrorSummary
            errors={
              refused?.publishAtError
                ? [{ id: "publishAt", text: t(`admin.editor.schedule.errors.${refused.publishAtError}`) }]
                : refused?.reason
                  ? [{ text: t(`admin.editor.reviewErrors.${refused.reason}`) }]
                  : []
            }
          />
          <div className="notice notice--warning preview-banner" role="note" aria-label={t("admin.editor.previewLabel")}>
            {params.get("saved") ? <p role="status">{t("admin.editor.savedRevision", { revision })}</p> : null}
            {params.get("requested") ? <p role="status">{t("admin.editor.requested")}</p> : null}
            {params.get("unscheduled") ? <p role="status">{t("admin.editor.schedule.cancelled")}</p> : null}
            {params.get("restored") ? <p role="status">{t("admin.editor.history.restored", { revision: params.get("restored"), current: revision })}</p> : null}
            <p>
              <strong>{t("admin.editor.previewLabel")}</strong> {published ? t("admin.editor.previewPublished") : edited ? t("admin.editor.previewEdited") : t("admin.editor.previewDraft")}
            </p>
            {published ? null : (
              <>
                {review === "waiting" ? <p>{t("admin.editor.waiting")}</p> : null}
                {review === "approvable" ? <p>{t("admin.editor.approvable")}</p> : null}
                {repeals ? <p>{t("admin.editor.approvableRepeal")}</p> : null}
                {repealsArticles.length > 0 ? <p>{t("admin.editor.approvableArticleRepeal", { articles: repealsArticles.join(locale === "en" ? ", " : "、") })}</p> : null}
                {review === "scheduled" && publishAt ? (
                  <>
                    <p>
                      <strong>{t("admin.editor.state.scheduled")}</strong>{" "}
                      {t("admin.editor.schedule.scheduled", { when: formatDateTime(publishAt, locale) })}
                    </p>
                    {mayCancel ? (
                      <Form method="post" action={formAction} className="button-row">
                        <input type="hidden" name="revision" value={revision} />
                        <button type="submit" name="intent" value="cancelSchedule" className="button button--secondary">
                          {t("admin.editor.schedule.cancel")}
                        </button>
                      </Form>
                    ) : (
                      <p>{t("admin.editor.schedule.cancelWho")}</p>
                    )}
                  </>
                ) : null}
                {review === "none" || review === "approvable" ? (
                  <Form method="post" action={formAction} className="button-row">
                    <input type="hidden" name="revision" value={revision} />
                    <button type="submit" name="intent" value={review === "approvable" ? "approve" : "request"} className="button">
                      {review === "approvable" ? t("admin.editor.approve") : t("admin.editor.requestReview")}
                    </button>
                  </Form>
                ) : null}
                {review === "approvable" ? (
                  <Form method="post" action={formAction}>
                    <fieldset>
                      <legend>{t("admin.editor.schedule.legend")}</legend>
                      <input type="hidden" name="revision" value={revision} />
                      <DateTimeField
                        id="publishAt"
                        name="publishAt"
                        label={t("admin.editor.schedule.publishAt")}
                        hint={t("admin.editor.schedule.publishAtHint")}
                        errors={refused?.publishAtError ? [t(`admin.editor.schedule.errors.${refused.publishAtError}`)] : []}
                        defaultValue={refused?.publishAt ?? (publishAt ? isoToChinaLocal(publishAt) : "")}
                      />
                      <div className="button-row">
                        <button type="submit" name="intent" value="schedule" className="button">
                          {t("admin.editor.schedule.submit")}
                        </button>
                      </div>
                    </fieldset>
                  </Form>
                ) : null}
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
