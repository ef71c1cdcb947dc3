import type { Kysely } from "kysely";

/**
 * The 粤北区域中心's other services (issue 9; app/modules/centre). Portable types only.
 *
 * - `centre_library_cards`: 借阅证 applications of the 视障图书馆; the certificate number only as a keyed hash and a
 *   masked form.
 * - `centre_activities` / `centre_signups` / `centre_activity_places`: activities and training. A confirmed
 *   sign-up holds one place row keyed (activity_id, place_no) with place_no in 1..capacity: the database refuses a
 *   second claim on a place, so capacity is never exceeded (the cinema's guarantee, ADR 0003).
 * - Drafts keep multi-step answers on the server under a random id in the URL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("centre_library_cards")
    .addColumn("reference", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("disability", "text", (c) => c.notNull())
    .addColumn("certificate_hash", "text")
    .addColumn("certificate_masked", "text")
    /** braille | largePrint | audio */
    .addColumn("format", "text", (c) => c.notNull())
    /** pickup | delivery */
    .addColumn("collect", "text", (c) => c.notNull())
    .addColumn("address", "text")
    /** pending | issued | refused */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("centre_library_cards_status").on("centre_library_cards").column("status").execute();

  await db.schema
    .createTable("centre_card_drafts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text")
    .addColumn("phone", "text")
    .addColumn("disability", "text")
    .addColumn("certificate_answered", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("certificate_hash", "text")
    .addColumn("certificate_masked", "text")
    .addColumn("format", "text")
    .addColumn("collect", "text")
    .addColumn("address", "text")
    .addColumn("card_reference", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("centre_activities")
    .addColumn("id", "text", (c) => c.primaryKey())
    /** outreach | training | association */
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("association_id", "text")
    .addColumn("title_zh", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("summary_zh", "text", (c) => c.notNull())
    .addColumn("summary_en", "text", (c) => c.notNull())
    .addColumn("place_zh", "text", (c) => c.notNull())
    .addColumn("place_en", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull())
    .addColumn("waitlist_size", "integer", (c) => c.notNull())
    /** Comma-separated: signLanguage,audioDescription,stepFree,largePrint */
    .addColumn("accessibility", "text", (c) => c.notNull())
    .addColumn("signup_opens_at", "text", (c) => c.notNull())
    .addColumn("signup_closes_at", "text", (c) => c.notNull())
    /** published | draft | cancelled */
    .addColumn("status", "text", (c) => c.notNull())
    /** 1 = an example of the seed data that staff edit or replace. */
    .addColumn("example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("centre_activities_starts").on("centre_activities").column("starts_at").execute();

  await db.schema
    .createTable("centre_signups")
    .addColumn("reference", "text", (c) => c.primaryKey())
    .addColumn("activity_id", "text", (c) => c.notNull().references("centre_activities.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("phone", "text", (c) => c.notNull())
    /** Comma-separated accessibility needs. */
    .addColumn("needs", "text", (c) => c.notNull())
    /** confirmed | waiting | cancelled */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attended", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("cancelled_at", "text")
    .execute();
  await db.schema.createIndex("centre_signups_activity").on("centre_signups").columns(["activity_id", "status"]).execute();

  await db.schema
    .createTable("centre_activity_places")
    .addColumn("activity_id", "text", (c) => c.notNull().references("centre_activities.id"))
    .addColumn("place_no", "integer", (c) => c.notNull())
    .addColumn("signup_reference", "text", (c) => c.notNull().unique())
    .addPrimaryKeyConstraint("centre_activity_places_one_claim", ["activity_id", "place_no"])
    .execute();

  await db.schema
    .createTable("centre_signup_drafts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("phone", "text")
    .addColumn("needs", "text")
    .addColumn("signup_reference", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["centre_signup_drafts", "centre_activity_places", "centre_signups", "centre_activities", "centre_card_drafts", "centre_library_cards"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
