import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { postStep, readDraft, startDraft } from "../flows/index.server";
import {
  actionsFrom,
  findHomeModForApplicant,
  getHomeModForStaff,
  homeModFlow,
  homeModLedgerCsv,
  HomeModNotFound,
  HomeModWrongState,
  homeModStaffSchema,
  listHomeMods,
  recordHomeModStep,
  withdrawHomeMod,
  type LedgerWords,
} from "./index.server";

/**
 * The home-modification service (issue 15 item 7): the application through the engine's runner as the pages post
 * it (the family member's name only when asked, needs with "other"), the staff's steps in order with a 409 for one
 * that cannot follow, every change and showing audited, the 台账 export, the applicant's lookup and withdrawal.
 */
const now = new Date("2026-12-01T01:00:00Z");
const staff = { id: "u-wu", username: "wu" };
let conn: Connection;
let phoneNo = 0;
const nextPhone = () => `1370000${String(++phoneNo).padStart(4, "0")}`;

beforeAll(async () => {
  conn = await createTestDb();
});
afterAll(async () => conn?.db.destroy());

const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  return f;
};

async function post(draftId: string, step: string, fields: Record<string, string | string[]> = {}) {
  return postStep(conn.db, homeModFlow, { draftId, step, form: form(fields), client: "test" }, now);
}

async function apply(phone: string, forWhom: "self" | "family" = "self") {
  const draft = await startDraft(conn.db, homeModFlow, { locale: "zh-CN" }, now);
  expect(await post(draft.id, "for-whom", { forWhom })).toEqual({ kind: "goto", step: forWhom === "family" ? "name" : "certificate" });
  if (forWhom === "family") expect(await post(draft.id, "name", { name: "李婆婆" })).toEqual({ kind: "goto", step: "certificate" });
  expect(await post(draft.id, "certificate", { intent: "none" })).toEqual({ kind: "goto", step: "address" });
  expect(await post(draft.id, "address", { county: "yingde", address: "英德市某镇某村 12 号" })).toEqual({ kind: "goto", step: "household" });
  expect(await post(draft.id, "household", { householdSize: "3" })).toEqual({ kind: "goto", step: "low-income" });
  expect(await post(draft.id, "low-income", { lowIncome: "unsure" })).toEqual({ kind: "goto", step: "needs" });
  expect(await post(draft.id, "needs", { needs: ["handrails", "other"], needsOther: "床边扶手" })).toEqual({ kind: "goto", step: "contact" });
  expect(await post(draft.id, "contact", { name: "李明", phone })).toEqual({ kind: "goto", step: "check" });
  expect(await post(draft.id, "check")).toEqual({ kind: "goto", step: "done" });
  return (await readDraft(conn.db, homeModFlow, draft.id, { now })).reference!;
}

const audits = (reference: string) =>
  conn.db.selectFrom("audit_log").select(["action", "username"]).where("target_id", "=", reference).orderBy("at").execute().then((rows) => rows.map((r) => r.action));

const step = (reference: string, input: Record<string, string>) => recordHomeModStep(conn.db, staff, reference, homeModStaffSchema.parse(input), now);

describe("the application", () => {
  it("needs at least one need, and words for 'other'", async () => {
    const draft = await startDraft(conn.db, homeModFlow, { locale: "zh-CN" }, now);
    await post(draft.id, "for-whom", { forWhom: "self" });
    for (const [s, f] of [["certificate", { intent: "none" }], ["address", { county: "qingcheng", address: "清城区某路 1 号" }], ["household", { householdSize: "2" }], ["low-income", { lowIncome: "neither" }]] as const) await post(draft.id, s, f);
    const none = await post(draft.id, "needs", {});
    expect(none.kind).toBe("invalid");
    expect(JSON.stringify(none)).toContain("chooseAtLeastOne");
    const other = await post(draft.id, "needs", { needs: "other" });
    expect(JSON.stringify(other)).toContain("needsOther");
    const county = await post(draft.id, "address", { county: "guangzhou", address: "某地某路 1 号" });
    expect(county.kind).toBe("invalid");
  });

  it("is sent with the person's name (the family member's answer when they apply for someone) and the phone masked in the list", async () => {
    const phone = nextPhone();
    const reference = await apply(phone, "family");
    expect(reference).toMatch(/^GZ-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const listed = (await listHomeMods(conn.db)).find((r) => r.reference === reference)!;
    expect(listed).toMatchObject({ name: "李婆婆", status: "received", county: "yingde", needs: ["handrails", "other"], householdSize: 3 });
    expect(listed.phoneMasked).not.toContain(phone.slice(3, 7));
    const self = await apply(nextPhone());
    expect((await listHomeMods(conn.db)).find((r) => r.reference === self)!.name).toBe("李明");
  });
});

describe("the staff's record of the work", () => {
  it("goes assess → approve → start → finish → failed check → finish → passed check, each step audited", async () => {
    const reference = await apply(nextPhone());
    expect(actionsFrom("received")).toEqual(["assess"]);
    await expect(step(reference, { intent: "decide", decision: "approve" })).rejects.toBeInstanceOf(HomeModWrongState);
    await expect(step(reference, { intent: "start" })).rejects.toMatchObject({ code: "wrong_state", status: "received" });
    expect(await step(reference, { intent: "assess", visitDate: "2026-12-03", findings: "卫生间无扶手，门槛 8 厘米" })).toBe("assessed");
    expect(await step(reference, { intent: "decide", decision: "approve" })).toBe("approved");
    await expect(step(reference, { intent: "decide", decision: "refuse", reason: "x" })).rejects.toBeInstanceOf(HomeModWrongState);
    expect(await step(reference, { intent: "start" })).toBe("inProgress");
    expect(await step(reference, { intent: "finish" })).toBe("finished");
    expect(await step(reference, { intent: "supervise", supervision: "failed", supervisionNote: "扶手不牢" })).toBe("rectifying");
    expect(await step(reference, { intent: "finish" })).toBe("finished");
    expect(await step(reference, { intent: "supervise", supervision: "passed" })).toBe("completed");
    const detail = await getHomeModForStaff(conn.db, staff, reference, now);
    expect(detail).toMatchObject({ status: "completed", visitDate: "2026-12-03", supervision: "passed", assessedBy: "wu", decidedBy: "wu" });
    expect(await audits(reference)).toEqual([
      "homeMod.assess",
      "homeMod.approve",
      "homeMod.start",
      "homeMod.finish",
      "homeMod.supervise",
      "homeMod.finish",
      "homeMod.supervise",
      "homeMod.view",
    ]);
  });

  it("a refusal and a failed check need their reason; an unknown reference is not found", async () => {
    expect(homeModStaffSchema.safeParse({ intent: "decide", decision: "refuse" }).success).toBe(false);
    expect(homeModStaffSchema.safeParse({ intent: "supervise", supervision: "failed" }).success).toBe(false);
    expect(homeModStaffSchema.safeParse({ intent: "approve-now" }).success).toBe(false);
    await expect(step("GZ-2222-2222", { intent: "start" })).rejects.toBeInstanceOf(HomeModNotFound);
  });

  it("a refused step leaves no audit row and no change", async () => {
    const reference = await apply(nextPhone());
    await expect(step(reference, { intent: "finish" })).rejects.toBeInstanceOf(HomeModWrongState);
    expect(await audits(reference)).toEqual([]);
    expect((await listHomeMods(conn.db, { status: "received" })).some((r) => r.reference === reference)).toBe(true);
  });

  it("exports the 台账: a BOM, one row a household, the phone masked, the export audited", async () => {
    const phone = nextPhone();
    const reference = await apply(phone);
    const words: LedgerWords = { header: ["编号", "日期", "县", "姓名", "手机", "人数", "低保", "需求", "状态", "走访", "决定", "开工", "完工", "监理", "备注"], status: (s) => s, need: (n) => n, lowIncome: (v) => v, supervision: (v) => v };
    const csv = await homeModLedgerCsv(conn.db, staff, words, "zh", now);
    expect(csv.startsWith("\uFEFF编号,")).toBe(true);
    const line = csv.split("\r\n").find((l) => l.startsWith(reference))!;
    expect(line).toContain("英德市");
    expect(line).toContain("handrails; other; 床边扶手");
    expect(csv).not.toContain(phone);
    const count = (await listHomeMods(conn.db)).length;
    expect(csv.trim().split("\r\n")).toHaveLength(count + 1);
    expect((await conn.db.selectFrom("audit_log").select("action").where("action", "=", "homeMod.export").execute()).length).toBe(1);
  });
});

describe("lookup and withdrawal by reference and phone", () => {
  it("a wrong phone is not found; withdrawn once, then already withdrawn; too late once approved", async () => {
    const phone = nextPhone();
    const reference = await apply(phone);
    await expect(findHomeModForApplicant(conn.db, { reference, phone: nextPhone() })).rejects.toBeInstanceOf(HomeModNotFound);
    expect((await findHomeModForApplicant(conn.db, { reference: reference.toLowerCase(), phone })).status).toBe("received");
    expect(await withdrawHomeMod(conn.db, { reference, phone }, now)).toEqual({ outcome: "withdrawn" });
    expect(await withdrawHomeMod(conn.db, { reference, phone }, now)).toEqual({ outcome: "alreadyWithdrawn" });
    expect(await audits(reference)).toEqual(["homeMod.withdraw"]);
    await expect(step(reference, { intent: "assess", visitDate: "2026-12-03", findings: "x" })).rejects.toBeInstanceOf(HomeModWrongState);

    const later = nextPhone();
    const approved = await apply(later);
    await step(approved, { intent: "assess", visitDate: "2026-12-03", findings: "门槛高" });
    await step(approved, { intent: "decide", decision: "approve" });
    expect(await withdrawHomeMod(conn.db, { reference: approved, phone: later }, now)).toEqual({ outcome: "tooLate", reason: "homeModDecided" });
  });
});
