import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../../tests/support/test-db";
import { migrateToLatest, openDatabase, type Connection } from "../db/index.server";
import { checkOut, createRequest, decideRequest, ledgerStockAt, seedLending, UnitUnavailable } from "./index.server";

/**
 * Two staff lending the last unit at once, through two connections to one real database (a SQLite file, or
 * PostgreSQL in the postgres project — two app instances): exactly one succeeds, the other
 * is told clearly that the unit is no longer available, and the unit is lent once.
 */
const now = new Date("2026-11-26T02:00:00Z");
let conn: Connection;
let second: Connection;

beforeAll(async () => {
  const url = await testDatabaseUrl();
  conn = openDatabase(url);
  await migrateToLatest(conn.db);
  await seedLending(conn.db, now);
  // A second connection to the same database: a second server process.
  second = openDatabase(url);
});
afterAll(async () => {
  await conn.db.destroy();
  await second.db.destroy();
});

async function approvedRequests(n: number, typeId: string) {
  const refs: string[] = [];
  for (let i = 0; i < n; i++) {
    const { reference } = await createRequest(conn.db, { typeId, name: `申请人${i}`, phone: "13800000000", disability: "physical", locale: "zh-CN", source: "web" }, now);
    await decideRequest(conn.db, { id: null, username: "lead" }, reference, { decision: "approve" }, now);
    refs.push(reference);
  }
  return refs;
}

async function lastUnit(typeId: string, locationId: string) {
  return conn.db.selectFrom("lending_units").selectAll().where("type_id", "=", typeId).where("location_id", "=", locationId).where("status", "=", "available").execute();
}

describe("lending the last unit at once (SQLite file database)", () => {
  it("two staff, two requests, one unit: one succeeds, the other gets UnitUnavailable", async () => {
    const units = await lastUnit("braille-display", "yuebei-centre");
    // Leave exactly one available braille display.
    for (const u of units.slice(1)) {
      await conn.db.updateTable("lending_units").set({ status: "repair" }).where("id", "=", u.id).execute();
    }
    const unit = units[0];
    const [a, b] = await approvedRequests(2, "braille-display");
    const stockBefore = await ledgerStockAt(conn.db, "braille-display", "yuebei-centre");
    const started = performance.now();
    const results = await Promise.allSettled([
      checkOut(conn.db, { id: null, username: "staff-a" }, { requestReference: a, unitId: unit.id, condition: "good" }, now),
      checkOut(second.db, { id: null, username: "staff-b" }, { requestReference: b, unitId: unit.id, condition: "good" }, now),
    ]);
    const ms = performance.now() - started;
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(UnitUnavailable);
    expect(refused[0].reason).toMatchObject({ assetTag: unit.asset_tag, status: "on_loan" });
    const loans = await conn.db.selectFrom("lending_loans").select("request_reference").where("unit_id", "=", unit.id).execute();
    expect(loans).toHaveLength(1);
    // The loser's request is still approved (not fulfilled): staff can lend it another unit.
    const statuses = await conn.db.selectFrom("lending_requests").select(["reference", "status"]).where("reference", "in", [a, b]).execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(["approved", "fulfilled"]);
    expect(await ledgerStockAt(conn.db, "braille-display", "yuebei-centre")).toBe(stockBefore - 1);
    console.log(`[lending] two connections, one unit: 1 lent, 1 UnitUnavailable (${refused[0].reason.message}) in ${ms.toFixed(0)} ms`);
  });

  it("20 staff racing for 3 units on two connections: exactly 3 loans, each unit lent once", async () => {
    const units = await lastUnit("reacher", "yuebei-centre");
    expect(units.length).toBeGreaterThanOrEqual(3);
    for (const u of units.slice(3)) await conn.db.updateTable("lending_units").set({ status: "repair" }).where("id", "=", u.id).execute();
    const refs = await approvedRequests(20, "reacher");
    const results = await Promise.allSettled(
      refs.map((ref, i) => checkOut(i % 2 ? second.db : conn.db, { id: null, username: `staff-${i}` }, { requestReference: ref, unitId: units[i % 3].id, condition: "good" }, now)),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof UnitUnavailable)).toBe(true);
    const open = await conn.db.selectFrom("lending_loans").select("unit_id").where("type_id", "=", "reacher").where("returned_at", "is", null).execute();
    expect(new Set(open.map((o) => o.unit_id)).size).toBe(open.length);
    console.log(`[lending] 20 parallel check-outs (two connections), 3 units: ${ok.length} lent, ${20 - ok.length} UnitUnavailable`);
  }, 60_000);
});
