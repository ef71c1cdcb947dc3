import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { ErrorSummary } from "~/components/ErrorSummary";
import { RadioGroupField, TextAreaField, TextField } from "~/components/Fields";
import { localizedErrors } from "~/components/form-errors";
import { fieldId, formState } from "~/components/form-state";
import { Honeypot } from "~/components/Honeypot";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { getDb } from "~/modules/db/index.server";
import { feedbackSchema } from "~/modules/feedback/feedback-schema";
import { feedbackTopics } from "~/modules/feedback/feedback-constants";
import { submitFeedback } from "~/modules/feedback/index.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";
import { metaDescription } from "~/modules/site/meta-description";

export const handle: PageHandle = {
  title: ({ t }) => t("feedback.title"),
  description: ({ t, locale }) => metaDescription(t("feedback.intro"), locale),
  crumbs: ({ t }) => [{ label: t("feedback.title") }],
};

const formId = "feedback";
const fieldOrder = ["topic", "message", "name", "contact"] as const;

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const submission = parseWithZod(await readFormData(request), { schema: feedbackSchema });
  if (submission.status !== "success") {
    const spam = Boolean(submission.error?.website);
    return data(
      { hasErrors: true, lastResult: spam ? submission.reply({ formErrors: ["spam"] }) : submission.reply() },
      { status: 400 },
    );
  }
  const limit = await hitRateLimit(getDb(), "feedback", context.clientIp ?? "local");
  if (!limit.allowed) {
    return data(
      { hasErrors: true, lastResult: submission.reply({ formErrors: ["rateLimited"] }) },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const { reference } = await submitFeedback(getDb(), submission.value, locale);
  return redirect(localePath(`/feedback/sent?ref=${encodeURIComponent(reference)}`, locale));
}

export default function Feedback() {
  const { t } = useT();
  const { href } = useLocale();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = localizedErrors(t, state, formId, fieldOrder);
  const id = (name: string) => fieldId(formId, name);

  return (
    <div className="page page--narrow">
      <ErrorSummary errors={summary} />
      <h1>{t("feedback.title")}</h1>
      <p className="lead">{t("feedback.intro")}</p>
      <p>{t("feedback.requiredNote")}</p>
      <Form method="post" action={href("/feedback")} id={formId} noValidate>
        <RadioGroupField
          id={id("topic")}
          name="topic"
          legend={t("feedback.topicLegend")}
          options={feedbackTopics.map((value) => ({ value, label: t(`feedback.topics.${value}`) }))}
          errors={fieldErrors.topic}
          defaultValue={state.value("topic")}
        />
        <TextAreaField
          id={id("message")}
          name="message"
          label={t("feedback.messageLabel")}
          hint={t("feedback.messageHint")}
          errors={fieldErrors.message}
          defaultValue={state.value("message")}
        />
        <TextField
          id={id("name")}
          name="name"
          label={t("feedback.nameLabel")}
          errors={fieldErrors.name}
          defaultValue={state.value("name")}
          autoComplete="name"
        />
        <TextField
          id={id("contact")}
          name="contact"
          label={t("feedback.contactLabel")}
          hint={t("feedback.contactHint")}
          errors={fieldErrors.contact}
          defaultValue={state.value("contact")}
          autoComplete="tel"
          inputMode="text"
        />
        <Honeypot label={t("feedback.website")} />
        <button type="submit" className="button">
          {t("feedback.submit")}
        </button>
      </Form>
    </div>
  );
}
