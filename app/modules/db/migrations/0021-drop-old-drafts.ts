import type { Kysely } from "kysely";

/**
 * The per-service draft tables the guided-form engine replaced (issue 15; docs/decisions/0014): the device
 * request's (lending_request_drafts, 0005), the library card's (centre_card_drafts, 0006) and the activity sign-up's
 * (centre_signup_drafts, 0006). Since 0018 nothing reads or writes them; their drafts were abandoned then (a day's
 * worth at most) and the retention purge has had 30 days to remove what was left. They leave the backups and the
 * retention rules with this migration. The cinema's drafts (cinema_booking_drafts) stay: the booking is not on the
 * engine yet. `down` makes the tables again, empty, as they were.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("lending_request_drafts").ifExists().execute();
  await db.schema.dropTable("centre_card_drafts").ifExists().execute();
  await db.schema.dropTable("centre_signup_drafts").ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("lending_request_drafts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("type_id", "text", (c) => c.notNull().references("lending_device_types.id"))
    .addColumn("name", "text")
    .addColumn("phone", "text")
    .addColumn("disability", "text")
    .addColumn("certificate_answered", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("certificate_hash", "text")
    .addColumn("certificate_masked", "text")
    .addColumn("purpose", "text")
    .addColumn("pickup_location_id", "text")
    .addColumn("request_reference", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("lending_request_drafts_updated").on("lending_request_drafts").column("updated_at").execute();
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
