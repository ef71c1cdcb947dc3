import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { AdminHandle } from "~/components/admin-handle";
import { RadioGroupField } from "~/components/Fields";
import { useLocale } from "~/components/use-locale";
import { useReportFormErrors } from "~/components/use-form-errors-state";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { staffFeedbackStatuses, type FeedbackStatus } from "~/modules/feedback/feedback-constants";
import { openFeedback, updateFeedback } from "~/modules/feedback/index.server";
import { freeText } from "~/modules/privacy/text-fields";
import { normaliseReference } from "~/modules/shared/reference";
import { actorOf, requireStaff } from "~/modules/staff/index.server";
import { messagesAbout } from "~/modules/messages/index.server";
import { ReplyDelivery } from "~/components/messages/ReplyDelivery";

export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t, data }) => t("admin.feedbackDetail", { reference: (data as { item?: { reference: string } } | undefined)?.item?.reference ?? "" }),
  crumbs: ({ t, data }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("admin.feedback"), to: "/admin/feedback" },
    { label: (data as { item?: { reference: string } } | undefined)?.item?.reference ?? "" },
  ],
};

/** Opening a message shows its contact details in full, so the view is audited. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const session = await requireStaff(request, "content");
  const item = await openFeedback(getDb(), actorOf(session), normaliseReference(params.reference ?? ""));
  if (!item) throw new Response("Not Found", { status: 404 });
  return { item, messages: await messagesAbout(getDb(), { type: "feedback", id: item.reference }) };
}

const updateSchema = z.object({ status: z.enum(staffFeedbackStatuses), reply: freeText({ max: 4000, multiline: true }).optional() });

export async function action({ params, request }: ActionFunctionArgs) {
  routeLocale(params);
  const session = await requireStaff(request, "content");
  const reference = normaliseReference(params.reference ?? "");
  const parsed = updateSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return data({ hasErrors: true, saved: false }, { status: 400 });
  const { updated, replyQueued } = await updateFeedback(getDb(), actorOf(session), reference, { status: parsed.data.status, reply: parsed.data.reply?.trim() || null });
  if (!updated) throw new Response("Not Found", { status: 404 });
  return { hasErrors: false, saved: true, replyQueued };
}

export default function FeedbackDetail() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { item, messages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // A post the form cannot send (a status not offered): only the title says so, as before.
  useReportFormErrors(Boolean(result?.hasErrors));
  return (
    <div className="page page--narrow">
      <h1>{t("admin.feedbackDetail", { reference: item.reference })}</h1>
      {result?.saved ? (
        <div className="notice notice--success" role="status">
          <p>{t("admin.saved")}</p>
          {"replyQueued" in result && result.replyQueued ? <p>{t("messages.admin.feedbackQueued")}</p> : null}
        </div>
      ) : null}
      <dl className="summary-list">
        <dt>{t("admin.colTopic")}</dt>
        <dd>{t(`feedback.topics.${item.topic as "other"}`)}</dd>
        <dt>{t("admin.colReceived")}</dt>
        <dd>{formatDateTime(item.created_at, locale)}</dd>
        <dt>{t("admin.name")}</dt>
        <dd>{item.name ?? t("admin.none")}</dd>
        <dt>{t("admin.contactFull")}</dt>
        <dd>{item.contact ?? t("admin.none")}</dd>
        <dt>{t("admin.message")}</dt>
        <dd className="message-text">{item.message}</dd>
      </dl>
      {item.status === "withdrawn" ? (
        <p className="notice">
          <strong>{t("admin.status.withdrawn")}</strong>
        </p>
      ) : null}
      <Form method="post" action={href(`/admin/feedback/${item.reference}`)}>
        <RadioGroupField
          id="feedback-status"
          name="status"
          legend={t("admin.statusLegend")}
          options={staffFeedbackStatuses.map((s) => ({ value: s, label: t(`admin.status.${s as FeedbackStatus}`) }))}
          defaultValue={item.status}
        />
        <div className="field">
          <label className="field__label" htmlFor="feedback-reply">
            {t("admin.replyLabel")}
          </label>
          <p className="field__hint" id="feedback-reply-hint">
            {t("messages.admin.replyHint")}
          </p>
          <textarea id="feedback-reply" name="reply" rows={5} defaultValue={item.reply ?? ""} aria-describedby="feedback-reply-hint" />
        </div>
        <button type="submit" className="button">
          {t("admin.save")}
        </button>
      </Form>
      <ReplyDelivery hasContact={Boolean(item.contact)} messages={messages} />
    </div>
  );
}
