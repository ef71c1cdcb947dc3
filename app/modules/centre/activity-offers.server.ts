import { randomBytes } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";
import { maskForLog } from "../privacy/log.server";
import { maskPhone } from "../privacy/mask";
import { rowWithToken } from "~/modules/security/same-secret.server";
import { offerExpiry, type OfferLinkKey } from "~/modules/shared/offer-hold";
import { normaliseReference } from "~/modules/shared/reference";
import { retryTransaction } from "~/modules/shared/transaction-retry.server";
import { tellPlaceOffered } from "./activity-messages.server";
import { claimOptions, freePlaces } from "./activity-lock.server";
import { Busy, NotFound, OfferClosed } from "./errors";
import type { CentreActivityOfferTable } from "./tables";

/**
 * Activity-place offers (issue 17, item 4), as the cinema's waiting-list offers (app/modules/cinema/offers.server.ts).
 * When a place frees up (a withdrawal, an offer declined or run out, staff raising the capacity), the first sign-ups
 * still "waiting" are each offered a free place, in the transaction that freed it and under the activity's lock
 * (activity-lock.server.ts):
 *   - the place row (`centre_activity_places`) is HELD for the sign-up, whose status becomes "offered": no other
 *     sign-up or offer can take that place (its primary key), and no count shows it free;
 *   - a text with the activity, when, where, until when, and the secret link /activities/offer/<reference>/<token> is
 *     queued in the same transaction. The offer runs OFFER_HOLD_HOURS (default 24) from when the text can go out
 *     (after SMS quiet hours), never past the activity's start.
 * Accepting confirms the sign-up on the held place; declining, or the sweep finding the offer run out
 * (`expireActivityOffers`, run by the message worker loop), frees the place for the next person. Every answer is a
 * conditional UPDATE on the offer's status inside the activity's lock: exactly one of "accepted", "declined",
 * "expired", "withdrawn" wins, however many clicks, workers or instances race.
 */
type Db = Kysely<Database>;
type Trx = Transaction<Database>;
type Env = Record<string, string | undefined>;

export type ActivityOfferStatus = "open" | "accepted" | "declined" | "expired" | "withdrawn";

/** The page where the person answers an offer (locale-neutral). */
export function activityOfferPath(reference: string, token: string): string {
  return `/activities/offer/${encodeURIComponent(reference)}/${encodeURIComponent(token)}`;
}

/**
 * Places are free: each sign-up still "waiting", in order, is offered one (held for it) and texted, while places are
 * free. Nothing is offered for an activity that is not published or has begun. Call inside a transaction that
 * locked the activity (claimOptions). Returns the references offered a place.
 */
export async function offerFreedPlaces(trx: Trx, activityId: string, now: Date, env: Env = process.env): Promise<string[]> {
  const activity = await trx.selectFrom("centre_activities").select(["status", "capacity", "starts_at"]).where("id", "=", activityId).executeTakeFirst();
  if (!activity || activity.status !== "published" || activity.starts_at <= now.toISOString()) return [];
  const places = await freePlaces(trx, activityId, Number(activity.capacity));
  if (!places.length) return [];
  const waiting = await trx
    .selectFrom("centre_signups")
    .select("reference")
    .where("activity_id", "=", activityId)
    .where("status", "=", "waiting")
    .orderBy("created_at")
    .orderBy("reference")
    .limit(places.length)
    .execute();
  const offered: string[] = [];
  for (const [i, next] of waiting.entries()) {
    const placeNo = places[i]!;
    const token = randomBytes(16).toString("base64url");
    const expiresAt = offerExpiry(now, activity.starts_at, env);
    await trx.insertInto("centre_activity_places").values({ activity_id: activityId, place_no: placeNo, signup_reference: next.reference }).execute();
    await trx
      .insertInto("centre_activity_offers")
      .values({ token, signup_reference: next.reference, activity_id: activityId, place_no: placeNo, status: "open", offered_at: now.toISOString(), expires_at: expiresAt, answered_at: null })
      .execute();
    await trx.updateTable("centre_signups").set({ status: "offered" }).where("reference", "=", next.reference).execute();
    await tellPlaceOffered(trx, next.reference, { until: expiresAt, path: activityOfferPath(next.reference, token) }, now, env);
    offered.push(next.reference);
  }
  return offered;
}

/** The place an offer held goes back to the pool (the sign-up keeps no place). */
async function releasePlace(trx: Trx, offer: Pick<CentreActivityOfferTable, "activity_id" | "place_no" | "signup_reference">): Promise<void> {
  await trx
    .deleteFrom("centre_activity_places")
    .where("activity_id", "=", offer.activity_id)
    .where("place_no", "=", offer.place_no)
    .where("signup_reference", "=", offer.signup_reference)
    .execute();
}

/**
 * An open offer's outcome, as a conditional UPDATE (still open; for an answer still in time, for the sweep run out):
 * whether this caller won it. Exactly one outcome wins, however many answers, sweeps or instances race.
 */
async function settle(trx: Trx, token: string, outcome: Exclude<ActivityOfferStatus, "open">, now: Date, time?: "inTime" | "runOut"): Promise<boolean> {
  let q = trx.updateTable("centre_activity_offers").set({ status: outcome, answered_at: now.toISOString() }).where("token", "=", token).where("status", "=", "open");
  if (time) q = q.where("expires_at", time === "inTime" ? ">" : "<=", now.toISOString());
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

/**
 * Closes a sign-up's open offer (they withdrew while it was open): marked withdrawn, its place released. The caller
 * passes the place on (offerFreedPlaces). Call inside the activity's lock. Returns whether an offer was open.
 */
export async function closeOpenOffer(trx: Trx, reference: string, now: Date): Promise<boolean> {
  const open = await trx.selectFrom("centre_activity_offers").selectAll().where("signup_reference", "=", reference).where("status", "=", "open").executeTakeFirst();
  if (!open) return false;
  if (!(await settle(trx, open.token, "withdrawn", now))) return false;
  await releasePlace(trx, open);
  return true;
}

/**
 * Staff cancelled the activity: every open offer is withdrawn, its place released and its sign-up back on the
 * waiting list (the cancellation text tells them the rest). Call inside the activity's lock. Returns how many.
 */
export async function closeOpenOffersOf(trx: Trx, activityId: string, now: Date): Promise<number> {
  const open = await trx.selectFrom("centre_activity_offers").selectAll().where("activity_id", "=", activityId).where("status", "=", "open").execute();
  for (const offer of open) {
    if (!(await settle(trx, offer.token, "withdrawn", now))) continue;
    await releasePlace(trx, offer);
    await trx.updateTable("centre_signups").set({ status: "waiting" }).where("reference", "=", offer.signup_reference).where("status", "=", "offered").execute();
  }
  return open.length;
}

/** The sign-up's reference (HD-…) and the offer's token. */
export type ActivityOfferKey = OfferLinkKey;

/** The offer named by a link; a wrong token is answered exactly like an unknown reference. */
async function offerRow(db: Db | Trx, key: ActivityOfferKey): Promise<CentreActivityOfferTable> {
  const reference = normaliseReference(key.reference ?? "");
  const rows = reference ? await db.selectFrom("centre_activity_offers").selectAll().where("signup_reference", "=", reference).execute() : [];
  const row = rowWithToken(rows, key.token);
  if (!row) throw new NotFound("offer");
  return row;
}

export interface ActivityOfferView {
  reference: string;
  /** "expired" as soon as the time is up, even before the sweep has moved it on. */
  status: ActivityOfferStatus;
  activityId: string;
  name: string;
  offeredAt: string;
  expiresAt: string;
}

const statusAt = (row: CentreActivityOfferTable, now: Date): ActivityOfferStatus =>
  row.status === "open" && row.expires_at <= now.toISOString() ? "expired" : (row.status as ActivityOfferStatus);

/** What the offer page shows (the activity itself: getActivity with `activityId`). */
export async function findActivityOffer(db: Db, key: ActivityOfferKey, now: Date = new Date()): Promise<ActivityOfferView> {
  const row = await offerRow(db, key);
  const signup = await db.selectFrom("centre_signups").select(["name", "status"]).where("reference", "=", row.signup_reference).executeTakeFirstOrThrow();
  // Taken, then the sign-up withdrawn: the link no longer says the place is theirs.
  const status = row.status === "accepted" && signup.status === "cancelled" ? "withdrawn" : statusAt(row, now);
  return { reference: row.signup_reference, status, activityId: row.activity_id, name: signup.name, offeredAt: row.offered_at, expiresAt: row.expires_at };
}

function refuse(row: CentreActivityOfferTable, now: Date): never {
  const status = statusAt(row, now);
  if (status === "open") throw new Busy();
  throw new OfferClosed(status);
}

/** Runs `work` on the offer inside its activity's lock (the same claim transaction as every sign-up). */
async function answer<T>(db: Db, key: ActivityOfferKey, work: (trx: Trx, offer: CentreActivityOfferTable) => Promise<T>): Promise<T> {
  const first = await offerRow(db, key);
  return retryTransaction(db, { ...claimOptions(first.activity_id), onGiveUp: (): never => { throw new Busy(); } }, async (trx) => work(trx, await offerRow(trx, key)));
}

/**
 * "Take this place": the sign-up is confirmed on the held place. Accepting again changes nothing; after the offer ran
 * out (or was declined or withdrawn) it is refused with OfferClosed.
 */
export async function acceptActivityOffer(db: Db, key: ActivityOfferKey, now: Date = new Date()): Promise<ActivityOfferView> {
  await answer(db, key, async (trx, offer) => {
    if (offer.status === "accepted") return;
    if (offer.status !== "open" || offer.expires_at <= now.toISOString()) refuse(offer, now);
    if (!(await settle(trx, offer.token, "accepted", now, "inTime"))) refuse(await offerRow(trx, key), now);
    await trx.updateTable("centre_signups").set({ status: "confirmed" }).where("reference", "=", offer.signup_reference).where("status", "=", "offered").execute();
  });
  return findActivityOffer(db, key, now);
}

/** The offer is over without the place being taken: the sign-up is cancelled, the place goes to the next person. */
async function passOn(trx: Trx, offer: CentreActivityOfferTable, now: Date, env: Env): Promise<string[]> {
  await releasePlace(trx, offer);
  await trx.updateTable("centre_signups").set({ status: "cancelled", cancelled_at: now.toISOString() }).where("reference", "=", offer.signup_reference).where("status", "=", "offered").execute();
  return offerFreedPlaces(trx, offer.activity_id, now, env);
}

/** "No thanks, give it to the next person": the place is offered on at once. Declining again changes nothing. */
export async function declineActivityOffer(db: Db, key: ActivityOfferKey, now: Date = new Date(), env: Env = process.env): Promise<void> {
  await answer(db, key, async (trx, offer) => {
    if (offer.status === "declined") return;
    if (offer.status === "accepted") throw new OfferClosed("accepted");
    if (offer.status !== "open") refuse(offer, now);
    if (!(await settle(trx, offer.token, "declined", now))) refuse(await offerRow(trx, key), now);
    await passOn(trx, offer, now, env);
  });
}

/**
 * The sweep: every open offer whose time is up is marked expired and its place goes to the next person. Idempotent
 * and safe with several workers or instances: each offer is moved on by a conditional UPDATE (still open, time up)
 * inside its activity's lock, so only one sweep (and never an acceptance as well) gets it. Returns how many moved on.
 */
export async function expireActivityOffers(db: Db, now: Date = new Date(), env: Env = process.env, batch = 50): Promise<number> {
  const due = await db
    .selectFrom("centre_activity_offers")
    .select(["token", "activity_id"])
    .where("status", "=", "open")
    .where("expires_at", "<=", now.toISOString())
    .orderBy("expires_at")
    .limit(batch)
    .execute();
  let moved = 0;
  for (const offer of due) {
    try {
      const expired = await retryTransaction(db, claimOptions(offer.activity_id), async (trx) => {
        const row = await trx.selectFrom("centre_activity_offers").selectAll().where("token", "=", offer.token).executeTakeFirstOrThrow();
        if (!(await settle(trx, offer.token, "expired", now, "runOut"))) return false;
        await passOn(trx, row, now, env);
        return true;
      });
      if (expired) moved++;
    } catch (error) {
      // One activity's trouble does not stop the others; the offer is tried again on the next round.
      console.error(`activity offer sweep: ${maskForLog(error)}`);
    }
  }
  return moved;
}

export interface ActivityOfferLink {
  reference: string;
  name: string;
  phoneMasked: string;
  status: ActivityOfferStatus;
  placeNo: number;
  offeredAt: string;
  expiresAt: string;
  answeredAt: string | null;
}

/** Staff: every offer of an activity in the order made (the chain: who was offered when, and what came of it). */
export async function listActivityOfferChain(db: Db, activityId: string): Promise<ActivityOfferLink[]> {
  const rows = await db
    .selectFrom("centre_activity_offers as o")
    .innerJoin("centre_signups as s", "s.reference", "o.signup_reference")
    .select(["o.signup_reference", "o.status", "o.place_no", "o.offered_at", "o.expires_at", "o.answered_at", "s.name", "s.phone"])
    .where("o.activity_id", "=", activityId)
    .orderBy("o.offered_at")
    .orderBy("o.signup_reference")
    .execute();
  return rows.map((r) => ({
    reference: r.signup_reference,
    name: r.name,
    phoneMasked: maskPhone(r.phone),
    status: r.status as ActivityOfferStatus,
    placeNo: Number(r.place_no),
    offeredAt: r.offered_at,
    expiresAt: r.expires_at,
    answeredAt: r.answered_at,
  }));
}
