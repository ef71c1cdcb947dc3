import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { DraftForm, draftErrors, type DraftValues } from "~/components/content/DraftForm";
import { draftFormMessages } from "~/components/content/draft-messages";
import { ErrorSummary } from "~/components/ErrorSummary";
import { useLocale } from "~/components/use-locale";
import { draftFormError, draftFormInput } from "~/http/content-admin.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { saveDraft } from "~/modules/content/editorial.server";
import { chinaToday } from "~/modules/content/schema";
import { getDb } from "~/modules/db/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t }) => t("admin.editor.newNotice"),
  crumbs: ({ t }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("admin.editor.title"), to: "/admin/content" },
    { label: t("admin.editor.newNotice") },
  ],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "content");
  return { today: chinaToday() };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const { values } = draftFormInput(await readFormData(request));
  const result = await saveDraft(getDb(), actorOf(session), { values, create: { type: "notice" } });
  if (!result.ok) return draftFormError(values, result);
  return redirect(localePath(`/admin/content/${result.id}/preview?saved=1`, locale));
}

export default function NewNotice() {
  const { t } = useT();
  const { href } = useLocale();
  const { today } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { fieldErrors, summary } = draftErrors(t, reply?.fieldErrors ?? {}, draftFormMessages(t, reply?.formErrors ?? []));
  const values: DraftValues = reply?.values ?? { status: "current", issuer: t("admin.editor.defaultIssuer"), issued: today, reviewed: today };
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={summary} />
      <h1>{t("admin.editor.newNotice")}</h1>
      <p>{t("admin.editor.formIntro")}</p>
      <DraftForm action={href("/admin/content/new")} values={values} fieldErrors={fieldErrors} isNew />
    </div>
  );
}
