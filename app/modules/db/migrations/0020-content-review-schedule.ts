import type { Kysely } from "kysely";

/**
 * Scheduled publication (issue 16, item 2; app/modules/content/editorial.server.ts, ADR 0016). A second staff member
 * may approve a draft's revision to be published at a later time: the approval is kept on the review request
 * (`approved_by`, `approved_at`) with the time (`publish_at`, ISO-8601 UTC), and the request stays undecided until
 * the background job publishes it (decision `published`, decided by the approver) or a newer save withdraws it. A
 * cancelled schedule clears the three columns (the request waits for approval again). No new table, so the backup
 * and retention declarations of content_reviews cover them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("content_reviews").addColumn("approved_by", "text").execute();
  await db.schema.alterTable("content_reviews").addColumn("approved_at", "text").execute();
  await db.schema.alterTable("content_reviews").addColumn("publish_at", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("content_reviews").dropColumn("publish_at").execute();
  await db.schema.alterTable("content_reviews").dropColumn("approved_at").execute();
  await db.schema.alterTable("content_reviews").dropColumn("approved_by").execute();
}
