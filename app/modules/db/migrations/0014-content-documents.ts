import type { Kysely } from "kysely";

/**
 * The policy corpus in the database (issue 16, items 1 and 4; app/modules/content/documents.server.ts). The Markdown
 * files in knowledge/ are the seed and the import/export format; these tables are what the portal serves from.
 *
 * - `content_documents`: one row per document, its current text: every front-matter field (documentMetaSchema, the
 *   one schema of files and rows) as a column — lists and the questions map as JSON — the body as written, the
 *   file's path in knowledge/ (folder = type, extension = format), and `layout`: the front-matter block as the file
 *   had it, so an export writes unchanged fields byte for byte as they were (comments, quoting, flow lists).
 * - `content_document_versions`: every version ever stored, whole (front matter as JSON, body, path), with who made it
 *   (a staff id, or null for the seed import) and when. Never updated or deleted.
 * - `content_corpus`: one row (id 1): the corpus version, raised by every change of a document in the same
 *   transaction, which each worker polls to rebuild its search and assistant indexes; and the hash of the seed files
 *   as last imported, so a start after the files changed imports the change.
 * Portable types only: times are ISO-8601 UTC strings, booleans 0/1.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("content_documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    /** Relative to knowledge/, forward slashes: "guides/living-allowance-guide.md". */
    .addColumn("path", "text", (c) => c.notNull().unique())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("doc_number", "text")
    .addColumn("issued", "text")
    .addColumn("effective", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("source", "text")
    .addColumn("reviewed", "text", (c) => c.notNull())
    /** JSON arrays of ids. */
    .addColumn("topics", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("summary_en", "text", (c) => c.notNull())
    /** JSON: string[] | [{ title, text }] | string[] | { anchor: { zh, en } }; null when the front matter has none. */
    .addColumn("easy_read", "text")
    .addColumn("steps", "text")
    .addColumn("related", "text")
    .addColumn("questions", "text")
    .addColumn("changed", "text")
    .addColumn("change_note", "text")
    .addColumn("change_note_en", "text")
    .addColumn("body", "text", (c) => c.notNull())
    /** The front-matter block as last written in a file (without the --- lines), or null: the export's template. */
    .addColumn("layout", "text")
    /** 1 = served on the public pages and indexed; 0 = kept but not served. */
    .addColumn("published", "integer", (c) => c.notNull())
    /** The number of the version this row holds (content_document_versions.revision). */
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .execute();

  await db.schema
    .createTable("content_document_versions")
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull())
    /** The validated front matter, JSON. */
    .addColumn("meta", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("layout", "text")
    .addColumn("published", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    /** A staff user's id; null for the import of the seed files. */
    .addColumn("created_by", "text")
    /** seed | staff */
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addPrimaryKeyConstraint("content_document_versions_pk", ["document_id", "revision"])
    .execute();

  await db.schema
    .createTable("content_corpus")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("seed_hash", "text")
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("content_corpus").execute();
  await db.schema.dropTable("content_document_versions").execute();
  await db.schema.dropTable("content_documents").execute();
}
