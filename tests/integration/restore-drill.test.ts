import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookSeats } from "~/modules/cinema/bookings.server";
import { listUpcomingScreenings } from "~/modules/cinema/screenings.server";
import { migrateToLatest, openDatabase, type Connection } from "~/modules/db/index.server";
import { sqliteFilename } from "~/modules/db/connection.server";
import { seedDatabase } from "~/modules/operations/seed.server";
import { submitFeedback } from "~/modules/feedback/feedback.server";
import { formatDrillReport, runRestoreDrill } from "~/modules/operations/restore-drill.server";
import { testDatabaseUrl } from "../support/test-db";

/**
 * The restore drill of docs/operations.md (scripts/restore-drill.ts) on a seeded database with a booking and a
 * feedback message, on SQLite and (postgres project) PostgreSQL: it passes and says so, reads the newest booking
 * back by its reference and phone, prints no personal number, leaves no scratch database behind, never changes
 * the live one, and fails when the copy cannot be made.
 */
const root = path.resolve(__dirname, "../..");
const phone = "13912345678";

describe("the restore drill", () => {
  let url: string;
  let live: Connection;
  let reference: string;

  beforeAll(async () => {
    url = await testDatabaseUrl();
    live = openDatabase(url);
    await migrateToLatest(live.db);
    await seedDatabase(live.db);
    const [screening] = await listUpcomingScreenings(live.db, {});
    reference = (await bookSeats(live.db, { screeningId: screening.id, party: { tickets: 2 }, contact: { name: "演练", phone }, locale: "zh-CN" })).reference;
    await submitFeedback(live.db, { topic: "other", message: "恢复演练" }, "zh-CN");
  });
  afterAll(async () => live?.db.destroy());

  const databases = async (): Promise<string[]> => {
    if (live.kind === "sqlite") return [];
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<{ datname: string }>("select datname from pg_database")).rows.map((r) => r.datname);
    } finally {
      await client.end();
    }
  };

  it("restores a fresh backup into a scratch database, finds every row and the newest booking, and removes the scratch copy", async () => {
    const before = await databases();
    const report = await runRestoreDrill(live);
    expect(report.ok, formatDrillReport(report)).toBe(true);
    expect(report.checks.map((c) => c.name)).toEqual(["restore", "migrations", "row counts", "sample booking"]);
    const counts = Object.fromEntries(report.tables.map((t) => [t.table, t]));
    expect(counts.cinema_bookings).toEqual({ table: "cinema_bookings", backup: 1, restored: 1 });
    expect(counts.feedback).toEqual({ table: "feedback", backup: 1, restored: 1 });
    expect(counts.cinema_booking_seats.restored).toBeGreaterThanOrEqual(2);
    const printed = formatDrillReport(report);
    expect(printed).toContain("PASSED");
    expect(printed).toContain(`${reference} (139****5678, confirmed, 2 seats)`);
    expect(printed).not.toContain(phone);
    expect(printed).not.toContain("演练");
    // Nothing left behind: the temp backup and the scratch database are gone.
    expect(fs.existsSync(report.backupFile)).toBe(false);
    if (live.kind === "sqlite") expect(fs.existsSync(sqliteFilename(report.scratch))).toBe(false);
    else expect(await databases()).toEqual(before);
  });

  it("fails, and changes nothing, when the database it is told to restore into is not empty", async () => {
    const rows = async () => Number((await live.db.selectFrom("feedback").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const feedbackBefore = await rows();
    const report = await runRestoreDrill(live, { scratchUrl: url });
    expect(report.ok).toBe(false);
    expect(formatDrillReport(report)).toMatch(/FAILED[\s\S]*✗ drill: .*not empty/);
    expect(await rows()).toBe(feedbackBefore);
  });

  it("runs as a script on the database DATABASE_URL names, and keeps its backup where --backup says", async () => {
    const backup = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qy-drill-test-")), "drill.json");
    const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/restore-drill.ts", "--backup", backup], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^restore drill on (sqlite|postgres): PASSED$/m);
    expect(result.stdout).toContain("✓ sample booking");
    expect(result.stdout + result.stderr).not.toContain(phone);
    expect(JSON.parse(fs.readFileSync(backup, "utf8")).format).toBe("qingyuan-access-backup");
    expect(fs.statSync(backup).mode & 0o077).toBe(0);
    const usage = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/restore-drill.ts", "--into"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    expect(usage.status).toBe(2);
  }, 60_000);
});
