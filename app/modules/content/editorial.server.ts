import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~/modules/db/schema";
import { recordAudit, withAudit, type Actor } from "~/modules/staff/index.server";
import { parseDocumentSource, type CorpusError, type PolicyDocument } from "./corpus.server";
import { getStoredDocument, listStoredDocuments, saveDocument, storedText, type StoredDocument } from "./documents.server";
import { draftFormFields, type DraftFormField, type DraftFormValues } from "./draft-fields";
import { documentQuestionsKey, type DocumentMeta } from "./schema";
import type { DocType } from "./taxonomy";

export { draftFormFields, type DraftFormField, type DraftFormValues };

/**
 * The editor's side of the staff console (issue 16, items 2 and 3): drafts made and changed through the one schema
 * (saveDocument), a preview of a draft as the public page renders it, and an audit entry for every save in the
 * save's own transaction. A draft is a document row that is not published: the public corpus (loadDatabaseCorpus)
 * never holds it, so neither the pages, the search nor the assistant can show it.
 */

export type EditorialState = "published" | "draft" | "review";

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
}

/** Every document, newest change first, with its state and who changed it last. */
export async function listEditorialDocuments(db: Kysely<Database>): Promise<EditorialListItem[]> {
  const docs = await listStoredDocuments(db);
  const ids = [...new Set(docs.map((d) => d.updatedBy).filter((id): id is string => id !== null))];
  const pending = new Set((await db.selectFrom("content_reviews").select("document_id").where("decided_at", "is", null).execute()).map((r) => r.document_id));
  const names = new Map(
    ids.length ? (await db.selectFrom("staff_users").select(["id", "display_name"]).where("id", "in", ids).execute()).map((u) => [u.id, u.display_name]) : [],
  );
  return docs
    .map((d) => ({
      id: d.meta.id,
      title: d.meta.title,
      titleEn: d.meta.titleEn,
      type: d.meta.type,
      state: (d.published ? "published" : pending.has(d.meta.id) ? "review" : "draft") as EditorialState,
      revision: d.revision,
      updatedAt: d.updatedAt,
      updatedBy: d.updatedBy === null ? null : (names.get(d.updatedBy) ?? d.updatedBy),
    }))
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
  for (const key of ["docNumber", "issued", "effective", "source"] as const) optional(key, one(values[key]));
  meta.topics = many(values.topics);
  meta.audience = many(values.audience);
  optional("easyRead", lines(values.easyRead));
  optional("related", ids(values.related));
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
    source: m.source ?? "",
    reviewed: m.reviewed,
    topics: [...m.topics],
    audience: [...m.audience],
    summary: m.summary,
    summaryEn: m.summaryEn,
    easyRead: (m.easyRead ?? []).join("\n"),
    related: (m.related ?? []).join("\n"),
    body: doc.body,
  };
}

export type SaveDraftResult =
  | { ok: true; id: string; revision: number }
  | { ok: false; reason: "invalid"; fieldErrors: Partial<Record<DraftFormField, string[]>>; formErrors: string[] }
  /** Someone saved the document since this editor opened it: nothing was written; the editor's text comes back. */
  | { ok: false; reason: "conflict"; currentRevision: number }
  /** A new document whose id is taken. */
  | { ok: false; reason: "taken" }
  /** A published document: editing it as a draft would take it off the portal (not in this slice). */
  | { ok: false; reason: "published" }
  | { ok: false; reason: "notFound" };

/** The form field a schema or corpus error belongs to ("topics[0]: …" → topics), or null for the form as a whole. */
function errorField(error: CorpusError): DraftFormField | null {
  if (error.rule !== "schema") return error.rule === "id-filename" || error.rule === "duplicate-id" ? "id" : "body";
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

/** The body as a file holds it: Unix line ends, one final newline. */
function bodyText(value: string | string[] | undefined): string {
  const text = (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")).replace(/\r\n?/g, "\n").trimEnd();
  return text ? `${text}\n` : "";
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
 * Saves a new version of a draft (never public), with its audit entry in the same transaction. Refuses a save over
 * a newer revision (conflict), a new document whose id is taken, and a published document (its draft would replace
 * the live text: editing published documents needs a draft beside them, a later slice).
 */
export async function saveDraft(db: Kysely<Database>, actor: Actor, input: SaveDraftInput, now: Date = new Date()): Promise<SaveDraftResult> {
  return withAudit(
    db,
    actor,
    async (trx): Promise<SaveDraftResult> => {
      const wanted = input.create ? one(input.values.id) : (input.id ?? "");
      const existing = wanted ? await getStoredDocument(trx, wanted) : undefined;
      if (input.create && existing) return { ok: false, reason: "taken" };
      if (!input.create && !existing) return { ok: false, reason: "notFound" };
      if (existing?.published) return { ok: false, reason: "published" };
      if (existing && input.expectedRevision !== undefined && existing.revision !== input.expectedRevision) {
        return { ok: false, reason: "conflict", currentRevision: existing.revision };
      }
      const type = input.create?.type ?? existing!.meta.type;
      const meta = draftMeta(input.values, type, existing?.meta);
      const question = input.create?.question?.text.trim();
      if (question) {
        const en = input.create?.question?.locale === "en";
        meta.questions = { [documentQuestionsKey]: { zh: en ? [] : [question], en: en ? [question] : [] } };
      }
      const result = await saveDocument(
        trx,
        {
          meta,
          body: bodyText(input.values.body),
          published: false,
          expectedRevision: existing ? existing.revision : undefined,
          note: "draft",
        },
        { userId: actor.id },
        now,
      );
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
      return invalid(result.errors);
    },
    (result) => (result.ok ? { action: "content.draft.save", targetType: "content_document", targetId: result.id, detail: `revision ${result.revision}` } : null),
    now,
  );
}

export type EditableDocument = { doc: StoredDocument; values: Record<DraftFormField, string | string[]> };

/** A document and its form values, for the edit page. */
export async function getEditableDocument(db: Kysely<Database>, id: string): Promise<EditableDocument | undefined> {
  const doc = await getStoredDocument(db, id);
  return doc ? { doc, values: formValuesOf(doc) } : undefined;
}

/**
 * A stored document (a draft, usually) made into the document the public page renders, by the path a published one
 * takes (written as its file, parsed as one). Undefined when there is no such document or it does not parse.
 */
export async function previewDocument(db: Kysely<Database>, id: string): Promise<{ document: PolicyDocument; stored: StoredDocument } | undefined> {
  const stored = await getStoredDocument(db, id);
  if (!stored) return undefined;
  const { document } = parseDocumentSource(stored.path, storedText(stored));
  return document ? { document, stored } : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Review and publication (two-person rule)

export interface PendingReview {
  revision: number;
  requestedBy: string;
  requestedAt: string;
}

async function pendingReview(db: Kysely<Database> | Transaction<Database>, id: string): Promise<PendingReview | undefined> {
  const row = await db
    .selectFrom("content_reviews")
    .select(["revision", "requested_by", "requested_at"])
    .where("document_id", "=", id)
    .where("decided_at", "is", null)
    .executeTakeFirst();
  return row ? { revision: row.revision, requestedBy: row.requested_by, requestedAt: row.requested_at } : undefined;
}

/** The review a document waits for, if any. */
export function getPendingReview(db: Kysely<Database>, id: string): Promise<PendingReview | undefined> {
  return pendingReview(db, id);
}

/** Who may approve a draft: a second person — neither the one who asked for the review nor the author of the revision. */
export function mayApprove(actorId: string | null, review: PendingReview, author: string | null): boolean {
  return actorId !== null && actorId !== review.requestedBy && actorId !== author;
}

export type ReviewResult =
  | { ok: true; id: string; revision: number }
  | { ok: false; reason: "notFound" | "published" | "conflict" | "pending" | "notPending" | "ownDraft" };

/** Asks for the draft's current revision (the one the editor saw) to be reviewed; audited in the same transaction. */
export async function requestReview(db: Kysely<Database>, actor: Actor, id: string, revision: number, now: Date = new Date()): Promise<ReviewResult> {
  return withAudit(
    db,
    actor,
    async (trx): Promise<ReviewResult> => {
      const doc = await getStoredDocument(trx, id);
      if (!doc) return { ok: false, reason: "notFound" };
      if (doc.published) return { ok: false, reason: "published" };
      if (doc.revision !== revision) return { ok: false, reason: "conflict" };
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
    const doc = await getStoredDocument(trx, id);
    if (!doc) return { ok: false, reason: "notFound" };
    if (doc.published) return { ok: false, reason: "published" };
    const review = await pendingReview(trx, id);
    if (!review) return { ok: false, reason: "notPending" };
    if (review.revision !== revision || doc.revision !== revision) return { ok: false, reason: "conflict" };
    if (!mayApprove(actor.id, review, doc.updatedBy)) return { ok: false, reason: "ownDraft" };
    const saved = await saveDocument(trx, { meta: doc.meta, body: doc.body, published: true, expectedRevision: revision, note: "approved and published" }, { userId: actor.id }, now);
    if (!saved.ok) return { ok: false, reason: "conflict" };
    await trx
      .updateTable("content_reviews")
      .set({ decided_by: actor.id, decided_at: now.toISOString(), decision: "published" })
      .where("document_id", "=", id)
      .where("decided_at", "is", null)
      .execute();
    await recordAudit(trx, actor, { action: "content.review.approve", targetType: "content_document", targetId: id, detail: `revision ${revision}` }, now);
    await recordAudit(trx, actor, { action: "content.publish", targetType: "content_document", targetId: id, detail: `revision ${saved.revision}` }, now);
    return { ok: true, id, revision: saved.revision };
  });
}
