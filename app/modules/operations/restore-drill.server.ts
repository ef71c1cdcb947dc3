import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import { createBackup, restoreBackup, backupTables, type Backup } from "~/modules/db/backup.server";
import { openDatabase, withStartupLock, type Connection, type Database } from "~/modules/db/index.server";
import { findBooking } from "~/modules/cinema/index.server";
import { maskForLog } from "~/modules/privacy/log.server";
import { certificateHashReport, certificateKeyWarnings } from "~/modules/lending/index.server";

/**
 * The restore drill (docs/operations.md, "The restore drill"): back up the live database as `npm run db:backup`
 * does, write the file and read it back, restore it into a scratch database as `npm run db:restore` does, and check
 * that the copy is the backup: the same migrations as the live database, the same rows in every table, and the newest
 * booking found by its reference and phone as a resident finds it. The live database is only read.
 */
export interface DrillCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface DrillReport {
  ok: boolean;
  kind: Connection["kind"];
  backupFile: string;
  scratch: string;
  checks: DrillCheck[];
  /** Rows per table: in the backup (the live database at that moment) and in the restored copy. */
  tables: Array<{ table: string; backup: number; restored: number }>;
  warnings: string[];
}

export interface DrillOptions {
  /** Where the drill's backup goes; by default a private temp folder, removed afterwards. */
  backupFile?: string;
  /** An empty database to restore into; by default a new SQLite file in a temp folder, or a new PostgreSQL database on the live server (dropped afterwards). */
  scratchUrl?: string;
  /** Keep the scratch database (and say where it is) instead of removing it. */
  keepScratch?: boolean;
}

/** The names of the migrations applied to a database, in order. */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

async function rowCount(db: Kysely<Database>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

interface Scratch {
  url: string;
  remove: () => Promise<void>;
}

/** A new, empty database of the live one's kind. PostgreSQL: a database beside the live one (needs CREATEDB). */
async function newScratch(live: Connection): Promise<Scratch> {
  if (live.kind === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-restore-drill-"));
    return { url: `file:${path.join(dir, "portal.sqlite")}`, remove: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const url = new URL(live.url);
  const name = `${url.pathname.slice(1) || "portal"}_drill_${randomBytes(4).toString("hex")}`.replace(/[^a-z0-9_]/gi, "_");
  const admin = new pg.Client({ connectionString: live.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    throw new Error(`could not create a scratch database (${(error as Error).message}): give the drill an empty one with --into <postgres://…>`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return {
    url: url.href,
    remove: async () => {
      const client = new pg.Client({ connectionString: live.url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}"`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A URL as the report prints it: never a PostgreSQL password. */
export function printableUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, "$1:***@");
}

export async function runRestoreDrill(live: Connection, options: DrillOptions = {}): Promise<DrillReport> {
  const checks: DrillCheck[] = [];
  const warnings: string[] = [];
  const tempDir = options.backupFile ? null : fs.mkdtempSync(path.join(os.tmpdir(), "qy-drill-backup-"));
  const backupFile = options.backupFile ?? path.join(tempDir!, "backup.json");
  const scratch: Scratch = options.scratchUrl ? { url: options.scratchUrl, remove: async () => {} } : await newScratch(live);
  let copy: Connection | undefined;
  try {
    // 1. The backup, as npm run db:backup makes it, through a file, as a restore elsewhere would read it.
    const liveMigrations = await appliedMigrations(live.db);
    const made = await createBackup(live.db);
    fs.mkdirSync(path.dirname(path.resolve(backupFile)), { recursive: true });
    fs.writeFileSync(backupFile, JSON.stringify(made), { mode: 0o600 });
    const backup = JSON.parse(fs.readFileSync(backupFile, "utf8")) as Backup;

    // 2. The restore, as npm run db:restore does it.
    copy = openDatabase(scratch.url);
    const target = copy;
    await withStartupLock(target, () => restoreBackup(target.db, backup));
    checks.push({ name: "restore", ok: true, detail: `${backupFile} restored into ${copy.kind} ${printableUrl(scratch.url)}` });

    // 3. The same migrations.
    const restoredMigrations = await appliedMigrations(copy.db);
    const sameMigrations = restoredMigrations.join() === liveMigrations.join();
    checks.push({
      name: "migrations",
      ok: sameMigrations,
      detail: sameMigrations
        ? `both at ${liveMigrations.at(-1)} (${liveMigrations.length} migrations)`
        : `live at ${liveMigrations.at(-1) ?? "none"} (${liveMigrations.length}), restored at ${restoredMigrations.at(-1) ?? "none"} (${restoredMigrations.length}): start the portal once (it migrates) before the drill`,
    });

    // 4. The same rows in every table.
    const tables: DrillReport["tables"] = [];
    for (const table of backupTables) {
      if (!(table in backup.tables)) continue;
      tables.push({ table, backup: backup.tables[table].length, restored: await rowCount(copy.db, table) });
    }
    const differ = tables.filter((t) => t.backup !== t.restored);
    const rows = tables.reduce((n, t) => n + t.backup, 0);
    checks.push({
      name: "row counts",
      ok: differ.length === 0,
      detail: differ.length === 0 ? `${tables.length} tables, ${rows} rows, all equal` : `differ: ${differ.map((t) => `${t.table} ${t.backup} → ${t.restored}`).join(", ")}`,
    });

    // 5. The newest booking, found by its reference and phone as the resident's lookup finds it.
    const bookings = (backup.tables.cinema_bookings ?? []) as Array<{ reference: string; phone: string; status: string; seat_ids: string; created_at: string }>;
    const newest = [...bookings].sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0))[0];
    if (!newest) {
      checks.push({ name: "sample booking", ok: true, detail: "no booking in the backup to read back" });
    } else {
      try {
        const view = await findBooking(copy.db, { reference: newest.reference, phone: newest.phone });
        const seats = newest.seat_ids.split(",").filter(Boolean).length;
        const same = view.reference === newest.reference && view.status === newest.status && view.seats.length === seats;
        checks.push({
          name: "sample booking",
          ok: same,
          detail: `${view.reference} (${view.phoneMasked}, ${view.status}, ${view.seats.length} seats${same ? "" : `; the backup says ${newest.status}, ${seats} seats`})`,
        });
      } catch (error) {
        checks.push({ name: "sample booking", ok: false, detail: `${newest.reference} cannot be read from the restored copy: ${maskForLog((error as Error).message)}` });
      }
    }

    // The certificate key on this machine must match the restored hashes, or the duplicate-fitting check is blind.
    warnings.push(...certificateKeyWarnings(await certificateHashReport(copy.db)));
    return { ok: checks.every((c) => c.ok), kind: live.kind, backupFile, scratch: printableUrl(scratch.url), checks, tables, warnings };
  } catch (error) {
    checks.push({ name: "drill", ok: false, detail: maskForLog((error as Error).message) });
    return { ok: false, kind: live.kind, backupFile, scratch: printableUrl(scratch.url), checks, tables: [], warnings };
  } finally {
    await copy?.db.destroy();
    if (!options.keepScratch) await scratch.remove();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

/** The report as the script prints it: a line a check, then the tables that hold rows. */
export function formatDrillReport(report: DrillReport, keptScratch = false): string {
  const lines = [`restore drill on ${report.kind}: ${report.ok ? "PASSED" : "FAILED"}`];
  for (const check of report.checks) lines.push(`  ${check.ok ? "✓" : "✗"} ${check.name}: ${check.detail}`);
  const filled = report.tables.filter((t) => t.backup > 0 || t.restored > 0);
  if (filled.length) {
    lines.push("  rows (backup → restored):");
    lines.push(`    ${filled.map((t) => `${t.table} ${t.backup}${t.backup === t.restored ? "" : ` → ${t.restored}`}`).join(", ")}`);
  }
  for (const warning of report.warnings) lines.push(`  ⚠️  ${warning}`);
  if (keptScratch) lines.push(`  the restored copy is kept: ${report.scratch}`);
  return lines.join("\n");
}
