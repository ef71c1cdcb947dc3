import type { Kysely } from "kysely";

/**
 * Activity-place offers (issue 17, item 4; app/modules/centre/activity-offers.server.ts), as the cinema's waiting-list
 * offers (0012): when an activity place frees up, the first sign-up waiting is offered it through a secret link, and
 * the place row (`centre_activity_places`) is held for them meanwhile. One row per offer, so staff see the chain (who
 * was offered when, until when, and what came of it). Portable types only: times are ISO-8601 UTC strings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("centre_activity_offers")
    /** Random, unguessable: the secret half of the offer link /activities/offer/<reference>/<token>. */
    .addColumn("token", "text", (c) => c.primaryKey())
    .addColumn("signup_reference", "text", (c) => c.notNull())
    .addColumn("activity_id", "text", (c) => c.notNull())
    /** The place held for the offer (its row in centre_activity_places while the offer is open or accepted). */
    .addColumn("place_no", "integer", (c) => c.notNull())
    /** open | accepted | declined | expired | withdrawn */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("offered_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("answered_at", "text")
    .execute();
  await db.schema.createIndex("centre_activity_offers_signup").on("centre_activity_offers").column("signup_reference").execute();
  // The sweep's question: which open offers have run out?
  await db.schema.createIndex("centre_activity_offers_due").on("centre_activity_offers").columns(["status", "expires_at"]).execute();
  await db.schema.createIndex("centre_activity_offers_activity").on("centre_activity_offers").column("activity_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("centre_activity_offers").execute();
}
