import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import { bookSeats } from "../cinema/bookings.server";
import { seedCinema } from "../cinema/seed.server";
import type { Connection } from "../db/connection.server";
import { submitFeedback, updateFeedback } from "../feedback/feedback.server";
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
    await updateFeedback(conn.db, closedOld.reference, { status: "closed", reply: null }, old);
    const openOld = await submitFeedback(conn.db, { topic: "other", message: "旧的未处理" }, "zh-CN", old);
    const closedNew = await submitFeedback(conn.db, { topic: "other", message: "新的已办结" }, "zh-CN");
    await updateFeedback(conn.db, closedNew.reference, { status: "closed", reply: null });

    const result = await purgeExpiredPersonalData(conn.db);
    expect(result.feedback).toBe(1);
    const left = (await conn.db.selectFrom("feedback").select("reference").execute()).map((r) => r.reference);
    expect(left).toEqual(expect.arrayContaining([openOld.reference, closedNew.reference]));
    expect(left).not.toContain(closedOld.reference);
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
