import { z } from "zod";
import { audienceIds, docStatuses, docTypes, topicIds } from "./taxonomy";

export { audienceIds, docStatuses, docTypes, topicIds };
export type { AudienceId, DocStatus, DocType, TopicId } from "./taxonomy";

/** Limits on the front-matter summaries (characters). */
export const summaryMax = 200;
export const summaryEnMax = 400;
/** Limits on the change notes ("what changed", shown on the page and in the feed): one short sentence. */
export const changeNoteMax = 120;
export const changeNoteEnMax = 240;

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * YAML may hand a date over as a Date (YAML 1.1 timestamps) or as text; both become `YYYY-MM-DD`. An empty one is
 * missing, said once (a form's cleared date field), not "not a date" twice.
 */
const dateString = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().superRefine((v, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    if (v.trim() === "") return problem("must not be empty");
    if (!isoDate.test(v)) problem("must be a date YYYY-MM-DD");
    if (Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || !new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)) problem("not a real date");
  }),
);

const nonEmpty = z.string().trim().min(1, "must not be empty");

/** Today's date in China (`YYYY-MM-DD`): the portal serves Qingyuan, and front-matter dates are China dates. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const documentIdSchema = z.string().regex(idPattern, "must be kebab-case (a-z, 0-9, -)");

/** Longest "question people ask" (characters): a question, not a paragraph. */
export const sectionQuestionMax = 120;
/** The `questions:` key for questions about the document as a whole (not one section). */
export const documentQuestionsKey = "_doc";

const questionList = z.array(nonEmpty.max(sectionQuestionMax, `must be at most ${sectionQuestionMax} characters`)).default([]);

/** The questions residents ask that one section (or the document) answers, in Chinese and English. */
export const sectionQuestionsSchema = z.object({ zh: questionList, en: questionList }).strict();
export type SectionQuestions = z.infer<typeof sectionQuestionsSchema>;

/**
 * Front matter `questions:` — a section anchor (as the content module computes it: s-1, s-4-3, art-12 …, or
 * `_doc` for the whole document) mapped to the questions people ask that it answers. Whether every anchor
 * exists is checked against the parsed body (corpus loading and knowledge:check).
 */
export const documentQuestionsSchema = z.record(
  z.string().regex(/^(?:_doc|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)$/u, "must be a section anchor or _doc"),
  sectionQuestionsSchema,
);

/** Limits on an article's repeal note (like a change note: one short sentence). */
export const articleNoteMax = changeNoteMax;
export const articleNoteEnMax = changeNoteEnMax;

/** A section anchor as the content module computes it (art-12, s-4-3, ch-2 …). */
const anchorSchema = z.string().regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u, "must be a section anchor (art-12, s-1 …)");

/**
 * Front matter `repealedArticles:` — one article (第X条, or any section) of a document in force that is repealed or
 * superseded, not the whole document: its anchor, since when, why (`note`, required; `noteEn`), and optionally what
 * replaced it (`supersededBy`: a document id, or `id#anchor` for one of its articles). The page keeps the article,
 * marked repealed; the assistant never cites it (nor its subsections). Whether the anchor exists is checked against
 * the parsed body (corpus loading, so knowledge:check and the console's save), the replacement by knowledge:check.
 */
export const articleRepealSchema = z
  .object({
    anchor: anchorSchema,
    repealed: dateString,
    note: nonEmpty.max(articleNoteMax, `must be at most ${articleNoteMax} characters`),
    noteEn: nonEmpty.max(articleNoteEnMax, `must be at most ${articleNoteEnMax} characters`).optional(),
    supersededBy: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:#[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)?$/u, "must be a document id, or id#anchor")
      .optional(),
  })
  .strict();
export type ArticleRepeal = z.infer<typeof articleRepealSchema>;

/** Front matter of one knowledge document (see README "Adding content"). */
export const documentMetaSchema = z
  .object({
    id: documentIdSchema,
    title: nonEmpty,
    titleEn: nonEmpty,
    type: z.enum(docTypes),
    issuer: nonEmpty,
    docNumber: nonEmpty.optional(),
    issued: dateString.optional(),
    effective: dateString.optional(),
    status: z.enum(docStatuses),
    /** A repealed document's replacement: the id of the document now in force (only with status repealed). */
    supersededBy: documentIdSchema.optional(),
    source: z
      .string()
      .url("must be a URL")
      .refine((v) => v.startsWith("https://"), "must be an https:// URL")
      .optional(),
    reviewed: dateString,
    topics: z.array(z.enum(topicIds)).min(1, "needs at least one topic"),
    audience: z.array(z.enum(audienceIds)).min(1, "needs at least one audience"),
    summary: nonEmpty.max(summaryMax, `must be at most ${summaryMax} characters`),
    summaryEn: nonEmpty.max(summaryEnMax, `must be at most ${summaryEnMax} characters`),
    easyRead: z.array(nonEmpty).optional(),
    steps: z.array(z.object({ title: nonEmpty, text: nonEmpty }).strict()).optional(),
    related: z.array(documentIdSchema).optional(),
    questions: documentQuestionsSchema.optional(),
    /** Articles repealed or superseded one by one (the document stays in force): see articleRepealSchema. */
    repealedArticles: z.array(articleRepealSchema).min(1, "lists no article: leave it out").optional(),
    /** The last substantive change of the document (an amendment, a revision), with a short note on it. */
    changed: dateString.optional(),
    changeNote: nonEmpty.max(changeNoteMax, `must be at most ${changeNoteMax} characters`).optional(),
    changeNoteEn: nonEmpty.max(changeNoteEnMax, `must be at most ${changeNoteEnMax} characters`).optional(),
  })
  .strict()
  .superRefine((meta, ctx) => {
    if ((meta.type === "regulation" || meta.type === "notice") && !meta.source) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["source"], message: `is required for a ${meta.type}` });
    }
    // (`effective` may precede `issued`: some rules apply retroactively, e.g. 财政部公告2023年第8号.)
    if (meta.supersededBy !== undefined && meta.status !== "repealed") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["supersededBy"], message: "is only for a repealed document" });
    }
    if (meta.supersededBy === meta.id) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["supersededBy"], message: "names the document itself" });
    }
    const repealedAnchors = new Set<string>();
    meta.repealedArticles?.forEach((article, i) => {
      if (repealedAnchors.has(article.anchor)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["repealedArticles", i, "anchor"], message: `lists #${article.anchor} twice` });
      repealedAnchors.add(article.anchor);
      if (article.supersededBy?.split("#")[0] === meta.id && article.supersededBy.split("#")[1] === article.anchor) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["repealedArticles", i, "supersededBy"], message: "names the article itself" });
      }
      if (isoDate.test(article.repealed) && article.repealed > chinaToday()) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["repealedArticles", i, "repealed"], message: "must not be in the future" });
      }
    });
    if (meta.related?.includes(meta.id)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["related"], message: "lists the document itself" });
    }
    if (meta.changed !== undefined) {
      for (const note of ["changeNote", "changeNoteEn"] as const) {
        if (meta[note] === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [note], message: "is required with `changed` (what changed, in both languages)" });
      }
      // (Compared only when it is a date: a malformed one has its own message.)
      const date = isoDate.test(meta.changed) ? meta.changed : null;
      if (date && meta.issued && isoDate.test(meta.issued) && date < meta.issued) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["changed"], message: `must not be before \`issued\` (${meta.issued})` });
      }
      if (date && date > chinaToday()) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["changed"], message: "must not be in the future" });
    } else {
      for (const note of ["changeNote", "changeNoteEn"] as const) {
        if (meta[note] !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["changed"], message: `is required with \`${note}\` (the date of the change)` });
      }
    }
  });

export type DocumentMeta = z.infer<typeof documentMetaSchema>;

/**
 * knowledge:check's "repealed-unexplained" rule, which the console's save applies too: a repealed document names what
 * replaced it (`supersededBy`) or says why (its change note: `changed`, `changeNote`, `changeNoteEn`).
 */
export function repealUnexplained(meta: { status?: unknown; supersededBy?: unknown; changeNote?: unknown }): boolean {
  const given = (v: unknown) => typeof v === "string" && v.trim() !== "";
  return meta.status === "repealed" && !given(meta.supersededBy) && !given(meta.changeNote);
}

/** The message of that rule (the console maps it to its localized sentence). */
export const repealUnexplainedMessage = "repealed, but says neither what replaced it (supersededBy: <id>) nor why (changed, changeNote, changeNoteEn)";

/** glossary.yaml: the corpus's canonical terms and the words people use for them. */
export const glossarySchema = z
  .object({
    terms: z.array(
      z
        .object({
          canonical: nonEmpty,
          variants: z.array(nonEmpty).default([]),
        })
        .strict(),
    ),
  })
  .strict();

export type Glossary = z.infer<typeof glossarySchema>;
export type GlossaryTerm = Glossary["terms"][number];
