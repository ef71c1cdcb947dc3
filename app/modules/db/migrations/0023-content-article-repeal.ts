import type { Kysely } from "kysely";

/**
 * Repealing or superseding one article of a document (issue 16, item 2; app/modules/content/schema.ts
 * articleRepealSchema, ADR 0017). `repealed_articles` is the front matter's `repealedArticles` as JSON (null: none):
 * each entry an article's anchor, the date, the note and what replaced it. No new table, so the backup and retention
 * declarations of content_documents cover it (the versions keep it inside their `meta` JSON).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("content_documents").addColumn("repealed_articles", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("content_documents").dropColumn("repealed_articles").execute();
}
