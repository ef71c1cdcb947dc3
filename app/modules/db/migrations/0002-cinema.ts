import type { Kysely } from "kysely";

/**
 * The barrier-free cinema (issue 5). Portable types only. One seat is never sold twice: every claim on a seat
 * (a hold while someone books, or a confirmed booking) is a row of `cinema_booking_seats`, whose primary key
 * (screening_id, seat_id) the database enforces under any concurrency. A cancelled booking's claims are deleted
 * (its seat list stays on the booking row), so the constraint covers active bookings and live holds only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("cinema_halls")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name_zh", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("venue_zh", "text", (c) => c.notNull())
    .addColumn("venue_en", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("cinema_seats")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("hall_id", "text", (c) => c.notNull().references("cinema_halls.id"))
    .addColumn("seat_row", "integer", (c) => c.notNull())
    .addColumn("seat_number", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("aisle", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("wheelchair", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("companion", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("low_vision", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("cinema_seats_position", ["hall_id", "seat_row", "seat_number"])
    .execute();

  await db.schema
    .createTable("cinema_screenings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("hall_id", "text", (c) => c.notNull().references("cinema_halls.id"))
    .addColumn("title_zh", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("synopsis_zh", "text", (c) => c.notNull())
    .addColumn("synopsis_en", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("audio_description", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("captions", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("sign_language", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("booking_opens_at", "text", (c) => c.notNull())
    .addColumn("booking_closes_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("scheduled"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("cinema_screenings_starts_at").on("cinema_screenings").column("starts_at").execute();

  await db.schema
    .createTable("cinema_bookings")
    .addColumn("reference", "text", (c) => c.primaryKey())
    .addColumn("screening_id", "text", (c) => c.notNull().references("cinema_screenings.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("tickets", "integer", (c) => c.notNull())
    .addColumn("need_guide_dog", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("need_wheelchair", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("need_escort", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("need_headset", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("need_low_vision", "integer", (c) => c.notNull().defaultTo(0))
    /** Seat ids in order, comma-separated: kept after a cancellation frees the claims. */
    .addColumn("seat_ids", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("confirmed"))
    /** Random capability for the booking's own pages (/cinema/booking/<reference>/<token>). */
    .addColumn("access_token", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("cancelled_at", "text")
    .addColumn("checked_in_at", "text")
    .execute();
  await db.schema.createIndex("cinema_bookings_screening").on("cinema_bookings").columns(["screening_id", "status"]).execute();

  await db.schema
    .createTable("cinema_holds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("screening_id", "text", (c) => c.notNull().references("cinema_screenings.id"))
    .addColumn("tickets", "integer", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("extended_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("cinema_booking_seats")
    .addColumn("screening_id", "text", (c) => c.notNull().references("cinema_screenings.id"))
    .addColumn("seat_id", "text", (c) => c.notNull().references("cinema_seats.id"))
    /** Exactly one of booking_reference (sold) and hold_id (held while someone books) is set. */
    .addColumn("booking_reference", "text", (c) => c.references("cinema_bookings.reference"))
    .addColumn("hold_id", "text", (c) => c.references("cinema_holds.id"))
    /** For holds: when the claim lapses (copied from the hold so one query finds stale claims). */
    .addColumn("hold_expires_at", "text")
    .addPrimaryKeyConstraint("cinema_booking_seats_one_claim", ["screening_id", "seat_id"])
    .execute();
  await db.schema.createIndex("cinema_booking_seats_booking").on("cinema_booking_seats").column("booking_reference").execute();
  await db.schema.createIndex("cinema_booking_seats_hold").on("cinema_booking_seats").column("hold_id").execute();

  await db.schema
    .createTable("cinema_waiting_list")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("screening_id", "text", (c) => c.notNull().references("cinema_screenings.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("tickets", "integer", (c) => c.notNull())
    /** waiting | offered | booked | withdrawn */
    .addColumn("status", "text", (c) => c.notNull().defaultTo("waiting"))
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("offered_at", "text")
    .execute();
  await db.schema.createIndex("cinema_waiting_list_screening").on("cinema_waiting_list").columns(["screening_id", "status", "created_at"]).execute();

  await db.schema
    .createTable("cinema_booking_drafts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("screening_id", "text", (c) => c.notNull().references("cinema_screenings.id"))
    .addColumn("tickets", "integer")
    /** Comma-separated needs; null until the needs question is answered ("" = none). */
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

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "cinema_booking_drafts",
    "cinema_waiting_list",
    "cinema_booking_seats",
    "cinema_holds",
    "cinema_bookings",
    "cinema_screenings",
    "cinema_seats",
    "cinema_halls",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
