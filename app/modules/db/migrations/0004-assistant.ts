import type { Kysely } from "kysely";

/** The policy assistant (app/modules/assistant): questions asked (masked), their answer status and citations. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("chat_questions")
    .addColumn("id", "text", (c) => c.primaryKey())
    // Random id in the person's cookie: the page shows their own conversation, nobody else's.
    .addColumn("conversation_id", "text", (c) => c.notNull())
    // Masked (personal numbers replaced) and stripped of invisible characters; never the raw text.
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    // answered | no_content | off_topic | injection | personal_data_only | error
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("grounded", "integer", (c) => c.notNull())
    // JSON [{ title, url, quote }]
    .addColumn("citations", "text", (c) => c.notNull())
    // JSON of the rendered answer (lead, passages, next steps), so the page can show the conversation again.
    .addColumn("answer", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    // null = not rated, 1 = helpful, 0 = not helpful
    .addColumn("helpful", "integer")
    .execute();
  await db.schema.createIndex("chat_questions_conversation").on("chat_questions").columns(["conversation_id", "created_at"]).execute();
  await db.schema.createIndex("chat_questions_grounded").on("chat_questions").columns(["grounded", "created_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("chat_questions").execute();
}
