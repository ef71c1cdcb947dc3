import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~/modules/db/schema";
import {
  corpusFromSources,
  defaultKnowledgeDir,
  documentFiles,
  formatZodPath,
  parseDocumentSource,
  readDocumentSources,
  type Corpus,
  type CorpusError,
} from "./corpus.server";
import { corpusGlossary } from "./glossary-terms.server";
import { documentMetaSchema, type DocumentMeta } from "./schema";
import { documentText, frontMatterBlock } from "./source.server";
import type { ContentDocumentTable, ContentDocumentVersionTable } from "./tables";
import { typeFolders } from "./taxonomy";

/**
 * The policy corpus in the database (issue 16; migration 0014-content-documents). knowledge/ is the seed and the
 * import/export format: `npm start` imports the files when the database has none or the files changed since
 * (importKnowledge), `npm run knowledge:export` writes the database back (exportKnowledge), and the portal builds its
 * pages and indexes from the published rows (loadDatabaseCorpus). A row becomes a corpus document the way a file does:
 * written as the file's text (source.server.ts) and parsed by corpus.server.ts's parseDocumentSource — one schema,
 * one set of rules, and the same document, hash included, when the row holds what the file holds.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** A document as stored: its validated front matter, body, place in knowledge/ and state. */
export interface StoredDocument {
  meta: DocumentMeta;
  body: string;
  /** Relative to knowledge/: "guides/living-allowance-guide.md". */
  path: string;
  /** The front-matter block as a file last had it (source.server.ts), or null. */
  layout: string | null;
  published: boolean;
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
  /** A published document's draft waiting beside the live text (its revision in the versions), or null. */
  draftRevision: number | null;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

type DocumentColumns = Omit<ContentDocumentTable, "body" | "layout" | "published" | "revision" | "updated_at" | "updated_by" | "path" | "draft_revision">;

/** The front matter as columns (lists and the questions map as JSON, absent fields null). */
export function metaColumns(meta: DocumentMeta): DocumentColumns {
  return {
    id: meta.id,
    type: meta.type,
    title: meta.title,
    title_en: meta.titleEn,
    issuer: meta.issuer,
    doc_number: meta.docNumber ?? null,
    issued: meta.issued ?? null,
    effective: meta.effective ?? null,
    status: meta.status,
    superseded_by: meta.supersededBy ?? null,
    source: meta.source ?? null,
    reviewed: meta.reviewed,
    topics: JSON.stringify(meta.topics),
    audience: JSON.stringify(meta.audience),
    summary: meta.summary,
    summary_en: meta.summaryEn,
    easy_read: json(meta.easyRead),
    steps: json(meta.steps),
    related: json(meta.related),
    questions: json(meta.questions),
    repealed_articles: json(meta.repealedArticles),
    changed: meta.changed ?? null,
    change_note: meta.changeNote ?? null,
    change_note_en: meta.changeNoteEn ?? null,
  };
}

/** The front matter of a row, in the schema's field names (validated again when the row becomes a corpus document). */
export function columnsMeta(row: DocumentColumns): DocumentMeta {
  const optional = <T>(key: string, value: T | null) => (value === null ? {} : { [key]: value });
  const parsed = <T>(key: string, value: string | null) => (value === null ? {} : { [key]: JSON.parse(value) as T });
  return {
    id: row.id,
    title: row.title,
    titleEn: row.title_en,
    type: row.type,
    issuer: row.issuer,
    ...optional("docNumber", row.doc_number),
    ...optional("issued", row.issued),
    ...optional("effective", row.effective),
    status: row.status,
    ...optional("supersededBy", row.superseded_by ?? null),
    ...optional("source", row.source),
    reviewed: row.reviewed,
    topics: JSON.parse(row.topics),
    audience: JSON.parse(row.audience),
    summary: row.summary,
    summaryEn: row.summary_en,
    ...parsed("easyRead", row.easy_read),
    ...parsed("steps", row.steps),
    ...parsed("related", row.related),
    ...parsed("questions", row.questions),
    ...parsed("repealedArticles", row.repealed_articles),
    ...optional("changed", row.changed),
    ...optional("changeNote", row.change_note),
    ...optional("changeNoteEn", row.change_note_en),
  } as DocumentMeta;
}

function storedFromRow(row: ContentDocumentTable): StoredDocument {
  return {
    meta: columnsMeta(row),
    body: row.body,
    path: row.path,
    layout: row.layout,
    published: row.published === 1,
    revision: row.revision,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    draftRevision: row.draft_revision ?? null,
  };
}

/** The file text of a stored document: what the export writes and what the corpus parses. */
export function storedText(doc: Pick<StoredDocument, "meta" | "body" | "layout">): string {
  return documentText(doc.meta, doc.body, doc.layout);
}

/** Paths in the order a corpus read from files lists them (corpus.server.ts's walk: each folder level by name). */
export function comparePaths(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = x[i]!.localeCompare(y[i]!);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

export async function getStoredDocument(db: Db, id: string): Promise<StoredDocument | undefined> {
  const row = await db.selectFrom("content_documents").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? storedFromRow(row) : undefined;
}

/** Every stored document (published or not), in corpus order. */
export async function listStoredDocuments(db: Db, options: { publishedOnly?: boolean } = {}): Promise<StoredDocument[]> {
  let query = db.selectFrom("content_documents").selectAll();
  if (options.publishedOnly) query = query.where("published", "=", 1);
  return (await query.execute()).map(storedFromRow).sort((a, b) => comparePaths(a.path, b.path));
}

/** How many documents the database holds. */
export async function countStoredDocuments(db: Db): Promise<number> {
  const row = await db.selectFrom("content_documents").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The corpus the portal serves: the published documents, each written as its file and parsed as one. `dir` is
 * where the glossary and phrasebook still come from (knowledge/). `draftOf`: that published document as its draft
 * beside the live text (for testing a change before it is approved; never served).
 */
export async function loadDatabaseCorpus(db: Db, dir: string = defaultKnowledgeDir(), options: { draftOf?: string } = {}): Promise<Corpus> {
  let docs = await listStoredDocuments(db, { publishedOnly: true });
  // "Test with this change": one published document's draft in place of its live text (nothing is served from it).
  const working = options.draftOf ? await getWorkingCopy(db, options.draftOf) : undefined;
  if (working?.live.published) docs = docs.map((d) => (d.meta.id === working.live.meta.id ? { ...working.doc, path: d.path } : d));
  const corpus = corpusFromSources(
    dir,
    docs.map((d) => ({ path: d.path, text: storedText(d) })),
  );
  // Searched with the console's approved glossary mappings laid over glossary.yaml (migration 0017).
  return { ...corpus, origin: "database", glossary: await corpusGlossary(db, dir) };
}

// ---------------------------------------------------------------------------------------------------------
// The corpus version

/** The corpus version: raised in the transaction of every change to a document. 0 before the first import. */
export async function corpusVersion(db: Db): Promise<number> {
  const row = await db.selectFrom("content_corpus").select("version").where("id", "=", 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}

export async function bumpCorpusVersion(trx: Db, now: string, seedHash?: string): Promise<number> {
  const row = await trx.selectFrom("content_corpus").select(["version", "seed_hash"]).where("id", "=", 1).executeTakeFirst();
  const version = Number(row?.version ?? 0) + 1;
  if (row) {
    await trx
      .updateTable("content_corpus")
      .set({ version, changed_at: now, ...(seedHash !== undefined ? { seed_hash: seedHash } : {}) })
      .where("id", "=", 1)
      .execute();
  } else {
    await trx.insertInto("content_corpus").values({ id: 1, version, seed_hash: seedHash ?? null, changed_at: now }).execute();
  }
  return version;
}

// ---------------------------------------------------------------------------------------------------------
// Writing a document

export type VersionOrigin = "seed" | "staff";

interface WriteVersion {
  meta: DocumentMeta;
  body: string;
  path: string;
  layout: string | null;
  published: boolean;
  by: string | null;
  origin: VersionOrigin;
  note?: string | null;
  now: string;
}

/** The next revision of a document: after every version stored (a draft beside the live text has one too). */
async function nextRevision(trx: Db, id: string): Promise<number> {
  const row = await trx
    .selectFrom("content_document_versions")
    .select((eb) => eb.fn.max<number>("revision").as("last"))
    .where("document_id", "=", id)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

function versionValues(doc: WriteVersion, revision: number) {
  return {
    document_id: doc.meta.id,
    revision,
    path: doc.path,
    meta: JSON.stringify(doc.meta),
    body: doc.body,
    layout: doc.layout,
    published: doc.published ? 1 : 0,
    created_at: doc.now,
    created_by: doc.by,
    origin: doc.origin,
    note: doc.note ?? null,
  };
}

/**
 * Writes the document's row and its new version (the next revision). The caller raises the corpus version. A draft
 * waiting beside the live text stays where it is (approveAndPublish clears it when it publishes it).
 */
async function writeVersion(trx: Db, doc: WriteVersion, previous: number | null): Promise<number> {
  const revision = previous === null ? 1 : await nextRevision(trx, doc.meta.id);
  const row = {
    ...metaColumns(doc.meta),
    path: doc.path,
    body: doc.body,
    layout: doc.layout,
    published: doc.published ? 1 : 0,
    revision,
    updated_at: doc.now,
    updated_by: doc.by,
  };
  if (previous === null) await trx.insertInto("content_documents").values(row).execute();
  else await trx.updateTable("content_documents").set(row).where("id", "=", doc.meta.id).execute();
  await trx.insertInto("content_document_versions").values(versionValues(doc, revision)).execute();
  return revision;
}

export interface SaveDocumentInput {
  /** The front matter, as a form or the API hands it over: validated here with documentMetaSchema. */
  meta: unknown;
  body: string;
  /** Default: published as it is (a new document: published). */
  published?: boolean;
  /** The revision the editor started from: a save over a newer one is refused (no edit is lost). */
  expectedRevision?: number;
  note?: string;
}

export type SaveDocumentResult =
  | { ok: true; id: string; revision: number; corpusVersion: number }
  | { ok: false; reason: "invalid"; errors: CorpusError[] }
  | { ok: false; reason: "conflict"; currentRevision: number };

/**
 * Creates or changes a document and raises the corpus version, in one transaction. The document must pass every
 * rule a file passes (the front-matter schema, id, folder, section anchors of its questions); its path follows its
 * type (the extension of an existing document is kept).
 */
type Checked = { ok: true; meta: DocumentMeta; path: string; layout: string | null } | { ok: false; reason: "invalid"; errors: CorpusError[] };

/** The rules a file passes, for a document about to be stored (schema, id, folder, anchors; its path not taken). */
async function checkDocument(trx: Db, rawMeta: unknown, body: string, existing: StoredDocument | undefined): Promise<Checked> {
  const parsed = documentMetaSchema.safeParse(rawMeta);
  if (!parsed.success) {
    const id = typeof (rawMeta as { id?: unknown })?.id === "string" ? (rawMeta as { id: string }).id : undefined;
    return {
      ok: false,
      reason: "invalid",
      errors: parsed.error.issues.map((issue) => ({ path: id ?? "(new)", id, rule: "schema", message: `${formatZodPath(issue.path)}: ${issue.message}` })),
    };
  }
  const meta = parsed.data;
  const extension = existing ? path.posix.extname(existing.path) : ".md";
  const docPath = `${typeFolders[meta.type]}/${meta.id}${extension}`;
  const layout = existing?.layout ?? null;
  const check = parseDocumentSource(docPath, documentText(meta, body, layout));
  if (!check.document || check.errors.length) return { ok: false, reason: "invalid", errors: check.errors };
  const taken = await trx.selectFrom("content_documents").select("id").where("path", "=", docPath).where("id", "!=", meta.id).executeTakeFirst();
  if (taken) return { ok: false, reason: "invalid", errors: [{ path: docPath, id: meta.id, rule: "duplicate-id", message: `${docPath} is used by ${taken.id}` }] };
  return { ok: true, meta: check.meta!, path: docPath, layout };
}

/** The id a save is about, before validation (the schema checks it). */
const rawId = (meta: unknown) => (typeof (meta as { id?: unknown })?.id === "string" ? (meta as { id: string }).id : "");

/** Runs in the caller's transaction when there is one (the console's save and its audit entry), else in its own. */
const inTransaction = <T>(db: Db, run: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? run(db) : db.transaction().execute(run));

/**
 * Creates or changes a document and raises the corpus version, in one transaction. The document must pass every
 * rule a file passes (the front-matter schema, id, folder, section anchors of its questions); its path follows its
 * type (the extension of an existing document is kept).
 */
export async function saveDocument(
  db: Db,
  input: SaveDocumentInput,
  by: { userId: string | null },
  now: Date = new Date(),
): Promise<SaveDocumentResult> {
  return inTransaction(db, async (trx): Promise<SaveDocumentResult> => {
    const existing = await getStoredDocument(trx, rawId(input.meta));
    if (existing && input.expectedRevision !== undefined && existing.revision !== input.expectedRevision) {
      return { ok: false as const, reason: "conflict" as const, currentRevision: existing.revision };
    }
    const checked = await checkDocument(trx, input.meta, input.body, existing);
    if (!checked.ok) return checked;
    const stamp = now.toISOString();
    const revision = await writeVersion(
      trx,
      { meta: checked.meta, body: input.body, path: checked.path, layout: checked.layout, published: input.published ?? existing?.published ?? true, by: by.userId, origin: "staff", note: input.note, now: stamp },
      existing?.revision ?? null,
    );
    return { ok: true as const, id: checked.meta.id, revision, corpusVersion: await bumpCorpusVersion(trx, stamp) };
  });
}

// ---------------------------------------------------------------------------------------------------------
// A draft beside the live text, and the versions

/** A version as stored, made into a document (its front matter validated when it was written). */
export interface StoredVersion {
  doc: StoredDocument;
  createdAt: string;
  createdBy: string | null;
  origin: VersionOrigin;
  note: string | null;
}

function versionFromRow(row: ContentDocumentVersionTable): StoredVersion {
  return {
    doc: {
      meta: JSON.parse(row.meta) as DocumentMeta,
      body: row.body,
      path: row.path,
      layout: row.layout,
      published: row.published === 1,
      revision: row.revision,
      updatedAt: row.created_at,
      updatedBy: row.created_by,
      draftRevision: null,
    },
    createdAt: row.created_at,
    createdBy: row.created_by,
    origin: row.origin as VersionOrigin,
    note: row.note,
  };
}

export async function getVersion(db: Db, id: string, revision: number): Promise<StoredVersion | undefined> {
  const row = await db.selectFrom("content_document_versions").selectAll().where("document_id", "=", id).where("revision", "=", revision).executeTakeFirst();
  return row ? versionFromRow(row) : undefined;
}

/** Every version of a document, newest first. */
export async function listVersions(db: Db, id: string): Promise<StoredVersion[]> {
  const rows = await db.selectFrom("content_document_versions").selectAll().where("document_id", "=", id).orderBy("revision", "desc").execute();
  return rows.map(versionFromRow);
}

/**
 * What an editor works on: the draft waiting beside a published document's live text when there is one, else the
 * row itself. Its revision is the one a stale save is checked against.
 */
export async function getWorkingCopy(db: Db, id: string): Promise<{ doc: StoredDocument; live: StoredDocument } | undefined> {
  const live = await getStoredDocument(db, id);
  if (!live) return undefined;
  if (live.draftRevision === null) return { doc: live, live };
  const draft = await getVersion(db, id, live.draftRevision);
  return { doc: draft ? draft.doc : live, live };
}

export type SaveBesideResult =
  | { ok: true; id: string; revision: number }
  | { ok: false; reason: "invalid"; errors: CorpusError[] }
  | { ok: false; reason: "conflict"; currentRevision: number }
  | { ok: false; reason: "notFound" };

/**
 * Saves a draft of a published document beside its live text: a new version (not published) that the row names as
 * its draft. The row, the public pages, the search and the assistant keep the live text, and the corpus version does
 * not move. The same rules as saveDocument; a save over a newer draft (or live text) than the editor's is refused.
 */
export async function saveDraftBeside(
  db: Db,
  input: { meta: unknown; body: string; expectedRevision?: number; note?: string },
  by: { userId: string | null },
  now: Date = new Date(),
): Promise<SaveBesideResult> {
  return inTransaction(db, async (trx): Promise<SaveBesideResult> => {
    const working = await getWorkingCopy(trx, rawId(input.meta));
    if (!working) return { ok: false, reason: "notFound" };
    if (input.expectedRevision !== undefined && working.doc.revision !== input.expectedRevision) {
      return { ok: false, reason: "conflict", currentRevision: working.doc.revision };
    }
    const checked = await checkDocument(trx, input.meta, input.body, working.live);
    if (!checked.ok) return checked;
    const revision = await nextRevision(trx, checked.meta.id);
    const version: WriteVersion = { meta: checked.meta, body: input.body, path: checked.path, layout: checked.layout, published: false, by: by.userId, origin: "staff", note: input.note, now: now.toISOString() };
    await trx.insertInto("content_document_versions").values(versionValues(version, revision)).execute();
    await trx.updateTable("content_documents").set({ draft_revision: revision }).where("id", "=", checked.meta.id).execute();
    return { ok: true, id: checked.meta.id, revision };
  });
}

/** Forgets the draft beside a document's live text (it stays among the versions). */
export async function clearDraftBeside(db: Db, id: string): Promise<void> {
  await db.updateTable("content_documents").set({ draft_revision: null }).where("id", "=", id).execute();
}

// ---------------------------------------------------------------------------------------------------------
// Import and export

/** sha-256 over the document files under `dir` (path and bytes, in corpus order): changes whenever the seed does. */
export function seedHash(dir: string = defaultKnowledgeDir()): string {
  const hash = createHash("sha256");
  for (const rel of documentFiles(dir)) {
    hash.update(`${rel}\n`);
    hash.update(createHash("sha256").update(fs.readFileSync(path.join(dir, rel))).digest("hex"));
    hash.update("\n");
  }
  return hash.digest("hex");
}

export interface ImportReport {
  /** The seed was imported as it is already: nothing read beyond the hash. */
  unchanged: boolean;
  added: string[];
  updated: string[];
  /** Seed documents whose file is gone: kept, no longer published. */
  withdrawn: string[];
  /** Changed in the seed, but edited in the console since its last import: the database's text is kept. */
  kept: string[];
  /** Files that did not pass the checks (left out, as knowledge:check reports them). */
  errors: CorpusError[];
  corpusVersion: number;
}

/**
 * Imports knowledge/ into the database: every valid document new to it is added; a document whose file changed
 * is updated — unless its current version was made in the console, which wins (reported as `kept`); a seed
 * document whose file is gone is no longer published. Skipped at once when the files are as last imported.
 * Run by `npm start` (the seed step of db-setup, under the start-up lock) and by tests.
 */
export async function importKnowledge(db: Kysely<Database>, dir: string = defaultKnowledgeDir(), now: Date = new Date()): Promise<ImportReport> {
  const hash = seedHash(dir);
  const report: ImportReport = { unchanged: false, added: [], updated: [], withdrawn: [], kept: [], errors: [], corpusVersion: 0 };
  const state = await db.selectFrom("content_corpus").select(["version", "seed_hash"]).where("id", "=", 1).executeTakeFirst();
  if (state?.seed_hash === hash) return { ...report, unchanged: true, corpusVersion: Number(state.version) };

  const files: WriteVersion[] = [];
  const seen = new Set<string>();
  const stamp = now.toISOString();
  for (const source of readDocumentSources(dir)) {
    const result = "errors" in source ? { errors: source.errors } : parseDocumentSource(source.path, source.text, source.bytes);
    report.errors.push(...result.errors);
    if (!("meta" in result) || !result.meta || !result.document) continue;
    if (seen.has(result.meta.id)) {
      report.errors.push({ path: source.path, id: result.meta.id, rule: "duplicate-id", message: `id "${result.meta.id}" is already used` });
      continue;
    }
    seen.add(result.meta.id);
    const text = (source as { text: string }).text;
    files.push({ meta: result.meta, body: result.document.body, path: source.path, layout: frontMatterBlock(text), published: true, by: null, origin: "seed", note: "knowledge/", now: stamp });
  }

  return db.transaction().execute(async (trx) => {
    const stored = new Map((await listStoredDocuments(trx)).map((d) => [d.meta.id, d]));
    const origins = new Map(
      (
        await trx
          .selectFrom("content_document_versions as v")
          .innerJoin("content_documents as d", (join) => join.onRef("d.id", "=", "v.document_id").onRef("d.revision", "=", "v.revision"))
          .select(["v.document_id", "v.origin"])
          .execute()
      ).map((r) => [r.document_id, r.origin]),
    );
    for (const file of files) {
      const current = stored.get(file.meta.id);
      if (!current) {
        await writeVersion(trx, file, null);
        report.added.push(file.meta.id);
        continue;
      }
      const same = current.path === file.path && current.published && storedText(current) === storedText(file) && current.layout === file.layout;
      if (same) continue;
      if (origins.get(file.meta.id) !== "seed") {
        report.kept.push(file.meta.id);
        continue;
      }
      await writeVersion(trx, file, current.revision);
      report.updated.push(file.meta.id);
    }
    for (const [id, current] of stored) {
      if (seen.has(id) || !current.published || origins.get(id) !== "seed") continue;
      await writeVersion(trx, { ...current, published: false, by: null, origin: "seed", note: "removed from knowledge/", now: stamp }, current.revision);
      report.withdrawn.push(id);
    }
    const changed = report.added.length + report.updated.length + report.withdrawn.length > 0;
    if (changed || !state) report.corpusVersion = await bumpCorpusVersion(trx, stamp, hash);
    else {
      await trx.updateTable("content_corpus").set({ seed_hash: hash }).where("id", "=", 1).execute();
      report.corpusVersion = Number(state.version);
    }
    return report;
  });
}

export interface ExportReport {
  written: string[];
  /** Files already as the database has them. */
  unchanged: string[];
  /** Document files under the folder that no published document has (removed). */
  removed: string[];
}

/**
 * Writes the published documents to `dir` (default knowledge/) as the files they were imported from — unchanged
 * fields byte for byte — and removes the files of documents no longer published (or moved: a new type is a new
 * folder), so `git diff` shows exactly what editors changed. Files the database never held, the glossary and the
 * phrasebook are not touched.
 */
export async function exportKnowledge(db: Db, dir: string = defaultKnowledgeDir()): Promise<ExportReport> {
  const report: ExportReport = { written: [], unchanged: [], removed: [] };
  const docs = await listStoredDocuments(db, { publishedOnly: true });
  const paths = new Set(docs.map((d) => d.path));
  for (const doc of docs) {
    const file = path.join(dir, ...doc.path.split("/"));
    const text = storedText(doc);
    if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) {
      report.unchanged.push(doc.path);
      continue;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    report.written.push(doc.path);
  }
  // Only files the database knows (a document's path in any version): a file it never imported — one that failed
  // the checks, or is being written — is not the export's to remove.
  const known = new Set((await db.selectFrom("content_document_versions").select("path").distinct().execute()).map((r) => r.path));
  for (const rel of documentFiles(dir)) {
    if (paths.has(rel) || !known.has(rel)) continue;
    fs.rmSync(path.join(dir, ...rel.split("/")));
    report.removed.push(rel);
  }
  return report;
}
