import { sql, type Kysely } from "kysely";
import { migrations } from "./migrations";
import { migrateToLatest } from "./migrate.server";
import type { Database } from "./schema";

/**
 * Logical backups through Kysely: the same JSON file from SQLite and PostgreSQL, restorable into either (so it
 * also moves a portal from the embedded database to PostgreSQL). Tables are listed parents first — the order
 * the migrations create them — so a restore inserts in this order. backup.server.test.ts fails when a table
 * exists that this list forgets.
 */
export const backupTables = [
  "feedback",
  "rate_limits",
  "cinema_halls",
  "cinema_seats",
  "cinema_screenings",
  "cinema_bookings",
  "cinema_holds",
  "cinema_booking_seats",
  "cinema_waiting_list",
  "cinema_waiting_offers",
  "staff_users",
  "staff_sessions",
  "audit_log",
  "chat_questions",
  "lending_locations",
  "lending_device_types",
  "lending_units",
  "lending_requests",
  "lending_loans",
  "lending_ledger",
  "centre_library_cards",
  "centre_activities",
  "centre_signups",
  "centre_activity_places",
  "centre_activity_offers",
  "lookup_guards",
  "idempotency_keys",
  // Queued messages are kept with their events: a restored portal still sends them (a leased one after its lease).
  "outbox_messages",
  // The policy corpus (0014): a restored portal serves the documents as they were, with their history.
  "content_documents",
  "content_document_versions",
  "content_corpus",
  // Review requests of drafts (0015).
  "content_reviews",
  // Glossary mappings made in the console (0017): a restored portal reads questions the same way.
  "content_glossary_entries",
  // The guided-form engine's drafts (0018).
  "flow_drafts",
  // Home-modification applications, the 台账 (0019).
  "home_mod_applications",
] as const;

export interface Backup {
  format: "qingyuan-access-backup";
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: Record<string, Array<Record<string, unknown>>>;
}

type AnyDb = Kysely<any>;

/** Tables that exist in the database (Kysely's introspection, both dialects), without Kysely's own. */
export async function existingTables(db: Kysely<Database>): Promise<string[]> {
  const tables = await (db as AnyDb).introspection.getTables();
  return tables.map((t) => t.name).filter((name) => !name.startsWith("kysely_"));
}

/**
 * Every table read in one transaction, so the backup is one moment of a live portal: a booking committed between
 * reading cinema_bookings and cinema_booking_seats would otherwise leave seats without their booking, and the
 * restore (foreign keys, all or nothing) would refuse the whole file. SQLite in WAL mode keeps one snapshot for a
 * transaction's reads; PostgreSQL needs repeatable read for that. Writers are never blocked.
 */
export async function createBackup(db: Kysely<Database>, now = new Date()): Promise<Backup> {
  const read = async (reader: Kysely<Database>) => {
    const present = new Set(await existingTables(reader));
    const tables: Backup["tables"] = {};
    for (const table of backupTables) {
      if (!present.has(table)) continue;
      tables[table] = await (reader as AnyDb).selectFrom(table).selectAll().execute();
    }
    return tables;
  };
  const tables = db.isTransaction ? await read(db) : await db.transaction().setIsolationLevel("repeatable read").execute(read);
  return { format: "qingyuan-access-backup", version: 1, createdAt: now.toISOString(), migrations: Object.keys(migrations), tables };
}

/**
 * Tables a later migration dropped: a backup made before it still holds them. Their rows are skipped on restore
 * (0021: the per-service drafts the guided-form engine replaced, abandoned since 0018 and read by nothing; 0022: the
 * cinema's old booking drafts, abandoned on that upgrade as they were in place).
 */
export const retiredTables: readonly string[] = ["lending_request_drafts", "centre_card_drafts", "centre_signup_drafts", "cinema_booking_drafts"];

export class BackupError extends Error {}

/**
 * Fills an empty database with the backup's rows, in one transaction: all or nothing. The target must hold no
 * rows at all (a new SQLite file or a new PostgreSQL database, migrated here): the ledger and the audit log are
 * append-only in the database (migration 0008), so a restore never deletes or overwrites what is there, and a
 * restore by mistake into a live portal changes nothing.
 */
export async function restoreBackup(db: Kysely<Database>, backup: Backup): Promise<Record<string, number>> {
  if (backup?.format !== "qingyuan-access-backup" || backup.version !== 1) throw new BackupError("not a backup file of this portal");
  const unknownMigrations = backup.migrations.filter((m) => !(m in migrations));
  if (unknownMigrations.length) throw new BackupError(`the backup is from a newer version (migrations ${unknownMigrations.join(", ")})`);
  const known: readonly string[] = [...backupTables, ...retiredTables];
  const unknownTables = Object.keys(backup.tables).filter((t) => !known.includes(t));
  if (unknownTables.length) throw new BackupError(`unknown tables in the backup: ${unknownTables.join(", ")}`);
  await migrateToLatest(db);
  const present = new Set(await existingTables(db));
  const tables = backupTables.filter((t) => present.has(t));
  const counts: Record<string, number> = {};
  await (db as AnyDb).transaction().execute(async (trx) => {
    for (const table of tables) {
      const { n } = await trx.selectFrom(table).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
      if (Number(n) > 0) throw new BackupError(`the database is not empty (${table} has ${n} rows): restore into a new, empty database`);
    }
    for (const table of tables) {
      const rows = backup.tables[table] ?? [];
      counts[table] = rows.length;
      if (rows.length === 0) continue;
      // SQLite allows 999 bound values a statement; stay well under it.
      const perInsert = Math.max(1, Math.floor(800 / Object.keys(rows[0]).length));
      for (let i = 0; i < rows.length; i += perInsert) await trx.insertInto(table).values(rows.slice(i, i + perInsert)).execute();
    }
  });
  return counts;
}
