import type { Kysely } from "kysely";

/**
 * Glossary mappings made in the staff console (issue 16, item 5; app/modules/content/glossary.server.ts): a word people
 * type (`variant`, "残废证") read as a term of the corpus (`canonical`, "残疾人证"), laid over knowledge/glossary.yaml.
 * Proposed by one staff member, approved by another (two-person rule); only approved mappings reach the search and the
 * assistant. A removed mapping is kept, marked `removed` (who and when). The question a mapping was made from is not copied
 * here (it stays under the retention of chat_questions). Times are ISO-8601 UTC strings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("content_glossary_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("variant", "text", (c) => c.notNull())
    .addColumn("canonical", "text", (c) => c.notNull())
    /** proposed | approved | removed */
    .addColumn("status", "text", (c) => c.notNull())
    /** Staff user ids. */
    .addColumn("proposed_by", "text", (c) => c.notNull())
    .addColumn("proposed_at", "text", (c) => c.notNull())
    .addColumn("approved_by", "text")
    .addColumn("approved_at", "text")
    .addColumn("removed_by", "text")
    .addColumn("removed_at", "text")
    .execute();
  await db.schema.createIndex("content_glossary_entries_status").on("content_glossary_entries").columns(["status", "variant"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("content_glossary_entries").execute();
}
