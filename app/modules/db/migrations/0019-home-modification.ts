import type { Kysely } from "kysely";

/**
 * 困难重度残疾人家庭无障碍改造 (home accessibility modification, issue 15 item 7; app/modules/home-modification): one
 * row a household's application, which is also its line in the 台账 the county Federations keep. The certificate
 * number only as a keyed hash and masked form (like the library card); the phone whole (staff call back; every view
 * masks it). `needs` is a JSON array of need codes. The staff's record of the work is on the same row: the
 * assessment visit (`visit_date`, `findings`), the decision (`reason` when refused), the work (`work_started_at`,
 * `work_finished_at`) and the third-party supervisor's check (`supervision` passed|failed, `supervision_note`).
 * Times are ISO-8601 UTC strings; `visit_date` a local date (YYYY-MM-DD).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("home_mod_applications")
    .addColumn("reference", "text", (c) => c.primaryKey())
    .addColumn("for_whom", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("certificate_hash", "text")
    .addColumn("certificate_masked", "text")
    .addColumn("county", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("household_size", "integer", (c) => c.notNull())
    .addColumn("low_income", "text", (c) => c.notNull())
    .addColumn("needs", "text", (c) => c.notNull())
    .addColumn("needs_other", "text")
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("visit_date", "text")
    .addColumn("findings", "text")
    .addColumn("assessed_by", "text")
    .addColumn("assessed_at", "text")
    .addColumn("reason", "text")
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("work_started_at", "text")
    .addColumn("work_finished_at", "text")
    .addColumn("supervision", "text")
    .addColumn("supervision_note", "text")
    .addColumn("supervised_by", "text")
    .addColumn("supervised_at", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("home_mod_applications_status").on("home_mod_applications").column("status").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("home_mod_applications").execute();
}
