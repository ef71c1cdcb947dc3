import type { Kysely } from "kysely";

/**
 * Editing, repealing and superseding a published document (issue 16, item 2; app/modules/content/editorial.server.ts, ADR 0016). A published
 * document's row keeps serving its live text while an editor's draft of it waits beside it: the draft is a version
 * (`content_document_versions`, published 0) and the row names it in `draft_revision` (null: no draft beside the live
 * text). Approving the draft publishes it over the live text and clears the column. `superseded_by` is the front
 * matter's new `supersededBy` (a repealed document's replacement, a document id). No new table, so the backup and
 * retention declarations of content_documents cover both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("content_documents").addColumn("draft_revision", "integer").execute();
  await db.schema.alterTable("content_documents").addColumn("superseded_by", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("content_documents").dropColumn("superseded_by").execute();
  await db.schema.alterTable("content_documents").dropColumn("draft_revision").execute();
}
