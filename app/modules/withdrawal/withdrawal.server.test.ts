import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, expectAuditedTogether } from "../../../tests/support/audit-outage";
import { activityInput } from "../../../tests/support/activity-input";
import { createTestDb } from "../../../tests/support/test-db";
import { cardDrafts, createActivity, decideCard, findSignup, getActivity, signUp, submitCardDraft } from "../centre/index.server";
import { joinWaitingList, listUpcomingScreenings, listWaitingList, seedCinema, setWaitingStatus } from "../cinema/index.server";
import { offerFreedSeats } from "../cinema/offers.server";
import type { Connection } from "../db/index.server";
import { feedbackSchema, listFeedback, submitFeedback, updateFeedback } from "../feedback/index.server";
import { checkOut, createRequest, decideRequest, listRequests, seedLending } from "../lending/index.server";
import { saveAnswers, startDraft } from "../flows/index.server";
import { homeModFlow, homeModStaffSchema, recordHomeModStep } from "../home-modification/index.server";
import { findForWithdrawal, NothingToWithdraw, withdraw, type WithdrawalKey } from "./index.server";
import type { WithdrawalKind } from "./withdrawal-constants";

/**
 * Self-service withdrawal of the five records (issue 17, item 6), through the one shared module the page uses: each
 * is withdrawn (status withdrawn, never deleted), a second withdrawal says so and changes nothing, it is refused
 * with a reason when too late, a wrong phone is answered like an unknown reference, and the audit entry commits
 * with the change or neither does.
 */
const now = new Date("2026-12-01T01:00:00Z");
const staff = { id: "u-li", username: "li" };
let conn: Connection;
let typeId: string;
let activityId: string;
let screeningId: string;
let phoneNo = 0;
const nextPhone = () => `1390000${String(++phoneNo).padStart(4, "0")}`;

beforeAll(async () => {
  conn = await createTestDb();
  await seedLending(conn.db, now);
  await seedCinema(conn.db, now);
  const unit = await conn.db
    .selectFrom("lending_units as u")
    .innerJoin("lending_device_types as t", "t.id", "u.type_id")
    .select("u.type_id")
    .where("u.status", "=", "available")
    .where("t.mode", "=", "loan")
    .executeTakeFirstOrThrow();
  typeId = unit.type_id;
  activityId = await createActivity(
    conn.db,
    staff,
    activityInput({ capacity: 50, waitlistSize: 10 }),
    now,
  );
  screeningId = (await listUpcomingScreenings(conn.db, {}, now))[0].id;
});
afterAll(async () => conn?.db.destroy());

async function applyForCard(phone: string) {
  const draft = await cardDrafts.start(conn.db, { locale: "zh-CN" }, now);
  await cardDrafts.save(conn.db, draft.id, { name: "王芳", phone, disability: "vision", certificate: null, format: "braille", collect: "pickup" }, now);
  return submitCardDraft(conn.db, await cardDrafts.read(conn.db, draft.id), now);
}

async function applyForHomeModification(phone: string) {
  const draft = await startDraft(conn.db, homeModFlow, { locale: "zh-CN" }, now);
  await saveAnswers(
    conn.db,
    homeModFlow,
    draft.id,
    { forWhom: "self", certificate: null, county: "qingcheng", address: "清城区某路 1 号", householdSize: 2, lowIncome: "unsure", needs: ["handrails"], needsOther: "", contactName: "何伟", phone },
    now,
  );
  return homeModFlow.submit(conn.db, { ...draft, answers: {} }, now);
}

interface Case {
  action: string;
  /** A new record, open to withdrawal. */
  make: () => Promise<WithdrawalKey>;
  /** A new record it is too late to withdraw, the reason, and the time to try at. */
  makeTooLate: () => Promise<{ key: WithdrawalKey; reason: string; at?: Date }>;
  status: (reference: string) => Promise<string | undefined>;
  withdrawnStatus: string;
}

const cases: Record<WithdrawalKind, Case> = {
  "device-request": {
    action: "devices.request.withdraw",
    make: async () => {
      const secret = nextPhone();
      const { reference } = await createRequest(conn.db, { typeId, name: "陈明", phone: secret, disability: "physical", locale: "zh-CN", source: "web" }, now);
      return { reference, secret };
    },
    makeTooLate: async () => {
      const secret = nextPhone();
      const { reference } = await createRequest(conn.db, { typeId, name: "陈明", phone: secret, disability: "physical", locale: "zh-CN", source: "web" }, now);
      await decideRequest(conn.db, staff, reference, { decision: "approve" }, now);
      const unit = await conn.db.selectFrom("lending_units").select("id").where("type_id", "=", typeId).where("status", "=", "available").executeTakeFirstOrThrow();
      await checkOut(conn.db, staff, { requestReference: reference, unitId: unit.id, condition: "good" }, now);
      return { key: { reference, secret }, reason: "lentOut" };
    },
    status: async (ref) => (await conn.db.selectFrom("lending_requests").select("status").where("reference", "=", ref).executeTakeFirst())?.status,
    withdrawnStatus: "withdrawn",
  },
  "library-card": {
    action: "library.card.withdraw",
    make: async () => {
      const secret = nextPhone();
      return { reference: await applyForCard(secret), secret };
    },
    makeTooLate: async () => {
      const secret = nextPhone();
      const reference = await applyForCard(secret);
      await decideCard(conn.db, staff, reference, { decision: "issue" }, now);
      return { key: { reference, secret }, reason: "issued" };
    },
    status: async (ref) => (await conn.db.selectFrom("centre_library_cards").select("status").where("reference", "=", ref).executeTakeFirst())?.status,
    withdrawnStatus: "withdrawn",
  },
  "activity-signup": {
    action: "activity.signup.withdraw",
    make: async () => {
      const secret = nextPhone();
      const { reference } = await signUp(conn.db, activityId, { name: "周强", phone: secret, needs: [], locale: "zh-CN" }, now);
      return { reference, secret };
    },
    makeTooLate: async () => {
      const secret = nextPhone();
      const { reference } = await signUp(conn.db, activityId, { name: "周强", phone: secret, needs: [], locale: "zh-CN" }, now);
      return { key: { reference, secret }, reason: "started", at: new Date("2026-12-10T06:31:00.000Z") };
    },
    status: async (ref) => (await conn.db.selectFrom("centre_signups").select("status").where("reference", "=", ref).executeTakeFirst())?.status,
    // A sign-up keeps its existing word for it.
    withdrawnStatus: "cancelled",
  },
  "waiting-list": {
    action: "cinema.waiting.withdraw",
    make: async () => {
      const secret = nextPhone();
      const { id } = await joinWaitingList(conn.db, { screeningId, contact: { name: "张三", phone: secret }, tickets: 2, locale: "zh-CN" }, now);
      return { reference: id, secret };
    },
    makeTooLate: async () => {
      const secret = nextPhone();
      const { id } = await joinWaitingList(conn.db, { screeningId, contact: { name: "张三", phone: secret }, tickets: 2, locale: "zh-CN" }, now);
      await setWaitingStatus(conn.db, staff, id, "booked", now);
      return { key: { reference: id, secret }, reason: "booked" };
    },
    status: async (ref) => (await conn.db.selectFrom("cinema_waiting_list").select("status").where("id", "=", ref).executeTakeFirst())?.status,
    withdrawnStatus: "withdrawn",
  },
  feedback: {
    action: "feedback.withdraw",
    make: async () => {
      const secret = `reader${++phoneNo}@example.cn`;
      const { reference } = await submitFeedback(conn.db, feedbackSchema.parse({ topic: "service", message: "请帮忙", contact: secret }), "zh-CN", now);
      // The contact is proven however it is cased.
      return { reference, secret: secret.toUpperCase() };
    },
    makeTooLate: async () => {
      const secret = nextPhone();
      const { reference } = await submitFeedback(conn.db, feedbackSchema.parse({ topic: "barrier", message: "按钮太小", contact: secret }), "zh-CN", now);
      await updateFeedback(conn.db, staff, reference, { status: "closed", reply: null }, now);
      return { key: { reference, secret }, reason: "closed" };
    },
    status: async (ref) => (await conn.db.selectFrom("feedback").select("status").where("reference", "=", ref).executeTakeFirst())?.status,
    withdrawnStatus: "withdrawn",
  },
  "home-modification": {
    action: "homeMod.withdraw",
    make: async () => {
      const secret = nextPhone();
      return { reference: await applyForHomeModification(secret), secret };
    },
    makeTooLate: async () => {
      const secret = nextPhone();
      const reference = await applyForHomeModification(secret);
      await recordHomeModStep(conn.db, staff, reference, homeModStaffSchema.parse({ intent: "assess", visitDate: "2026-12-02", findings: "门槛高" }), now);
      await recordHomeModStep(conn.db, staff, reference, homeModStaffSchema.parse({ intent: "decide", decision: "approve" }), now);
      return { key: { reference, secret }, reason: "homeModDecided" };
    },
    status: async (ref) => (await conn.db.selectFrom("home_mod_applications").select("status").where("reference", "=", ref).executeTakeFirst())?.status,
    withdrawnStatus: "withdrawn",
  },
};

describe.each(Object.entries(cases) as Array<[WithdrawalKind, Case]>)("withdrawing a %s", (kind, c) => {
  it("shows it as open, withdraws it with its audit entry in the same transaction, and keeps the record", async () => {
    const key = await c.make();
    const before = await c.status(key.reference);
    expect((await findForWithdrawal(conn.db, kind, key, now)).state).toEqual({ state: "open" });
    const { result, view } = await expectAuditedTogether(conn.db, { actions: [c.action], run: () => withdraw(conn.db, kind, key, now), observe: () => c.status(key.reference) });
    expect(before).not.toBe(c.withdrawnStatus);
    expect(result).toMatchObject({ outcome: "withdrawn" });
    expect(view).toMatchObject({ kind, reference: key.reference, state: { state: "withdrawn" } });
    expect(await c.status(key.reference)).toBe(c.withdrawnStatus);
    const [entry] = await auditEntries(conn.db, c.action, key.reference);
    expect(entry).toMatchObject({ username: "(self-service)", user_id: null });
  });

  it("a second withdrawal says it is already withdrawn and records nothing more", async () => {
    const key = await c.make();
    await withdraw(conn.db, kind, key, now);
    const { result } = await withdraw(conn.db, kind, key, now);
    expect(result).toMatchObject({ outcome: "alreadyWithdrawn" });
    expect(await auditEntries(conn.db, c.action, key.reference)).toHaveLength(1);
  });

  it("is refused with the reason when it is too late, and nothing changes", async () => {
    const { key, reason, at } = await c.makeTooLate();
    const before = await c.status(key.reference);
    expect((await findForWithdrawal(conn.db, kind, key, at ?? now)).state).toEqual({ state: "tooLate", reason });
    const { result } = await withdraw(conn.db, kind, key, at ?? now);
    expect(result).toMatchObject({ outcome: "tooLate", reason });
    expect(await c.status(key.reference)).toBe(before);
    expect(await auditEntries(conn.db, c.action, key.reference)).toHaveLength(0);
  });

  it("a wrong phone is answered like an unknown reference, and changes nothing", async () => {
    const key = await c.make();
    const before = await c.status(key.reference);
    const wrong = { reference: key.reference, secret: kind === "feedback" ? "someone@example.cn" : "13700000000" };
    await expect(findForWithdrawal(conn.db, kind, wrong, now)).rejects.toBeInstanceOf(NothingToWithdraw);
    await expect(withdraw(conn.db, kind, wrong, now)).rejects.toBeInstanceOf(NothingToWithdraw);
    await expect(withdraw(conn.db, kind, { reference: "ZZ-2345-6789", secret: key.secret }, now)).rejects.toBeInstanceOf(NothingToWithdraw);
    expect(await c.status(key.reference)).toBe(before);
    expect(await auditEntries(conn.db, c.action, key.reference)).toHaveLength(0);
  });
});

describe("what a withdrawal does next", () => {
  it("a device request leaves the staff queue and its kept unit goes back on the shelf", async () => {
    const key = await cases["device-request"].make();
    const unit = await conn.db.selectFrom("lending_units").select("id").where("type_id", "=", typeId).where("status", "=", "available").executeTakeFirstOrThrow();
    await decideRequest(conn.db, staff, key.reference, { decision: "approve", reserveUnitId: unit.id }, now);
    await withdraw(conn.db, "device-request", key, now);
    const queue = await listRequests(conn.db, { status: "open", pageSize: 500 }, now);
    expect(queue.items.map((r) => r.reference)).not.toContain(key.reference);
    expect((await listRequests(conn.db, { status: "withdrawn" }, now)).items.map((r) => r.reference)).toContain(key.reference);
    expect(await conn.db.selectFrom("lending_units").select(["status", "reserved_for"]).where("id", "=", unit.id).executeTakeFirstOrThrow()).toEqual({ status: "available", reserved_for: null });
  });

  it("an activity place is offered to the first person on its waiting list", async () => {
    const id = await createActivity(
      conn.db,
      staff,
      { ...(await getActivity(conn.db, activityId)), associationId: null, capacity: 1, waitlistSize: 2, status: "published" },
      now,
    );
    const first = await signUp(conn.db, id, { name: "甲", phone: "13600000001", needs: [], locale: "zh-CN" }, now);
    const second = await signUp(conn.db, id, { name: "乙", phone: "13600000002", needs: [], locale: "zh-CN" }, now);
    expect(second.status).toBe("waiting");
    await withdraw(conn.db, "activity-signup", { reference: first.reference, secret: "13600000001" }, now);
    // Held for them until they answer the text (app/modules/centre/activity-offers.server.test.ts).
    expect((await findSignup(conn.db, { reference: second.reference, phone: "13600000002" })).status).toBe("offered");
    expect((await auditEntries(conn.db, "activity.signup.withdraw", first.reference))[0].detail).toContain(second.reference);
  });

  it("a withdrawn waiting-list entry is no longer offered seats; the next one is", async () => {
    const withdrawn = await cases["waiting-list"].make();
    await withdraw(conn.db, "waiting-list", withdrawn, now);
    const offered = await conn.db.transaction().execute((trx) => offerFreedSeats(trx, screeningId, now, {}));
    expect(offered).not.toContain(withdrawn.reference);
    expect(offered.length).toBeGreaterThan(0);
    expect((await listWaitingList(conn.db, screeningId)).find((e) => e.id === withdrawn.reference)).toMatchObject({ status: "withdrawn", position: null });

    // Withdrawn while seats are held for it: its offer closes, and the seats are not left held for nobody.
    const offeredKey = { reference: offered[0]!, secret: (await conn.db.selectFrom("cinema_waiting_list").select("phone").where("id", "=", offered[0]!).executeTakeFirstOrThrow()).phone };
    await withdraw(conn.db, "waiting-list", offeredKey, now);
    const offer = await conn.db.selectFrom("cinema_waiting_offers").select("status").where("entry_id", "=", offered[0]!).executeTakeFirstOrThrow();
    expect(offer.status).toBe("withdrawn");
  });

  it("a message sent without a contact cannot be withdrawn online; a withdrawn one shows in the inbox as withdrawn", async () => {
    const { reference } = await submitFeedback(conn.db, feedbackSchema.parse({ topic: "other", message: "匿名" }), "zh-CN", now);
    await expect(findForWithdrawal(conn.db, "feedback", { reference, secret: "" }, now)).rejects.toBeInstanceOf(NothingToWithdraw);
    const key = await cases.feedback.make();
    await withdraw(conn.db, "feedback", key, now);
    expect((await listFeedback(conn.db, { status: "withdrawn" })).items.map((i) => i.reference)).toContain(key.reference);
  });
});
