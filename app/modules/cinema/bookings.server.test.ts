import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAuditedTogether, expectNoEntryWhenChangeFails } from "../../../tests/support/audit-outage";
import { createTestDb, testDatabaseUrl } from "../../../tests/support/test-db";
import { migrateToLatest, openDatabase, type Connection } from "../db/index.server";
import {
  bookSeats,
  bookingCalendar,
  bookingsCsv,
  cancelBooking,
  cancelScreening,
  checkIn,
  confirmHold,
  createDraft,
  createScreening,
  extendHold,
  ExtensionLimit,
  findBooking,
  findWaitingEntry,
  getDraft,
  getHold,
  getScreening,
  holdSeats,
  HoldExpired,
  InvalidInput,
  joinWaitingList,
  listBookings,
  listUpcomingScreenings,
  listWaitingList,
  NotFound,
  offerSeats,
  saveDraft,
  seatMap,
  SeatsTaken,
  seedCinema,
  seedHallId,
  SoldOut,
} from "./index.server";
import { withClaimRetry } from "./claims.server";
import { messagesAbout } from "../messages/index.server";

// A Tuesday morning in China; the seed plans screenings from here.
const now = new Date("2026-12-01T01:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const contact = { name: "张三", phone: "138 0013 8000" };
const staff = { id: null, username: "cinema-staff" };

async function firstScreening(conn: Connection) {
  const [first] = await listUpcomingScreenings(conn.db, {}, now);
  return first;
}

/** Books every ordinary seat but `leave` of a screening, in parties of four. */
async function fillExcept(conn: Connection, screeningId: string, leave: number) {
  let left = (await getScreening(conn.db, screeningId, now)).ordinarySeatsAvailable;
  while (left > leave) {
    const tickets = Math.min(4, left - leave);
    await bookSeats(conn.db, { screeningId, party: { tickets }, contact, locale: "zh-CN" }, now);
    left -= tickets;
  }
}

describe("cinema bookings", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
    await seedCinema(conn.db, now);
  });
  afterAll(async () => conn.db.destroy());

  it("seeds the hall and a month of screenings once", async () => {
    expect(await seedCinema(conn.db, now)).toBe(0);
    const screenings = await listUpcomingScreenings(conn.db, {}, now);
    expect(screenings.length).toBeGreaterThanOrEqual(8);
    expect(screenings.length).toBeLessThanOrEqual(14);
    expect(screenings.every((s) => s.audioDescription)).toBe(true);
    expect(screenings[0]).toMatchObject({ seatsTotal: 60, seatsAvailable: 60, ordinarySeatsAvailable: 58, wheelchairSpacesAvailable: 2, booking: "open" });
    const last = screenings[screenings.length - 1];
    expect(Date.parse(last.startsAt) - now.getTime()).toBeLessThanOrEqual(31 * 86_400_000);
    const withCaptions = await listUpcomingScreenings(conn.db, { captions: true }, now);
    expect(withCaptions.length).toBeGreaterThan(0);
    expect(withCaptions.length).toBeLessThan(screenings.length);
  });

  it("holds the best seats, tells them, and turns the hold into a booking", async () => {
    const screening = await firstScreening(conn);
    const offer = await offerSeats(conn.db, screening.id, { tickets: 2 }, now);
    expect(offer.kind).toBe("together");
    const hold = await holdSeats(conn.db, { screeningId: screening.id, party: { tickets: 2 } }, now);
    expect(hold.seats.map((s) => s.id)).toEqual(offer.seats.map((s) => s.id));
    expect(hold.expiresAt).toBe(later(10).toISOString());
    expect((await getScreening(conn.db, screening.id, now)).seatsAvailable).toBe(58);

    const booking = await confirmHold(conn.db, { holdId: hold.id, contact, needs: ["guideDog"], locale: "zh-CN" }, later(3));
    expect(booking).toMatchObject({ status: "confirmed", tickets: 2, needs: ["guideDog"], phoneMasked: "138****8000" });
    expect(booking.reference).toMatch(/^DY-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(booking.seats.map((s) => s.id)).toEqual(hold.seats.map((s) => s.id));
    // The seats stay taken after the hold's time: they are sold.
    expect((await getScreening(conn.db, screening.id, later(30))).seatsAvailable).toBe(58);
    const map = await seatMap(conn.db, screening.id, later(30));
    expect(map.filter((s) => s.state === "taken").map((s) => s.id).sort()).toEqual(hold.seats.map((s) => s.id).sort());
  });

  it("texts the person a confirmation in the booking's own transaction: film, time, seats in words, reference, how to cancel", async () => {
    const screening = await firstScreening(conn);
    const booking = await bookSeats(conn.db, { screeningId: screening.id, party: { tickets: 1 }, contact, locale: "zh-CN" }, now);
    const [message] = await messagesAbout(conn.db, { type: "cinema_booking", id: booking.reference });
    expect(message).toMatchObject({ channel: "sms", status: "queued", reference: booking.reference, recipient: "138****8000" });
    expect(message.body).toContain(`《${screening.title.zh}》`);
    expect(message.body).toContain(booking.reference);
    expect(message.body).toMatch(/第\d+排\d+号/);
    expect(message.body).toContain("取消");
    expect(message.body).not.toMatch(/138\s?0013\s?8000/);

    const english = await bookSeats(conn.db, { screeningId: screening.id, party: { tickets: 1 }, contact, locale: "en" }, now);
    const [en] = await messagesAbout(conn.db, { type: "cinema_booking", id: english.reference });
    expect(en.body).toContain(screening.title.en);
    expect(en.body).toMatch(/Row \d+, seat \d+/);
  });

  it("extends a hold by ten more minutes each time, ten times, then says no; a lapsed hold frees its seats and cannot be confirmed", async () => {
    const screening = await firstScreening(conn);
    const hold = await holdSeats(conn.db, { screeningId: screening.id, party: { tickets: 1 } }, now);
    // Ten minutes are added to what is left, so asking early costs nothing.
    const once = await extendHold(conn.db, hold.id, later(2));
    expect(once.expiresAt).toBe(later(20).toISOString());
    let last = once;
    for (let i = 2; i <= 10; i++) last = await extendHold(conn.db, hold.id, later(2 + i));
    expect(last.expiresAt).toBe(later(110).toISOString());
    expect(last.canExtend).toBe(false);
    await expect(extendHold(conn.db, hold.id, later(20))).rejects.toBeInstanceOf(ExtensionLimit);
    await expect(getHold(conn.db, hold.id, later(111))).rejects.toBeInstanceOf(HoldExpired);
    await expect(confirmHold(conn.db, { holdId: hold.id, contact, locale: "zh-CN" }, later(111))).rejects.toBeInstanceOf(HoldExpired);
    const map = await seatMap(conn.db, screening.id, later(111));
    expect(map.find((s) => s.id === hold.seats[0].id)?.state).toBe("free");
  });

  it("lets a person choose seats, and refuses seats someone else has", async () => {
    const screening = await firstScreening(conn);
    const hold = await holdSeats(conn.db, { screeningId: screening.id, party: { tickets: 2 }, seatIds: ["r1s1", "r1s2"] }, now);
    expect(hold.kind).toBe("chosen");
    await expect(
      holdSeats(conn.db, { screeningId: screening.id, party: { tickets: 2 }, seatIds: ["r1s2", "r1s3"] }, now),
    ).rejects.toBeInstanceOf(SeatsTaken);
    await expect(
      holdSeats(conn.db, { screeningId: screening.id, party: { tickets: 1 }, seatIds: ["r6s1"] }, now),
    ).rejects.toBeInstanceOf(InvalidInput);
    // Changing seats releases the old hold in the same step.
    const moved = await holdSeats(conn.db, { screeningId: screening.id, party: { tickets: 2 }, seatIds: ["r1s2", "r1s3"], replaceHoldId: hold.id }, now);
    expect(moved.seats.map((s) => s.id)).toEqual(["r1s2", "r1s3"]);
    await expect(getHold(conn.db, hold.id, now)).rejects.toBeInstanceOf(HoldExpired);
  });

  it("enforces the rules: 1–4 tickets, a valid mobile, the booking window", async () => {
    const screening = await firstScreening(conn);
    const book = (party: { tickets: number }, at = now, c = contact, id = screening.id) =>
      bookSeats(conn.db, { screeningId: id, party, contact: c, locale: "zh-CN" }, at);
    await expect(book({ tickets: 0 })).rejects.toBeInstanceOf(InvalidInput);
    await expect(book({ tickets: 5 })).rejects.toBeInstanceOf(InvalidInput);
    await expect(book({ tickets: 1 }, now, { name: "", phone: "12345" })).rejects.toMatchObject({ fields: { name: "required", phone: "invalidPhone" } });
    await expect(book({ tickets: 1 }, new Date(screening.bookingClosesAt))).rejects.toMatchObject({ reason: "closed" });
    await expect(book({ tickets: 1 }, new Date(Date.parse(screening.startsAt) + 60_000))).rejects.toMatchObject({ reason: "past" });
    await expect(book({ tickets: 1 }, now, contact, "no-such-screening")).rejects.toBeInstanceOf(NotFound);
    const future = await createScreening(
      conn.db,
      staff,
      {
        hallId: seedHallId,
        title: { zh: "测试影片", en: "Test film" },
        synopsis: { zh: "", en: "" },
        durationMinutes: 90,
        audioDescription: true,
        captions: false,
        signLanguage: false,
        startsAt: later(60 * 24 * 40).toISOString(),
        bookingOpensAt: later(60 * 24 * 20).toISOString(),
        bookingClosesAt: later(60 * 24 * 40 - 120).toISOString(),
      },
      now,
    );
    await expect(book({ tickets: 1 }, now, contact, future.id)).rejects.toMatchObject({ reason: "notOpenYet" });
  });

  it("finds and cancels a booking only with the right phone; the freed seats go to the waiting list in order", async () => {
    const [, screening] = await listUpcomingScreenings(conn.db, {}, now);
    await fillExcept(conn, screening.id, 2);
    const booking = await bookSeats(conn.db, { screeningId: screening.id, party: { tickets: 2 }, contact: { name: "李四", phone: "13900001111" }, locale: "zh-CN" }, now);
    await expect(bookSeats(conn.db, { screeningId: screening.id, party: { tickets: 1 }, contact, locale: "zh-CN" }, now)).rejects.toBeInstanceOf(SoldOut);

    const first = await joinWaitingList(conn.db, { screeningId: screening.id, contact, tickets: 3, locale: "zh-CN" }, later(1));
    const second = await joinWaitingList(conn.db, { screeningId: screening.id, contact: { name: "王五", phone: "13700002222" }, tickets: 2, locale: "zh-CN" }, later(2));
    expect([first.position, second.position]).toEqual([1, 2]);

    const wrongPhone = await cancelBooking(conn.db, { reference: booking.reference, phone: "13900009999" }, now).catch((e) => e);
    const unknown = await cancelBooking(conn.db, { reference: "DY-AAAA-AAAA", phone: "13900001111" }, now).catch((e) => e);
    expect(wrongPhone).toBeInstanceOf(NotFound);
    expect(unknown).toBeInstanceOf(NotFound);
    expect(wrongPhone.message).toBe(unknown.message);

    expect((await findBooking(conn.db, { reference: booking.reference.toLowerCase(), phone: "139-0000-1111" })).reference).toBe(booking.reference);
    expect((await findBooking(conn.db, { reference: booking.reference, token: booking.accessToken })).reference).toBe(booking.reference);
    await expect(findBooking(conn.db, { reference: booking.reference, token: "x".repeat(22) })).rejects.toBeInstanceOf(NotFound);

    // The cancellation, the offer of its seats and its entry commit together, or none of them does.
    const cancel = () => cancelBooking(conn.db, { reference: booking.reference, phone: "13900001111" }, later(5));
    const state = async () => ({
      booking: (await findBooking(conn.db, { reference: booking.reference, token: booking.accessToken })).status,
      waiting: (await findWaitingEntry(conn.db, screening.id, second.id)).status,
    });
    await expectNoEntryWhenChangeFails(conn.db, { action: "cinema.booking.cancel", table: "cinema_waiting_list", operation: "update", run: cancel });
    const { booking: cancelled, offeredTo } = await expectAuditedTogether(conn.db, { actions: ["cinema.booking.cancel"], run: cancel, observe: state });
    expect(cancelled.status).toBe("cancelled");
    // The first in line needs three seats; only two were freed, so the second (a party of two) is offered them.
    expect(offeredTo).toEqual([second.id]);
    expect((await findWaitingEntry(conn.db, screening.id, second.id)).status).toBe("offered");
    expect((await listWaitingList(conn.db, screening.id)).map((e) => e.phoneMasked)).toEqual(["138****8000", "137****2222"]);
    // The two seats are held for them: nobody else can book them while the offer is open (offers.server.test.ts).
    expect((await getScreening(conn.db, screening.id, later(5))).ordinarySeatsAvailable).toBe(0);
    // Cancelling again changes nothing.
    expect((await cancelBooking(conn.db, { reference: booking.reference, phone: "13900001111" }, later(6))).offeredTo).toEqual([]);
    // The person's own cancellation is in the audit log once, as self-service, with who was offered the seats.
    const audit = await conn.db.selectFrom("audit_log").select(["username", "action", "detail"]).where("target_id", "=", booking.reference).execute();
    expect(audit).toEqual([{ username: "(self-service)", action: "cinema.booking.cancel", detail: `seats offered to ${second.id}` }]);
  });

  it("gives the staff pages what they need: the door list, check-in, CSV with masked phones, a call list", async () => {
    const [, , screening] = await listUpcomingScreenings(conn.db, {}, now);
    const booking = await bookSeats(conn.db, { screeningId: screening.id, party: { tickets: 3, needs: ["wheelchair", "escort"] }, contact: { name: "赵六", phone: "13600003333" }, locale: "zh-CN" }, now);
    expect(booking.seats.some((s) => s.wheelchair)).toBe(true);
    expect((await listBookings(conn.db, screening.id, { query: "赵" })).map((b) => b.reference)).toEqual([booking.reference]);
    await checkIn(conn.db, staff, booking.reference, now);
    await checkIn(conn.db, staff, booking.reference, now);
    const [row] = await listBookings(conn.db, screening.id, { query: booking.reference.toLowerCase() });
    expect(row.status).toBe("checked_in");
    const csv = bookingsCsv([row]);
    expect(csv).toContain("136****3333");
    expect(csv).not.toContain("13600003333");
    const callList = await cancelScreening(conn.db, staff, screening.id, now);
    expect(callList.map((c) => c.phone)).toEqual([]); // the checked-in party is not "confirmed" any more
    const other = (await listUpcomingScreenings(conn.db, {}, now))[3];
    await bookSeats(conn.db, { screeningId: other.id, party: { tickets: 1 }, contact: { name: "孙七", phone: "13500004444" }, locale: "en" }, now);
    expect((await cancelScreening(conn.db, staff, other.id, now)).map((c) => c.phone)).toEqual(["13500004444"]);
    await expect(bookSeats(conn.db, { screeningId: other.id, party: { tickets: 1 }, contact, locale: "en" }, now)).rejects.toMatchObject({ reason: "cancelled" });
    expect((await listUpcomingScreenings(conn.db, {}, now)).some((s) => s.id === other.id)).toBe(false);
  });

  it("keeps a booking draft on the server", async () => {
    const screening = await firstScreening(conn);
    const draft = await createDraft(conn.db, screening.id, now);
    expect(draft.id).toMatch(/^[\w-]{22}$/);
    await saveDraft(conn.db, draft.id, { tickets: 3, needs: ["headset", "guideDog"] }, now);
    expect(await getDraft(conn.db, screening.id, draft.id)).toMatchObject({ tickets: 3, needs: ["guideDog", "headset"], holdId: null });
    await expect(getDraft(conn.db, "another", draft.id)).rejects.toBeInstanceOf(NotFound);
  });

  it("writes a calendar file for the booking", async () => {
    const screening = await firstScreening(conn);
    const booking = await bookSeats(conn.db, { screeningId: screening.id, party: { tickets: 1 }, contact, locale: "zh-CN" }, now);
    const { filename, body } = await bookingCalendar(conn.db, { reference: booking.reference, token: booking.accessToken }, "zh-CN");
    expect(filename).toBe(`${booking.reference}.ics`);
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body).toContain(`DTSTART:${screening.startsAt.replace(/[-:]/g, "").replace(".000", "")}`);
    expect(body).toContain(booking.reference);
    expect(body).not.toContain("13800138000");
    expect(body.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it("retries when a concurrent claim wins the race, then says SoldOut", async () => {
    const screening = await firstScreening(conn);
    let attempts = 0;
    const race = Object.assign(new Error("UNIQUE constraint failed: cinema_booking_seats.screening_id"), { code: "SQLITE_CONSTRAINT_PRIMARYKEY" });
    const value = await withClaimRetry(conn.db, screening.id, now, async () => {
      attempts++;
      if (attempts < 3) throw race;
      return "ok";
    });
    expect([value, attempts]).toEqual(["ok", 3]);
    await expect(withClaimRetry(conn.db, screening.id, now, async () => Promise.reject(race))).rejects.toBeInstanceOf(SoldOut);
    // And the database itself refuses a second claim on a seat.
    const held = await holdSeats(conn.db, { screeningId: screening.id, party: { tickets: 1 } }, now);
    await expect(
      conn.db
        .insertInto("cinema_booking_seats")
        .values({ screening_id: screening.id, seat_id: held.seats[0].id, booking_reference: null, hold_id: held.id, hold_expires_at: later(10).toISOString() })
        .execute(),
    ).rejects.toThrow(/UNIQUE|duplicate key/);
  });
});

describe("200 parallel bookings for the last 20 seats (a real database: SQLite file or PostgreSQL)", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = openDatabase(await testDatabaseUrl());
    await migrateToLatest(conn.db);
    await seedCinema(conn.db, now);
  });
  afterAll(async () => {
    await conn.db.destroy();
  });

  it("confirms exactly 20, never sells a seat twice, and tells the rest SoldOut", async () => {
    const screening = await firstScreening(conn);
    await fillExcept(conn, screening.id, 20);
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        bookSeats(conn.db, { screeningId: screening.id, party: { tickets: 1 }, contact: { name: `观众${i}`, phone: "13800138000" }, locale: "zh-CN" }, now),
      ),
    );
    const ms = performance.now() - started;
    const confirmed = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(confirmed).toHaveLength(20);
    expect(refused).toHaveLength(180);
    expect(refused.every((r) => r.reason instanceof SoldOut)).toBe(true);
    const claims = await conn.db.selectFrom("cinema_booking_seats").select("seat_id").where("screening_id", "=", screening.id).execute();
    expect(new Set(claims.map((c) => c.seat_id)).size).toBe(claims.length);
    expect((await getScreening(conn.db, screening.id, now)).ordinarySeatsAvailable).toBe(0);
    console.log(`[cinema] module: 200 parallel bookings, last 20 seats → ${confirmed.length} confirmed, ${refused.length} SoldOut in ${ms.toFixed(0)} ms`);
  });
});
