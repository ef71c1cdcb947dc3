import type { Kysely } from "kysely";

/**
 * Editing a published document (issue 16, item 2; app/modules/content/editorial.server.ts, ADR 0016). A published
 * document's row keeps serving its live text while an editor's draft of it waits beside it: the draft is a version
 * (`content_document_versions`, published 0) and the row names it in `draft_revision` (null: no draft beside the live
 * text). Approving the draft publishes it over the live text and clears the column. No new table, so the backup and
 * retention declarations of content_documents cover it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("content_documents").addColumn("draft_revision", "integer").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("content_documents").dropColumn("draft_revision").execute();
}
