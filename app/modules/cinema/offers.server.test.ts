import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTwoConnections } from "../../../tests/support/test-db";
import { sentText } from "../../../tests/support/sent-text";
import type { Connection } from "../db/index.server";
import { LogChannel, messagesAbout, startMessageWorker } from "../messages/index.server";
import {
  acceptOffer,
  bookSeats,
  cancelBooking,
  cancelScreening,
  declineOffer,
  expireWaitingOffers,
  findOffer,
  findWaitingEntry,
  getScreening,
  joinWaitingList,
  listOfferChain,
  listUpcomingScreenings,
  NotFound,
  OfferClosed,
  seedCinema,
  setWaitingStatus,
  SoldOut,
} from "./index.server";

// A Tuesday morning in China (09:00, outside SMS quiet hours); the seed plans screenings from here.
const now = new Date("2026-12-01T01:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const staff = { id: null, username: "cinema-staff" };

let two: Awaited<ReturnType<typeof createTwoConnections>>;
let conn: Connection;
let screeningIndex = 0;

beforeAll(async () => {
  two = await createTwoConnections();
  conn = two.a;
  await seedCinema(conn.db, now);
});
afterAll(async () => two.close());
afterEach(() => vi.unstubAllEnvs());

/** Books every ordinary seat but `leave` of a screening, in parties of four. */
async function fillExcept(screeningId: string, leave: number) {
  let left = (await getScreening(conn.db, screeningId, now)).ordinarySeatsAvailable;
  while (left > leave) {
    const tickets = Math.min(4, left - leave);
    await bookSeats(conn.db, { screeningId, party: { tickets }, contact: { name: "预先订座", phone: "13700000000" }, locale: "zh-CN" }, now);
    left -= tickets;
  }
}

/**
 * A full screening (its own, one per test) with `waiting` people on its list (parties of two, in order), then a
 * booking of two cancelled: the first person waiting is offered its seats. Returns the entries and the open offer.
 */
async function offerOpen(options: { waiting?: number; leave?: number } = {}) {
  const screenings = await listUpcomingScreenings(conn.db, {}, now);
  const screening = screenings[screeningIndex++ % screenings.length];
  const leave = options.leave ?? 0;
  await fillExcept(screening.id, leave + 2);
  const booking = await bookSeats(conn.db, { screeningId: screening.id, party: { tickets: 2 }, contact: { name: "退票人", phone: "13900001111" }, locale: "zh-CN" }, now);
  const entries = [];
  for (let i = 0; i < (options.waiting ?? 2); i++) {
    const phone = `1360000${String(1000 + screeningIndex * 10 + i)}`;
    const entry = await joinWaitingList(conn.db, { screeningId: screening.id, contact: { name: `候补${i + 1}`, phone }, tickets: 2, locale: i === 1 ? "en" : "zh-CN" }, later(1 + i));
    entries.push({ ...entry, phone });
  }
  const { offeredTo } = await cancelBooking(conn.db, { reference: booking.reference, token: booking.accessToken }, later(10));
  expect(offeredTo).toEqual([entries[0].id]);
  return { screening, booking, entries, offer: await tokenOf(entries[0].id) };
}

/** The sweep looks at every screening: earlier tests' offers are closed so that its counts are this test's. */
async function closeOtherOffers() {
  await conn.db.updateTable("cinema_waiting_offers").set({ status: "withdrawn" }).where("status", "=", "open").execute();
}

async function tokenOf(entryId: string) {
  const row = await conn.db.selectFrom("cinema_waiting_offers").selectAll().where("entry_id", "=", entryId).where("status", "=", "open").executeTakeFirstOrThrow();
  return { reference: entryId, token: row.token, seatIds: row.seat_ids.split(","), expiresAt: row.expires_at };
}

describe("waiting-list offers", () => {
  it("holds the freed seats for the first person waiting and texts them the film, time, seats, deadline and a secret link", async () => {
    vi.stubEnv("PUBLIC_ORIGIN", "https://access.example.cn");
    const { screening, entries, offer } = await offerOpen();
    // Held: the seats are not free for anyone else.
    expect((await getScreening(conn.db, screening.id, later(11))).ordinarySeatsAvailable).toBe(0);
    await expect(bookSeats(conn.db, { screeningId: screening.id, party: { tickets: 1 }, contact: { name: "路人", phone: "13500000000" }, locale: "zh-CN" }, later(11))).rejects.toBeInstanceOf(SoldOut);
    expect((await findWaitingEntry(conn.db, screening.id, entries[0].id)).status).toBe("offered");
    expect((await findWaitingEntry(conn.db, screening.id, entries[1].id)).status).toBe("waiting");

    const expected = new Date(later(10).getTime() + 24 * 3600_000).toISOString();
    expect(offer.expiresAt).toBe(expected < screening.bookingClosesAt ? expected : screening.bookingClosesAt);
    expect(offer.token).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const [message] = await messagesAbout(conn.db, { type: "cinema_waiting", id: entries[0].id });
    expect(message).toMatchObject({ channel: "sms", status: "queued", reference: entries[0].id, recipient: expect.stringContaining("****") });
    expect(message.body).toContain(`《${screening.title.zh}》`);
    expect(message.body).toMatch(/第\d+排\d+号/);
    expect(message.body).toContain("保留到");
    // Staff read the text without the link's key; the text sent carries it.
    expect(message.body).toContain(`https://access.example.cn/cinema/offer/${entries[0].id}/••••`);
    expect(message.body).not.toContain(offer.token);
    expect(message.body).not.toContain(entries[0].phone);
    expect(await sentText(conn.db, message.id)).toContain(`https://access.example.cn/cinema/offer/${entries[0].id}/${offer.token}`);

    const view = await findOffer(conn.db, offer, later(11));
    expect(view).toMatchObject({ status: "open", tickets: 2, name: "候补1", booking: null });
    expect(view.seats.map((s) => s.id).sort()).toEqual([...offer.seatIds].sort());
    // The token is the key: a wrong one is answered exactly like an unknown entry.
    const wrong = await findOffer(conn.db, { reference: entries[0].id, token: "x".repeat(22) }).catch((e) => e);
    const unknown = await findOffer(conn.db, { reference: "HB-AAAA-AAAA", token: offer.token }).catch((e) => e);
    expect(wrong).toBeInstanceOf(NotFound);
    expect(wrong.message).toBe(unknown.message);
  });

  it("OFFER_HOLD_HOURS sets how long an offer holds, counted from the end of SMS quiet hours", async () => {
    vi.stubEnv("OFFER_HOLD_HOURS", "2");
    vi.stubEnv("SMS_QUIET_HOURS", "08:00-10:00");
    const { offer } = await offerOpen({ waiting: 1 });
    // Made at 09:10 China time, inside quiet hours: the text goes at 10:00 and the offer runs two hours from then.
    expect(offer.expiresAt).toBe("2026-12-01T04:00:00.000Z");
  });

  it("accepting books the held seats as an ordinary booking, once, however often it is sent", async () => {
    const { screening, entries, offer } = await offerOpen();
    const answers = await Promise.all([acceptOffer(conn.db, offer, later(20)), acceptOffer(two.b.db, offer, later(20)), acceptOffer(conn.db, offer, later(21))]);
    expect(new Set(answers.map((b) => b.reference)).size).toBe(1);
    const booking = answers[0];
    expect(booking).toMatchObject({ status: "confirmed", tickets: 2, name: "候补1", screeningId: screening.id, locale: "zh-CN" });
    expect(booking.reference).toMatch(/^DY-/);
    expect(booking.seats.map((s) => s.id).sort()).toEqual([...offer.seatIds].sort());
    const made = await conn.db.selectFrom("cinema_bookings").select("reference").where("screening_id", "=", screening.id).where("name", "=", "候补1").execute();
    expect(made).toHaveLength(1);
    expect((await findWaitingEntry(conn.db, screening.id, entries[0].id)).status).toBe("booked");
    expect(await findOffer(conn.db, offer, later(22))).toMatchObject({ status: "booked", booking: { reference: booking.reference, accessToken: booking.accessToken } });
    // Booked: it can no longer be turned down from the offer link (the booking's own page cancels it).
    await expect(declineOffer(conn.db, offer, later(23))).rejects.toMatchObject({ reason: "booked" });
    // The hold is gone, the seats are the booking's.
    expect(await conn.db.selectFrom("cinema_holds").select("id").where("screening_id", "=", screening.id).execute()).toEqual([]);
  });

  it("declining frees the seats to the next person at once; declining again is harmless; booking after it is refused", async () => {
    vi.stubEnv("PUBLIC_ORIGIN", "https://access.example.cn");
    const { screening, entries, offer } = await offerOpen();
    await declineOffer(conn.db, offer, later(30));
    await declineOffer(conn.db, offer, later(31));
    expect((await findWaitingEntry(conn.db, screening.id, entries[0].id)).status).toBe("declined");
    expect((await findWaitingEntry(conn.db, screening.id, entries[1].id)).status).toBe("offered");
    const next = await tokenOf(entries[1].id);
    expect(next.seatIds.sort()).toEqual([...offer.seatIds].sort());
    const [text] = await messagesAbout(conn.db, { type: "cinema_waiting", id: entries[1].id });
    // The second person joined in English.
    expect(text.body).toContain(screening.title.en);
    expect(text.body).toMatch(/Row \d+, seats? \d+/);
    const refused = await acceptOffer(conn.db, offer, later(32)).catch((e) => e);
    expect(refused).toBeInstanceOf(OfferClosed);
    expect(refused.reason).toBe("declined");
    expect((await getScreening(conn.db, screening.id, later(32))).ordinarySeatsAvailable).toBe(0);
  });

  it("an offer that runs out is refused with a clear reason and moved on to the next person by the sweep, exactly once with several workers", async () => {
    await closeOtherOffers();
    const { screening, entries, offer } = await offerOpen({ waiting: 3 });
    const after = new Date(Date.parse(offer.expiresAt) + 1000);
    const refused = await acceptOffer(conn.db, offer, after).catch((e) => e);
    expect(refused).toBeInstanceOf(OfferClosed);
    expect(refused.reason).toBe("expired");
    expect((await findOffer(conn.db, offer, after)).status).toBe("expired");
    // Before its time the sweep leaves it alone.
    expect(await expireWaitingOffers(conn.db, new Date(Date.parse(offer.expiresAt) - 1000))).toBe(0);

    const moved = await Promise.all([expireWaitingOffers(conn.db, after), expireWaitingOffers(two.b.db, after), expireWaitingOffers(conn.db, after)]);
    expect(moved.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await expireWaitingOffers(conn.db, after)).toBe(0);
    expect((await findWaitingEntry(conn.db, screening.id, entries[0].id)).status).toBe("expired");
    expect((await findWaitingEntry(conn.db, screening.id, entries[1].id)).status).toBe("offered");
    expect((await findWaitingEntry(conn.db, screening.id, entries[2].id)).status).toBe("waiting");
    expect(await messagesAbout(conn.db, { type: "cinema_waiting", id: entries[1].id })).toHaveLength(1);

    // Staff see the chain: who was offered when, what came of it.
    const chain = await listOfferChain(conn.db, screening.id);
    expect(chain.map((o) => [o.entryId, o.status])).toEqual([
      [entries[0].id, "expired"],
      [entries[1].id, "open"],
    ]);
  });

  it("the message worker's round runs the sweep first, so the next person's text goes out in that round", async () => {
    await closeOtherOffers();
    const { entries, offer } = await offerOpen();
    const log = new LogChannel();
    const after = new Date(Date.parse(offer.expiresAt) + 1000);
    const worker = startMessageWorker(() => conn, {
      channels: { email: log, sms: log },
      intervalMs: 3600_000,
      quietHours: null,
      env: {},
      now: () => after,
      beforeRound: (at) => expireWaitingOffers(conn.db, at),
    });
    await worker.runOnce();
    await worker.stop();
    expect((await findOffer(conn.db, offer, after)).status).toBe("expired");
    expect(log.sent.filter((m) => m.reference === entries[1].id)).toHaveLength(1);
    const [text] = await messagesAbout(conn.db, { type: "cinema_waiting", id: entries[1].id });
    expect(text.status).toBe("sent");
  });

  it("expiry and acceptance racing give exactly one outcome", async () => {
    for (let round = 0; round < 2; round++) {
      await closeOtherOffers();
      const { screening, entries, offer } = await offerOpen({ waiting: 2 });
      const expiry = Date.parse(offer.expiresAt);
      const [accepted, swept] = await Promise.allSettled([acceptOffer(two.b.db, offer, new Date(expiry - 1)), expireWaitingOffers(conn.db, new Date(expiry + 1))]);
      const status = (await conn.db.selectFrom("cinema_waiting_offers").select("status").where("token", "=", offer.token).executeTakeFirstOrThrow()).status;
      const bookings = await conn.db.selectFrom("cinema_bookings").select("reference").where("screening_id", "=", screening.id).where("name", "=", "候补1").execute();
      const sweptOne = swept.status === "fulfilled" && swept.value === 1;
      if (accepted.status === "fulfilled") {
        expect([status, bookings.length, sweptOne]).toEqual(["booked", 1, false]);
        expect((await findWaitingEntry(conn.db, screening.id, entries[1].id)).status).toBe("waiting");
      } else {
        expect(accepted.reason).toBeInstanceOf(OfferClosed);
        expect([status, bookings.length, sweptOne]).toEqual(["expired", 0, true]);
        expect((await findWaitingEntry(conn.db, screening.id, entries[1].id)).status).toBe("offered");
      }
      // Either way every seat has one claim.
      const claims = await conn.db.selectFrom("cinema_booking_seats").select("seat_id").where("screening_id", "=", screening.id).execute();
      expect(new Set(claims.map((c) => c.seat_id)).size).toBe(claims.length);
    }
  });

  it("50 parallel bookings for the remaining seats never take the offered seats; the offer is then booked", async () => {
    const { screening, offer } = await offerOpen({ waiting: 1, leave: 10 });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        bookSeats([conn, two.b][i % 2].db, { screeningId: screening.id, party: { tickets: 1 }, contact: { name: `观众${i}`, phone: "13800138000" }, locale: "zh-CN" }, later(15)),
      ),
    );
    const booked = results.filter((r) => r.status === "fulfilled").map((r) => r.value);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(booked).toHaveLength(10);
    expect(refused.every((r) => r.reason instanceof SoldOut)).toBe(true);
    const sold = booked.flatMap((b) => b.seats.map((s) => s.id));
    expect(sold.filter((id) => offer.seatIds.includes(id))).toEqual([]);
    const booking = await acceptOffer(conn.db, offer, later(16));
    expect(booking.seats.map((s) => s.id).sort()).toEqual([...offer.seatIds].sort());
    const claims = await conn.db.selectFrom("cinema_booking_seats").select("seat_id").where("screening_id", "=", screening.id).execute();
    expect(new Set(claims.map((c) => c.seat_id)).size).toBe(claims.length);
  });

  it("staff marking an offered entry booked (a yes on the phone) books its held seats for them", async () => {
    const { screening, entries, offer } = await offerOpen();
    await setWaitingStatus(conn.db, staff, entries[0].id, "booked", later(40));
    const view = await findOffer(conn.db, offer, later(41));
    expect(view.status).toBe("booked");
    const booking = await conn.db.selectFrom("cinema_bookings").selectAll().where("reference", "=", view.booking!.reference).executeTakeFirstOrThrow();
    expect(booking).toMatchObject({ name: "候补1", status: "confirmed", screening_id: screening.id });
    expect(booking.seat_ids.split(",").sort()).toEqual([...offer.seatIds].sort());
    expect((await findWaitingEntry(conn.db, screening.id, entries[1].id)).status).toBe("waiting");
  });

  it("staff changing an offered entry passes its seats on; cancelling the screening withdraws open offers", async () => {
    const { screening, entries, offer } = await offerOpen();
    await setWaitingStatus(conn.db, staff, entries[0].id, "withdrawn", later(40));
    expect((await findOffer(conn.db, offer, later(41))).status).toBe("withdrawn");
    const next = await tokenOf(entries[1].id);
    await expect(acceptOffer(conn.db, offer, later(41))).rejects.toMatchObject({ reason: "withdrawn" });

    await cancelScreening(conn.db, staff, screening.id, later(42));
    expect((await findOffer(conn.db, next, later(43))).status).toBe("withdrawn");
    await expect(acceptOffer(conn.db, next, later(43))).rejects.toBeInstanceOf(OfferClosed);
  });
});
