import type { Kysely } from "kysely";

/**
 * Waiting-list offers (issue 17, item 4; app/modules/cinema/offers.server.ts). When seats free up, the first waiting
 * party that fits is offered seats: a hold (`cinema_holds`, its claims in `cinema_booking_seats`) keeps them from
 * everyone else while the offer is open, and the person answers through a secret link. One row per offer, so staff
 * see the chain (who was offered when, and what came of it). Portable types only: times are ISO-8601 UTC strings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("cinema_waiting_offers")
    /** Random, unguessable: the secret half of the offer link /cinema/offer/<entry>/<token>. */
    .addColumn("token", "text", (c) => c.primaryKey())
    .addColumn("entry_id", "text", (c) => c.notNull())
    .addColumn("screening_id", "text", (c) => c.notNull())
    /** The hold that keeps the offered seats; gone once the offer is answered or moved on. */
    .addColumn("hold_id", "text", (c) => c.notNull())
    .addColumn("seat_ids", "text", (c) => c.notNull())
    /** open | booked | declined | expired | withdrawn */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("offered_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("answered_at", "text")
    .addColumn("booking_reference", "text")
    .execute();
  await db.schema.createIndex("cinema_waiting_offers_entry").on("cinema_waiting_offers").column("entry_id").execute();
  // The sweep's question: which open offers have run out?
  await db.schema.createIndex("cinema_waiting_offers_due").on("cinema_waiting_offers").columns(["status", "expires_at"]).execute();
  await db.schema.createIndex("cinema_waiting_offers_screening").on("cinema_waiting_offers").column("screening_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("cinema_waiting_offers").execute();
}
