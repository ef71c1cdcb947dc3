import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~/modules/db/schema";
import { recordAudit, withAudit, type Actor } from "~/modules/staff/index.server";
import { parseDocumentSource, type CorpusError, type PolicyDocument } from "./corpus.server";
import {
  clearDraftBeside,
  getStoredDocument,
  getVersion,
  getWorkingCopy,
  listStoredDocuments,
  listVersions,
  saveDocument,
  saveDraftBeside,
  storedText,
  type StoredDocument,
  type VersionOrigin,
} from "./documents.server";
import { diffWithContext, type DiffLine } from "./line-diff";
import { renderMarkdown } from "./markdown.server";
import { bodyIssues, linkedDocumentIds, type LinkedDocument } from "./body-rules";
import { parseMarkdownStructure, parseStructure } from "./structure";
import { draftFormFields, type DraftArticle, type DraftFormField, type DraftFormValues, type StaleSaveDiff } from "./draft-fields";
import { documentQuestionsKey, repealUnexplained, repealUnexplainedMessage, type ArticleRepeal, type DocumentMeta } from "./schema";
import type { DocType } from "./taxonomy";

export { draftFormFields, type DraftFormField, type DraftFormValues };

/**
 * The editor's side of the staff console (issue 16, items 2 and 3): drafts made and changed through the one schema
 * (saveDocument), a preview of a draft as the public page renders it, and an audit entry for every save in the
 * save's own transaction. A draft is a document row that is not published: the public corpus (loadDatabaseCorpus)
 * never holds it, so neither the pages, the search nor the assistant can show it.
 */

/**
 * published: live, no draft; draft/review/scheduled: never published (yet); edited/editedReview/editedScheduled:
 * live, with a draft beside it. scheduled: approved, to be published at `publishAt`.
 */
export type EditorialState = "published" | "draft" | "review" | "scheduled" | "edited" | "editedReview" | "editedScheduled";

export interface EditorialListItem {
  id: string;
  title: string;
  titleEn: string;
  type: DocType;
  state: EditorialState;
  revision: number;
  updatedAt: string;
  /** The display name of the staff member who made the current version; null for the knowledge/ seed. */
  updatedBy: string | null;
  /** A scheduled publication's time (ISO UTC); null when none is scheduled. */
  publishAt: string | null;
}

/** Staff display names by id (the ids of a list's authors). */
async function displayNames(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  return new Map((await db.selectFrom("staff_users").select(["id", "display_name"]).where("id", "in", unique).execute()).map((u) => [u.id, u.display_name]));
}

/** Every document, newest change first, with its state and who changed it last. */
export async function listEditorialDocuments(db: Kysely<Database>): Promise<EditorialListItem[]> {
  const docs = await listStoredDocuments(db);
  const ids = [...new Set(docs.map((d) => d.updatedBy).filter((id): id is string => id !== null))];
  const pending = new Map(
    (await db.selectFrom("content_reviews").select(["document_id", "publish_at"]).where("decided_at", "is", null).execute()).map((r) => [r.document_id, r.publish_at]),
  );
  // A draft beside the live text: its time and author are the document's last change.
  const drafts = new Map(
    (
      await db
        .selectFrom("content_document_versions as v")
        .innerJoin("content_documents as d", (join) => join.onRef("d.id", "=", "v.document_id").onRef("d.draft_revision", "=", "v.revision"))
        .select(["v.document_id", "v.created_at", "v.created_by"])
        .execute()
    ).map((r) => [r.document_id, r]),
  );
  for (const d of drafts.values()) if (d.created_by !== null) ids.push(d.created_by);
  const names = await displayNames(db, ids);
  return docs
    .map((d) => {
      const draft = d.published ? drafts.get(d.meta.id) : undefined;
      const publishAt = pending.get(d.meta.id) ?? null;
      const state: EditorialState = d.published
        ? draft
          ? pending.has(d.meta.id)
            ? publishAt
              ? "editedScheduled"
              : "editedReview"
            : "edited"
          : "published"
        : pending.has(d.meta.id)
          ? publishAt
            ? "scheduled"
            : "review"
          : "draft";
      const by = draft ? draft.created_by : d.updatedBy;
      return {
        id: d.meta.id,
        title: d.meta.title,
        titleEn: d.meta.titleEn,
        type: d.meta.type,
        state,
        revision: d.draftRevision ?? d.revision,
        updatedAt: draft?.created_at ?? d.updatedAt,
        updatedBy: by === null ? null : (names.get(by) ?? by),
        publishAt: d.published && !draft ? null : publishAt,
      };
    })
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean);
/** One item a line (easy-read sentences may hold commas). */
const lines = (v: string | string[] | undefined) =>
  one(v)
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);
/** Document ids, one a line or separated by commas or spaces. */
const ids = (v: string | string[] | undefined) => one(v).split(/[\s,，]+/).filter(Boolean);

/**
 * The front matter of a posted form, laid over the document's current front matter (so the fields the form does not
 * show are kept): an empty optional field is left out, lists come one a line. Validated by saveDocument, not here.
 */
export function draftMeta(values: DraftFormValues, type: DocType, current?: DocumentMeta): Record<string, unknown> {
  const meta: Record<string, unknown> = { ...(current ?? {}), type };
  const optional = (key: string, value: unknown) => {
    if (value === "" || (Array.isArray(value) && value.length === 0)) delete meta[key];
    else meta[key] = value;
  };
  meta.id = current?.id ?? one(values.id);
  for (const key of ["title", "titleEn", "issuer", "status", "reviewed", "summary", "summaryEn"] as const) meta[key] = one(values[key]);
  for (const key of ["docNumber", "issued", "effective", "source", "supersededBy", "changed", "changeNote", "changeNoteEn"] as const) optional(key, one(values[key]));
  meta.topics = many(values.topics);
  meta.audience = many(values.audience);
  optional("easyRead", lines(values.easyRead));
  optional("related", ids(values.related));
  // Articles repealed one by one: the ones already repealed that the form keeps (unticked: in force again; a form
  // that does not post the list keeps them all), then the one the form repeals now, if any.
  const repealed = ((current?.repealedArticles ?? []) as ArticleRepeal[]).filter((a) => values.repealedKeep === undefined || many(values.repealedKeep).includes(a.anchor));
  const anchor = one(values.repealAnchor);
  if (anchor) {
    const article: Record<string, string> = { anchor, repealed: one(values.repealDate), note: one(values.repealNote) };
    if (one(values.repealNoteEn)) article.noteEn = one(values.repealNoteEn);
    if (one(values.repealSupersededBy)) article.supersededBy = one(values.repealSupersededBy);
    repealed.push(article as ArticleRepeal);
  }
  optional("repealedArticles", repealed);
  return meta;
}

/** The form's values for a stored document (what the edit page shows first). */
export function formValuesOf(doc: StoredDocument): Record<DraftFormField, string | string[]> {
  const m = doc.meta;
  return {
    id: m.id,
    title: m.title,
    titleEn: m.titleEn,
    issuer: m.issuer,
    docNumber: m.docNumber ?? "",
    issued: m.issued ?? "",
    effective: m.effective ?? "",
    status: m.status,
    supersededBy: m.supersededBy ?? "",
    changed: m.changed ?? "",
    changeNote: m.changeNote ?? "",
    changeNoteEn: m.changeNoteEn ?? "",
    source: m.source ?? "",
    reviewed: m.reviewed,
    topics: [...m.topics],
    audience: [...m.audience],
    summary: m.summary,
    summaryEn: m.summaryEn,
    easyRead: (m.easyRead ?? []).join("\n"),
    related: (m.related ?? []).join("\n"),
    body: doc.body,
    repealedKeep: (m.repealedArticles ?? []).map((a) => a.anchor),
    repealAnchor: "",
    repealDate: "",
    repealNote: "",
    repealNoteEn: "",
    repealSupersededBy: "",
  };
}

export type SaveDraftResult =
  | { ok: true; id: string; revision: number }
  | { ok: false; reason: "invalid"; fieldErrors: Partial<Record<DraftFormField, string[]>>; formErrors: string[] }
  /**
   * Someone saved the document since this editor opened it: nothing was written; the editor's text comes back, with
   * what differs between the revision saved meanwhile and it (`diff`; absent when the race was lost inside the write).
   */
  | { ok: false; reason: "conflict"; currentRevision: number; diff?: StaleSaveDiff }
  /** A new document whose id is taken. */
  | { ok: false; reason: "taken" }
  | { ok: false; reason: "notFound" };

/** The repeal fieldset's field for a key of one repealedArticles entry. */
const repealFields: Record<string, DraftFormField> = { anchor: "repealAnchor", repealed: "repealDate", note: "repealNote", noteEn: "repealNoteEn", supersededBy: "repealSupersededBy" };

/** The form field a schema or corpus error belongs to ("topics[0]: …" → topics), or null for the form as a whole. */
function errorField(error: CorpusError): DraftFormField | null {
  if (error.rule === "repealed-article") return "repealAnchor";
  if (error.rule !== "schema") return error.rule === "id-filename" || error.rule === "duplicate-id" ? "id" : "body";
  // (Only the article being repealed can be wrong: those kept were valid when saved. Its fields are in the fieldset.)
  const repeal = /^repealedArticles(?:\[\d+\])?(?:\.([A-Za-z]+))?/.exec(error.message);
  if (repeal) return repealFields[repeal[1] ?? "anchor"] ?? "repealAnchor";
  const head = /^([A-Za-z]+)/.exec(error.message)?.[1];
  return head && (draftFormFields as readonly string[]).includes(head) ? (head as DraftFormField) : null;
}

function invalid(errors: CorpusError[]): SaveDraftResult {
  const fieldErrors: Partial<Record<DraftFormField, string[]>> = {};
  const formErrors: string[] = [];
  for (const error of errors) {
    const field = errorField(error);
    const message = error.rule === "schema" ? error.message.replace(/^[^:]*:\s*/, "") : error.message;
    if (field) (fieldErrors[field] ??= []).push(message);
    else formErrors.push(error.message);
  }
  return { ok: false, reason: "invalid", fieldErrors, formErrors };
}

/**
 * What knowledge:check refuses in a body, the console refuses (body-rules.ts, the same rules): its sections, headings,
 * articles' order and links — a link to another document is checked against the stored documents, one to this
 * document against the body being saved. English sentences, one per problem (DraftForm.tsx says them in the
 * editor's language); advice (an http:// link) does not refuse a save.
 */
async function bodyProblems(trx: Transaction<Database>, id: string, body: string, path: string | undefined): Promise<string[]> {
  const format = path?.endsWith(".txt") ? "text" : "markdown";
  const sections = parseStructure(body, format).sections;
  const linked = new Map<string, LinkedDocument>();
  for (const target of linkedDocumentIds(body)) {
    if (target === id) continue;
    const stored = await getStoredDocument(trx, target);
    if (stored) linked.set(target, { id: target, sections: parseDocumentSource(stored.path, storedText(stored)).document?.sections ?? [] });
  }
  const find = (target: string) => (target === id ? { id, sections } : linked.get(target));
  return bodyIssues(body, format, sections, find).filter((issue) => !issue.warning).map((issue) => issue.message);
}

/** The body as a file holds it: Unix line ends, one final newline. */
function bodyText(value: string | string[] | undefined): string {
  const text = (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")).replace(/\r\n?/g, "\n").trimEnd();
  return text ? `${text}\n` : "";
}

const sameValue = (a: string | string[], b: string | string[]) => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b);

/**
 * What differs between the revision saved meanwhile and what an editor typed over an older one: the front-matter
 * fields (as the form shows them, after the same clean-up a save does) and the body's lines (line-diff.ts).
 */
export function staleSaveDiff(saved: StoredDocument, values: DraftFormValues): StaleSaveDiff {
  const before = formValuesOf(saved);
  const typed = { ...saved, meta: draftMeta(values, saved.meta.type, saved.meta) as unknown as DocumentMeta, body: bodyText(values.body) };
  const after = formValuesOf(typed);
  const fields = draftFormFields
    .filter((f): f is Exclude<DraftFormField, "id" | "body"> => f !== "id" && f !== "body")
    .filter((f) => !sameValue(before[f], after[f]))
    .map((field) => ({ field, saved: before[field], yours: after[field] }));
  return { saved: saved.revision, fields, body: diffWithContext(saved.body, typed.body), sameBody: saved.body === typed.body };
}

export interface SaveDraftInput {
  values: DraftFormValues;
  /**
   * A new document of this type (the console makes notices and FAQs); undefined: the document `id` as it is. A
   * `question` (a new FAQ made from an unanswered question) is its first "question people ask" (`questions: _doc:`).
   */
  create?: { type: DocType; question?: { text: string; locale: "zh-CN" | "en" } };
  id?: string;
  /** The revision the editor's form was made from (a new document: none). */
  expectedRevision?: number;
}

/**
 * Saves a new version of a draft (never public), with its audit entry in the same transaction. A published
 * document's draft is saved beside its live text (documents.server.ts, saveDraftBeside): the pages, the search and the
 * assistant keep the published version until a second person approves the draft. Refuses a save over a newer
 * revision (conflict) and a new document whose id is taken.
 */
export async function saveDraft(db: Kysely<Database>, actor: Actor, input: SaveDraftInput, now: Date = new Date()): Promise<SaveDraftResult> {
  return withAudit(
    db,
    actor,
    async (trx): Promise<SaveDraftResult> => {
      const wanted = input.create ? one(input.values.id) : (input.id ?? "");
      const working = wanted ? await getWorkingCopy(trx, wanted) : undefined;
      if (input.create && working) return { ok: false, reason: "taken" };
      if (!input.create && !working) return { ok: false, reason: "notFound" };
      const existing = working?.doc;
      if (existing && input.expectedRevision !== undefined && existing.revision !== input.expectedRevision) {
        return { ok: false, reason: "conflict", currentRevision: existing.revision, diff: staleSaveDiff(existing, input.values) };
      }
      const type = input.create?.type ?? existing!.meta.type;
      const meta = draftMeta(input.values, type, existing?.meta);
      const question = input.create?.question?.text.trim();
      if (question) {
        const en = input.create?.question?.locale === "en";
        meta.questions = { [documentQuestionsKey]: { zh: en ? [] : [question], en: en ? [question] : [] } };
      }
      // The replacement of a repealed document must exist (the schema checks the id's form, not that it is there).
      const replacement = typeof meta.supersededBy === "string" ? meta.supersededBy : undefined;
      if (replacement && replacement !== meta.id && !(await getStoredDocument(trx, replacement))) {
        return { ok: false, reason: "invalid", fieldErrors: { supersededBy: [`no document "${replacement}"`] }, formErrors: [] };
      }
      // An article's replacement: an existing document, and the article named in it (id#anchor).
      const [targetId, targetAnchor] = one(input.values.repealSupersededBy).split("#", 2);
      if (one(input.values.repealAnchor) && targetId) {
        const target = await getStoredDocument(trx, targetId);
        const sections = target ? (parseDocumentSource(target.path, storedText(target)).document?.sections ?? []) : [];
        if (!target || (targetAnchor && !sections.some((s) => s.anchor === targetAnchor))) {
          return { ok: false, reason: "invalid", fieldErrors: { repealSupersededBy: [`no document "${one(input.values.repealSupersededBy)}"`] }, formErrors: [] };
        }
      }
      // What knowledge:check refuses, the console refuses: a repeal says what replaced the document or why.
      if (repealUnexplained(meta)) return { ok: false, reason: "invalid", fieldErrors: { supersededBy: [repealUnexplainedMessage] }, formErrors: [] };
      const body = bodyText(input.values.body);
      // … and a body that breaks its rules (sections, headings, 第X条 order, links).
      const bodyErrors = await bodyProblems(trx, String(meta.id), body, existing?.path);
      if (bodyErrors.length) return { ok: false, reason: "invalid", fieldErrors: { body: bodyErrors }, formErrors: [] };
      const draft = { meta, body, expectedRevision: existing?.revision, note: "draft" };
      return writeDraft(trx, actor, draft, working?.live.published ?? false, now);
    },
    (result) => (result.ok ? { action: "content.draft.save", targetType: "content_document", targetId: result.id, detail: `revision ${result.revision}` } : null),
    now,
  );
}

/**
 * Writes a draft: beside the live text of a published document, else as the (unpublished) document itself; a review
 * asked about an earlier revision is withdrawn. In the caller's transaction.
 */
async function writeDraft(
  trx: Transaction<Database>,
  actor: Actor,
  draft: { meta: unknown; body: string; expectedRevision?: number; note: string },
  beside: boolean,
  now: Date,
): Promise<SaveDraftResult> {
  const result = beside ? await saveDraftBeside(trx, draft, { userId: actor.id }, now) : await saveDocument(trx, { ...draft, published: false }, { userId: actor.id }, now);
  if (result.ok) {
    // The revision under review is no longer the draft: its request is withdrawn (ask again for the new one).
    await trx
      .updateTable("content_reviews")
      .set({ decided_at: now.toISOString(), decided_by: actor.id, decision: "withdrawn" })
      .where("document_id", "=", result.id)
      .where("decided_at", "is", null)
      .execute();
    return { ok: true, id: result.id, revision: result.revision };
  }
  if (result.reason === "conflict") return { ok: false, reason: "conflict", currentRevision: result.currentRevision };
  if (result.reason === "notFound") return { ok: false, reason: "notFound" };
  return invalid(result.errors);
}

export type AddQuestionResult =
  | { ok: true; id: string; revision: number }
  /** No such document, or it is not published (a draft takes its questions in its edit form). */
  | { ok: false; reason: "notFound" }
  /** The section already lists the question (in the draft, or the live text). */
  | { ok: false; reason: "already" }
  /** The question or the anchor does not pass the document's rules (too long, a section the document lacks …). */
  | { ok: false; reason: "invalid"; messages: string[] };

/**
 * "Add as a question people ask" (issue 16, item 5a): the question, in its language (zh or en), added to front matter
 * `questions:` under the anchor of the section that answers it (null: the document as a whole) — on the working copy
 * of a published document, as a draft beside its live text. It then goes through review like any draft; the public
 * pages and the assistant keep the live text until a second person approves. Audited (`content.question.add`) in the
 * draft's transaction.
 */
export async function addQuestionPeopleAsk(
  db: Kysely<Database>,
  actor: Actor,
  input: { id: string; anchor: string | null; question: string; locale: "zh-CN" | "en" },
  now: Date = new Date(),
): Promise<AddQuestionResult> {
  const key = input.anchor ?? documentQuestionsKey;
  return withAudit(
    db,
    actor,
    async (trx): Promise<AddQuestionResult> => {
      const working = await getWorkingCopy(trx, input.id);
      if (!working || !working.live.published) return { ok: false, reason: "notFound" };
      const question = input.question.trim();
      const lang = input.locale === "en" ? "en" : "zh";
      const questions = structuredClone(working.doc.meta.questions ?? {});
      const section = (questions[key] ??= { zh: [], en: [] });
      if (section[lang].includes(question)) return { ok: false, reason: "already" };
      section[lang] = [...section[lang], question];
      const draft = { meta: { ...working.doc.meta, questions }, body: working.doc.body, expectedRevision: working.doc.revision, note: "question people ask added" };
      const result = await writeDraft(trx, actor, draft, true, now);
      if (result.ok) return result;
      if (result.reason === "invalid") return { ok: false, reason: "invalid", messages: [...result.formErrors, ...Object.values(result.fieldErrors).flat()] };
      // Conflict is impossible inside this transaction (read and written in it); not found as above.
      return { ok: false, reason: "notFound" };
    },
    (r) => (r.ok ? { action: "content.question.add", targetType: "content_document", targetId: r.id, detail: `${key}, revision ${r.revision}` } : null),
    now,
  );
}

export type EditableDocument = {
  /** What the editor works on: the draft beside a published document's live text, or the document. */
  doc: StoredDocument;
  /** The document's row: what the public sees when it is published. */
  live: StoredDocument;
  values: Record<DraftFormField, string | string[]>;
  /** The articles (sections) of the working copy, for the repeal fieldset; repealed ones say so. */
  articles: Array<DraftArticle & { repealed: ArticleRepeal | null }>;
};

/** A document and its form values, for the edit page (a published document's draft, when it has one). */
export async function getEditableDocument(db: Kysely<Database>, id: string): Promise<EditableDocument | undefined> {
  const working = await getWorkingCopy(db, id);
  if (!working) return undefined;
  const parsed = parseDocumentSource(working.doc.path, storedText(working.doc)).document;
  const articles = (parsed?.sections ?? []).map((s) => ({ anchor: s.anchor, heading: s.heading, repealed: s.repeal?.anchor === s.anchor ? s.repeal : null }));
  return { ...working, values: formValuesOf(working.doc), articles };
}

/**
 * A stored document (a draft, usually: a published document's draft beside its live text when it has one) made into
 * the document the public page renders, by the path a published one takes (written as its file, parsed as one).
 * Undefined when there is no such document or it does not parse.
 */
export async function previewDocument(
  db: Kysely<Database>,
  id: string,
): Promise<{ document: PolicyDocument; stored: StoredDocument; live: StoredDocument } | undefined> {
  const working = await getWorkingCopy(db, id);
  if (!working) return undefined;
  const { document } = parseDocumentSource(working.doc.path, storedText(working.doc));
  return document ? { document, stored: working.doc, live: working.live } : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Review and publication (two-person rule)

export interface PendingReview {
  revision: number;
  requestedBy: string;
  requestedAt: string;
  /** Approved to be published then (ISO UTC; scheduled publication), by approvedBy; null: waiting for approval. */
  publishAt: string | null;
  approvedBy: string | null;
}

async function pendingReview(db: Kysely<Database> | Transaction<Database>, id: string): Promise<PendingReview | undefined> {
  const row = await db
    .selectFrom("content_reviews")
    .select(["revision", "requested_by", "requested_at", "publish_at", "approved_by"])
    .where("document_id", "=", id)
    .where("decided_at", "is", null)
    .executeTakeFirst();
  return row ? { revision: row.revision, requestedBy: row.requested_by, requestedAt: row.requested_at, publishAt: row.publish_at, approvedBy: row.approved_by } : undefined;
}

/** The review a document waits for, if any. */
export function getPendingReview(db: Kysely<Database>, id: string): Promise<PendingReview | undefined> {
  return pendingReview(db, id);
}

/** Who may approve a draft: a second person — neither the one who asked for the review nor the author of the revision. */
export function mayApprove(actorId: string | null, review: PendingReview, author: string | null): boolean {
  return actorId !== null && actorId !== review.requestedBy && actorId !== author;
}

/**
 * Who may cancel a scheduled publication: the staff member who approved it, or an administrator. (Another editor who
 * wants it held back asks one of them: otherwise anyone with the content role could undo a second person's approval.)
 */
export function mayCancelSchedule(actor: { id: string | null; roles: readonly string[] }, review: PendingReview): boolean {
  return review.publishAt !== null && ((actor.id !== null && actor.id === review.approvedBy) || actor.roles.includes("admin"));
}

export type ReviewResult =
  | { ok: true; id: string; revision: number }
  | { ok: false; reason: "notFound" | "published" | "conflict" | "pending" | "notPending" | "ownDraft" | "scheduled" | "notApprover" };

/** Asks for the draft's current revision (the one the editor saw) to be reviewed; audited in the same transaction. */
export async function requestReview(db: Kysely<Database>, actor: Actor, id: string, revision: number, now: Date = new Date()): Promise<ReviewResult> {
  return withAudit(
    db,
    actor,
    async (trx): Promise<ReviewResult> => {
      const working = await getWorkingCopy(trx, id);
      if (!working) return { ok: false, reason: "notFound" };
      // Published, with no draft beside it: there is nothing to review.
      if (working.doc.published) return { ok: false, reason: "published" };
      if (working.doc.revision !== revision) return { ok: false, reason: "conflict" };
      if (await pendingReview(trx, id)) return { ok: false, reason: "pending" };
      await trx
        .insertInto("content_reviews")
        .values({ id: randomUUID(), document_id: id, revision, requested_by: actor.id ?? "", requested_at: now.toISOString(), decided_by: null, decided_at: null, decision: null })
        .execute();
      return { ok: true, id, revision };
    },
    (r) => (r.ok ? { action: "content.review.request", targetType: "content_document", targetId: r.id, detail: `revision ${r.revision}` } : null),
    now,
  );
}

/**
 * A second staff member approves the revision under review and publishes it: the document is saved as published (a
 * new version, by the approver), the corpus version moves (every process swaps it in within seconds: live.server.ts),
 * the request is closed; the approval and the publication each have their audit entry, all in one transaction. The
 * one who asked, or who wrote the revision, cannot approve it (two-person rule); a revision changed since it was
 * asked about is not published.
 */
export async function approveAndPublish(db: Kysely<Database>, actor: Actor, id: string, revision: number, now: Date = new Date()): Promise<ReviewResult> {
  return db.transaction().execute(async (trx): Promise<ReviewResult> => {
    const checked = await approvable(trx, actor, id, revision);
    if (!checked.ok) return checked;
    await trx
      .updateTable("content_reviews")
      .set({ decided_by: actor.id, decided_at: now.toISOString(), decision: "published" })
      .where("document_id", "=", id)
      .where("decided_at", "is", null)
      .execute();
    await recordAudit(trx, actor, { action: "content.review.approve", targetType: "content_document", targetId: id, detail: `revision ${revision}` }, now);
    return publishRevision(trx, actor, checked.working, "approved and published", now);
  });
}

/** The checks of an approval (two-person rule, the revision asked about is the draft), in the caller's transaction. */
async function approvable(
  trx: Transaction<Database>,
  actor: Actor,
  id: string,
  revision: number,
): Promise<{ ok: true; working: NonNullable<Awaited<ReturnType<typeof getWorkingCopy>>> } | Extract<ReviewResult, { ok: false }>> {
  const working = await getWorkingCopy(trx, id);
  if (!working) return { ok: false, reason: "notFound" };
  if (working.doc.published) return { ok: false, reason: "published" };
  const review = await pendingReview(trx, id);
  if (!review) return { ok: false, reason: "notPending" };
  if (review.publishAt !== null) return { ok: false, reason: "scheduled" };
  if (review.revision !== revision || working.doc.revision !== revision) return { ok: false, reason: "conflict" };
  if (!mayApprove(actor.id, review, working.doc.updatedBy)) return { ok: false, reason: "ownDraft" };
  return { ok: true, working };
}

/**
 * Publishes the approved draft: the document is saved as published (a new version, by `actor`), the corpus version
 * moves (every process swaps it in within seconds: live.server.ts); audited content.publish (and content.repeal when
 * it repeals), in the caller's transaction. A failed save throws (the transaction rolls back).
 */
async function publishRevision(
  trx: Transaction<Database>,
  actor: Actor,
  working: NonNullable<Awaited<ReturnType<typeof getWorkingCopy>>>,
  note: string,
  now: Date,
): Promise<ReviewResult> {
  const { doc, live } = working;
  const id = doc.meta.id;
  // A draft beside the live text replaces it: the row is written from the draft (checked against the live revision).
  const saved = await saveDocument(trx, { meta: doc.meta, body: doc.body, published: true, expectedRevision: live.revision, note }, { userId: actor.id }, now);
  if (!saved.ok) throw new PublishFailed(saved.reason);
  if (live.draftRevision !== null) await clearDraftBeside(trx, id);
  await recordAudit(trx, actor, { action: "content.publish", targetType: "content_document", targetId: id, detail: `revision ${saved.revision}` }, now);
  if (doc.meta.status === "repealed" && !(live.published && live.meta.status === "repealed")) {
    // Published as repealed: kept on its page, marked so, and never cited by the assistant as current (retrieve.server.ts).
    const detail = `revision ${saved.revision}${doc.meta.supersededBy ? `, superseded by ${doc.meta.supersededBy}` : ""}`;
    await recordAudit(trx, actor, { action: "content.repeal", targetType: "content_document", targetId: id, detail }, now);
  }
  // An article repealed one by one (repealedArticles) that the public did not see repealed before: content.repeal.article.
  const before = new Set(live.published ? (live.meta.repealedArticles ?? []).map((a) => a.anchor) : []);
  for (const article of doc.meta.repealedArticles ?? []) {
    if (before.has(article.anchor)) continue;
    const detail = `revision ${saved.revision}, #${article.anchor} repealed ${article.repealed}${article.supersededBy ? `, superseded by ${article.supersededBy}` : ""}`;
    await recordAudit(trx, actor, { action: "content.repeal.article", targetType: "content_document", targetId: id, detail }, now);
  }
  return { ok: true, id, revision: saved.revision };
}

class PublishFailed extends Error {
  constructor(readonly reason: string) {
    super(`publication failed: ${reason}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Scheduled publication

/** How far ahead a publication may be scheduled. */
export const maxScheduleAheadMs = 366 * 86_400_000;

export type ScheduleResult = ReviewResult | { ok: false; reason: "past" | "tooFar" };

/**
 * A second staff member approves the revision under review to be published at `publishAt` (not in the past, at most
 * a year ahead): the approval is kept on the request (migration 0020) and audited (content.review.approve, with the
 * time) in the same transaction; the public keeps what it sees until publishDueScheduled publishes it. The same
 * checks as approveAndPublish (two-person rule, the revision asked about).
 */
export async function approveAndSchedule(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  revision: number,
  publishAt: Date,
  now: Date = new Date(),
): Promise<ScheduleResult> {
  if (!(publishAt.getTime() > now.getTime())) return { ok: false, reason: "past" };
  if (publishAt.getTime() - now.getTime() > maxScheduleAheadMs) return { ok: false, reason: "tooFar" };
  return db.transaction().execute(async (trx): Promise<ScheduleResult> => {
    const checked = await approvable(trx, actor, id, revision);
    if (!checked.ok) return checked;
    await trx
      .updateTable("content_reviews")
      .set({ approved_by: actor.id, approved_at: now.toISOString(), publish_at: publishAt.toISOString() })
      .where("document_id", "=", id)
      .where("decided_at", "is", null)
      .execute();
    const detail = `revision ${revision}, publish at ${publishAt.toISOString()}`;
    await recordAudit(trx, actor, { action: "content.review.approve", targetType: "content_document", targetId: id, detail }, now);
    return { ok: true, id, revision };
  });
}

/**
 * Cancels a scheduled publication (audited content.schedule.cancel): the approval is undone and the request waits for
 * approval again (now or at another time). Only the approver or an administrator may cancel (mayCancelSchedule):
 * anyone else is refused (`notApprover`) and nothing changes.
 */
export async function cancelSchedule(
  db: Kysely<Database>,
  actor: Actor & { roles: readonly string[] },
  id: string,
  revision: number,
  now: Date = new Date(),
): Promise<ReviewResult> {
  return withAudit(
    db,
    actor,
    async (trx): Promise<ReviewResult> => {
      const review = await pendingReview(trx, id);
      if (!review || review.publishAt === null) return { ok: false, reason: "notPending" };
      if (review.revision !== revision) return { ok: false, reason: "conflict" };
      if (!mayCancelSchedule(actor, review)) return { ok: false, reason: "notApprover" };
      await trx
        .updateTable("content_reviews")
        .set({ approved_by: null, approved_at: null, publish_at: null })
        .where("document_id", "=", id)
        .where("decided_at", "is", null)
        .execute();
      return { ok: true, id, revision };
    },
    (r) => (r.ok ? { action: "content.schedule.cancel", targetType: "content_document", targetId: r.id, detail: `revision ${r.revision}` } : null),
    now,
  );
}

/**
 * The background job (app/modules/background): publishes every scheduled revision that is due, each in its own
 * transaction with its audit entry (content.publish, by the approver). Exactly once however many workers or
 * instances run it at the same moment: the request is claimed first by a conditional UPDATE (… WHERE decided_at IS
 * NULL); only the transaction that changed the row publishes, the others find nothing to do. A revision that can no
 * longer be published (it fails today's rules) is withdrawn, audited content.schedule.fail. Returns the ids published.
 */
export async function publishDueScheduled(db: Kysely<Database>, now: Date = new Date()): Promise<string[]> {
  const due = await db
    .selectFrom("content_reviews")
    .select(["id", "document_id"])
    .where("decided_at", "is", null)
    .where("publish_at", "is not", null)
    .where("publish_at", "<=", now.toISOString())
    .orderBy("publish_at")
    .execute();
  const published: string[] = [];
  for (const row of due) {
    const done = await db
      .transaction()
      .execute(async (trx) => {
        const claimed = await trx
          .updateTable("content_reviews")
          .set({ decided_at: now.toISOString(), decision: "published" })
          .where("id", "=", row.id)
          .where("decided_at", "is", null)
          .where("publish_at", "<=", now.toISOString())
          .returning(["revision", "approved_by"])
          .executeTakeFirst();
        if (!claimed) return false;
        await trx.updateTable("content_reviews").set({ decided_by: claimed.approved_by }).where("id", "=", row.id).execute();
        const user = claimed.approved_by ? await trx.selectFrom("staff_users").select("username").where("id", "=", claimed.approved_by).executeTakeFirst() : undefined;
        const approver: Actor = { id: claimed.approved_by, username: user?.username ?? "(scheduled)" };
        const working = await getWorkingCopy(trx, row.document_id);
        if (working && !working.doc.published && working.doc.revision === claimed.revision) {
          try {
            await publishRevision(trx, approver, working, "scheduled publication", now);
            return true;
          } catch (error) {
            if (!(error instanceof PublishFailed)) throw error;
          }
        }
        await trx.updateTable("content_reviews").set({ decision: "withdrawn" }).where("id", "=", row.id).execute();
        await recordAudit(trx, approver, { action: "content.schedule.fail", targetType: "content_document", targetId: row.document_id, detail: `revision ${claimed.revision}` }, now);
        return false;
      });
    if (done) published.push(row.document_id);
  }
  return published;
}

// ---------------------------------------------------------------------------------------------------------
// Version history, diff and restore

export interface HistoryItem {
  revision: number;
  createdAt: string;
  /** The staff member's display name; null for the knowledge/ seed. */
  createdBy: string | null;
  origin: VersionOrigin;
  /** What the version was: a saved draft, a publication, an import … (the note stored with it). */
  note: string | null;
  /** The document's own public change note ("what changed") as this version had it. */
  changeNote: string | null;
  published: boolean;
  /** The version the public sees now / the draft being worked on. */
  live: boolean;
  current: boolean;
}

/** Every version of a document, newest first, with who made it and what it is now; undefined for no such document. */
export async function documentHistory(db: Kysely<Database>, id: string): Promise<{ title: string; items: HistoryItem[]; current: number } | undefined> {
  const working = await getWorkingCopy(db, id);
  if (!working) return undefined;
  const versions = await listVersions(db, id);
  const ids = [...new Set(versions.map((v) => v.createdBy).filter((x): x is string => x !== null))];
  const names = await displayNames(db, ids);
  return {
    title: working.doc.meta.title,
    current: working.doc.revision,
    items: versions.map((v) => ({
      revision: v.doc.revision,
      createdAt: v.createdAt,
      createdBy: v.createdBy === null ? null : (names.get(v.createdBy) ?? v.createdBy),
      origin: v.origin,
      note: v.note,
      changeNote: v.doc.meta.changeNote ?? null,
      published: v.doc.published,
      live: working.live.published && v.doc.revision === working.live.revision,
      current: v.doc.revision === working.doc.revision,
    })),
  };
}

export interface VersionDiff {
  from: number;
  to: number;
  lines: DiffLine[];
  /** Whether the two versions' texts (front matter and body, as their files) are the same. */
  same: boolean;
}

/** The line diff between two versions' texts, as their files (front matter and body); undefined when one is missing. */
export async function versionDiff(db: Kysely<Database>, id: string, from: number, to: number): Promise<VersionDiff | undefined> {
  const [a, b] = await Promise.all([getVersion(db, id, from), getVersion(db, id, to)]);
  if (!a || !b) return undefined;
  const before = storedText(a.doc);
  const after = storedText(b.doc);
  return { from, to, lines: diffWithContext(before, after), same: before === after };
}

/**
 * Makes an old version the document's new draft (beside the live text of a published document): it goes through
 * review like any draft. Audited (`content.restore`) in the same transaction; refused over a newer draft than the
 * editor saw (conflict), and when the old version no longer passes today's rules (invalid).
 */
export async function restoreVersion(
  db: Kysely<Database>,
  actor: Actor,
  input: { id: string; revision: number; expectedRevision: number },
  now: Date = new Date(),
): Promise<SaveDraftResult> {
  return withAudit(
    db,
    actor,
    async (trx): Promise<SaveDraftResult> => {
      const working = await getWorkingCopy(trx, input.id);
      const version = working ? await getVersion(trx, input.id, input.revision) : undefined;
      if (!working || !version) return { ok: false, reason: "notFound" };
      const draft = { meta: version.doc.meta, body: version.doc.body, expectedRevision: input.expectedRevision, note: `restored from revision ${input.revision}` };
      return writeDraft(trx, actor, draft, working.live.published, now);
    },
    (r) => (r.ok ? { action: "content.restore", targetType: "content_document", targetId: r.id, detail: `revision ${input.revision} as revision ${r.revision}` } : null),
    now,
  );
}

/** The longest body the live preview renders (characters); a longer one is previewed on the preview page. */
export const bodyPreviewMax = 200_000;

/**
 * The live preview of a draft's body in the edit form (issue 16, item 3; an enhancement: without JavaScript the
 * preview page shows the whole draft): the body as the public page renders it (anchored headings, raw HTML escaped).
 */
export function bodyPreviewHtml(body: string): string {
  const text = body.replace(/\r\n?/g, "\n");
  return renderMarkdown(text, parseMarkdownStructure(text));
}
