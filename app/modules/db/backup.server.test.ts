import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import { submitFeedback } from "../feedback/feedback.server";
import { cliActor } from "../staff/audit.server";
import { createStaffUser } from "../staff/users.server";
import { backupTables, BackupError, createBackup, existingTables, restoreBackup } from "./backup.server";
import type { Connection } from "./connection.server";
import { seedDatabase } from "~/modules/operations/seed.server";

describe("database backup and restore", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
  });
  afterAll(async () => conn.db.destroy());

  it("knows every table the migrations create", async () => {
    const missing = (await existingTables(conn.db)).filter((t) => !(backupTables as readonly string[]).includes(t));
    expect(missing).toEqual([]);
  });

  const normalise = (b: Awaited<ReturnType<typeof createBackup>>) =>
    Object.fromEntries(Object.entries(b.tables).map(([t, rows]) => [t, rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? Number(v) : v))).sort()]));

  it("round-trips: what the backup held is exactly what a new database holds after a restore", async () => {
    await seedDatabase(conn.db);
    await submitFeedback(conn.db, { topic: "other", message: "备份测试" }, "zh-CN");
    // The account and its audit entry ("user.create").
    await createStaffUser(conn.db, cliActor, { username: "backup-admin", password: "long enough password", roles: ["admin"] });
    const backup = JSON.parse(JSON.stringify(await createBackup(conn.db)));
    const before = await createBackup(conn.db);
    expect(before.tables.lending_ledger.length).toBeGreaterThan(0);
    expect(before.tables.audit_log.length).toBe(1);

    const fresh = await createTestDb();
    try {
      const counts = await restoreBackup(fresh.db, backup);
      expect(counts.feedback).toBe(1);
      expect(normalise(await createBackup(fresh.db))).toEqual(normalise(before));
    } finally {
      await fresh.db.destroy();
    }
  });

  it("restores a backup made before 0021, skipping the rows of the draft tables that migration dropped", async () => {
    const backup = JSON.parse(JSON.stringify(await createBackup(conn.db)));
    backup.migrations = backup.migrations.filter((m: string) => m !== "0021-drop-old-drafts");
    backup.tables.centre_card_drafts = [{ id: "old-card-draft", name: "李四", locale: "zh-CN", created_at: "2026-11-01T00:00:00Z", updated_at: "2026-11-01T00:00:00Z" }];
    backup.tables.centre_signup_drafts = [];
    backup.tables.lending_request_drafts = [];
    const fresh = await createTestDb();
    try {
      const counts = await restoreBackup(fresh.db, backup);
      expect(counts.feedback).toBe(backup.tables.feedback.length);
      expect(counts).not.toHaveProperty("centre_card_drafts");
      expect(await existingTables(fresh.db)).not.toContain("centre_card_drafts");
    } finally {
      await fresh.db.destroy();
    }
  });

  it("restores a backup made before a table was retired (0022: cinema_booking_drafts), leaving that table's rows out", async () => {
    const backup = JSON.parse(JSON.stringify(await createBackup(conn.db)));
    const draft = { id: "old-draft", screening_id: "any", tickets: 2, needs: "", hold_id: null, name: "李四", phone: "13800000002", booking_reference: null, created_at: "2026-12-01T00:00:00.000Z", updated_at: "2026-12-01T00:00:00.000Z" };
    backup.tables.cinema_booking_drafts = [draft];
    const fresh = await createTestDb();
    try {
      const counts = await restoreBackup(fresh.db, backup);
      expect(counts.cinema_booking_drafts).toBeUndefined();
      expect(normalise(await createBackup(fresh.db))).toEqual(normalise(await createBackup(conn.db)));
    } finally {
      await fresh.db.destroy();
    }
  });

  it("refuses to restore into a database that holds data, and changes nothing there", async () => {
    const backup = JSON.parse(JSON.stringify(await createBackup(conn.db)));
    await submitFeedback(conn.db, { topic: "other", message: "恢复之后写的留言" }, "zh-CN");
    const before = await createBackup(conn.db);
    await expect(restoreBackup(conn.db, backup)).rejects.toThrow(/not empty/);
    expect(normalise(await createBackup(conn.db))).toEqual(normalise(before));
  });

  it("refuses files that are not backups, or come from a newer version, and changes nothing then", async () => {
    const count = async () => Number((await conn.db.selectFrom("feedback").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const rows = await count();
    await expect(restoreBackup(conn.db, { format: "other" } as never)).rejects.toBeInstanceOf(BackupError);
    const newer = { ...(await createBackup(conn.db)), migrations: ["9999-future"] };
    await expect(restoreBackup(conn.db, newer)).rejects.toThrow(/newer version/);
    expect(await count()).toBe(rows);
  });
});
