import type { Kysely } from "kysely";

/**
 * Review requests of the staff console's drafts (issue 16, item 2; app/modules/content/editorial.server.ts): an
 * editor asks for a draft's revision to be reviewed; a second staff member (role content, or an admin; never the one
 * who asked or wrote it) approves it, which publishes it. A request is decided once: `published`, or `withdrawn` when
 * the draft is saved again (the revision asked about is no longer the draft). Times are ISO-8601 UTC strings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("content_reviews")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    /** Staff user ids. */
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    /** null while pending; published | withdrawn */
    .addColumn("decision", "text")
    .execute();
  await db.schema.createIndex("content_reviews_document").on("content_reviews").columns(["document_id", "decided_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("content_reviews").execute();
}
