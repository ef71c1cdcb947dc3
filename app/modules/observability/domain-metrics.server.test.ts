import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import { bookSeats, cancelBooking, listUpcomingScreenings, seedCinema } from "~/modules/cinema/index.server";
import type { Connection } from "~/modules/db/index.server";
import { createRequest, seedLending } from "~/modules/lending/index.server";
import { cinemaBookings, lendingRequests } from "./metrics.server";

/** The counters an operator watches move with what was committed: once a booking, never for a replay or a refusal. */
const now = new Date("2026-12-01T01:00:00Z");
const contact = { name: "张三", phone: "138 0013 8000" };

async function value(counter: typeof cinemaBookings | typeof lendingRequests, labels: Record<string, string>): Promise<number> {
  const { values } = await counter.get();
  return values.find((v) => Object.entries(labels).every(([k, l]) => (v.labels as Record<string, string | number | undefined>)[k] === l))?.value ?? 0;
}

describe("the bookings and lending counters", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
    await seedCinema(conn.db, now);
    await seedLending(conn.db, now);
  });
  afterAll(async () => conn.db.destroy());

  it("count a booking once when it is made and once when it is cancelled; a replayed key or a second cancel adds nothing", async () => {
    const [screening] = await listUpcomingScreenings(conn.db, {}, now);
    const made = await value(cinemaBookings, { event: "made", source: "api" });
    const cancelled = await value(cinemaBookings, { event: "cancelled", source: "api" });
    const idempotency = { scope: "booking", key: "metrics-test-key-1", fingerprint: "f1" };
    const input = { screeningId: screening.id, party: { tickets: 2 }, contact, locale: "zh-CN", source: "api" as const, idempotency };
    const booking = await bookSeats(conn.db, input, now);
    const replay = await bookSeats(conn.db, input, now);
    expect(replay.reference).toBe(booking.reference);
    expect(await value(cinemaBookings, { event: "made", source: "api" })).toBe(made + 1);

    await cancelBooking(conn.db, { reference: booking.reference, phone: contact.phone }, now);
    await cancelBooking(conn.db, { reference: booking.reference, phone: contact.phone }, now);
    expect(await value(cinemaBookings, { event: "cancelled", source: "api" })).toBe(cancelled + 1);
  });

  it("count a lending request when it is made, by where it came from; a refused one is not counted", async () => {
    const before = await value(lendingRequests, { source: "api" });
    await createRequest(conn.db, { typeId: "reacher", name: "何三", phone: "13900003333", disability: "physical", locale: "zh-CN", source: "api" }, now);
    await expect(createRequest(conn.db, { typeId: "reacher", name: "", phone: "12345", disability: "tall", locale: "zh-CN", source: "api" }, now)).rejects.toThrow();
    expect(await value(lendingRequests, { source: "api" })).toBe(before + 1);
  });
});
