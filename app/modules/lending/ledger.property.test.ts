import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import {
  appendMovements,
  changeUnit,
  checkOut,
  createRequest,
  decideRequest,
  inTransaction,
  InsufficientStock,
  intake,
  LendingError,
  ledgerStock,
  ledgerStockAt,
  recordStocktake,
  returnLoan,
  stockSheet,
} from "./index.server";

/**
 * Property tests of the ledger (fast-check): whatever sequence of movements staff attempt — including ones that
 * must be refused — stock derived from the ledger is never negative and always equals the units in custody; and
 * after a stocktake, the derived stock equals what was counted.
 */
const types = ["manual-wheelchair", "reacher"] as const;
const locations = ["yuebei-centre", "fogang-point"] as const;
const staff = { id: null, username: "prop" };
const t0 = Date.UTC(2026, 10, 26, 2);

async function world(): Promise<Connection> {
  const conn = await createTestDb();
  await conn.db
    .insertInto("lending_locations")
    .values(locations.map((id, i) => ({ id, name_zh: id, name_en: id, county_zh: "清远市", county_en: "Qingyuan", kind: i ? "point" : "centre", example: i, note_zh: "-", note_en: "-", sort: i })))
    .execute();
  await conn.db
    .insertInto("lending_device_types")
    .values(
      types.map((id, i) => ({
        id,
        name_zh: id,
        name_en: id,
        category: "mobility",
        disabilities: "physical",
        description_zh: "-",
        description_en: "-",
        audience_zh: "-",
        audience_en: "-",
        mode: "loan",
        loan_days: 30,
        image: "/images/devices/wheelchair.svg",
        image_alt_zh: "-",
        image_alt_en: "-",
        sort: i + 1,
        created_at: new Date(t0).toISOString(),
      })),
    )
    .execute();
  return conn;
}

const type = fc.constantFrom(...types);
const location = fc.constantFrom(...locations);
const pick = fc.nat(50);
const op = fc.oneof(
  fc.record({ op: fc.constant("intake" as const), type, location, quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant("lend" as const), type, pick }),
  fc.record({ op: fc.constant("return" as const), pick, next: fc.constantFrom("sanitising", "available", "repair") as fc.Arbitrary<"sanitising" | "available" | "repair"> }),
  fc.record({ op: fc.constant("unit" as const), pick, action: fc.constantFrom("repair", "sanitise", "ready", "writeOff") as fc.Arbitrary<"repair" | "sanitise" | "ready" | "writeOff"> }),
  fc.record({ op: fc.constant("transfer" as const), pick, location }),
  // A raw movement taking more than there is: must always be refused, inside the transaction.
  fc.record({ op: fc.constant("raw" as const), type, location, beyond: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant("count" as const), type, location, counted: fc.integer({ min: 0, max: 6 }) }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
const refusals = { applied: 0, refused: 0 };

async function apply(conn: Connection, o: Op, step: number) {
  const now = new Date(t0 + step * 3_600_000);
  const db = conn.db;
  const unitAt = async (statuses: string[], n: number) => {
    const units = await db.selectFrom("lending_units").select("id").where("status", "in", statuses).orderBy("asset_tag").execute();
    return units.length ? units[n % units.length].id : "none";
  };
  switch (o.op) {
    case "intake":
      return intake(db, staff, { typeId: o.type, locationId: o.location, quantity: o.quantity, condition: "good", reason: "p" }, now);
    case "lend": {
      const { reference } = await createRequest(db, { typeId: o.type, name: "甲", phone: "13800000000", disability: "physical", locale: "zh-CN", source: "web" }, now);
      await decideRequest(db, staff, reference, { decision: "approve" }, now);
      const units = await db.selectFrom("lending_units").select("id").where("type_id", "=", o.type).orderBy("asset_tag").execute();
      // Any unit of the type, whatever its status: unavailable ones must be refused.
      return checkOut(db, staff, { requestReference: reference, unitId: units.length ? units[o.pick % units.length].id : "none", condition: "good" }, now);
    }
    case "return": {
      const loans = await db.selectFrom("lending_loans").select("id").orderBy("out_at").orderBy("id").execute();
      return returnLoan(db, staff, { loanId: loans.length ? loans[o.pick % loans.length].id : "none", condition: "fair", next: o.next }, now);
    }
    case "unit": {
      const id = await unitAt(["available", "on_loan", "repair", "sanitising", "written_off", "missing", "reserved"], o.pick);
      return changeUnit(db, staff, id, o.action === "writeOff" ? { action: "writeOff", reason: "r", approver: "a" } : { action: o.action, reason: "r" }, now);
    }
    case "transfer":
      return changeUnit(db, staff, await unitAt(["available", "on_loan", "repair", "sanitising"], o.pick), { action: "transfer", toLocationId: o.location, reason: "r" }, now);
    case "raw": {
      const stock = await ledgerStockAt(db, o.type, o.location);
      const attempt = inTransaction(db, (trx) => appendMovements(trx, staff, [{ kind: "adjustment", typeId: o.type, locationId: o.location, quantity: -(stock + o.beyond), reason: "raw" }], now));
      await expect(attempt).rejects.toThrow(InsufficientStock);
      throw new InsufficientStock(o.type, o.location, -o.beyond);
    }
    case "count":
      return recordStocktake(db, staff, { locationId: o.location, counts: { [o.type]: o.counted }, reason: "盘点" }, now);
  }
}

async function checkInvariants(conn: Connection) {
  const stock = await ledgerStock(conn.db);
  for (const s of stock) expect(s.stock, `${s.typeId}@${s.locationId}`).toBeGreaterThanOrEqual(0);
  const units = await conn.db
    .selectFrom("lending_units")
    .select(["type_id", "location_id"])
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", ["available", "reserved", "repair", "sanitising"])
    .groupBy(["type_id", "location_id"])
    .execute();
  for (const t of types) {
    for (const l of locations) {
      const ledger = stock.find((s) => s.typeId === t && s.locationId === l)?.stock ?? 0;
      const custody = Number(units.find((u) => u.type_id === t && u.location_id === l)?.n ?? 0);
      expect(ledger, `ledger vs units, ${t}@${l}`).toBe(custody);
    }
  }
  // One open loan per unit, never two.
  const open = await conn.db.selectFrom("lending_loans").select("unit_id").where("returned_at", "is", null).execute();
  expect(new Set(open.map((o) => o.unit_id)).size).toBe(open.length);
}

describe("ledger properties (fast-check)", () => {
  it("random sequences of movements never make stock negative, and the ledger always matches the units", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40, size: "max" }), async (ops) => {
        const conn = await world();
        try {
          for (const [i, o] of ops.entries()) {
            try {
              await apply(conn, o, i);
              refusals.applied++;
            } catch (error) {
              // Refusals are domain errors (unavailable, insufficient stock, wrong state, not found); nothing else.
              if (!(error instanceof LendingError)) throw error;
              refusals.refused++;
            }
            await checkInvariants(conn);
          }
        } finally {
          await conn.db.destroy();
        }
      }),
      { numRuns: 100 },
    );
    console.log(`[lending] property 1: 100 runs, ${refusals.applied} movements applied, ${refusals.refused} refused`);
    expect(refusals.refused).toBeGreaterThan(0);
  }, 120_000);

  it("after a stocktake adjustment, derived stock equals the counted quantity", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25, size: "max" }), type, location, fc.integer({ min: 0, max: 8 }), async (ops, t, l, counted) => {
        const conn = await world();
        try {
          for (const [i, o] of ops.entries()) await apply(conn, o, i).catch((e) => {
            if (!(e instanceof LendingError)) throw e;
          });
          await recordStocktake(conn.db, staff, { locationId: l, counts: { [t]: counted }, reason: "年终盘点" }, new Date(t0 + 1000 * 3_600_000));
          const row = (await stockSheet(conn.db, l)).find((r) => r.typeId === t)!;
          expect(row.stock).toBe(counted);
          await checkInvariants(conn);
          runs++;
        } finally {
          await conn.db.destroy();
        }
      }),
      { numRuns: 100 },
    );
    console.log(`[lending] property 2: ${runs} stocktakes, derived stock = count every time`);
  }, 120_000);
});
