import type { Kysely } from "kysely";

/**
 * Guards against guessing and exhaustion (issue 12; app/modules/security, docs/security.md). Portable types only.
 *
 * - `lookup_guards`: one row per looked-up reference ("booking:DY-7K3Q-M9TD"): wrong phones counted, and the lock
 *   after too many. Times are milliseconds since the epoch. No personal data: no phone, no client address.
 * - `idempotency_keys`: what the first request with an `Idempotency-Key` made (a booking reference), with a hash
 *   of its input, until the key expires.
 * - `cinema_holds.client`: the address a seat hold came from, for the per-client cap on held seats; holds are
 *   short-lived and removed by the retention purge a day after they end.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("lookup_guards")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("pending", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("strikes", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "bigint")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("lookup_guards_updated").on("lookup_guards").column("updated_at").execute();

  await db.schema
    .createTable("idempotency_keys")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_one_use", ["scope", "key"])
    .execute();
  await db.schema.createIndex("idempotency_keys_expires").on("idempotency_keys").column("expires_at").execute();

  await db.schema.alterTable("cinema_holds").addColumn("client", "text").execute();
  await db.schema.createIndex("cinema_holds_screening_expires").on("cinema_holds").columns(["screening_id", "expires_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("cinema_holds_screening_expires").ifExists().execute();
  await db.schema.alterTable("cinema_holds").dropColumn("client").execute();
  await db.schema.dropTable("idempotency_keys").ifExists().execute();
  await db.schema.dropTable("lookup_guards").ifExists().execute();
}
