import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { DraftForm, draftErrors } from "~/components/content/DraftForm";
import { draftFormMessages } from "~/components/content/draft-messages";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import { useLocale } from "~/components/use-locale";
import { draftFormError, draftFormInput } from "~/http/content-admin.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { StaleSaveDiff, staleDiffHeadingId } from "~/components/content/StaleSaveDiff";
import { VersionHistory } from "~/components/content/VersionHistory";
import { documentHistory, getEditableDocument, saveDraft } from "~/modules/content/editorial.server";
import { getDb } from "~/modules/db/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t, data }) => t((data as Data | undefined)?.published ? "admin.editor.editPublishedTitle" : "admin.editor.editTitle", { title: (data as Data | undefined)?.title ?? "" }),
  crumbs: ({ t, data }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("admin.editor.title"), to: "/admin/content" },
    { label: (data as Data | undefined)?.title ?? "" },
  ],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "content");
  const [editable, history] = await Promise.all([getEditableDocument(getDb(), params.id ?? ""), documentHistory(getDb(), params.id ?? "")]);
  if (!editable || !history) throw new Response("Not Found", { status: 404 });
  // A published document is edited as a draft beside its live text: `published` says the public sees another version.
  return { id: editable.doc.meta.id, title: editable.doc.meta.title, published: editable.live.published, revision: editable.doc.revision, values: editable.values, articles: editable.articles, history };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const { values, expectedRevision } = draftFormInput(await readFormData(request));
  const result = await saveDraft(getDb(), actorOf(session), { id: params.id ?? "", values, expectedRevision });
  if (!result.ok) return draftFormError(values, result);
  return redirect(localePath(`/admin/content/${result.id}/preview?saved=1`, locale));
}

export default function EditDraft() {
  const { t } = useT();
  const { href } = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const staleDiff = reply?.staleDiff;
  // A stale save's message leads to what differs between the version saved meanwhile and what was typed.
  const messages = draftFormMessages(t, reply?.formErrors ?? [], reply?.currentRevision).map((text) => (staleDiff ? { text, id: staleDiffHeadingId } : text));
  const { fieldErrors, summary } = draftErrors(t, reply?.fieldErrors ?? {}, messages);
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={summary} />
      <h1>{t(loaded.published ? "admin.editor.editPublishedTitle" : "admin.editor.editTitle", { title: loaded.title })}</h1>
      {loaded.published ? (
        <p>
          {t("admin.editor.editPublishedIntro")} <LocalLink to={`/policies/${loaded.id}`}>{t("admin.editor.viewLink", { title: loaded.title })}</LocalLink>
        </p>
      ) : null}
      <p>
        {t("admin.editor.formIntro")} {t("admin.editor.revision", { revision: loaded.revision })}{" "}
        <LocalLink to={`/admin/content/${loaded.id}/preview`}>{t("admin.editor.previewLink", { title: loaded.title })}</LocalLink>
      </p>
      {staleDiff ? <StaleSaveDiff diff={staleDiff} /> : null}
      {/* After a conflict the form carries the revision saved meanwhile: saving again replaces it, knowingly (it stays in the versions). */}
      <DraftForm
        action={href(`/admin/content/${loaded.id}`)}
        values={reply?.values ?? loaded.values}
        fieldErrors={fieldErrors}
        revision={reply?.currentRevision ?? loaded.revision}
        isNew={false}
        articles={loaded.articles}
      />
      <VersionHistory id={loaded.id} items={loaded.history.items} current={loaded.history.current} />
    </div>
  );
}
