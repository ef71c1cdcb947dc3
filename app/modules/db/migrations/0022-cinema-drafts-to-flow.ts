import type { Kysely } from "kysely";

/**
 * The cinema booking's drafts move to the guided-form engine's table (flow_drafts, flow "cinema-booking", scope =
 * the screening; app/modules/cinema/drafts.server.ts, docs/decisions/0014): `cinema_booking_drafts` is dropped.
 * Drafts in it when this is applied are dropped with it, not copied: at most a day's unfinished bookings, whose links
 * then answer 404; their seat holds lapse on their own within minutes (holds are records of their own and stay).
 * A booking already made is not a draft and is untouched.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("cinema_booking_drafts_updated").ifExists().execute();
  await db.schema.dropTable("cinema_booking_drafts").execute();
}

/** Back to the table as 0002 made it (empty: the drafts in flow_drafts are not moved back). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("cinema_booking_drafts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("screening_id", "text", (c) => c.notNull().references("cinema_screenings.id"))
    .addColumn("tickets", "integer")
    .addColumn("needs", "text")
    .addColumn("hold_id", "text")
    .addColumn("name", "text")
    .addColumn("phone", "text")
    .addColumn("booking_reference", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("cinema_booking_drafts_updated").on("cinema_booking_drafts").column("updated_at").execute();
}
