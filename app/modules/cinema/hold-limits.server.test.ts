import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import {
  bookSeats,
  CinemaError,
  confirmHold,
  createDraft,
  createScreening,
  getScreening,
  holdLimits,
  HoldLimit,
  holdSeats,
  saveDraft,
  seedCinema,
  seedHallId,
  SoldOut,
  type HoldView,
} from "./index.server";

/**
 * Seat holds cannot exhaust a hall (issue 12, item 5; ADR 0003): a cap on seats held per client and per phone,
 * and when the hall runs short the holds of clients over one party's share go first — never a confirmed booking,
 * never a seat twice.
 */
const now = new Date("2026-12-01T01:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const contact = { name: "张三", phone: "13800138000" };

let conn: Connection;
beforeAll(async () => {
  conn = await createTestDb();
  await seedCinema(conn.db, now);
});
afterAll(async () => conn.db.destroy());

async function newScreening(title = "测试场次") {
  const s = await createScreening(conn.db, { id: null, username: "cinema-staff" }, {
    hallId: seedHallId,
    title: { zh: title, en: title },
    synopsis: { zh: "", en: "" },
    durationMinutes: 90,
    audioDescription: true,
    captions: false,
    signLanguage: false,
    startsAt: later(7 * 24 * 60).toISOString(),
    bookingOpensAt: later(-60).toISOString(),
    bookingClosesAt: later(7 * 24 * 60 - 60).toISOString(),
  }, now);
  return s.id;
}

/** Every ordinary seat but the last `leave` sold at once, as one confirmed block booking (quicker than parties of four). */
async function fillExcept(screeningId: string, leave: number) {
  const seats = await conn.db.selectFrom("cinema_seats").select("id").where("hall_id", "=", seedHallId).where("wheelchair", "=", 0).orderBy("seat_row").orderBy("seat_number").execute();
  const sold = seats.slice(0, seats.length - leave).map((s) => s.id);
  const reference = `DY-BLK${screeningId.slice(-6)}`;
  await conn.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("cinema_bookings")
      .values({ reference, screening_id: screeningId, name: "团体", phone: contact.phone, tickets: sold.length, need_guide_dog: 0, need_wheelchair: 0, need_escort: 0, need_headset: 0, need_low_vision: 0, seat_ids: sold.join(","), status: "confirmed", access_token: `t-${screeningId}`, locale: "zh-CN", source: "web", created_at: now.toISOString(), cancelled_at: null, checked_in_at: null })
      .execute();
    await trx.insertInto("cinema_booking_seats").values(sold.map((seat_id) => ({ screening_id: screeningId, seat_id, booking_reference: reference, hold_id: null, hold_expires_at: null }))).execute();
  });
  expect((await getScreening(conn.db, screeningId, now)).ordinarySeatsAvailable).toBe(leave);
}

/** Seat ids of every confirmed booking, from the claim rows: what must never change under a release. */
async function soldClaims(screeningId: string) {
  const rows = await conn.db.selectFrom("cinema_booking_seats").select(["seat_id", "booking_reference"]).where("screening_id", "=", screeningId).where("booking_reference", "is not", null).orderBy("seat_id").execute();
  return rows.map((r) => `${r.booking_reference}:${r.seat_id}`);
}

async function liveHoldIds(screeningId: string, at = now) {
  const rows = await conn.db.selectFrom("cinema_holds").select("id").where("screening_id", "=", screeningId).where("expires_at", ">", at.toISOString()).execute();
  return new Set(rows.map((r) => r.id));
}

describe("caps on held seats", () => {
  it("a client holds at most eight seats of a screening; changing seats is not counted twice; other clients and lapsed holds are free", async () => {
    const screeningId = await newScreening();
    const hold = (tickets: number, client: string, extra: { replaceHoldId?: string; at?: Date } = {}) =>
      holdSeats(conn.db, { screeningId, party: { tickets }, client, replaceHoldId: extra.replaceHoldId }, extra.at ?? now);
    const first = await hold(4, "203.0.113.1");
    await hold(4, "203.0.113.1");
    const refused = await hold(1, "203.0.113.1").catch((e) => e);
    expect(refused).toBeInstanceOf(HoldLimit);
    expect(refused).toMatchObject({ who: "client", limit: holdLimits.seatsPerClient, code: "hold_limit" });
    // Replacing a hold (other seats) frees its own count first.
    await hold(4, "203.0.113.1", { replaceHoldId: first.id });
    expect((await hold(2, "203.0.113.2")).seats).toHaveLength(2);
    // Ten minutes on, the holds have lapsed and count no more.
    expect((await hold(4, "203.0.113.1", { at: later(11) })).seats).toHaveLength(4);
  });

  it("a phone holds at most eight seats of a screening, across drafts and clients", async () => {
    const screeningId = await newScreening();
    const phone = "13900001111";
    for (const client of ["198.51.100.1", "198.51.100.2"]) {
      const draft = await createDraft(conn.db, screeningId, now);
      const held = await holdSeats(conn.db, { screeningId, party: { tickets: 4 }, client }, now);
      await saveDraft(conn.db, draft.id, { tickets: 4, needs: [], holdId: held.id, name: "李四", phone }, now);
    }
    const third = await holdSeats(conn.db, { screeningId, party: { tickets: 1 }, client: "198.51.100.3", phone: "139 0000 1111" }, now).catch((e) => e);
    expect(third).toMatchObject({ who: "phone" });
    expect((await holdSeats(conn.db, { screeningId, party: { tickets: 1 }, client: "198.51.100.3", phone: "13900002222" }, now)).seats).toHaveLength(1);
  });
});

describe("when the hall runs short", () => {
  it("releases the oldest holds of clients over one party's share, so a booking fits; other holds and bookings stay", async () => {
    const screeningId = await newScreening();
    await fillExcept(screeningId, 12);
    const older = await holdSeats(conn.db, { screeningId, party: { tickets: 4 }, client: "203.0.113.50" }, now);
    const newer = await holdSeats(conn.db, { screeningId, party: { tickets: 4 }, client: "203.0.113.50" }, later(1));
    const withinShare = await holdSeats(conn.db, { screeningId, party: { tickets: 4 }, client: "203.0.113.60" }, later(1));
    expect((await getScreening(conn.db, screeningId, later(2))).ordinarySeatsAvailable).toBe(0);
    const sold = await soldClaims(screeningId);

    const booking = await bookSeats(conn.db, { screeningId, party: { tickets: 2 }, contact, locale: "zh-CN", source: "api" }, later(2));
    expect(booking.seats).toHaveLength(2);
    const live = await liveHoldIds(screeningId, later(2));
    expect(live.has(older.id)).toBe(false);
    expect(live.has(newer.id)).toBe(true);
    expect(live.has(withinShare.id)).toBe(true);
    // The booking's seats came from the released hold; nothing sold before moved.
    expect(older.seats.map((s) => s.id)).toEqual(expect.arrayContaining(booking.seats.map((s) => s.id)));
    expect((await soldClaims(screeningId)).filter((c) => !c.startsWith(booking.reference))).toEqual(sold);
    // Confirming the released hold tells its owner to choose seats again.
    await expect(confirmHold(conn.db, { holdId: older.id, contact, locale: "zh-CN" }, later(3))).rejects.toMatchObject({ code: "hold_expired" });

    // Everyone is within their share now: the next party that does not fit is told the hall is sold out.
    await bookSeats(conn.db, { screeningId, party: { tickets: 2 }, contact, locale: "zh-CN" }, later(3));
    await expect(bookSeats(conn.db, { screeningId, party: { tickets: 1 }, contact, locale: "zh-CN" }, later(3))).rejects.toBeInstanceOf(SoldOut);
    expect(await liveHoldIds(screeningId, later(3))).toEqual(new Set([newer.id, withinShare.id]));
  });

  it("never touches a confirmed booking and never sells a seat twice, whatever the order of holds, bookings and confirms (property)", async () => {
    const clients = ["c1", "c2"];
    const op = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant("hold" as const), client: fc.constantFrom(...clients), tickets: fc.integer({ min: 1, max: 4 }) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant("book" as const), tickets: fc.integer({ min: 1, max: 2 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("confirm" as const), pick: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("wait" as const), minutes: fc.integer({ min: 1, max: 12 }) }) },
    );
    let releasedEarly = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 6 }), fc.array(op, { minLength: 6, maxLength: 16 }), async (spare, ops) => {
        // A hall nearly full, with one client already over its share (4 + 2 seats held) and `spare` seats free.
        const screeningId = await newScreening("性质测试");
        await fillExcept(screeningId, 6 + spare);
        let t = now.getTime();
        const holds: HoldView[] = [];
        for (const tickets of [4, 2]) holds.push(await holdSeats(conn.db, { screeningId, party: { tickets }, client: "c1" }, new Date((t += 1000))));
        const confirmed = new Map<string, string[]>();
        for (const o of ops) {
          const at = new Date(t);
          try {
            if (o.kind === "hold") holds.push(await holdSeats(conn.db, { screeningId, party: { tickets: o.tickets }, client: o.client }, at));
            else if (o.kind === "book") {
              const b = await bookSeats(conn.db, { screeningId, party: { tickets: o.tickets }, contact, locale: "zh-CN" }, at);
              confirmed.set(b.reference, b.seats.map((s) => s.id).sort());
            } else if (o.kind === "confirm" && holds.length) {
              const [hold] = holds.splice(o.pick % holds.length, 1);
              const b = await confirmHold(conn.db, { holdId: hold.id, contact, locale: "zh-CN" }, at);
              confirmed.set(b.reference, b.seats.map((s) => s.id).sort());
            } else if (o.kind === "wait") t += o.minutes * 60_000;
          } catch (error) {
            if (!(error instanceof CinemaError)) throw error;
          }
          // Every confirmed booking still owns exactly its seats; no seat is claimed twice.
          const claims = await conn.db.selectFrom("cinema_booking_seats").select(["seat_id", "booking_reference", "hold_id"]).where("screening_id", "=", screeningId).execute();
          expect(new Set(claims.map((c) => c.seat_id)).size).toBe(claims.length);
          for (const [reference, seats] of confirmed) {
            expect(claims.filter((c) => c.booking_reference === reference).map((c) => c.seat_id).sort()).toEqual(seats);
          }
          // Holds that went before their time were released for a shortage (counted: the property is not vacuous).
          const liveIds = await liveHoldIds(screeningId, new Date(t));
          for (const h of holds.filter((h) => !liveIds.has(h.id) && h.expiresAt > new Date(t).toISOString())) {
            releasedEarly++;
            holds.splice(holds.indexOf(h), 1);
          }
          // No client holds more than its cap.
          const live = await conn.db.selectFrom("cinema_holds").select(["client", "tickets"]).where("screening_id", "=", screeningId).where("expires_at", ">", new Date(t).toISOString()).execute();
          for (const c of clients) expect(live.filter((h) => h.client === c).reduce((n, h) => n + Number(h.tickets), 0)).toBeLessThanOrEqual(holdLimits.seatsPerClient);
        }
      }),
      { numRuns: 30 },
    );
    expect(releasedEarly).toBeGreaterThan(0);
  }, 120_000);

  it("under concurrency: 120 parallel holds and bookings from twelve clients for the last 16 seats sell no seat twice and keep every booking whole", async () => {
    const screeningId = await newScreening("并发");
    await fillExcept(screeningId, 16);
    const sold = await soldClaims(screeningId);
    const answers = await Promise.allSettled(
      Array.from({ length: 120 }, (_, i) =>
        i % 3 === 0
          ? bookSeats(conn.db, { screeningId, party: { tickets: 1 }, contact, locale: "zh-CN" }, now)
          : holdSeats(conn.db, { screeningId, party: { tickets: 1 + (i % 4) }, client: `203.0.113.${i % 12}` }, now),
      ),
    );
    for (const a of answers) if (a.status === "rejected") expect(a.reason).toBeInstanceOf(CinemaError);
    const claims = await conn.db.selectFrom("cinema_booking_seats").select(["seat_id", "booking_reference"]).where("screening_id", "=", screeningId).execute();
    expect(new Set(claims.map((c) => c.seat_id)).size).toBe(claims.length);
    const after = await soldClaims(screeningId);
    expect(after.filter((c) => sold.includes(c))).toEqual(sold);
    const booked = answers.filter((a, i) => i % 3 === 0 && a.status === "fulfilled").length;
    expect(booked).toBeGreaterThan(0);
    expect(after.length).toBe(sold.length + booked);
  }, 60_000);
});

describe("retention", () => {
  it("removes seat holds, with the client address they keep, a month after they ended", async () => {
    const { purgeExpiredPersonalData } = await import("../privacy/retention.server");
    const screeningId = await newScreening("保留期限");
    const old = await holdSeats(conn.db, { screeningId, party: { tickets: 2 }, client: "203.0.113.99" }, later(0));
    const result = await purgeExpiredPersonalData(conn.db, { now: later(31 * 24 * 60) });
    expect(result["lapsed seat holds"]).toBeGreaterThanOrEqual(1);
    expect(await conn.db.selectFrom("cinema_holds").select("id").where("id", "=", old.id).execute()).toEqual([]);
    expect(await conn.db.selectFrom("cinema_booking_seats").select("seat_id").where("hold_id", "=", old.id).execute()).toEqual([]);
  });
});
