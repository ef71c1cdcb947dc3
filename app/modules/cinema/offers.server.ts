import type { Kysely, Transaction } from "kysely";
import type { CinemaBookingTable, CinemaWaitingOfferTable, Database } from "../db/schema";
import { formatDateTime } from "~/i18n/format";
import { defaultLocale, isLocale } from "~/i18n/config";
import { enqueueMessage } from "../messages/enqueue.server";
import { offerExpiry, type OfferLinkKey } from "~/modules/shared/offer-hold";
import { maskForLog } from "../privacy/log.server";
import { rowWithToken } from "~/modules/security/same-secret.server";
import { normaliseReference } from "~/modules/shared/reference";
import { cinemaBookings } from "~/modules/observability/metrics.server";
import { toBookingView, type BookingView } from "./booking-views.server";
import { confirmHoldIn } from "./bookings.server";
import { withClaimRetry } from "./claims.server";
import { Busy, NotFound, OfferClosed } from "./errors";
import { randomId } from "./ids.server";
import { allocateSeats, sortSeats } from "./seat-allocation";
import { seatList } from "./seat-words";
import { bookingWindow, loadHallSeats, loadScreening, takenSeatIds, type Screening, type Seat } from "./screenings.server";

/**
 * Waiting-list offers (issue 17, item 4). When seats free up (a booking is cancelled, an offer is declined or runs
 * out), the first waiting parties that fit are each offered seats, in the transaction that freed them and under the
 * same screening lock as every claim (claims.server.ts):
 *   - the seats are HELD for the person: a `cinema_holds` row with its claims in `cinema_booking_seats`, so every
 *     availability count and every other claim sees them taken (an offered seat is never also sold). The hold lasts
 *     until online booking closes; the offer's own `expires_at` decides whether it can still be accepted;
 *   - a text with the film, time, seats in words, until when, and the secret link /cinema/offer/<entry>/<token> is
 *     queued in the same transaction (app/modules/messages). The offer runs OFFER_HOLD_HOURS (default 24) from when
 *     the text can go out (after SMS quiet hours), never past the screening's booking cut-off.
 * Accepting turns the hold into an ordinary booking (its reference and confirmation page); declining, or the sweep
 * finding the offer run out (`expireWaitingOffers`, run by the message worker loop), gives the seats to the next
 * person. Every answer is a conditional UPDATE on the offer's status inside the screening lock: exactly one of
 * "booked", "declined", "expired" wins, however many clicks, workers or instances race.
 */
type Db = Kysely<Database>;
type Trx = Transaction<Database>;
type Env = Record<string, string | undefined>;

export type OfferStatus = "open" | "booked" | "declined" | "expired" | "withdrawn";

export { defaultOfferHoldHours, offerHoldHours } from "~/modules/shared/offer-hold";

/** The page where the person answers an offer (locale-neutral; safe to build anywhere). */
export function offerPath(entryId: string, token: string): string {
  return `/cinema/offer/${encodeURIComponent(entryId)}/${encodeURIComponent(token)}`;
}

/** When an offer made at `now` runs out: the hold time from when its text can be sent, never past the booking cut-off. */
const screeningOfferExpiry = (screening: Screening, now: Date, env: Env) => offerExpiry(now, screening.bookingClosesAt, env);

/**
 * Seats are free: each entry still "waiting", in order, whose party fits in what is free is offered seats (held
 * for it) and texted. Call inside a claim transaction that locked the screening (withClaimRetry). Returns the
 * entry ids offered seats.
 */
export async function offerFreedSeats(trx: Trx, screeningId: string, now: Date, env: Env = process.env): Promise<string[]> {
  const screening = await loadScreening(trx, screeningId);
  if (bookingWindow(screening, now) !== "open") return [];
  const waiting = await trx
    .selectFrom("cinema_waiting_list")
    .selectAll()
    .where("screening_id", "=", screeningId)
    .where("status", "=", "waiting")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  if (!waiting.length) return [];
  const plan = await loadHallSeats(trx, screening.hallId);
  const taken = await takenSeatIds(trx, screeningId, now);
  const offered: string[] = [];
  for (const entry of waiting) {
    const result = allocateSeats(plan, taken, { count: Number(entry.tickets) });
    if (!result.ok) {
      if (result.available === 0) break;
      continue;
    }
    const seats = result.seats as Seat[];
    for (const seat of seats) taken.add(seat.id);
    const token = randomId();
    const holdId = randomId();
    const expiresAt = screeningOfferExpiry(screening, now, env);
    await trx
      .insertInto("cinema_holds")
      .values({ id: holdId, screening_id: screeningId, tickets: Number(entry.tickets), expires_at: screening.bookingClosesAt, extended_count: 0, created_at: now.toISOString(), client: null })
      .execute();
    await trx
      .insertInto("cinema_booking_seats")
      .values(seats.map((s) => ({ screening_id: screeningId, seat_id: s.id, booking_reference: null, hold_id: holdId, hold_expires_at: screening.bookingClosesAt })))
      .execute();
    await trx
      .insertInto("cinema_waiting_offers")
      .values({ token, entry_id: entry.id, screening_id: screeningId, hold_id: holdId, seat_ids: seats.map((s) => s.id).join(","), status: "open", offered_at: now.toISOString(), expires_at: expiresAt, answered_at: null, booking_reference: null })
      .execute();
    await trx.updateTable("cinema_waiting_list").set({ status: "offered", offered_at: now.toISOString() }).where("id", "=", entry.id).execute();
    const locale = isLocale(entry.locale) ? entry.locale : defaultLocale;
    await enqueueMessage(
      trx,
      {
        recipient: entry.phone,
        locale,
        template: "waitingOffer",
        params: {
          reference: entry.id,
          film: screening.title[locale === "en" ? "en" : "zh"],
          when: formatDateTime(screening.startsAt, locale),
          seats: seatList(seats, locale),
          until: formatDateTime(expiresAt, locale),
        },
        target: { type: "cinema_waiting", id: entry.id },
        managePath: offerPath(entry.id, token),
      },
      now,
      env,
    );
    offered.push(entry.id);
  }
  return offered;
}

async function releaseOfferHold(trx: Trx, offer: Pick<CinemaWaitingOfferTable, "hold_id">): Promise<void> {
  await trx.deleteFrom("cinema_booking_seats").where("hold_id", "=", offer.hold_id).where("booking_reference", "is", null).execute();
  await trx.deleteFrom("cinema_holds").where("id", "=", offer.hold_id).execute();
}

/**
 * Closes the open offer of an entry (staff changed the entry, or it was withdrawn) and gives its seats to the
 * next person. Call inside a transaction that locked the screening. Returns whether an offer was open.
 */
export async function withdrawOpenOffer(trx: Trx, entryId: string, now: Date, env: Env = process.env): Promise<boolean> {
  const open = await trx.selectFrom("cinema_waiting_offers").selectAll().where("entry_id", "=", entryId).where("status", "=", "open").executeTakeFirst();
  if (!open) return false;
  const closed = await trx.updateTable("cinema_waiting_offers").set({ status: "withdrawn", answered_at: now.toISOString() }).where("token", "=", open.token).where("status", "=", "open").executeTakeFirst();
  if (Number(closed.numUpdatedRows) === 0) return false;
  await releaseOfferHold(trx, open);
  await offerFreedSeats(trx, open.screening_id, now, env);
  return true;
}

/** The waiting-list entry's reference (HB-…) and the offer's token. */
export type OfferKey = OfferLinkKey;

/** The offer named by a link; a wrong token is answered exactly like an unknown reference. */
async function offerRow(db: Db | Trx, key: OfferKey): Promise<CinemaWaitingOfferTable> {
  const entryId = normaliseReference(key.reference ?? "");
  const rows = entryId ? await db.selectFrom("cinema_waiting_offers").selectAll().where("entry_id", "=", entryId).execute() : [];
  const row = rowWithToken(rows, key.token);
  if (!row) throw new NotFound("offer");
  return row;
}

export interface OfferView {
  entryId: string;
  token: string;
  /** "expired" as soon as the time is up, even before the sweep has moved it on. */
  status: OfferStatus;
  screening: Screening;
  name: string;
  tickets: number;
  seats: Seat[];
  offeredAt: string;
  expiresAt: string;
  /** Once booked: the booking's own page. */
  booking: { reference: string; accessToken: string } | null;
}

async function seatsOf(db: Db | Trx, screening: Screening, seatIds: string): Promise<Seat[]> {
  const wanted = new Set(seatIds.split(",").filter(Boolean));
  return sortSeats((await loadHallSeats(db, screening.hallId)).filter((s) => wanted.has(s.id)));
}

/** What the offer page shows. */
export async function findOffer(db: Db, key: OfferKey, now: Date = new Date()): Promise<OfferView> {
  const row = await offerRow(db, key);
  const entry = await db.selectFrom("cinema_waiting_list").select(["name", "tickets"]).where("id", "=", row.entry_id).executeTakeFirstOrThrow();
  const screening = await loadScreening(db, row.screening_id);
  const booking = row.booking_reference
    ? await db.selectFrom("cinema_bookings").select(["reference", "access_token"]).where("reference", "=", row.booking_reference).executeTakeFirst()
    : undefined;
  const status = row.status === "open" && row.expires_at <= now.toISOString() ? "expired" : (row.status as OfferStatus);
  return {
    entryId: row.entry_id,
    token: row.token,
    status,
    screening,
    name: entry.name,
    tickets: Number(entry.tickets),
    seats: await seatsOf(db, screening, row.seat_ids),
    offeredAt: row.offered_at,
    expiresAt: row.expires_at,
    booking: booking ? { reference: booking.reference, accessToken: booking.access_token } : null,
  };
}

function refuse(row: CinemaWaitingOfferTable, now: Date): never {
  if (row.status === "declined" || row.status === "withdrawn") throw new OfferClosed(row.status);
  if (row.status === "open" && row.expires_at > now.toISOString()) throw new Busy();
  throw new OfferClosed("expired");
}

/** An open offer's held seats become the entry's booking; call inside the screening's lock. */
async function bookOfferIn(trx: Trx, offer: CinemaWaitingOfferTable, now: Date): Promise<CinemaBookingTable> {
  const entry = await trx.selectFrom("cinema_waiting_list").selectAll().where("id", "=", offer.entry_id).executeTakeFirstOrThrow();
  const booking = await confirmHoldIn(trx, { holdId: offer.hold_id, contact: { name: entry.name, phone: entry.phone }, needs: [], locale: entry.locale }, now);
  const won = await trx
    .updateTable("cinema_waiting_offers")
    .set({ status: "booked", answered_at: now.toISOString(), booking_reference: booking.reference })
    .where("token", "=", offer.token)
    .where("status", "=", "open")
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  // Another answer committed first (the lock makes this rare): the transaction rolls back, booking and all.
  if (Number(won.numUpdatedRows) !== 1) refuse(await trx.selectFrom("cinema_waiting_offers").selectAll().where("token", "=", offer.token).executeTakeFirstOrThrow(), now);
  await trx.updateTable("cinema_waiting_list").set({ status: "booked" }).where("id", "=", offer.entry_id).execute();
  return booking;
}

/**
 * Staff marked an entry booked (the person said yes on the phone): its open offer, if still in time, is booked for
 * them, exactly as the link would. Call inside the screening's lock. Returns the booking reference, or null.
 */
export async function bookOpenOfferOf(trx: Trx, entryId: string, now: Date): Promise<string | null> {
  const open = await trx
    .selectFrom("cinema_waiting_offers")
    .selectAll()
    .where("entry_id", "=", entryId)
    .where("status", "=", "open")
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return open ? (await bookOfferIn(trx, open, now)).reference : null;
}

/**
 * "Book these seats": the held seats become an ordinary booking (reference, confirmation page), for the entry's
 * name and phone, in the language they joined in. Accepting again answers with the same booking; after the offer
 * ran out (or was declined) it is refused with OfferClosed.
 */
export async function acceptOffer(db: Db, key: OfferKey, now: Date = new Date()): Promise<BookingView> {
  const first = await offerRow(db, key);
  let made = false;
  const row = await withClaimRetry(
    db,
    first.screening_id,
    now,
    async (trx): Promise<CinemaBookingTable> => {
      const offer = await offerRow(trx, key);
      if (offer.status === "booked" && offer.booking_reference) {
        return trx.selectFrom("cinema_bookings").selectAll().where("reference", "=", offer.booking_reference).executeTakeFirstOrThrow();
      }
      if (offer.status !== "open" || offer.expires_at <= now.toISOString()) refuse(offer, now);
      const booking = await bookOfferIn(trx, offer, now);
      made = true;
      return booking;
    },
    () => {
      throw new Busy();
    },
  );
  if (made) cinemaBookings.inc({ event: "made", source: row.source });
  return toBookingView(db, row);
}

/** "No thanks": the seats go to the next person at once. Declining again changes nothing; after booking it is refused. */
export async function declineOffer(db: Db, key: OfferKey, now: Date = new Date(), env: Env = process.env): Promise<void> {
  const first = await offerRow(db, key);
  await withClaimRetry(
    db,
    first.screening_id,
    now,
    async (trx) => {
      const offer = await offerRow(trx, key);
      if (offer.status === "declined") return;
      if (offer.status === "booked") throw new OfferClosed("booked");
      if (offer.status !== "open") refuse(offer, now);
      const won = await trx.updateTable("cinema_waiting_offers").set({ status: "declined", answered_at: now.toISOString() }).where("token", "=", offer.token).where("status", "=", "open").executeTakeFirst();
      if (Number(won.numUpdatedRows) !== 1) refuse(await offerRow(trx, key), now);
      await releaseOfferHold(trx, offer);
      await trx.updateTable("cinema_waiting_list").set({ status: "declined" }).where("id", "=", offer.entry_id).where("status", "=", "offered").execute();
      await offerFreedSeats(trx, offer.screening_id, now, env);
    },
    () => {
      throw new Busy();
    },
  );
}

/**
 * The sweep: every open offer whose time is up is marked expired and its seats go to the next person. Idempotent and
 * safe with several workers or instances: each offer is moved on by a conditional UPDATE (status still open, time
 * up) inside its screening's lock, so only one sweep (and never an acceptance as well) gets it. Returns how many it
 * moved on.
 */
export async function expireWaitingOffers(db: Db, now: Date = new Date(), env: Env = process.env, batch = 50): Promise<number> {
  const due = await db
    .selectFrom("cinema_waiting_offers")
    .select(["token", "screening_id"])
    .where("status", "=", "open")
    .where("expires_at", "<=", now.toISOString())
    .orderBy("expires_at")
    .limit(batch)
    .execute();
  let moved = 0;
  for (const offer of due) {
    try {
      const expired = await withClaimRetry(
        db,
        offer.screening_id,
        now,
        async (trx) => {
          const row = await trx.selectFrom("cinema_waiting_offers").selectAll().where("token", "=", offer.token).executeTakeFirstOrThrow();
          const won = await trx
            .updateTable("cinema_waiting_offers")
            .set({ status: "expired", answered_at: now.toISOString() })
            .where("token", "=", offer.token)
            .where("status", "=", "open")
            .where("expires_at", "<=", now.toISOString())
            .executeTakeFirst();
          if (Number(won.numUpdatedRows) !== 1) return false;
          await releaseOfferHold(trx, row);
          await trx.updateTable("cinema_waiting_list").set({ status: "expired" }).where("id", "=", row.entry_id).where("status", "=", "offered").execute();
          await offerFreedSeats(trx, row.screening_id, now, env);
          return true;
        },
        () => {
          throw new Busy();
        },
      );
      if (expired) moved++;
    } catch (error) {
      // One screening's trouble does not stop the others; the offer is tried again on the next round.
      console.error(`waiting-list offer sweep: ${maskForLog(error)}`);
    }
  }
  return moved;
}

export interface OfferLink {
  entryId: string;
  name: string;
  tickets: number;
  status: OfferStatus;
  seats: Seat[];
  offeredAt: string;
  expiresAt: string;
  answeredAt: string | null;
  bookingReference: string | null;
}

/** Staff: every offer of a screening in the order made (the chain: who was offered when, and what came of it). */
export async function listOfferChain(db: Db, screeningId: string): Promise<OfferLink[]> {
  const screening = await loadScreening(db, screeningId);
  const plan = await loadHallSeats(db, screening.hallId);
  const rows = await db
    .selectFrom("cinema_waiting_offers as o")
    .innerJoin("cinema_waiting_list as w", "w.id", "o.entry_id")
    .select(["o.entry_id", "o.status", "o.seat_ids", "o.offered_at", "o.expires_at", "o.answered_at", "o.booking_reference", "w.name", "w.tickets"])
    .where("o.screening_id", "=", screeningId)
    .orderBy("o.offered_at")
    .orderBy("o.entry_id")
    .execute();
  return rows.map((r) => {
    const ids = new Set(r.seat_ids.split(","));
    return {
      entryId: r.entry_id,
      name: r.name,
      tickets: Number(r.tickets),
      status: r.status as OfferStatus,
      seats: plan.filter((s) => ids.has(s.id)),
      offeredAt: r.offered_at,
      expiresAt: r.expires_at,
      answeredAt: r.answered_at,
      bookingReference: r.booking_reference,
    };
  });
}
