import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTwoConnections } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { confirmDraft, createDraft, getDraft, getScreening, holdSeats, listUpcomingScreenings, saveDraft, seedCinema } from "./index.server";

/**
 * A double submit of the booking flow's "confirm" (double click, back button, a second tab, two instances): every
 * submit answers with the same booking and exactly one booking exists, holding the draft's seats once. Submits
 * alternate between two connections on PostgreSQL (two instances).
 */
const now = new Date("2026-12-01T01:00:00Z");
let a: Connection;
let b: Connection;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ a, b, close } = await createTwoConnections());
  await seedCinema(a.db, now);
});
afterAll(async () => close());

async function filledDraft(name: string, tickets: number) {
  const [screening] = await listUpcomingScreenings(a.db, {}, now);
  const draft = await createDraft(a.db, screening.id, now);
  const hold = await holdSeats(a.db, { screeningId: screening.id, party: { tickets } }, now);
  await saveDraft(a.db, draft.id, { tickets, needs: ["headset"], holdId: hold.id, name, phone: "13912340021" }, now);
  return { screening, draft, hold };
}

describe("confirming a booking draft", () => {
  it("eight parallel confirms of one draft make one booking with the held seats, and every confirm answers with it", async () => {
    const { screening, draft, hold } = await filledDraft("并发订座", 2);
    const before = (await getScreening(a.db, screening.id, now)).seatsAvailable;
    const bookings = await Promise.all(
      Array.from({ length: 8 }, (_, i) => confirmDraft(i % 2 ? b.db : a.db, { screeningId: screening.id, draftId: draft.id, locale: "zh-CN" }, now)),
    );
    expect(new Set(bookings.map((x) => x.reference)).size).toBe(1);
    expect(new Set(bookings.map((x) => x.accessToken)).size).toBe(1);
    expect(bookings[0]).toMatchObject({ status: "confirmed", tickets: 2, needs: ["headset"] });
    expect(bookings[0].seats.map((s) => s.id).sort()).toEqual(hold.seats.map((s) => s.id).sort());
    const rows = await a.db.selectFrom("cinema_bookings").select("reference").where("name", "=", "并发订座").execute();
    expect(rows.map((r) => r.reference)).toEqual([bookings[0].reference]);
    expect((await getScreening(a.db, screening.id, now)).seatsAvailable).toBe(before);
    expect(await getDraft(a.db, screening.id, draft.id)).toMatchObject({ bookingReference: bookings[0].reference, holdId: null });
    expect((await confirmDraft(b.db, { screeningId: screening.id, draftId: draft.id, locale: "zh-CN" }, now)).reference).toBe(bookings[0].reference);
  });
});
