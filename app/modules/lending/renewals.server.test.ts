import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectAuditedTogether, expectNoEntryWhenChangeFails } from "../../../tests/support/audit-outage";
import { createTestDb, createTwoConnections } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { deliverDueMessages, LogChannel } from "../messages/index.server";
import { checkOut, createRequest, decideRequest, findLoanForBorrower, NotFound, RenewalRefused, renewLoan, returnLoan, seedLending } from "./index.server";

/**
 * Loan reminders (scheduled outbox rows) and renewal by the borrower (续借), issue 17 item 5, on a real database
 * (in-memory SQLite, or PostgreSQL in the postgres project).
 */
const now = new Date("2026-11-26T02:00:00Z"); // 10:00 in Qingyuan
const staff = { id: null, username: "wang" };
const env = { PUBLIC_ORIGIN: "https://access.example.cn", SMS_QUIET_HOURS: "off" };
const phone = "13912345678";

async function lend(db: Connection["db"], typeId: string, options: { dueDate?: string; locale?: string; phone?: string; env?: Record<string, string> } = {}) {
  const { reference } = await createRequest(db, { typeId, name: "陈小红", phone: options.phone ?? phone, disability: "physical", locale: options.locale ?? "zh-CN", source: "web" }, now);
  await decideRequest(db, staff, reference, { decision: "approve" }, now);
  const unit = await db.selectFrom("lending_units").select("id").where("type_id", "=", typeId).where("status", "=", "available").orderBy("asset_tag").executeTakeFirstOrThrow();
  const loan = await checkOut(db, staff, { requestReference: reference, unitId: unit.id, condition: "good", dueDate: options.dueDate }, now, options.env ?? env);
  return { reference, loanId: loan.loanId, dueDate: loan.dueDate! };
}

const reminders = (db: Connection["db"], loanId: string) =>
  db.selectFrom("outbox_messages").selectAll().where("target_type", "=", "loan").where("target_id", "=", loanId).orderBy("next_attempt_at").orderBy("created_at").execute();

/** Nobody waits for the type (every open request for it is closed: the seed has some) and its units are back. */
async function nobodyWaiting(db: Connection["db"], typeId: string) {
  await db.updateTable("lending_requests").set({ status: "cancelled" }).where("type_id", "=", typeId).where("status", "in", ["pending", "approved"]).execute();
  const open = await db.selectFrom("lending_loans").select("id").where("type_id", "=", typeId).where("returned_at", "is", null).where("mode", "=", "loan").execute();
  for (const loan of open) await returnLoan(db, staff, { loanId: loan.id, condition: "good", next: "available" }, now);
}

describe("loan reminders and renewals", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
    await seedLending(conn.db, now);
  });
  afterAll(async () => conn.db.destroy());
  beforeEach(async () => nobodyWaiting(conn.db, "reacher"));

  it("a check-out queues a due-soon reminder 3 days before the due date and an overdue one the day after, in words", async () => {
    const { reference, loanId } = await lend(conn.db, "reacher", { dueDate: "2026-12-20" });
    const rows = await reminders(conn.db, loanId);
    expect(rows.map((r) => [r.template, r.status, r.next_attempt_at, r.channel])).toEqual([
      ["loanDueSoon", "queued", "2026-12-17T02:00:00.000Z", "sms"],
      ["loanOverdue", "queued", "2026-12-21T02:00:00.000Z", "sms"],
    ]);
    const [soon, overdue] = rows;
    expect(soon.reference).toBe(reference);
    expect(soon.body).toContain("取物器");
    expect(soon.body).toContain("2026年12月20日");
    expect(soon.body).toContain(reference);
    expect(soon.body).toContain("粤北");
    expect(soon.body).toContain("续借");
    expect(soon.body).toContain("https://access.example.cn/devices/renew");
    expect(overdue.body).toContain("逾期");
    for (const row of rows) expect(row.body).not.toContain(phone);
  });

  it("writes in the language of the request, and LOAN_REMINDER_DAYS moves the due-soon reminder", async () => {
    const { loanId } = await lend(conn.db, "reacher", { dueDate: "2026-12-20", locale: "en", env: { ...env, LOAN_REMINDER_DAYS: "5" } });
    const [soon] = await reminders(conn.db, loanId);
    expect(soon.next_attempt_at).toBe("2026-12-15T02:00:00.000Z");
    expect(soon.body).toMatch(/^Qingyuan DPF: the Reacher you borrowed \(JY-[A-Z0-9-]+\) is due back on 20 December 2026\./);
    expect(soon.body).toContain("https://access.example.cn/en/devices/renew");
  });

  it("keeps SMS quiet hours and skips a reminder whose time has passed; a loan without contact gets none", async () => {
    // Quiet from 09:00 to 11:00: the 10:00 reminder waits until 11:00.
    const quiet = await lend(conn.db, "reacher", { dueDate: "2026-12-20", env: { SMS_QUIET_HOURS: "09:00-11:00" } });
    expect((await reminders(conn.db, quiet.loanId)).map((r) => r.next_attempt_at)).toEqual(["2026-12-17T03:00:00.000Z", "2026-12-21T03:00:00.000Z"]);
    // Due in two days: "due soon" would be yesterday, so only the overdue one.
    const short = await lend(conn.db, "reacher", { dueDate: "2026-11-28" });
    expect((await reminders(conn.db, short.loanId)).map((r) => r.template)).toEqual(["loanOverdue"]);
    const { reference } = await createRequest(conn.db, { typeId: "reacher", name: "无联系", phone, disability: "physical", locale: "zh-CN", source: "web" }, now);
    await decideRequest(conn.db, staff, reference, { decision: "approve" }, now);
    await conn.db.updateTable("lending_requests").set({ phone: "" }).where("reference", "=", reference).execute();
    const unit = await conn.db.selectFrom("lending_units").select("id").where("type_id", "=", "reacher").where("status", "=", "available").executeTakeFirstOrThrow();
    const { loanId } = await checkOut(conn.db, staff, { requestReference: reference, unitId: unit.id, condition: "good" }, now, env);
    expect(await reminders(conn.db, loanId)).toEqual([]);
  });

  it("cancels the reminders not yet sent when the device is returned, and leaves a sent one as it was", async () => {
    const { loanId } = await lend(conn.db, "reacher", { dueDate: "2026-12-20" });
    const [soon] = await reminders(conn.db, loanId);
    await conn.db.updateTable("outbox_messages").set({ status: "sent", sent_at: "2026-12-17T02:00:05.000Z" }).where("id", "=", soon.id).execute();
    await returnLoan(conn.db, staff, { loanId, condition: "good" }, new Date("2026-12-18T02:00:00Z"));
    expect((await reminders(conn.db, loanId)).map((r) => [r.template, r.status])).toEqual([
      ["loanDueSoon", "sent"],
      ["loanOverdue", "cancelled"],
    ]);
    // A cancelled reminder is never claimed, even long after its time.
    const channel = new LogChannel();
    const round = await deliverDueMessages(conn, { workerId: "w", channels: { email: channel, sms: channel }, quietHours: null, now: () => new Date("2027-01-01T02:00:00Z") });
    expect(channel.sent.filter((m) => m.reference === soon.reference)).toEqual([]);
    expect(round.sent).toBeGreaterThanOrEqual(0);
  });

  it("delivers the due-soon reminder through the log channel when its time comes, not before", async () => {
    await conn.db.updateTable("outbox_messages").set({ status: "cancelled" }).where("status", "=", "queued").execute();
    const { reference, loanId } = await lend(conn.db, "reacher", { dueDate: "2026-12-20" });
    const channel = new LogChannel();
    const deliver = (at: string) => deliverDueMessages(conn, { workerId: "worker-1", channels: { email: channel, sms: channel }, quietHours: null, now: () => new Date(at) });
    expect((await deliver("2026-12-17T01:59:59Z")).sent).toBe(0);
    expect(channel.sent).toEqual([]);
    expect((await deliver("2026-12-17T02:00:00Z")).sent).toBe(1);
    expect(channel.sent).toHaveLength(1);
    expect(channel.sent[0]).toMatchObject({ channel: "sms", recipient: phone, reference });
    expect(channel.sent[0].body).toContain("2026年12月20日");
    expect((await reminders(conn.db, loanId)).map((r) => [r.template, r.status])).toEqual([
      ["loanDueSoon", "sent"],
      ["loanOverdue", "queued"],
    ]);
  });

  it("renews by reference + phone: adds the loan period again, reschedules the reminders, audits with the borrower as actor", async () => {
    const { reference, loanId } = await lend(conn.db, "reacher", { dueDate: "2026-12-20" });
    await expect(findLoanForBorrower(conn.db, { reference, phone: "13900000000" }, now, env)).rejects.toBeInstanceOf(NotFound);
    const view = await findLoanForBorrower(conn.db, { reference: reference.toLowerCase(), phone: "139 1234 5678" }, now, env);
    expect(view).toMatchObject({ reference, dueDate: "2026-12-20", renewals: 0, maxRenewals: 2, refusal: null, renewedDueDate: "2027-03-20", device: { zh: "取物器" } });
    const renew = () => renewLoan(conn.db, { reference, phone, dueDate: "2026-12-20" }, now, env);
    const loan = () => conn.db.selectFrom("lending_loans").select(["due_date", "renewals"]).where("id", "=", loanId).executeTakeFirstOrThrow();
    // The renewal, its reminders and its entry commit together: a reminder that cannot be queued undoes the new due
    // date and writes no entry; without a working audit log nothing changes either.
    await expectNoEntryWhenChangeFails(conn.db, { action: "devices.renew", table: "outbox_messages", run: renew });
    expect(await loan()).toEqual({ due_date: "2026-12-20", renewals: 0 });
    const renewed = await expectAuditedTogether(conn.db, { actions: ["devices.renew"], run: renew, observe: loan });
    expect(renewed).toMatchObject({ dueDate: "2027-03-20", renewals: 1, refusal: null, renewedDueDate: "2027-06-18" });
    expect(await loan()).toEqual({ due_date: "2027-03-20", renewals: 1 });
    expect((await reminders(conn.db, loanId)).map((r) => [r.template, r.status, r.next_attempt_at])).toEqual([
      ["loanDueSoon", "cancelled", "2026-12-17T02:00:00.000Z"],
      ["loanOverdue", "cancelled", "2026-12-21T02:00:00.000Z"],
      ["loanDueSoon", "queued", "2027-03-17T02:00:00.000Z"],
      ["loanOverdue", "queued", "2027-03-21T02:00:00.000Z"],
    ]);
    const queued = (await reminders(conn.db, loanId)).filter((r) => r.status === "queued");
    expect(queued[0].body).toContain("2027年3月20日");
    const audit = await conn.db.selectFrom("audit_log").selectAll().where("action", "=", "devices.renew").where("target_id", "=", loanId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: "(borrower)", user_id: null, target_type: "loan" });
    expect(audit[0].detail).toContain("2026-12-20 → 2027-03-20 (1/2)");
    expect(audit[0].detail).not.toContain(phone);
  });

  it("refuses a renewal past the limit, a stale confirmation, and a renewal once the device is back", async () => {
    const { reference, loanId } = await lend(conn.db, "reacher", { dueDate: "2026-12-20" });
    await renewLoan(conn.db, { reference, phone, dueDate: "2026-12-20" }, now, env);
    // The same confirmation sent twice (a second click) renews once.
    await expect(renewLoan(conn.db, { reference, phone, dueDate: "2026-12-20" }, now, env)).rejects.toMatchObject({ reason: "changed" });
    await renewLoan(conn.db, { reference, phone, dueDate: "2027-03-20" }, now, env);
    const view = await findLoanForBorrower(conn.db, { reference, phone }, now, env);
    expect(view).toMatchObject({ renewals: 2, refusal: "limit", renewedDueDate: null });
    await expect(renewLoan(conn.db, { reference, phone }, now, env)).rejects.toMatchObject({ reason: "limit" });
    expect((await findLoanForBorrower(conn.db, { reference, phone }, now, { LOAN_MAX_RENEWALS: "3" })).refusal).toBeNull();
    expect((await findLoanForBorrower(conn.db, { reference, phone }, now, { LOAN_MAX_RENEWALS: "0" })).refusal).toBe("limit");
    await returnLoan(conn.db, staff, { loanId, condition: "good" }, now);
    await expect(findLoanForBorrower(conn.db, { reference, phone }, now, env)).rejects.toMatchObject({ what: "loan" });
    await expect(renewLoan(conn.db, { reference, phone }, now, { LOAN_MAX_RENEWALS: "5" })).rejects.toBeInstanceOf(NotFound);
  });

  it("allows a renewal up to 7 days overdue and refuses it after", async () => {
    const { reference } = await lend(conn.db, "reacher", { dueDate: "2026-12-01" });
    const day = (d: string) => new Date(`${d}T02:00:00Z`);
    expect((await findLoanForBorrower(conn.db, { reference, phone }, day("2026-12-08"), env)).daysOverdue).toBe(7);
    expect((await findLoanForBorrower(conn.db, { reference, phone }, day("2026-12-08"), env)).refusal).toBeNull();
    expect(await findLoanForBorrower(conn.db, { reference, phone }, day("2026-12-09"), env)).toMatchObject({ daysOverdue: 8, refusal: "overdue" });
    await expect(renewLoan(conn.db, { reference, phone }, day("2026-12-09"), env)).rejects.toMatchObject({ reason: "overdue" });
    const renewed = await renewLoan(conn.db, { reference, phone }, day("2026-12-08"), env);
    expect(renewed.dueDate).toBe("2027-03-01");
  });

  it("refuses a renewal while someone waits for that kind of device and no free unit can serve them", async () => {
    const { reference } = await lend(conn.db, "reacher", { dueDate: "2026-12-20" });
    const free = await conn.db.selectFrom("lending_units").select("id").where("type_id", "=", "reacher").where("status", "=", "available").execute();
    // As many people waiting as units free: each can be served, renewal is fine.
    for (let i = 0; i < free.length; i++) await createRequest(conn.db, { typeId: "reacher", name: `等待${i}`, phone: "13700000000", disability: "physical", locale: "zh-CN", source: "web" }, now);
    expect((await findLoanForBorrower(conn.db, { reference, phone }, now, env)).refusal).toBeNull();
    // One more: someone would go without.
    await createRequest(conn.db, { typeId: "reacher", name: "再等一人", phone: "13700000001", disability: "physical", locale: "zh-CN", source: "web" }, now);
    expect((await findLoanForBorrower(conn.db, { reference, phone }, now, env)).refusal).toBe("waiting");
    const refused = await renewLoan(conn.db, { reference, phone }, now, env).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RenewalRefused);
    expect(refused).toMatchObject({ reason: "waiting", code: "renewal_refused" });
  });
});

describe("two renewals of one loan at once (two connections)", () => {
  let two: Awaited<ReturnType<typeof createTwoConnections>>;
  beforeAll(async () => {
    two = await createTwoConnections();
    await seedLending(two.a.db, now);
    await nobodyWaiting(two.a.db, "reacher");
  });
  afterAll(async () => two.close());

  it("the last renewal allowed, asked twice at once, is granted once and the other refused", async () => {
    const { reference, loanId } = await lend(two.a.db, "reacher", { dueDate: "2026-12-20" });
    await two.a.db.updateTable("lending_loans").set({ renewals: 1 }).where("id", "=", loanId).execute();
    const results = await Promise.allSettled([renewLoan(two.a.db, { reference, phone }, now, env), renewLoan(two.b.db, { reference, phone }, now, env)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(RenewalRefused);
    const loan = await two.a.db.selectFrom("lending_loans").select(["due_date", "renewals"]).where("id", "=", loanId).executeTakeFirstOrThrow();
    expect(loan).toEqual({ due_date: "2027-03-20", renewals: 2 });
    // One set of reminders queued for the new date, and one audit entry.
    const queued = await two.a.db.selectFrom("outbox_messages").select("template").where("target_id", "=", loanId).where("status", "=", "queued").execute();
    expect(queued.map((q) => q.template).sort()).toEqual(["loanDueSoon", "loanOverdue"]);
    expect(await two.a.db.selectFrom("audit_log").select("id").where("action", "=", "devices.renew").where("target_id", "=", loanId).execute()).toHaveLength(1);
  });

  it("one confirmation sent twice at once renews once", async () => {
    const { reference, loanId } = await lend(two.a.db, "reacher", { dueDate: "2026-12-20" });
    const results = await Promise.allSettled([
      renewLoan(two.a.db, { reference, phone, dueDate: "2026-12-20" }, now, env),
      renewLoan(two.b.db, { reference, phone, dueDate: "2026-12-20" }, now, env),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await two.a.db.selectFrom("lending_loans").select(["due_date", "renewals"]).where("id", "=", loanId).executeTakeFirstOrThrow()).toEqual({ due_date: "2027-03-20", renewals: 1 });
  });
});
