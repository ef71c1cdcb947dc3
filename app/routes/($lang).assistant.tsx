import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { answerHeadingId, ChatAnswer } from "~/components/assistant/ChatAnswer";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextAreaField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { clearConversationCookie, conversationFor, readConversationId } from "~/http/assistant.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { askAssistant, getConversation, InvalidQuestion, maxQuestionLength, rateAnswer } from "~/modules/assistant/index.server";
import { chatFormSchema, rateFormSchema } from "~/modules/assistant/chat-schema";
import { getDb } from "~/modules/db/index.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";
import assistantStyles from "~/styles/assistant.css?url";
import { metaDescription } from "~/modules/site/meta-description";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assistantStyles }];

export const handle: PageHandle = {
  title: ({ t }) => t("assistant.page.title"),
  description: ({ t, locale }) => metaDescription(t("assistant.page.intro"), locale),
  crumbs: ({ t }) => [{ label: t("assistant.page.title") }],
};

const formId = "chat";

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const conversationId = await readConversationId(request);
  const turns = conversationId ? await getConversation(getDb(), conversationId) : [];
  // After a post without JavaScript (PRG): which answer is new, so the status line can say "已回答".
  const answered = new URL(request.url).searchParams.get("answered");
  return { turns, maxLength: maxQuestionLength, answered: turns.some((turn) => turn.id === answered) ? answered : null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const form = await readFormData(request);
  const intent = form.get("intent");
  // With JavaScript the page posts through a fetcher (js=1) and stays put; without, it gets a redirect (PRG).
  const viaScript = form.get("js") === "1";
  const here = localePath("/assistant", locale);

  if (intent === "reset") {
    return redirect(here, { headers: { "Set-Cookie": await clearConversationCookie(request) } });
  }

  if (intent === "rate") {
    const submission = parseWithZod(form, { schema: rateFormSchema });
    const conversationId = await readConversationId(request);
    if (submission.status === "success" && conversationId) {
      await rateAnswer(getDb(), { id: submission.value.id, conversationId, helpful: submission.value.helpful === "1" });
      return viaScript ? { rated: submission.value.id } : redirect(`${here}#${answerHeadingId(submission.value.id)}`);
    }
    return redirect(here);
  }

  const submission = parseWithZod(form, { schema: chatFormSchema });
  if (submission.status !== "success") {
    return data({ hasErrors: true, lastResult: submission.reply(), answered: null }, { status: 400 });
  }
  const limit = await hitRateLimit(getDb(), "chat", context.clientIp ?? "local");
  if (!limit.allowed) {
    return data(
      { hasErrors: true, lastResult: submission.reply({ formErrors: ["rateLimited"] }), answered: null },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const conversation = await conversationFor(request);
  const headers = conversation.setCookie ? { "Set-Cookie": conversation.setCookie } : undefined;
  try {
    const reply = await askAssistant({ question: submission.value.question, locale }, { db: getDb(), conversationId: conversation.id });
    if (viaScript) return data({ hasErrors: false, lastResult: null, answered: reply.id }, { headers });
    return redirect(`${here}?answered=${reply.id}#${answerHeadingId(reply.id ?? "")}`, { headers });
  } catch (error) {
    if (!(error instanceof InvalidQuestion)) throw error;
    const code = error.code === "empty" ? "required" : `tooLong:${error.max}`;
    // The question is not echoed back when it carried personal numbers: the field starts empty again.
    return data(
      { hasErrors: true, lastResult: submission.reply({ fieldErrors: { question: [code] }, resetForm: error.code === "too_long" }), answered: null },
      { status: 400, headers },
    );
  }
}

type ActionData = { hasErrors: boolean; lastResult: Parameters<typeof formState>[0]; answered: string | null };

export default function Assistant() {
  const { t } = useT();
  const { href } = useLocale();
  const { turns, maxLength, answered } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<ActionData>();
  const formRef = useRef<HTMLFormElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [status, setStatus] = useState<"" | "searching" | "answered">("");
  const wasBusy = useRef(false);

  useEffect(() => setHydrated(true), []);

  // With JavaScript the answer comes through the fetcher; without, a failed post renders as action data.
  const pageActionData = useActionData<typeof action>() as ActionData | undefined;
  const actionData = fetcher.data ?? pageActionData;
  const state = formState(actionData?.hasErrors ? actionData.lastResult : null);
  // Error codes ("required", "tooLong:500", "rateLimited") in this form's own words.
  const message = (code: string) => {
    const [name, max] = code.split(":");
    return t(`errors.${name}`, { field: t("assistant.page.questionField"), max, defaultValue: t("errors.badRequest") });
  };
  const questionErrors = state.errors("question").map(message);
  const summary = [
    ...state.formErrors().map((code) => ({ text: message(code) })),
    ...questionErrors.map((text) => ({ id: fieldId(formId, "question"), text })),
  ];

  // "正在查找答案…" while the question is out, then "已回答" and focus on the new answer's heading.
  useEffect(() => {
    if (fetcher.state === "submitting") {
      wasBusy.current = true;
      setStatus("searching");
      return;
    }
    if (fetcher.state === "idle" && wasBusy.current) {
      wasBusy.current = false;
      if (fetcher.data?.answered) {
        setStatus("answered");
        formRef.current?.reset();
        document.getElementById(answerHeadingId(fetcher.data.answered))?.focus();
      } else {
        setStatus("");
      }
    }
  }, [fetcher.state, fetcher.data]);

  // Without JavaScript the redirect's #answer-… fragment takes the reader to the new answer; say it is there.
  const answeredWithoutScript = Boolean(answered) && status === "";

  return (
    <div className="page page--narrow assistant">
      <ErrorSummary errors={summary} />
      <h1>{t("assistant.page.title")}</h1>
      <p className="lead">{t("assistant.page.intro")}</p>
      <p>{t("assistant.page.notDecision")}</p>
      <p>
        <LocalLink to="/assistant/eligibility">{t("assistant.page.eligibilityLink")}</LocalLink>
      </p>

      <section aria-labelledby="chat-log-heading">
        <h2 id="chat-log-heading" className="visually-hidden">
          {t("assistant.page.logHeading")}
        </h2>
        {/* A log that does not speak: the status below says "已回答" and focus moves to the new answer's heading,
            from where it is read once. A live log read the whole answer, then focus read it again. */}
        <div role="log" aria-live="off" aria-labelledby="chat-log-heading" className="chat-log">
          {turns.length === 0 ? <p className="chat-log__empty">{t("assistant.page.empty")}</p> : null}
          {turns.map((turn) => (
            <ChatAnswer key={turn.id} turn={turn} rateAction="/assistant" />
          ))}
        </div>
      </section>

      <div role="status" className="chat-status">
        {status === "searching" ? t("assistant.page.searching") : status === "answered" || answeredWithoutScript ? t("assistant.page.answered") : ""}
      </div>

      <fetcher.Form method="post" action={href("/assistant")} id={formId} noValidate ref={formRef} className="chat-form" preventScrollReset>
        <input type="hidden" name="intent" value="ask" />
        {hydrated ? <input type="hidden" name="js" value="1" /> : null}
        <TextAreaField
          id={fieldId(formId, "question")}
          name="question"
          label={t("assistant.page.questionLabel")}
          hint={t("assistant.page.questionHint", { max: maxLength })}
          errors={questionErrors}
          defaultValue={state.value("question")}
          rows={3}
        />
        <button type="submit" className="button">
          {t("assistant.page.ask")}
        </button>
      </fetcher.Form>

      {turns.length ? (
        <Form method="post" action={href("/assistant")} className="chat-actions">
          <input type="hidden" name="intent" value="reset" />
          <button type="submit" className="button button--secondary">
            {t("assistant.page.newConversation")}
          </button>
        </Form>
      ) : null}
      <p>{t("assistant.page.humanHelp")}</p>
      <ul>
        <li>{t("assistant.page.hotline")}</li>
        <li>
          <LocalLink to="/feedback">{t("assistant.page.feedbackLink")}</LocalLink>
        </li>
      </ul>
    </div>
  );
}
