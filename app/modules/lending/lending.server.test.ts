import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import {
  certificateProblem,
  changeUnit,
  checkOut,
  createRequest,
  decideRequest,
  findRequestForApplicant,
  getDeviceType,
  getRequest,
  InsufficientStock,
  intake,
  InvalidInput,
  ledgerStock,
  listDeviceTypes,
  listLedger,
  listLoans,
  listRequests,
  makeCertificate,
  maskCertificate,
  NotFound,
  recordStocktake,
  returnLoan,
  seedLending,
  stockSheet,
  UnitUnavailable,
  WrongState,
  appendMovements,
  inTransaction,
} from "./index.server";

const now = new Date("2026-11-26T02:00:00Z");
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);
const staff = { id: null, username: "wang" };
const certificate = makeCertificate("19700101", "999", 4, 2);
let conn: Connection;

beforeAll(async () => {
  conn = await createTestDb();
  await seedLending(conn.db, now);
});
afterAll(async () => conn.db.destroy());

describe("certificate numbers", () => {
  it("checks length, characters, the ID check character and the category/grade digits", () => {
    expect(certificateProblem(certificate)).toBeNull();
    expect(certificateProblem(certificate.slice(0, 18))).toBe("certificateLength");
    expect(certificateProblem(`${certificate.slice(0, 10)}A${certificate.slice(11)}`)).toBe("certificateFormat");
    const wrongCheck = certificate.slice(0, 17) + (certificate[17] === "1" ? "2" : "1") + certificate.slice(18);
    expect(certificateProblem(wrongCheck)).toBe("certificateCheck");
    expect(certificateProblem(certificate.slice(0, 18) + "85")).toBe("certificateCategory");
    expect(maskCertificate(certificate)).toBe(`${"*".repeat(16)}${certificate.slice(-4)}`);
  });
});

describe("seed", () => {
  it("has at least 20 device types over 4 locations, a plausible ledger, and runs only once", async () => {
    const devices = await listDeviceTypes(conn.db, {}, { withExamplePoints: true });
    expect(devices.length).toBeGreaterThanOrEqual(20);
    expect(devices[0].locations).toHaveLength(4);
    // The three county points are examples (no verified place): staff see them, the public only the centre, and
    // the public is told only the centre's units (issue 19).
    const forPublic = await listDeviceTypes(conn.db);
    expect(forPublic[0].locations.map((l) => l.locationId)).toEqual(["yuebei-centre"]);
    expect(forPublic[0].total).toBe(devices[0].locations[0].total);
    expect(devices.every((d) => d.imageAlt.zh.length > 5 && d.imageAlt.en.length > 5)).toBe(true);
    const kinds = new Set((await listLedger(conn.db, { pageSize: 1000 })).items.map((e) => e.kind));
    for (const kind of ["in", "out", "return", "repair", "sanitise", "write_off", "transfer"]) expect(kinds).toContain(kind);
    expect(await seedLending(conn.db, now)).toBe(0);
  });

  it("derives the same stock from the ledger as from the units in custody", async () => {
    const stock = await ledgerStock(conn.db);
    const units = await conn.db
      .selectFrom("lending_units")
      .select(["type_id", "location_id"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "in", ["available", "reserved", "repair", "sanitising"])
      .groupBy(["type_id", "location_id"])
      .execute();
    for (const u of units) expect(stock.find((s) => s.typeId === u.type_id && s.locationId === u.location_id)?.stock).toBe(Number(u.n));
    expect(stock.every((s) => s.stock >= 0)).toBe(true);
  });

  it("flags the seeded duplicate: a fitting in the same category within a year", async () => {
    const { items } = await listRequests(conn.db, { status: "pending" }, now);
    const fm = items.find((r) => r.typeId === "fm-system")!;
    expect(fm.earlier).toEqual([expect.objectContaining({ kind: "fitting", typeName: expect.objectContaining({ zh: "耳背式助听器" }) })]);
    expect(items.find((r) => r.typeId === "handheld-magnifier")!.earlier).toEqual([]);
  });
});

describe("catalogue", () => {
  it("filters by category, disability and words, with availability by location", async () => {
    const vision = await listDeviceTypes(conn.db, { disability: "vision" });
    expect(vision.every((d) => d.disabilities.includes("vision"))).toBe(true);
    expect((await listDeviceTypes(conn.db, { category: "selfcare" })).map((d) => d.id).sort()).toEqual(["commode-chair", "shower-chair"]);
    expect((await listDeviceTypes(conn.db, { q: "轮椅" })).map((d) => d.id)).toContain("manual-wheelchair");
    expect((await listDeviceTypes(conn.db, { q: "WHEELCHAIR" })).map((d) => d.id)).toContain("manual-wheelchair");
    const wheelchair = await getDeviceType(conn.db, "manual-wheelchair");
    expect(wheelchair.locations.find((l) => l.locationId === "yuebei-centre")).toMatchObject({ available: 4, total: 4 });
    await expect(getDeviceType(conn.db, "no-such-device")).rejects.toThrow(NotFound);
  });
});

describe("requests, loans and returns", () => {
  it("keeps the certificate number only as a hash and a masked form", async () => {
    const { reference, status } = await createRequest(
      conn.db,
      { typeId: "reacher", name: "刘一", phone: "139 0000 1111", disability: "physical", certificateNumber: certificate, purpose: "捡东西", locale: "zh-CN", source: "web" },
      now,
    );
    expect(status).toBe("pending");
    const row = await conn.db.selectFrom("lending_requests").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(certificate);
    expect(JSON.stringify(row)).not.toContain(certificate.slice(0, 18));
    expect(row.certificate_hash).toMatch(/^[0-9a-f]{8}:[0-9a-f]{64}$/);
    expect(row.certificate_masked).toBe(maskCertificate(certificate));
  });

  it("refuses bad input with field codes", async () => {
    const error = await createRequest(
      conn.db,
      { typeId: "reacher", name: "", phone: "12345", disability: "tall", certificateNumber: "123", locale: "zh-CN", source: "api" },
      now,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.fields).toEqual({ name: "required", phone: "invalidPhone", disabilityCategory: "chooseOne", certificateNumber: "certificateLength" });
  });

  it("runs the whole workflow: approve, lend a specific unit, flag a second request, return to sanitising", async () => {
    const { reference } = await createRequest(
      conn.db,
      { typeId: "manual-wheelchair", name: "黄二", phone: "13900002222", disability: "physical", certificateNumber: certificate, purpose: "术后", pickupLocationId: "yuebei-centre", locale: "zh-CN", source: "web" },
      now,
    );
    // An example point is not offered to the public, nor taken from a request.
    await expect(
      createRequest(conn.db, { typeId: "manual-wheelchair", name: "黄三", phone: "13900003333", disability: "physical", certificateNumber: certificate, purpose: "术后", pickupLocationId: "fogang-point", locale: "zh-CN", source: "web" }, now),
    ).rejects.toThrow(NotFound);
    // The applicant sees the status with the right phone only; the wrong phone is "not found" like a wrong reference.
    expect((await findRequestForApplicant(conn.db, { reference: reference.toLowerCase(), phone: "139-0000-2222" })).status).toBe("pending");
    await expect(findRequestForApplicant(conn.db, { reference, phone: "13900002223" })).rejects.toThrow(NotFound);

    await expect(checkOut(conn.db, staff, { requestReference: reference, unitId: "x", condition: "good" }, now)).rejects.toThrow(WrongState);
    await decideRequest(conn.db, staff, reference, { decision: "approve" }, now);
    await expect(decideRequest(conn.db, staff, reference, { decision: "approve" }, now)).rejects.toThrow(WrongState);

    const unit = await conn.db.selectFrom("lending_units").selectAll().where("type_id", "=", "manual-wheelchair").where("location_id", "=", "yuebei-centre").where("status", "=", "available").executeTakeFirstOrThrow();
    const before = (await getDeviceType(conn.db, "manual-wheelchair")).available;
    const { loanId, dueDate } = await checkOut(conn.db, staff, { requestReference: reference, unitId: unit.id, condition: "good" }, now);
    expect(dueDate).toBe("2027-02-24");
    expect((await getDeviceType(conn.db, "manual-wheelchair")).available).toBe(before - 1);
    expect((await findRequestForApplicant(conn.db, { reference, phone: "13900002222" })).loan?.dueDate).toBe("2027-02-24");

    // The same person asks for a walking frame (same category: mobility): flagged with the open loan.
    const second = await createRequest(
      conn.db,
      { typeId: "walking-frame", name: "黄二", phone: "13900002222", disability: "physical", certificateNumber: certificate, purpose: "练走路", locale: "zh-CN", source: "web" },
      later(1),
    );
    const detail = await getRequest(conn.db, second.reference, later(1));
    expect(detail.earlier).toEqual([expect.objectContaining({ kind: "openLoan", reference, assetTag: unit.asset_tag })]);

    // The unit cannot be lent again, sent to repair or written off while on loan.
    await expect(changeUnit(conn.db, staff, unit.id, { action: "repair", reason: "x" }, now)).rejects.toThrow(UnitUnavailable);
    await expect(changeUnit(conn.db, staff, unit.id, { action: "writeOff", reason: "x", approver: "y" }, now)).rejects.toThrow(UnitUnavailable);

    const overdue = await listLoans(conn.db, { view: "overdue" }, later(95));
    expect(overdue.items.find((l) => l.id === loanId)?.daysOverdue).toBe(5);
    const soon = await listLoans(conn.db, { view: "dueSoon" }, later(85));
    expect(soon.items.map((l) => l.id)).toContain(loanId);

    await returnLoan(conn.db, staff, { loanId, condition: "fair" }, later(10));
    const back = await conn.db.selectFrom("lending_units").selectAll().where("id", "=", unit.id).executeTakeFirstOrThrow();
    expect(back).toMatchObject({ status: "sanitising", condition: "fair" });
    await expect(returnLoan(conn.db, staff, { loanId, condition: "good" }, later(11))).rejects.toThrow(WrongState);
    // Sanitising blocks lending until staff put it back in service.
    await changeUnit(conn.db, staff, unit.id, { action: "ready", reason: "消毒完成" }, later(11));
    expect((await conn.db.selectFrom("lending_units").select("status").where("id", "=", unit.id).executeTakeFirstOrThrow()).status).toBe("available");
    const history = await listLedger(conn.db, { unitId: unit.id });
    // Newest first: sanitised after the return, after the loan; the unit's history starts with its intake.
    const kinds = history.items.map((e) => e.kind);
    expect(kinds.slice(0, 3)).toEqual(["sanitise", "return", "out"]);
    expect(kinds.at(-1)).toBe("in");
  });

  it("rejecting needs a reason, which the applicant sees", async () => {
    const { reference } = await createRequest(conn.db, { typeId: "reacher", name: "何三", phone: "13900003333", disability: "physical", locale: "zh-CN", source: "api" }, now);
    await expect(decideRequest(conn.db, staff, reference, { decision: "reject", reason: " " }, now)).rejects.toThrow(InvalidInput);
    await decideRequest(conn.db, staff, reference, { decision: "reject", reason: "该器具需先做适配评估" }, now);
    expect(await findRequestForApplicant(conn.db, { reference, phone: "13900003333" })).toMatchObject({ status: "rejected", reason: "该器具需先做适配评估" });
  });

  it("a fitting is handed over for good: no due date, not on the overdue list, out of stock", async () => {
    await intake(conn.db, staff, { typeId: "ankle-foot-orthosis", locationId: "yuebei-centre", quantity: 1, condition: "good", reason: "按取型定制" }, now);
    const { reference } = await createRequest(conn.db, { typeId: "ankle-foot-orthosis", name: "林四", phone: "13900004444", disability: "physical", locale: "zh-CN", source: "web" }, now);
    await decideRequest(conn.db, staff, reference, { decision: "approve" }, now);
    const unit = await conn.db.selectFrom("lending_units").select("id").where("type_id", "=", "ankle-foot-orthosis").executeTakeFirstOrThrow();
    const { dueDate } = await checkOut(conn.db, staff, { requestReference: reference, unitId: unit.id, condition: "good" }, now);
    expect(dueDate).toBeNull();
    expect((await getDeviceType(conn.db, "ankle-foot-orthosis")).total).toBe(0);
    expect((await listLoans(conn.db, { view: "fittings" }, now)).items.map((l) => l.requestReference)).toContain(reference);
  });
});

describe("write-off, transfer, stocktake", () => {
  it("write-off needs a reason and an approver; a unit moves its stock with it", async () => {
    const [tag] = await intake(conn.db, staff, { typeId: "quad-cane", locationId: "lianzhou-point", quantity: 1, condition: "good", reason: "捐赠" }, now);
    const unit = await conn.db.selectFrom("lending_units").selectAll().where("asset_tag", "=", tag).executeTakeFirstOrThrow();
    await expect(changeUnit(conn.db, staff, unit.id, { action: "writeOff", reason: "坏了", approver: "" }, now)).rejects.toMatchObject({ fields: { approver: "required" } });
    const fogangBefore = (await stockSheet(conn.db, "fogang-point")).find((r) => r.typeId === "quad-cane")!.stock;
    await changeUnit(conn.db, staff, unit.id, { action: "transfer", toLocationId: "fogang-point", reason: "调剂" }, now);
    expect((await stockSheet(conn.db, "fogang-point")).find((r) => r.typeId === "quad-cane")!.stock).toBe(fogangBefore + 1);
    await changeUnit(conn.db, staff, unit.id, { action: "writeOff", reason: "手柄断裂", approver: "康复部负责人" }, now);
    const [entry] = (await listLedger(conn.db, { unitId: unit.id })).items;
    expect(entry).toMatchObject({ kind: "write_off", quantity: -1, approver: "康复部负责人", reason: "手柄断裂", actor: "wang" });
  });

  it("refuses any movement that would take stock below zero, inside the transaction", async () => {
    const before = await conn.db.selectFrom("lending_ledger").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    await expect(
      inTransaction(conn.db, (trx) => appendMovements(trx, staff, [{ kind: "adjustment", typeId: "braille-display", locationId: "fogang-point", quantity: -1, reason: "test" }], now)),
    ).rejects.toThrow(InsufficientStock);
    const after = await conn.db.selectFrom("lending_ledger").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("records differences only with a reason; afterwards the derived stock equals the count", async () => {
    const sheet = await stockSheet(conn.db, "yingde-point");
    const magnifier = sheet.find((r) => r.typeId === "handheld-magnifier")!;
    const cushion = sheet.find((r) => r.typeId === "pressure-cushion")!;
    const counts = { "handheld-magnifier": magnifier.stock - 1, "pressure-cushion": cushion.stock + 2 };
    await expect(recordStocktake(conn.db, staff, { locationId: "yingde-point", counts, reason: "" }, now)).rejects.toMatchObject({ fields: { reason: "reasonForDifference" } });
    const result = await recordStocktake(conn.db, staff, { locationId: "yingde-point", counts, reason: "2026年11月盘点" }, now);
    expect(result.missing).toHaveLength(1);
    expect(result.found).toHaveLength(2);
    const after = await stockSheet(conn.db, "yingde-point");
    expect(after.find((r) => r.typeId === "handheld-magnifier")!.stock).toBe(counts["handheld-magnifier"]);
    expect(after.find((r) => r.typeId === "pressure-cushion")!.stock).toBe(counts["pressure-cushion"]);
    // Found again at the next count: the missing unit is reinstated rather than a new one added.
    const again = await recordStocktake(conn.db, staff, { locationId: "yingde-point", counts: { "handheld-magnifier": magnifier.stock }, reason: "找到了" }, later(1));
    expect(again.found).toEqual(result.missing);
    // Matching counts need no reason and record nothing.
    expect((await recordStocktake(conn.db, staff, { locationId: "yingde-point", counts: { "handheld-magnifier": magnifier.stock }, reason: "" }, later(2))).found).toEqual([]);
  });
});

describe("the ledger is append-only", () => {
  it("no module code updates or deletes ledger rows", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const dir = path.dirname(new URL(import.meta.url).pathname);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const source = fs.readFileSync(path.join(dir, file), "utf8");
      expect(source, file).not.toMatch(/updateTable\("lending_ledger"\)|deleteFrom\("lending_ledger"\)/);
    }
  });
});
