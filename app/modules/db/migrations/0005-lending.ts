import { sql, type Kysely } from "kysely";

/**
 * Assistive-device lending (issue 6; app/modules/lending). Portable types only.
 *
 * - `lending_ledger` is append-only (the module has no update or delete for it). Its `seq` is the primary key,
 *   allocated as max + 1 inside the writing transaction: two concurrent writers collide on the key and the loser
 *   retries, so the ledger has one total order on SQLite and PostgreSQL alike.
 * - Stock per device type and location is the sum of `quantity` (a signed change of what is in custody there);
 *   nothing stores a stock figure.
 * - A unit is never lent twice: lending is a conditional update (status 'available' → 'on_loan', one row or
 *   refused), and the partial unique index `lending_loans_open_unit` allows one open loan per unit whatever
 *   happens. `lending_loans_request` allows one loan per request.
 * - Requests keep the certificate number only as a keyed hash and a masked form.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("lending_locations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name_zh", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("county_zh", "text", (c) => c.notNull())
    .addColumn("county_en", "text", (c) => c.notNull())
    /** centre | point */
    .addColumn("kind", "text", (c) => c.notNull())
    /** 1 = an example point of the seed data, not a verified address. */
    .addColumn("example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("note_zh", "text", (c) => c.notNull())
    .addColumn("note_en", "text", (c) => c.notNull())
    .addColumn("sort", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("lending_device_types")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name_zh", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    /** Comma-separated: vision,hearing,speech,physical,intellectual,mental */
    .addColumn("disabilities", "text", (c) => c.notNull())
    .addColumn("description_zh", "text", (c) => c.notNull())
    .addColumn("description_en", "text", (c) => c.notNull())
    .addColumn("audience_zh", "text", (c) => c.notNull())
    .addColumn("audience_en", "text", (c) => c.notNull())
    /** loan | fitting */
    .addColumn("mode", "text", (c) => c.notNull())
    /** Usual loan period in days (loans only). */
    .addColumn("loan_days", "integer")
    .addColumn("image", "text", (c) => c.notNull())
    .addColumn("image_alt_zh", "text", (c) => c.notNull())
    .addColumn("image_alt_en", "text", (c) => c.notNull())
    .addColumn("sort", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("lending_device_types_category").on("lending_device_types").column("category").execute();

  await db.schema
    .createTable("lending_units")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("asset_tag", "text", (c) => c.notNull().unique())
    .addColumn("type_id", "text", (c) => c.notNull().references("lending_device_types.id"))
    .addColumn("location_id", "text", (c) => c.notNull().references("lending_locations.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("condition", "text", (c) => c.notNull())
    /** For a reserved unit: the request it is kept for. */
    .addColumn("reserved_for", "text")
    .addColumn("acquired_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("lending_units_stock").on("lending_units").columns(["type_id", "location_id", "status"]).execute();

  await db.schema
    .createTable("lending_requests")
    .addColumn("reference", "text", (c) => c.primaryKey())
    .addColumn("type_id", "text", (c) => c.notNull().references("lending_device_types.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("disability", "text", (c) => c.notNull())
    /** HMAC-SHA-256 of the certificate number keyed with SESSION_SECRET; never the number itself. */
    .addColumn("certificate_hash", "text")
    .addColumn("certificate_masked", "text")
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("pickup_location_id", "text", (c) => c.references("lending_locations.id"))
    /** pending | approved | rejected | fulfilled | cancelled */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    /** web | api | seed */
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .execute();
  await db.schema.createIndex("lending_requests_status").on("lending_requests").columns(["status", "created_at"]).execute();
  await db.schema.createIndex("lending_requests_certificate").on("lending_requests").column("certificate_hash").execute();

  await db.schema
    .createTable("lending_request_drafts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("type_id", "text", (c) => c.notNull().references("lending_device_types.id"))
    .addColumn("name", "text")
    .addColumn("phone", "text")
    .addColumn("disability", "text")
    /** 1 once the certificate question is answered (with a number: hash and masked form as on requests; or none). */
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
    .createTable("lending_loans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("unit_id", "text", (c) => c.notNull().references("lending_units.id"))
    .addColumn("request_reference", "text", (c) => c.notNull().references("lending_requests.reference"))
    .addColumn("type_id", "text", (c) => c.notNull().references("lending_device_types.id"))
    .addColumn("location_id", "text", (c) => c.notNull().references("lending_locations.id"))
    /** loan | fitting (a fitting is handed over for good: no due date, never returned) */
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("out_at", "text", (c) => c.notNull())
    /** Calendar day in China, YYYY-MM-DD; null for fittings. */
    .addColumn("due_date", "text")
    .addColumn("condition_out", "text", (c) => c.notNull())
    .addColumn("condition_in", "text")
    .addColumn("returned_at", "text")
    .addColumn("out_by", "text", (c) => c.notNull())
    .addColumn("in_by", "text")
    .execute();
  await db.schema
    .createIndex("lending_loans_open_unit")
    .on("lending_loans")
    .column("unit_id")
    .unique()
    .where(sql.ref("returned_at"), "is", null)
    .execute();
  await db.schema.createIndex("lending_loans_request").on("lending_loans").column("request_reference").unique().execute();
  await db.schema.createIndex("lending_loans_due").on("lending_loans").columns(["returned_at", "due_date"]).execute();

  await db.schema
    .createTable("lending_ledger")
    .addColumn("seq", "integer", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    /** in | out | return | repair | sanitise | write_off | transfer | adjustment */
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("type_id", "text", (c) => c.notNull().references("lending_device_types.id"))
    .addColumn("unit_id", "text", (c) => c.references("lending_units.id"))
    .addColumn("location_id", "text", (c) => c.notNull().references("lending_locations.id"))
    /** Transfers: the other side (the row at the sending point names the receiving one and vice versa). */
    .addColumn("other_location_id", "text")
    /** Signed change of what is in custody at location_id (0 for a status change such as repair). */
    .addColumn("quantity", "integer", (c) => c.notNull())
    /** The unit's status after this movement. */
    .addColumn("status_after", "text")
    .addColumn("condition", "text")
    .addColumn("reason", "text")
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    /** Write-offs: who approved them. */
    .addColumn("approver", "text")
    .addColumn("loan_id", "text")
    .addColumn("request_reference", "text")
    .execute();
  await db.schema.createIndex("lending_ledger_stock").on("lending_ledger").columns(["type_id", "location_id"]).execute();
  await db.schema.createIndex("lending_ledger_unit").on("lending_ledger").column("unit_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "lending_ledger",
    "lending_loans",
    "lending_request_drafts",
    "lending_requests",
    "lending_units",
    "lending_device_types",
    "lending_locations",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
