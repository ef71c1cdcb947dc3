import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, expectAuditedTogether, expectNoEntryWhenChangeFails, expectRefusedWithoutAudit } from "../../../tests/support/audit-outage";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import {
  changeUnit,
  checkOut,
  createRequest,
  decideRequest,
  exportLedger,
  exportLoans,
  intake,
  openRequest,
  recordStocktake,
  returnLoan,
  seedLending,
  stockSheet,
  UnitUnavailable,
  WrongState,
} from "./index.server";

/**
 * Every staff movement of the lending desk writes its audit entry in the transaction of its ledger movement, and
 * every full view and export in the transaction that reads it: when the audit log cannot be written, the ledger,
 * the units and the requests stay as they were and nothing is shown; when it can, both are there.
 */
const now = new Date("2026-11-26T02:00:00Z");
const staff = { id: "u-wang", username: "wang" };
let conn: Connection;

beforeAll(async () => {
  conn = await createTestDb();
  await seedLending(conn.db, now);
});
afterAll(async () => conn.db.destroy());

const ledgerLength = async () => (await conn.db.selectFrom("lending_ledger").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;
const unitState = (id: string) => conn.db.selectFrom("lending_units").select(["status", "location_id"]).where("id", "=", id).executeTakeFirstOrThrow();
const everything = async () => ({ ledger: Number(await ledgerLength()), requests: await conn.db.selectFrom("lending_requests").select(["reference", "status"]).orderBy("reference").execute() });
const availableUnit = (typeId: string) =>
  conn.db.selectFrom("lending_units").selectAll().where("type_id", "=", typeId).where("location_id", "=", "yuebei-centre").where("status", "=", "available").orderBy("asset_tag").executeTakeFirstOrThrow();

describe("lending staff actions and their audit entries commit together", () => {
  it("the seed's made-up history is in the ledger, not in the staff audit log", async () => {
    expect(Number(await ledgerLength())).toBeGreaterThan(50);
    expect(await conn.db.selectFrom("audit_log").selectAll().execute()).toEqual([]);
  });

  it("intake and unit actions", async () => {
    const tags = await expectAuditedTogether(conn.db, {
      actions: ["devices.intake"],
      run: () => intake(conn.db, staff, { typeId: "reacher", locationId: "yuebei-centre", quantity: 2, condition: "good", reason: "捐赠入库" }, now),
      observe: everything,
    });
    expect((await auditEntries(conn.db, "devices.intake", "reacher"))[0]).toMatchObject({ username: "wang", user_id: "u-wang", detail: tags.join(", ") });

    const unit = await availableUnit("reacher");
    // A movement the ledger cannot take leaves the unit as it was, and no entry.
    await expectNoEntryWhenChangeFails(conn.db, { action: "devices.unit.repair", table: "lending_ledger", run: () => changeUnit(conn.db, staff, unit.id, { action: "repair", reason: "夹口松动" }, now) });
    expect((await unitState(unit.id)).status).toBe("available");
    await expectAuditedTogether(conn.db, { actions: ["devices.unit.repair"], run: () => changeUnit(conn.db, staff, unit.id, { action: "repair", reason: "夹口松动" }, now), observe: () => unitState(unit.id) });
    expect((await unitState(unit.id)).status).toBe("repair");
    expect((await auditEntries(conn.db, "devices.unit.repair", unit.asset_tag))[0].detail).toBe("夹口松动");
    // "Back in service" for a unit that is on the shelf already: refused, and not in the log.
    const other = await availableUnit("reacher");
    await expectRefusedWithoutAudit(conn.db, "devices.unit.ready", () => changeUnit(conn.db, staff, other.id, { action: "ready", reason: "x" }, now), UnitUnavailable);
  });

  it("a request: opened, approved, lent and returned, each only with its entry", async () => {
    const { reference } = await createRequest(conn.db, { typeId: "manual-wheelchair", name: "黄二", phone: "13900002222", disability: "physical", purpose: "术后", pickupLocationId: "yuebei-centre", locale: "zh-CN", source: "web" }, now);
    const detail = await expectAuditedTogether(conn.db, { actions: ["devices.request.view"], run: () => openRequest(conn.db, staff, reference.toLowerCase(), now) });
    expect(detail.phone).toBe("13900002222");
    expect(await auditEntries(conn.db, "devices.request.view", reference)).toHaveLength(1);

    await expectAuditedTogether(conn.db, { actions: ["devices.request.approve"], run: () => decideRequest(conn.db, staff, reference, { decision: "approve" }, now), observe: everything });
    await expectRefusedWithoutAudit(conn.db, "devices.request.approve", () => decideRequest(conn.db, staff, reference, { decision: "approve" }, now), WrongState);

    const unit = await availableUnit("manual-wheelchair");
    const loan = await expectAuditedTogether(conn.db, {
      actions: ["devices.checkout"],
      run: () => checkOut(conn.db, staff, { requestReference: reference, unitId: unit.id, condition: "good" }, now),
      observe: async () => ({ ...(await everything()), unit: await unitState(unit.id) }),
    });
    expect((await auditEntries(conn.db, "devices.checkout", reference))[0].detail).toBe(`${unit.asset_tag} ${loan.dueDate}`);

    await expectAuditedTogether(conn.db, {
      actions: ["devices.return"],
      run: () => returnLoan(conn.db, staff, { loanId: loan.loanId, condition: "fair", next: "sanitising" }, now),
      observe: async () => ({ ledger: await ledgerLength(), unit: await unitState(unit.id) }),
    });
    expect((await auditEntries(conn.db, "devices.return", loan.loanId))[0].detail).toBe(`${unit.asset_tag} fair → sanitising`);
    await expectRefusedWithoutAudit(conn.db, "devices.return", () => returnLoan(conn.db, staff, { loanId: loan.loanId, condition: "good" }, now), WrongState);
  });

  it("a stocktake with a difference, and the two exports", async () => {
    const [row] = await stockSheet(conn.db, "yuebei-centre");
    const result = await expectAuditedTogether(conn.db, {
      actions: ["devices.stocktake"],
      run: () => recordStocktake(conn.db, staff, { locationId: "yuebei-centre", counts: { [row.typeId]: row.stock + 1 }, reason: "盘点多出一件" }, now),
      observe: everything,
    });
    expect(result.found).toHaveLength(1);
    expect((await auditEntries(conn.db, "devices.stocktake", "yuebei-centre"))[0].detail).toBe("1 differences; 盘点多出一件");

    const ledger = await expectAuditedTogether(conn.db, { actions: ["devices.export.ledger"], run: () => exportLedger(conn.db, staff, now) });
    expect(ledger).toHaveLength(Number(await ledgerLength()));
    const loans = await expectAuditedTogether(conn.db, { actions: ["devices.export.loans"], run: () => exportLoans(conn.db, staff, now) });
    expect(loans.length).toBeGreaterThan(0);
    expect(JSON.stringify(loans)).not.toContain("13900002222");
  });
});
