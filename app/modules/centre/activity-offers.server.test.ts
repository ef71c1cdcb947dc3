import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { activityInput } from "../../../tests/support/activity-input";
import { createTwoConnections } from "../../../tests/support/test-db";
import { sentText } from "../../../tests/support/sent-text";
import { sweepBackgroundJobs } from "../background/index.server";
import type { Connection } from "../db/index.server";
import { LogChannel, messagesAbout, startMessageWorker } from "../messages/index.server";
import {
  acceptActivityOffer,
  Busy,
  createActivity,
  declineActivityOffer,
  expireActivityOffers,
  findActivityOffer,
  findSignup,
  getActivity,
  listActivityOfferChain,
  NotFound,
  OfferClosed,
  signUp,
  updateActivity,
  withdrawSignup,
} from "./index.server";

// A Thursday morning in China (10:00, outside SMS quiet hours); the activity starts on 10 December.
const now = new Date("2026-11-26T02:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const actor = { id: null, username: "centre-staff" };

let two: Awaited<ReturnType<typeof createTwoConnections>>;
let conn: Connection;
let phoneSeq = 0;

beforeAll(async () => {
  two = await createTwoConnections();
  conn = two.a;
});
afterAll(async () => two.close());
afterEach(() => vi.unstubAllEnvs());

const nextPhone = () => `1370000${String(1000 + phoneSeq++).padStart(4, "0")}`;

/**
 * An activity (its own, one per test) whose `capacity` places are taken, with `waiting` people on its list in order
 * (the second joined in English); then the first place-holder withdraws: the first person waiting is offered it.
 */
async function offerOpen(options: { waiting?: number; capacity?: number; startsAt?: string } = {}) {
  const capacity = options.capacity ?? 1;
  const waitingCount = options.waiting ?? 2;
  const input = activityInput({ capacity, waitlistSize: waitingCount + 1, ...(options.startsAt ? { startsAt: options.startsAt } : {}) });
  const id = await createActivity(conn.db, actor, input, now);
  const holders = [];
  for (let i = 0; i < capacity; i++) {
    const phone = nextPhone();
    holders.push({ ...(await signUp(conn.db, id, { name: `参加者${i + 1}`, phone, needs: [], locale: "zh-CN" }, now)), phone });
  }
  const waiting = [];
  for (let i = 0; i < waitingCount; i++) {
    const phone = nextPhone();
    const made = await signUp(conn.db, id, { name: i === 1 ? "Li Na" : `候补${i + 1}`, phone, needs: [], locale: i === 1 ? "en" : "zh-CN" }, later(1 + i));
    expect(made.status).toBe("waiting");
    waiting.push({ ...made, phone });
  }
  const { offeredTo } = await withdrawSignup(conn.db, { reference: holders[0].reference, phone: holders[0].phone }, later(10));
  expect(offeredTo).toEqual(waitingCount ? [waiting[0].reference] : []);
  return { id, input, holders, waiting, offer: waitingCount ? await tokenOf(waiting[0].reference) : null! };
}

async function tokenOf(reference: string) {
  const row = await conn.db.selectFrom("centre_activity_offers").selectAll().where("signup_reference", "=", reference).where("status", "=", "open").executeTakeFirstOrThrow();
  return { reference, token: row.token, placeNo: Number(row.place_no), expiresAt: row.expires_at };
}

const statusOf = async (s: { reference: string; phone: string }) => (await findSignup(conn.db, s)).status;

/** The sweep looks at every activity: earlier tests' offers are closed so that its counts are this test's. */
async function closeOtherOffers() {
  await conn.db.updateTable("centre_activity_offers").set({ status: "withdrawn" }).where("status", "=", "open").execute();
}

/** The places of an activity: never more than its capacity, each held by a sign-up that is confirmed or offered. */
async function expectPlacesSound(activityId: string, capacity: number) {
  const places = await conn.db
    .selectFrom("centre_activity_places as p")
    .innerJoin("centre_signups as s", "s.reference", "p.signup_reference")
    .select(["p.place_no", "p.signup_reference", "s.status"])
    .where("p.activity_id", "=", activityId)
    .execute();
  expect(places.length).toBeLessThanOrEqual(capacity);
  expect(new Set(places.map((p) => p.signup_reference)).size).toBe(places.length);
  for (const p of places) expect(["confirmed", "offered"]).toContain(p.status);
  const holding = await conn.db.selectFrom("centre_signups").select("reference").where("activity_id", "=", activityId).where("status", "in", ["confirmed", "offered"]).execute();
  expect(holding.map((h) => h.reference).sort()).toEqual(places.map((p) => p.signup_reference).sort());
}

describe("activity-place offers", () => {
  it("hold the freed place for the first person waiting and text them the activity, deadline and a secret link", async () => {
    vi.stubEnv("PUBLIC_ORIGIN", "https://access.example.cn");
    const { id, waiting, offer } = await offerOpen();
    expect(await statusOf(waiting[0])).toBe("offered");
    expect(await statusOf(waiting[1])).toBe("waiting");
    // The sign-up lookup says until when the place is held.
    expect((await findSignup(conn.db, waiting[0])).offerExpiresAt).toBe(offer.expiresAt);
    expect((await findSignup(conn.db, waiting[1])).offerExpiresAt).toBeNull();
    // Held: nobody else can have it; the activity shows no free place.
    const a = await getActivity(conn.db, id);
    expect([a.confirmed, a.offered, a.waiting, a.placesLeft]).toEqual([0, 1, 1, 0]);
    expect((await signUp(conn.db, id, { name: "路人", phone: nextPhone(), needs: [], locale: "zh-CN" }, later(11))).status).toBe("waiting");
    await expectPlacesSound(id, 1);

    expect(offer.expiresAt).toBe(new Date(later(10).getTime() + 24 * 3600_000).toISOString());
    expect(offer.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const [message] = await messagesAbout(conn.db, { type: "activity_signup", id: waiting[0].reference });
    expect(message).toMatchObject({ channel: "sms", status: "queued", reference: waiting[0].reference, recipient: expect.stringContaining("****") });
    expect(message.body).toContain("读屏软件培训");
    expect(message.body).toContain("保留到");
    expect(message.body).not.toContain(offer.token);
    expect(await sentText(conn.db, message.id)).toContain(`https://access.example.cn/activities/offer/${waiting[0].reference}/${offer.token}`);
    expect(message.body).not.toContain(waiting[0].phone);

    expect(await findActivityOffer(conn.db, offer, later(11))).toMatchObject({ status: "open", name: "候补1", activityId: id, expiresAt: offer.expiresAt });
    // The token is the key: a wrong one is answered exactly like an unknown reference.
    const wrong = await findActivityOffer(conn.db, { reference: waiting[0].reference, token: "x".repeat(22) }).catch((e) => e);
    const unknown = await findActivityOffer(conn.db, { reference: "HD-AAAA-AAAA", token: offer.token }).catch((e) => e);
    expect(wrong).toBeInstanceOf(NotFound);
    expect(wrong.message).toBe(unknown.message);
  });

  it("OFFER_HOLD_HOURS sets how long, counted from the end of SMS quiet hours, never past the activity's start", async () => {
    vi.stubEnv("OFFER_HOLD_HOURS", "2");
    vi.stubEnv("SMS_QUIET_HOURS", "09:00-11:00");
    const { offer } = await offerOpen({ waiting: 1 });
    // Made at 10:10 China time, inside quiet hours: the text goes at 11:00 and the offer runs two hours from then.
    expect(offer.expiresAt).toBe("2026-11-26T05:00:00.000Z");
    vi.stubEnv("OFFER_HOLD_HOURS", "48");
    const soon = await offerOpen({ waiting: 1, startsAt: "2026-11-27T01:00:00.000Z" });
    expect(soon.offer.expiresAt).toBe("2026-11-27T01:00:00.000Z");
  });

  it("accepting confirms the sign-up on the held place, once, however often it is sent", async () => {
    const { id, waiting, offer } = await offerOpen();
    const answers = await Promise.all([acceptActivityOffer(conn.db, offer, later(20)), acceptActivityOffer(two.b.db, offer, later(20)), acceptActivityOffer(conn.db, offer, later(21))]);
    expect(answers.map((a) => a.status)).toEqual(["accepted", "accepted", "accepted"]);
    expect(await statusOf(waiting[0])).toBe("confirmed");
    expect(await statusOf(waiting[1])).toBe("waiting");
    const place = await conn.db.selectFrom("centre_activity_places").select("place_no").where("signup_reference", "=", waiting[0].reference).executeTakeFirstOrThrow();
    expect(Number(place.place_no)).toBe(offer.placeNo);
    await expect(declineActivityOffer(conn.db, offer, later(22))).rejects.toMatchObject({ reason: "accepted" });
    await expectPlacesSound(id, 1);
    // Taken, then withdrawn like any confirmed place: it is offered to the next person, and the old link says so.
    expect(await withdrawSignup(conn.db, waiting[0], later(23))).toEqual({ outcome: "withdrawn", offeredTo: [waiting[1].reference] });
    expect((await findActivityOffer(conn.db, offer, later(24))).status).toBe("withdrawn");
    await expectPlacesSound(id, 1);
  });

  it("declining offers the place to the next person at once; declining again is harmless; accepting after it is refused", async () => {
    vi.stubEnv("PUBLIC_ORIGIN", "https://access.example.cn");
    const { id, waiting, offer } = await offerOpen();
    await declineActivityOffer(conn.db, offer, later(30));
    await declineActivityOffer(conn.db, offer, later(31));
    expect(await statusOf(waiting[0])).toBe("cancelled");
    expect(await statusOf(waiting[1])).toBe("offered");
    const next = await tokenOf(waiting[1].reference);
    expect(next.placeNo).toBe(offer.placeNo);
    const [text] = await messagesAbout(conn.db, { type: "activity_signup", id: waiting[1].reference });
    // The second person signed up in English.
    expect(text.body).toContain("Screen reader course");
    expect(text.body).toContain("held for you until");
    expect(await sentText(conn.db, text.id)).toContain(`https://access.example.cn/en/activities/offer/${waiting[1].reference}/${next.token}`);
    const refused = await acceptActivityOffer(conn.db, offer, later(32)).catch((e) => e);
    expect(refused).toBeInstanceOf(OfferClosed);
    expect(refused.reason).toBe("declined");
    await expectPlacesSound(id, 1);
  });

  it("an offer that runs out is refused with a clear reason and moved on by the sweep, exactly once with several workers", async () => {
    await closeOtherOffers();
    const { id, waiting, offer } = await offerOpen({ waiting: 3 });
    const after = new Date(Date.parse(offer.expiresAt) + 1000);
    const refused = await acceptActivityOffer(conn.db, offer, after).catch((e) => e);
    expect(refused).toBeInstanceOf(OfferClosed);
    expect(refused.reason).toBe("expired");
    expect((await findActivityOffer(conn.db, offer, after)).status).toBe("expired");
    expect(await expireActivityOffers(conn.db, new Date(Date.parse(offer.expiresAt) - 1000))).toBe(0);

    const moved = await Promise.all([expireActivityOffers(conn.db, after), expireActivityOffers(two.b.db, after), expireActivityOffers(conn.db, after)]);
    expect(moved.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await expireActivityOffers(conn.db, after)).toBe(0);
    expect(await statusOf(waiting[0])).toBe("cancelled");
    expect(await statusOf(waiting[1])).toBe("offered");
    expect(await statusOf(waiting[2])).toBe("waiting");
    expect(await messagesAbout(conn.db, { type: "activity_signup", id: waiting[1].reference })).toHaveLength(1);

    // Staff see the chain: who was offered when, until when, what came of it; phones masked.
    const chain = await listActivityOfferChain(conn.db, id);
    expect(chain.map((o) => [o.reference, o.status])).toEqual([
      [waiting[0].reference, "expired"],
      [waiting[1].reference, "open"],
    ]);
    expect(chain[0].phoneMasked).toContain("****");
    expect(chain[0].phoneMasked).not.toBe(waiting[0].phone);
    await expectPlacesSound(id, 1);
  });

  it("the message worker's round runs both sweeps first, so the next person's text goes out in that round", async () => {
    await closeOtherOffers();
    await conn.db.updateTable("cinema_waiting_offers").set({ status: "withdrawn" }).where("status", "=", "open").execute();
    const { waiting, offer } = await offerOpen();
    const log = new LogChannel();
    const after = new Date(Date.parse(offer.expiresAt) + 1000);
    const worker = startMessageWorker(() => conn, {
      channels: { email: log, sms: log },
      intervalMs: 3600_000,
      quietHours: null,
      env: {},
      now: () => after,
      beforeRound: (at) => sweepBackgroundJobs(conn.db, at),
    });
    await worker.runOnce();
    await worker.stop();
    expect((await findActivityOffer(conn.db, offer, after)).status).toBe("expired");
    expect(log.sent.filter((m) => m.reference === waiting[1].reference)).toHaveLength(1);
  });

  it("many accepts, declines and expiries at once give exactly one outcome, and the place is never given twice", async () => {
    for (let round = 0; round < 3; round++) {
      await closeOtherOffers();
      const { id, waiting, offer } = await offerOpen({ waiting: 3 });
      const expiry = Date.parse(offer.expiresAt);
      const dbs = [conn.db, two.b.db];
      const accepts = Array.from({ length: 4 }, (_, i) => acceptActivityOffer(dbs[i % 2], offer, new Date(expiry - 1)));
      const declines = Array.from({ length: 3 }, (_, i) => declineActivityOffer(dbs[(i + 1) % 2], offer, new Date(expiry - 1)));
      const sweeps = Array.from({ length: 3 }, (_, i) => expireActivityOffers(dbs[i % 2], new Date(expiry + 1)));
      // Interleaved: who starts first varies by round.
      const all = round === 1 ? [...sweeps, ...declines, ...accepts] : round === 2 ? [...declines, ...accepts, ...sweeps] : [...accepts, ...declines, ...sweeps];
      const settled = await Promise.allSettled(all);
      for (const r of settled) if (r.status === "rejected") expect(r.reason instanceof OfferClosed || r.reason instanceof Busy, String(r.reason)).toBe(true);
      const [acceptResults, declineResults, sweepResults] = [
        await Promise.allSettled(accepts),
        await Promise.allSettled(declines),
        await Promise.allSettled(sweeps),
      ];
      const status = (await conn.db.selectFrom("centre_activity_offers").select("status").where("token", "=", offer.token).executeTakeFirstOrThrow()).status;
      const accepted = acceptResults.some((r) => r.status === "fulfilled");
      const declined = declineResults.some((r) => r.status === "fulfilled");
      const swept = sweepResults.reduce((n, r) => n + (r.status === "fulfilled" ? r.value : 0), 0);
      expect([accepted, declined, swept > 0].filter(Boolean)).toHaveLength(1);
      expect(swept).toBeLessThanOrEqual(1);
      expect(status).toBe(accepted ? "accepted" : declined ? "declined" : "expired");
      expect(await statusOf(waiting[0])).toBe(accepted ? "confirmed" : "cancelled");
      // The place went on to exactly one next person, or to nobody if it was taken.
      expect(await statusOf(waiting[1])).toBe(accepted ? "waiting" : "offered");
      expect(await statusOf(waiting[2])).toBe("waiting");
      const open = await conn.db.selectFrom("centre_activity_offers").select("signup_reference").where("activity_id", "=", id).where("status", "in", ["open", "accepted"]).execute();
      expect(open).toHaveLength(1);
      await expectPlacesSound(id, 1);
    }
  });

  it("withdrawing an offered sign-up closes its offer and passes the place on", async () => {
    const { id, waiting, offer } = await offerOpen();
    expect(await withdrawSignup(conn.db, waiting[0], later(40))).toEqual({ outcome: "withdrawn", offeredTo: [waiting[1].reference] });
    expect((await findActivityOffer(conn.db, offer, later(41))).status).toBe("withdrawn");
    await expect(acceptActivityOffer(conn.db, offer, later(41))).rejects.toMatchObject({ reason: "withdrawn" });
    expect(await statusOf(waiting[1])).toBe("offered");
    await expectPlacesSound(id, 1);
  });

  it("staff raising the capacity offers the new places in order; cancelling the activity withdraws open offers", async () => {
    const { id, input, waiting, offer } = await offerOpen({ waiting: 3 });
    await updateActivity(conn.db, actor, id, { ...input, capacity: 2 }, later(50));
    expect([await statusOf(waiting[0]), await statusOf(waiting[1]), await statusOf(waiting[2])]).toEqual(["offered", "offered", "waiting"]);
    const second = await tokenOf(waiting[1].reference);
    expect(second.placeNo).not.toBe(offer.placeNo);
    await expectPlacesSound(id, 2);

    await updateActivity(conn.db, actor, id, { ...input, capacity: 2, status: "cancelled" }, later(51));
    expect((await findActivityOffer(conn.db, offer, later(52))).status).toBe("withdrawn");
    expect((await findActivityOffer(conn.db, second, later(52))).status).toBe("withdrawn");
    await expect(acceptActivityOffer(conn.db, second, later(52))).rejects.toBeInstanceOf(OfferClosed);
    expect(await statusOf(waiting[0])).toBe("waiting");
    expect(await conn.db.selectFrom("centre_activity_places").select("place_no").where("activity_id", "=", id).execute()).toEqual([]);
    // Everyone still signed up hears of the cancellation, those offered a place included.
    const cancelled = await conn.db.selectFrom("outbox_messages").select("reference").where("template", "=", "activityCancelled").where("reference", "in", waiting.map((w) => w.reference)).execute();
    expect(cancelled).toHaveLength(3);
  });
});
