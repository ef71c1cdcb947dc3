import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDatabaseKind } from "../../../tests/support/test-db";
import { seedLending } from "../lending/seed.server";
import { recordAudit } from "../staff/audit.server";
import type { Connection } from "./connection.server";

/**
 * The device ledger and the audit log are append-only in the database itself (migration 0008): whatever code
 * tries, through Kysely or raw SQL, an UPDATE or DELETE (or a PostgreSQL TRUNCATE) is refused and nothing changes;
 * appending still works. Runs on SQLite (unit) and PostgreSQL (postgres project).
 */
describe("append-only records", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
    await seedLending(conn.db);
    await recordAudit(conn.db, { id: null, username: "cli" }, { action: "user.create", targetType: "staff_user", targetId: "chenli" });
  });
  afterAll(async () => conn.db.destroy());

  const snapshot = async () => ({
    ledger: await conn.db.selectFrom("lending_ledger").selectAll().orderBy("seq").execute(),
    audit: await conn.db.selectFrom("audit_log").selectAll().orderBy("id").execute(),
  });

  it("refuses every UPDATE and DELETE of the device ledger and leaves it as it was", async () => {
    const before = await snapshot();
    expect(before.ledger.length).toBeGreaterThan(0);
    const first = before.ledger[0].seq;
    await expect(conn.db.updateTable("lending_ledger").set({ quantity: 99 }).where("seq", "=", first).execute()).rejects.toThrow(/lending_ledger is append-only/);
    await expect(conn.db.updateTable("lending_ledger").set({ reason: "rewritten" }).execute()).rejects.toThrow(/append-only/);
    await expect(conn.db.deleteFrom("lending_ledger").where("seq", "=", first).execute()).rejects.toThrow(/lending_ledger is append-only/);
    await expect(conn.db.deleteFrom("lending_ledger").execute()).rejects.toThrow(/append-only/);
    await expect(sql`delete from lending_ledger`.execute(conn.db)).rejects.toThrow(/append-only/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses every UPDATE and DELETE of the audit log and leaves it as it was", async () => {
    const before = await snapshot();
    expect(before.audit).toHaveLength(1);
    await expect(conn.db.updateTable("audit_log").set({ username: "someone-else" }).execute()).rejects.toThrow(/audit_log is append-only/);
    await expect(conn.db.updateTable("audit_log").set({ detail: null }).where("id", "=", before.audit[0].id).execute()).rejects.toThrow(/append-only/);
    await expect(conn.db.deleteFrom("audit_log").where("action", "=", "user.create").execute()).rejects.toThrow(/audit_log is append-only/);
    await expect(sql`delete from audit_log`.execute(conn.db)).rejects.toThrow(/append-only/);
    expect(await snapshot()).toEqual(before);
  });

  it.runIf(testDatabaseKind() === "postgres")("refuses TRUNCATE on PostgreSQL (which skips row triggers)", async () => {
    const before = await snapshot();
    await expect(sql`truncate table audit_log`.execute(conn.db)).rejects.toThrow(/audit_log is append-only/);
    await expect(sql`truncate table lending_ledger`.execute(conn.db)).rejects.toThrow(/lending_ledger is append-only/);
    expect(await snapshot()).toEqual(before);
  });

  it("a refused change rolls back the whole transaction it was part of", async () => {
    const before = await snapshot();
    await expect(
      conn.db.transaction().execute(async (trx) => {
        await recordAudit(trx, { id: null, username: "cli" }, { action: "audit.export" });
        await trx.deleteFrom("audit_log").where("action", "=", "user.create").execute();
      }),
    ).rejects.toThrow(/append-only/);
    expect(await snapshot()).toEqual(before);
  });

  it("appending still works", async () => {
    const before = await snapshot();
    await recordAudit(conn.db, { id: null, username: "cli" }, { action: "audit.export" });
    expect((await snapshot()).audit).toHaveLength(before.audit.length + 1);
  });
});
