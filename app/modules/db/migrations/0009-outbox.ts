import type { Kysely } from "kysely";

/**
 * The message outbox (issue 17; app/modules/messages). A row is written in the same transaction as the event that
 * causes it and delivered later by a worker that leases it (`status`, `lease_until`, `leased_by`), so a message is
 * never lost with its event nor sent for an event that was rolled back. Portable types only: ids are UUID text,
 * times ISO-8601 UTC strings (they sort as text on both databases).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("outbox_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    /** email | sms */
    .addColumn("channel", "text", (c) => c.notNull())
    /** As given (an e-mail address, or a mobile number as 11 digits); shown masked everywhere. */
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    /** The template's name, e.g. feedbackReply. */
    .addColumn("template", "text", (c) => c.notNull())
    /** The template's parameters as JSON, as rendered into subject and body. */
    .addColumn("params", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    /** The reference the message is about (a feedback or booking reference). */
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    /** queued | sending | sent | failed */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("lease_until", "text")
    .addColumn("leased_by", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  // The worker's question: what is due? (queued by next_attempt_at, sending by lease_until.)
  await db.schema.createIndex("outbox_messages_due").on("outbox_messages").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("outbox_messages_target").on("outbox_messages").columns(["target_type", "target_id"]).execute();
  await db.schema.createIndex("outbox_messages_created").on("outbox_messages").column("created_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("outbox_messages").execute();
}
