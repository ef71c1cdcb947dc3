import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { AdminHandle } from "~/components/admin-handle";
import { AnswerNowNote } from "~/components/assistant/AnswerNowNote";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextField } from "~/components/Fields";
import { LangText } from "~/components/LangText";
import { LocalLink } from "~/components/LocalLink";
import { useLocale } from "~/components/use-locale";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { maskedQuestion } from "~/modules/assistant/hit-test.server";
import { answerNow, answerWithMapping } from "~/modules/assistant/question-loop.server";
import {
  approveGlossaryMapping,
  getProposedMapping,
  glossaryFormSchema,
  listGlossaryEntries,
  mayApproveMapping,
  proposeGlossaryMapping,
  removeGlossaryMapping,
  servedGlossary,
} from "~/modules/content/glossary.server";
import { glossaryWordMax, type GlossaryError } from "~/modules/content/glossary-form";
import { getDb } from "~/modules/db/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

/**
 * For editors (issue 16, item 5b): glossary mappings made in the console — a word residents type, read as a term of
 * the corpus — prefilled from an unanswered question (`?q=…&lang=…`), proposed by one staff member, approved by
 * another, in use within seconds of the approval (glossary.server.ts). With a question, the page says what the
 * assistant answers to it now and, on "test with this change" for a proposed mapping, what it would answer with it.
 */
export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t }) => t("assistant.glossary.title"),
  crumbs: ({ t }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("assistant.admin.title"), to: "/admin/assistant" },
    { label: t("assistant.glossary.title") },
  ],
};

const querySchema = z.object({
  // raw: cleaned, masked and measured by the assistant's guards (maskedQuestion), never stored
  q: z.string().optional(),
  lang: z.enum(["zh-CN", "en"]).optional().catch(undefined),
  /** A proposed mapping to test the question with. */
  // raw: only looked up as a proposed mapping's id
  test: z.string().max(64).optional(),
  done: z.enum(["added", "approved", "removed"]).optional().catch(undefined),
});

const formId = "glossary";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const pageLocale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = query.lang ?? pageLocale;
  const question = maskedQuestion(query.q);
  const entries = await listGlossaryEntries(getDb());
  const now = question ? await answerNow(question, locale) : null;
  const testing = question && query.test ? await getProposedMapping(getDb(), query.test) : undefined;
  const withChange = testing ? { mapping: testing, answer: await answerWithMapping(question, locale, testing) } : null;
  const terms = servedGlossary().map((t) => t.canonical);
  return {
    question,
    locale,
    now,
    withChange,
    done: query.done ?? null,
    entries: entries.map((e) => ({ ...e, approvable: e.status === "proposed" && mayApproveMapping(session.user.id, e) })),
    terms,
    // The word prefilled: the first word of the question the best passages did not say.
    suggestion: now && !now.answered ? (now.missing[0] ?? "") : "",
  };
}

/** Where the page goes back to after an action: the same question, with what was done. */
function back(request: Request, locale: string, done: string, form: FormData): string {
  const q = form.get("q");
  const lang = form.get("lang");
  const search = new URLSearchParams({ ...(typeof q === "string" && q ? { q } : {}), ...(lang === "en" || lang === "zh-CN" ? { lang } : {}), done });
  return `${localePath("/admin/assistant/glossary", locale as never)}?${search}`;
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const form = await readFormData(request);
  const intent = form.get("intent");
  const actor = actorOf(session);
  if (intent === "add") {
    const input = glossaryFormSchema.parse({ variant: form.get("variant") ?? undefined, canonical: form.get("canonical") ?? undefined });
    const result = await proposeGlossaryMapping(getDb(), actor, input);
    if (!result.ok) return data({ hasErrors: true as const, errors: result.errors, values: result.values }, { status: 400 });
    return redirect(back(request, locale, "added", form));
  }
  const id = form.get("id");
  if (typeof id !== "string" || (intent !== "approve" && intent !== "remove")) throw new Response("Bad Request", { status: 400 });
  const result = intent === "approve" ? await approveGlossaryMapping(getDb(), actor, id) : await removeGlossaryMapping(getDb(), actor, id);
  if (!result.ok) {
    if (result.reason === "ownProposal") throw new Response("Forbidden", { status: 403 });
    if (result.reason === "notFound") throw new Response("Not Found", { status: 404 });
    throw new Response("Conflict", { status: 409 });
  }
  return redirect(back(request, locale, intent === "approve" ? "approved" : "removed", form));
}

export default function Glossary() {
  const { t, locale: pageLocale } = useT();
  const { href } = useLocale();
  const { question, locale, now, withChange, done, entries, terms, suggestion } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const errors: GlossaryError[] = reply && "errors" in reply ? reply.errors : [];
  const fieldName = { variant: t("assistant.glossary.variantField"), canonical: t("assistant.glossary.canonicalField") };
  const message = (e: GlossaryError) => t(`assistant.glossary.errors.${e.code}`, { field: fieldName[e.field], max: e.max ?? glossaryWordMax, term: e.term ?? "" });
  const errorsOf = (field: GlossaryError["field"]) => errors.filter((e) => e.field === field).map(message);
  const values = reply && "values" in reply ? reply.values : { variant: suggestion, canonical: "" };
  const wordField = (field: GlossaryError["field"], list?: string) => (
    <TextField
      id={`${formId}-${field}`}
      name={field}
      label={t(`assistant.glossary.${field}Label`)}
      hint={t(`assistant.glossary.${field}Hint`, { max: glossaryWordMax })}
      errors={errorsOf(field)}
      defaultValue={values[field]}
      list={list}
      autoComplete="off"
    />
  );
  /** Approve or remove one mapping (a post, back to this page with the same question). */
  const decide = (id: string, intent: "approve" | "remove", name: string) => (
    <Form method="post" action={self}>
      {keep}
      <input type="hidden" name="id" value={id} />
      <button type="submit" name="intent" value={intent} className={intent === "approve" ? "button" : "button button--secondary"}>
        {t(`assistant.glossary.${intent}`)}
        <Named name={name} />
      </button>
    </Form>
  );
  // Posts go to the page with its question, so a refused one comes back with it (and its hidden fields).
  const self = href(`/admin/assistant/glossary${question ? `?${new URLSearchParams({ q: question, lang: locale })}` : ""}`);
  const keep = (
    <>
      {question ? <input type="hidden" name="q" value={question} /> : null}
      <input type="hidden" name="lang" value={locale} />
    </>
  );
  return (
    <div className="page">
      <ErrorSummary errors={errors.map((e) => ({ id: `${formId}-${e.field}`, text: message(e) }))} />
      <h1>{t("assistant.glossary.title")}</h1>
      <p>{t("assistant.glossary.intro")}</p>
      {done ? (
        <p className="notice" role="status">
          {t(`assistant.glossary.done.${done}`)}
        </p>
      ) : null}

      {question ? (
        <section aria-labelledby="glossary-question">
          <h2 id="glossary-question">{t("assistant.glossary.questionHeading")}</h2>
          <p>
            <LangText text={question} />
          </p>
          <AnswerNowNote answer={now} label={t("assistant.loop.nowLabel")} />
          {withChange ? (
            <AnswerNowNote
              answer={withChange.answer}
              label={t("assistant.loop.withChangeLabel", { from: withChange.mapping.variant, to: withChange.mapping.canonical })}
            />
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="glossary-add">
        <h2 id="glossary-add">{t("assistant.glossary.addHeading")}</h2>
        <p>{t("assistant.glossary.addIntro")}</p>
        <Form method="post" action={self} id={formId} noValidate key={question}>
          {keep}
          {wordField("variant")}
          {wordField("canonical", "glossary-terms")}
          <datalist id="glossary-terms">
            {terms.map((term) => (
              <option key={term} value={term} />
            ))}
          </datalist>
          <button type="submit" name="intent" value="add" className="button">
            {t("assistant.glossary.add")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="glossary-entries">
        <h2 id="glossary-entries">{t("assistant.glossary.entriesHeading")}</h2>
        {entries.length === 0 ? (
          <p>{t("assistant.glossary.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{t("assistant.glossary.caption", { count: entries.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("assistant.glossary.colVariant")}</th>
                  <th scope="col">{t("assistant.glossary.colCanonical")}</th>
                  <th scope="col">{t("assistant.glossary.colState")}</th>
                  <th scope="col">{t("assistant.glossary.colActions")}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => {
                  const name = t("assistant.glossary.mappingName", { from: e.variant, to: e.canonical });
                  return (
                    <tr key={e.id}>
                      <th scope="row">
                        <LangText text={e.variant} />
                      </th>
                      <td>
                        <LangText text={e.canonical} />
                      </td>
                      <td>
                        {e.status === "approved"
                          ? t("assistant.glossary.approvedBy", { name: e.approvedByName ?? "", at: formatDateTime(e.approvedAt ?? "", pageLocale) })
                          : t("assistant.glossary.proposedBy", { name: e.proposedByName, at: formatDateTime(e.proposedAt, pageLocale) })}
                      </td>
                      <td>
                        <div className="button-row">
                          {question && e.status === "proposed" ? (
                            <Form method="get" action={href("/admin/assistant/glossary")}>
                              <input type="hidden" name="q" value={question} />
                              <input type="hidden" name="lang" value={locale} />
                              <input type="hidden" name="test" value={e.id} />
                              <button type="submit" className="button button--secondary">
                                {t("assistant.loop.testWithChange")}
                                <Named name={name} />
                              </button>
                            </Form>
                          ) : null}
                          {e.approvable ? decide(e.id, "approve", name) : null}
                          {decide(e.id, "remove", name)}
                        </div>
                        {e.status === "proposed" && !e.approvable ? <p className="field__hint">{t("assistant.glossary.secondPerson")}</p> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p>{t("assistant.glossary.withinSeconds")}</p>
      </section>
      <p>
        <LocalLink to="/admin/assistant">{t("assistant.hitTest.backToList")}</LocalLink>
      </p>
    </div>
  );
}

/** Which mapping a button is for, for screen readers (the row's words are visible beside it). */
function Named({ name }: { name: string }) {
  const { t } = useT();
  return (
    <span className="visually-hidden">
      {t("assistant.hitTest.separator")}
      {name}
    </span>
  );
}
