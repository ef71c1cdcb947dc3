import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import { bookSeats } from "../cinema/bookings.server";
import { seedCinema } from "../cinema/seed.server";
import type { Connection } from "../db/connection.server";
import { submitFeedback, updateFeedback } from "../feedback/feedback.server";
import type { MessageStatus } from "../messages/message-constants";
import { purgeExpiredPersonalData, retentionMonths } from "./retention.server";

const years = (n: number, from = new Date()) => new Date(from.getTime() - n * 365 * 86_400_000);

describe("retention of personal data", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
  });
  afterAll(async () => conn.db.destroy());

  it("reads RETENTION_MONTHS, 24 by default", () => {
    expect(retentionMonths({})).toBe(24);
    expect(retentionMonths({ RETENTION_MONTHS: "6" })).toBe(6);
    expect(retentionMonths({ RETENTION_MONTHS: "nonsense" })).toBe(24);
  });

  it("removes closed feedback older than the period, and keeps open or recent messages", async () => {
    const old = years(3);
    const closedOld = await submitFeedback(conn.db, { topic: "other", message: "旧的已办结" }, "zh-CN", old);
    await updateFeedback(conn.db, { id: null, username: "content-staff" }, closedOld.reference, { status: "closed", reply: null }, old);
    const openOld = await submitFeedback(conn.db, { topic: "other", message: "旧的未处理" }, "zh-CN", old);
    const closedNew = await submitFeedback(conn.db, { topic: "other", message: "新的已办结" }, "zh-CN");
    await updateFeedback(conn.db, { id: null, username: "content-staff" }, closedNew.reference, { status: "closed", reply: null });

    const result = await purgeExpiredPersonalData(conn.db);
    expect(result.feedback).toBe(1);
    const left = (await conn.db.selectFrom("feedback").select("reference").execute()).map((r) => r.reference);
    expect(left).toEqual(expect.arrayContaining([openOld.reference, closedNew.reference]));
    expect(left).not.toContain(closedOld.reference);
  });

  it("removes old messages once they are done with (sent, given up or cancelled), never one still to send", async () => {
    const old = years(3);
    const row = (id: string, status: MessageStatus, createdAt: Date) => ({
      id, channel: "sms" as const, recipient: "13800000001", locale: "zh-CN", template: "feedbackReply", params: "{}", subject: "s", body: "b",
      reference: id, target_type: "feedback", target_id: id, status, attempts: 0, next_attempt_at: createdAt.toISOString(), created_at: createdAt.toISOString(),
    });
    await conn.db
      .insertInto("outbox_messages")
      .values([row("RT-SENT", "sent", old), row("RT-FAILED", "failed", old), row("RT-CANCELLED", "cancelled", old), row("RT-QUEUED", "queued", old), row("RT-NEW", "sent", new Date())])
      .execute();
    const result = await purgeExpiredPersonalData(conn.db);
    expect(result.messages).toBe(3);
    const left = (await conn.db.selectFrom("outbox_messages").select("id").where("id", "like", "RT-%").orderBy("id").execute()).map((r) => r.id);
    expect(left).toEqual(["RT-NEW", "RT-QUEUED"]);
  });

  it("strips the name and phone from bookings of screenings long past, keeping the booking for the figures", async () => {
    const then = years(3);
    await seedCinema(conn.db, then);
    const screening = await conn.db.selectFrom("cinema_screenings").select("id").orderBy("starts_at").executeTakeFirstOrThrow();
    const booking = await bookSeats(
      conn.db,
      { screeningId: screening.id, party: { tickets: 2 }, contact: { name: "李华", phone: "13800138000" }, locale: "zh-CN" },
      new Date(then.getTime() + 60_000),
    );
    const result = await purgeExpiredPersonalData(conn.db);
    expect(result["cinema bookings"]).toBeGreaterThanOrEqual(1);
    const row = await conn.db.selectFrom("cinema_bookings").selectAll().where("reference", "=", booking.reference).executeTakeFirstOrThrow();
    expect(row.phone).toBe("");
    expect(row.name).not.toContain("李华");
    expect((await purgeExpiredPersonalData(conn.db))["cinema bookings"]).toBe(0);
  });
});

describe("retention of device requests", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
  });
  afterAll(async () => conn.db.destroy());

  it("strips closed requests older than the period and leaves open ones alone", async () => {
    const { seedLending } = await import("../lending/seed.server");
    await seedLending(conn.db);
    const old = years(3).toISOString();
    const requests = await conn.db.selectFrom("lending_requests").select(["reference", "status"]).execute();
    expect(requests.length).toBeGreaterThan(0);
    await conn.db.updateTable("lending_requests").set({ updated_at: old }).execute();
    await conn.db.updateTable("lending_requests").set({ status: "rejected" }).where("reference", "=", requests[0].reference).execute();
    await conn.db.updateTable("lending_requests").set({ status: "pending" }).where("reference", "!=", requests[0].reference).execute();
    const result = await purgeExpiredPersonalData(conn.db);
    expect(result["device requests"]).toBe(1);
    const rows = await conn.db.selectFrom("lending_requests").select(["reference", "phone", "certificate_hash"]).execute();
    const stripped = rows.find((r) => r.reference === requests[0].reference)!;
    expect(stripped.phone).toBe("");
    expect(stripped.certificate_hash).toBeNull();
    expect(rows.filter((r) => r.reference !== requests[0].reference).every((r) => r.phone !== "")).toBe(true);
  });
});

/**
 * Every rule that issue 12 found untested or missing: what is past the period goes (or loses the person), what is
 * open or recent stays. Rows are written with old dates directly; the purge runs at "now".
 */
describe("retention of every other kind of personal record", () => {
  let conn: Connection;
  const now = new Date("2026-11-26T02:00:00Z");
  const old = years(3, now).toISOString();
  const recent = new Date(now.getTime() - 86_400_000).toISOString();
  const weeksAgo = new Date(now.getTime() - 45 * 86_400_000).toISOString();
  const purge = () => purgeExpiredPersonalData(conn.db, { now });
  const removedName = (name: string) => !name.includes("李") && name.length > 0;

  beforeAll(async () => {
    conn = await createTestDb();
    const { seedLending } = await import("../lending/seed.server");
    await seedLending(conn.db, now);
    await seedCinema(conn.db, years(3, now));
  });
  afterAll(async () => conn.db.destroy());

  async function screenings() {
    const past = await conn.db.selectFrom("cinema_screenings").selectAll().orderBy("starts_at").executeTakeFirstOrThrow();
    const future = { ...past, id: `${past.id}-future`, starts_at: new Date(now.getTime() + 7 * 86_400_000).toISOString() };
    if (!(await conn.db.selectFrom("cinema_screenings").select("id").where("id", "=", future.id).executeTakeFirst())) {
      await conn.db.insertInto("cinema_screenings").values(future).execute();
    }
    return { past: past.id, future: future.id };
  }

  it("removes the waiting list of screenings long past and keeps that of coming ones", async () => {
    const { past, future } = await screenings();
    const entry = (id: string, screening: string) => ({ id, screening_id: screening, name: "李四", phone: "13800000001", tickets: 1, status: "waiting", locale: "zh-CN", created_at: old, offered_at: null });
    await conn.db.insertInto("cinema_waiting_list").values([entry("w-old", past), entry("w-new", future)]).execute();
    expect((await purge())["cinema waiting list"]).toBe(1);
    expect((await conn.db.selectFrom("cinema_waiting_list").select("id").execute()).map((r) => r.id)).toEqual(["w-new"]);
  });

  it("removes guided-form drafts (a booking's, the eligibility check's) at their expiry, or 30 days untouched at the latest", async () => {
    const { future } = await screenings();
    const later = new Date(now.getTime() + 86_400_000).toISOString();
    const flowDraft = (id: string, flow: string, scope: string, updated: string, expires: string) => ({ id, flow, scope, payload: '{"category":"physical"}', reference: null, locale: "zh-CN", created_at: updated, updated_at: updated, expires_at: expires });
    await conn.db
      .insertInto("flow_drafts")
      // Expired yesterday (health details: gone at the first purge after), and (a clock set wrong) 45 days untouched.
      .values([
        flowDraft("f-expired", "eligibility-check", "", recent, recent),
        flowDraft("f-untouched", "eligibility-check", "", weeksAgo, later),
        flowDraft("f-live", "eligibility-check", "", recent, later),
        // Booking drafts are guided-form drafts too (migration 0022).
        flowDraft("f-booking-old", "cinema-booking", future, weeksAgo, weeksAgo),
        flowDraft("f-booking-live", "cinema-booking", future, recent, later),
      ])
      .execute();

    const result = await purge();
    expect(result).toMatchObject({ "guided-form drafts": 3 });
    expect((await conn.db.selectFrom("flow_drafts").select("id").where("id", "like", "f-%").orderBy("id").execute()).map((r) => r.id)).toEqual(["f-booking-live", "f-live"]);
  });

  it("strips decided library-card applications older than the period of name, phone, certificate and address; pending or recent ones stay", async () => {
    const card = (reference: string, status: string, decided: string | null) => ({
      reference,
      name: "李华",
      phone: "13800000003",
      disability: "vision",
      certificate_hash: "ab12cd34:".padEnd(73, "0"),
      certificate_masked: "****************3X11",
      format: "braille",
      collect: "delivery",
      address: "清城区某路1号",
      status,
      reason: null,
      decided_by: decided ? "wang" : null,
      decided_at: decided,
      locale: "zh-CN",
      created_at: old,
      updated_at: decided ?? old,
    });
    await conn.db.insertInto("centre_library_cards").values([card("TS-OLD1", "issued", old), card("TS-OLD2", "refused", old), card("TS-PEND", "pending", null), card("TS-NEW1", "issued", recent)]).execute();
    expect((await purge())["library card applications"]).toBe(2);
    const rows = await conn.db.selectFrom("centre_library_cards").selectAll().orderBy("reference").execute();
    for (const row of rows.filter((r) => r.reference.startsWith("TS-OLD"))) {
      expect(row).toMatchObject({ phone: "", certificate_hash: null, certificate_masked: null, address: null });
      expect(removedName(row.name)).toBe(true);
    }
    for (const row of rows.filter((r) => !r.reference.startsWith("TS-OLD"))) expect(row).toMatchObject({ name: "李华", phone: "13800000003", address: "清城区某路1号" });
    expect((await purge())["library card applications"]).toBe(0);
  });

  it("strips sign-ups of activities held before the period of name and phone, keeping status and attendance", async () => {
    const activity = (id: string, startsAt: string) => ({
      id,
      type: "training",
      association_id: null,
      title_zh: "培训",
      title_en: "Course",
      summary_zh: "",
      summary_en: "",
      place_zh: "",
      place_en: "",
      starts_at: startsAt,
      duration_minutes: 60,
      capacity: 5,
      waitlist_size: 0,
      accessibility: "",
      signup_opens_at: old,
      signup_closes_at: startsAt,
      status: "published",
      example: 0,
      created_at: old,
      updated_at: old,
    });
    await conn.db.insertInto("centre_activities").values([activity("a-old", old), activity("a-new", new Date(now.getTime() + 86_400_000).toISOString())]).execute();
    const signup = (reference: string, activityId: string) => ({ reference, activity_id: activityId, name: "李华", phone: "13800000004", needs: "", status: "confirmed", attended: 1, locale: "zh-CN", created_at: old, cancelled_at: null });
    await conn.db.insertInto("centre_signups").values([signup("HD-OLD1", "a-old"), signup("HD-NEW1", "a-new")]).execute();
    expect((await purge())["activity sign-ups"]).toBe(1);
    const [gone, kept] = await conn.db.selectFrom("centre_signups").selectAll().orderBy("reference", "desc").execute();
    expect(gone).toMatchObject({ reference: "HD-OLD1", phone: "", status: "confirmed", attended: 1 });
    expect(removedName(gone.name)).toBe(true);
    expect(kept).toMatchObject({ reference: "HD-NEW1", name: "李华", phone: "13800000004" });
  });

  it("removes assistant questions older than the period", async () => {
    const question = (id: string, at: string) => ({ id, conversation_id: "c", question: "我的电话是139****5678", locale: "zh-CN", status: "answered", grounded: 1, citations: "[]", answer: "{}", created_at: at, helpful: null });
    await conn.db.insertInto("chat_questions").values([question("q-old", old), question("q-new", recent)]).execute();
    expect((await purge())["assistant questions"]).toBe(1);
    expect((await conn.db.selectFrom("chat_questions").select("id").execute()).map((r) => r.id)).toEqual(["q-new"]);
  });

  it("removes staff sessions 30 days after they expired, and rate-limit counters after a day", async () => {
    const { createStaffUser } = await import("../staff/users.server");
    const { cliActor } = await import("../staff/audit.server");
    const user = await createStaffUser(conn.db, cliActor, { username: "retention-staff", password: "a long enough password", roles: ["cinema"] });
    const session = (id: string, expires: string) => ({ id, user_id: user.id, created_at: old, last_seen_at: old, expires_at: expires, revoked: 0 });
    await conn.db.insertInto("staff_sessions").values([session("s-old", weeksAgo), session("s-live", new Date(now.getTime() + 3600_000).toISOString())]).execute();
    const counter = (key: string, at: number) => ({ key, window_start: at, count: 3 });
    await conn.db.insertInto("rate_limits").values([counter("booking:192.0.2.1:old", now.getTime() - 2 * 86_400_000), counter("booking:192.0.2.1:now", now.getTime() - 60_000)]).execute();
    const result = await purge();
    expect(result).toMatchObject({ "expired staff sessions": 1, "rate-limit counters": 1 });
    expect((await conn.db.selectFrom("staff_sessions").select("id").execute()).map((r) => r.id)).toEqual(["s-live"]);
    expect((await conn.db.selectFrom("rate_limits").select("key").execute()).map((r) => r.key)).toEqual(["booking:192.0.2.1:now"]);
  });

  it("strips staff accounts deactivated and untouched for the whole period of their display name and password; others stay", async () => {
    const { createStaffUser } = await import("../staff/users.server");
    const { cliActor, recordAudit } = await import("../staff/audit.server");
    const make = async (username: string, active: number) => {
      const user = await createStaffUser(conn.db, cliActor, { username, displayName: "陈丽", password: "a long enough password", roles: ["content"] }, new Date(old));
      await conn.db.updateTable("staff_users").set({ active }).where("id", "=", user.id).execute();
      return user;
    };
    const gone = await make("left-long-ago", 0);
    const recentlyDeactivated = await make("left-last-week", 0);
    await recordAudit(conn.db, { id: null, username: "admin" }, { action: "user.deactivate", targetType: "staff_user", targetId: recentlyDeactivated.id }, new Date(recent));
    const active = await make("still-here", 1);
    expect((await purge())["deactivated staff accounts"]).toBe(1);
    const rows = await conn.db.selectFrom("staff_users").selectAll().where("id", "in", [gone.id, recentlyDeactivated.id, active.id]).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(gone.id)).toMatchObject({ username: "left-long-ago", password_hash: "!" });
    expect(byId.get(gone.id)!.display_name).not.toBe("陈丽");
    expect(byId.get(recentlyDeactivated.id)!.display_name).toBe("陈丽");
    expect(byId.get(active.id)!.display_name).toBe("陈丽");
    expect((await purge())["deactivated staff accounts"]).toBe(0);
  });
});
