import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { AdminHandle } from "~/components/admin-handle";
import { DraftForm, draftErrors, type DraftValues } from "~/components/content/DraftForm";
import { draftFormMessages } from "~/components/content/draft-messages";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextField } from "~/components/Fields";
import { useLocale } from "~/components/use-locale";
import { draftFormError, draftFormInput } from "~/http/content-admin.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { maskedQuestion } from "~/modules/assistant/hit-test.server";
import { saveDraft } from "~/modules/content/editorial.server";
import { chinaToday } from "~/modules/content/schema";
import { getDb } from "~/modules/db/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

/** `?type=faq&question=…&lang=…`: a new FAQ made from an unanswered question (its first "question people ask"). */
const kindSchema = z.object({
  type: z.enum(["notice", "faq"]).catch("notice"),
  // raw: cleaned, masked and measured by the assistant's guards (maskedQuestion), then by the document schema
  question: z.string().optional(),
  lang: z.enum(["zh-CN", "en"]).catch("zh-CN"),
});

const titleKey = (data: unknown) => ((data as { type?: string } | undefined)?.type === "faq" ? "admin.editor.newFaq" : "admin.editor.newNotice");

export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t, data }) => t(titleKey(data)),
  crumbs: ({ t, data }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("admin.editor.title"), to: "/admin/content" },
    { label: t(titleKey(data)) },
  ],
};

function kindOf(input: Record<string, unknown>) {
  const kind = kindSchema.parse(input);
  // Only a question the guards accept, masked as the staff pages show it; a notice has none.
  return { type: kind.type, question: kind.type === "faq" ? maskedQuestion(kind.question) : "", lang: kind.lang };
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "content");
  return { today: chinaToday(), ...kindOf(Object.fromEntries(new URL(request.url).searchParams)) };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const form = await readFormData(request);
  const { values } = draftFormInput(form);
  const kind = kindOf({ type: form.get("type") ?? undefined, question: form.get("question") ?? undefined, lang: form.get("questionLang") ?? undefined });
  const create = { type: kind.type, ...(kind.question ? { question: { text: kind.question, locale: kind.lang } } : {}) };
  const result = await saveDraft(getDb(), actorOf(session), { values, create });
  if (!result.ok) return draftFormError(values, result);
  return redirect(localePath(`/admin/content/${result.id}/preview?saved=1`, locale));
}

export default function NewDocument() {
  const { t } = useT();
  const { href } = useLocale();
  const { today, type, question, lang } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { fieldErrors, summary } = draftErrors(t, reply?.fieldErrors ?? {}, draftFormMessages(t, reply?.formErrors ?? []));
  const values: DraftValues = reply?.values ?? { status: "current", issuer: t("admin.editor.defaultIssuer"), issued: today, reviewed: today };
  const extra =
    type === "faq" ? (
      <>
        <input type="hidden" name="type" value="faq" />
        <input type="hidden" name="questionLang" value={lang} />
        <TextField
          id="draft-question"
          name="question"
          label={t("admin.editor.firstQuestion")}
          hint={t("admin.editor.firstQuestionHint")}
          defaultValue={question}
          lang={lang}
        />
      </>
    ) : null;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={summary} />
      <h1>{t(type === "faq" ? "admin.editor.newFaq" : "admin.editor.newNotice")}</h1>
      <p>{t("admin.editor.formIntro")}</p>
      <DraftForm action={href(type === "faq" ? `/admin/content/new?${new URLSearchParams({ type, question, lang })}` : "/admin/content/new")} values={values} fieldErrors={fieldErrors} isNew extra={extra} />
    </div>
  );
}
