import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { AdminHandle } from "~/components/admin-handle";
import { AnswerNowNote } from "~/components/assistant/AnswerNowNote";
import { ErrorSummary } from "~/components/ErrorSummary";
import { RadioGroupField, TextField } from "~/components/Fields";
import { LangText } from "~/components/LangText";
import { LocalLink } from "~/components/LocalLink";
import { useLocale } from "~/components/use-locale";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { maskedQuestion } from "~/modules/assistant/hit-test.server";
import { answerNowWithSections, answerWithDraft } from "~/modules/assistant/question-loop.server";
import { addQuestionPeopleAsk } from "~/modules/content/editorial.server";
import { getDb } from "~/modules/db/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

/**
 * For editors (issue 16, item 5a): an unanswered question added as a "question people ask" to the section that
 * answers it — one of the retrieval's best sections of published documents, chosen by radio button (looked up with
 * the editor's own words when the question finds none). It becomes a draft beside the document's live text
 * (editorial.server.ts, addQuestionPeopleAsk), reviewed like any draft; the page says whether the assistant answers
 * the question now and, on "test with this change", whether it would with the draft.
 */
export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t }) => t("assistant.peopleAsk.title"),
  crumbs: ({ t }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("assistant.admin.title"), to: "/admin/assistant" },
    { label: t("assistant.peopleAsk.title") },
  ],
};

const querySchema = z.object({
  // raw: cleaned, masked and measured by the assistant's guards (maskedQuestion), never stored
  q: z.string().optional(),
  lang: z.enum(["zh-CN", "en"]).optional().catch(undefined),
  // raw: the editor's words to look the sections up with, asked of the retrieval test as a question is
  find: z.string().max(200).optional().catch(undefined),
  /** A document whose draft the question is tested with. */
  // raw: a document id, only looked up among the stored documents
  test: z.string().max(120).optional(),
  done: z.literal("added").optional().catch(undefined),
  // raw: a document id, only looked up among the stored documents
  doc: z.string().max(120).optional(),
});

const formSchema = z.object({
  // raw: the unanswered question as the list shows it (masked when it was stored); checked by the module
  q: z.string().default(""),
  lang: z.enum(["zh-CN", "en"]).catch("zh-CN"),
  // raw: the editor's words to look the sections up with, asked of the retrieval test as a question is
  find: z.string().max(200).catch(""),
  /** "<document id>#<anchor>", "#" alone for the document as a whole. */
  section: z
    .string()
    .regex(/^[^#\s]{1,120}#[^#\s]{0,120}$/)
    .optional()
    .catch(undefined),
});

const formId = "people-ask";
const fieldId = `${formId}-section`;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const pageLocale = routeLocale(params);
  await requireStaff(request, "content");
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = query.lang ?? pageLocale;
  const question = maskedQuestion(query.q);
  // The page is about one question: without one there is no such page (the unanswered list links here with ?q=).
  if (!question) throw new Response("Not Found", { status: 404 });
  const find = maskedQuestion(query.find);
  const found = await answerNowWithSections(question, locale, find);
  const withChange = query.test ? await answerWithDraft(getDb(), query.test, question, locale) : undefined;
  return {
    question,
    locale,
    find,
    now: found?.now ?? null,
    sections: found?.sections ?? [],
    tested: query.test && withChange !== undefined ? { id: query.test, answer: withChange } : null,
    added: query.done === "added" && query.doc ? query.doc : null,
  };
}

type Problem = { code: "required" | "already" | "invalid" | "notFound"; messages?: string[] };

export async function action({ params, request }: ActionFunctionArgs) {
  const pageLocale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const form = formSchema.parse(Object.fromEntries(await readFormData(request)));
  const question = maskedQuestion(form.q);
  if (!question) throw new Response("Bad Request", { status: 400 });
  const fail = (problem: Problem, status = 400) => data({ hasErrors: true as const, problem }, { status });
  if (!form.section) return fail({ code: "required" });
  const [id, anchor] = form.section.split("#") as [string, string];
  const result = await addQuestionPeopleAsk(getDb(), actorOf(session), { id, anchor: anchor || null, question, locale: form.lang });
  if (!result.ok) return fail(result.reason === "invalid" ? { code: "invalid", messages: result.messages } : { code: result.reason }, result.reason === "notFound" ? 404 : 400);
  const back = new URLSearchParams({ q: question, lang: form.lang, ...(form.find ? { find: form.find } : {}), done: "added", doc: result.id });
  return redirect(`${localePath("/admin/assistant/question", pageLocale)}?${back}`);
}

export default function QuestionPeopleAsk() {
  const { t } = useT();
  const { href } = useLocale();
  const { question, locale, find, now, sections, tested, added } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const problem = reply && "problem" in reply ? reply.problem : null;
  const errors = problem
    ? problem.code === "invalid"
      ? (problem.messages ?? []).map((m) => t("assistant.peopleAsk.errors.invalid", { message: m }))
      : [t(`assistant.peopleAsk.errors.${problem.code}`)]
    : [];
  const self = href(`/admin/assistant/question?${new URLSearchParams({ q: question, lang: locale, ...(find ? { find } : {}) })}`);
  const keep = (
    <>
      <input type="hidden" name="q" value={question} />
      <input type="hidden" name="lang" value={locale} />
    </>
  );
  return (
    <div className="page">
      <ErrorSummary errors={errors.map((text) => ({ id: sections.length ? fieldId : undefined, text }))} />
      <h1>{t("assistant.peopleAsk.title")}</h1>
      <p>{t("assistant.peopleAsk.intro")}</p>
      {added ? (
        <div className="notice" role="status">
          <p>{t("assistant.peopleAsk.added")}</p>
          <p>
            <LocalLink to={`/admin/content/${added}/preview`}>{t("assistant.peopleAsk.reviewLink")}</LocalLink>
          </p>
        </div>
      ) : null}

      <section aria-labelledby="people-ask-question">
        <h2 id="people-ask-question">{t("assistant.glossary.questionHeading")}</h2>
        <p>
          <LangText text={question} />
        </p>
        <AnswerNowNote answer={now} label={t("assistant.loop.nowLabel")} />
        {tested ? <AnswerNowNote answer={tested.answer} label={t("assistant.peopleAsk.withDraftLabel")} /> : null}
        {added ? (
          <Form method="get" action={href("/admin/assistant/question")}>
            {keep}
            {find ? <input type="hidden" name="find" value={find} /> : null}
            <input type="hidden" name="done" value="added" />
            <input type="hidden" name="doc" value={added} />
            <input type="hidden" name="test" value={added} />
            <button type="submit" className="button button--secondary">
              {t("assistant.loop.testWithChange")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="people-ask-find">
        <h2 id="people-ask-find">{t("assistant.peopleAsk.findHeading")}</h2>
        <Form method="get" action={href("/admin/assistant/question")}>
          {keep}
          <TextField id={`${formId}-words`} name="find" label={t("assistant.peopleAsk.findLabel")} hint={t("assistant.peopleAsk.findHint")} defaultValue={find} autoComplete="off" />
          <button type="submit" className="button button--secondary">
            {t("assistant.peopleAsk.findButton")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="people-ask-add">
        <h2 id="people-ask-add">{t("assistant.peopleAsk.addHeading")}</h2>
        {sections.length === 0 ? (
          <p>{t("assistant.peopleAsk.noSections")}</p>
        ) : (
          <Form method="post" action={self} id={formId} noValidate>
            {keep}
            {find ? <input type="hidden" name="find" value={find} /> : null}
            <RadioGroupField
              id={fieldId}
              name="section"
              legend={t("assistant.peopleAsk.sectionLegend")}
              hint={t("assistant.peopleAsk.sectionHint")}
              errors={problem?.code === "required" ? errors : []}
              options={sections.map((s) => ({
                value: `${s.docId}#${s.anchor ?? ""}`,
                label: <LangText text={s.title} />,
                hint: (
                  <LocalLink to={s.url} lang="zh-CN">
                    {t("assistant.peopleAsk.readSection")}
                    <span className="visually-hidden">
                      {t("assistant.hitTest.separator")}
                      {s.title}
                    </span>
                  </LocalLink>
                ),
              }))}
            />
            <button type="submit" className="button">
              {t("assistant.peopleAsk.add")}
            </button>
          </Form>
        )}
      </section>
      <p>
        <LocalLink to="/admin/assistant">{t("assistant.hitTest.backToList")}</LocalLink>
      </p>
    </div>
  );
}
