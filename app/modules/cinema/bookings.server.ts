import type { Kysely, Transaction } from "kysely";
import type { CinemaBookingTable, Database } from "../db/schema";
import { makeReference, normaliseReference } from "~/modules/shared/reference";
import { holdMinutes, maxHoldExtensions, normalisePhone, type CinemaNeed } from "./cinema-constants";
import { Busy, ExtensionLimit, HoldExpired, InvalidInput, NotAllowed, NotFound, SeatsTaken, SoldOut } from "./errors";
import { withClaimRetry } from "./claims.server";
import { randomId } from "./ids.server";
import { validateContact, validateParty, type Contact, type Party } from "./validation";
import { allocateSeats, countAvailable, sortSeats, type AllocationKind } from "./seat-allocation";
import { assertBookable, loadHallSeats, loadScreening, takenSeatIds, type Seat } from "./screenings.server";
import { offerFreedSeats } from "./offers.server";
import { assertHoldWithinLimits, releaseHoldsOverShare } from "./hold-limits.server";
import { findIdempotentResult, recordIdempotentResult, type IdempotencyClaim } from "../security/idempotency.server";
import { seatsByIds, toBookingView, type BookingStatus, type BookingView } from "./booking-views.server";
import { cinemaBookings } from "~/modules/observability/metrics.server";
import { queueBookingConfirmation } from "./booking-message.server";
import { sameSecret } from "~/modules/security/same-secret.server";
import { recordAudit, selfServiceActor } from "../staff/audit.server";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export type { Contact, Party };

export type { BookingStatus, BookingView };

export interface HoldView {
  id: string;
  screeningId: string;
  tickets: number;
  seats: Seat[];
  expiresAt: string;
  extendedCount: number;
  canExtend: boolean;
  /** How the seats were chosen ("chosen" when the person picked them). */
  kind: AllocationKind | "chosen";
}

function addMinutes(date: Date, minutes: number): string {
  return new Date(date.getTime() + minutes * 60_000).toISOString();
}


/** Picks seats for a party: the best available, or the ones the person chose (all must be free and fit the party). */
function pickSeats(plan: Seat[], taken: ReadonlySet<string>, party: Party, chosen?: string[]): { seats: Seat[]; kind: AllocationKind | "chosen" } {
  const wheelchair = party.needs?.includes("wheelchair") ?? false;
  if (chosen) {
    const unique = [...new Set(chosen)];
    const seats = plan.filter((s) => unique.includes(s.id));
    if (seats.length !== unique.length || unique.length !== party.tickets) throw new InvalidInput({ seats: "seatCount" });
    if (seats.some((s) => s.wheelchair) && !wheelchair) throw new InvalidInput({ seats: "wheelchairOnly" });
    const gone = seats.filter((s) => taken.has(s.id)).map((s) => s.id);
    if (gone.length) throw new SeatsTaken(gone);
    return { seats: sortSeats(seats), kind: "chosen" };
  }
  const result = allocateSeats(plan, taken, { count: party.tickets, wheelchair, lowVision: party.needs?.includes("lowVision") });
  if (!result.ok) throw new SoldOut(result.available, result.reason);
  return { seats: result.seats as Seat[], kind: result.kind };
}

/** pickSeats inside a claim; when the hall is short, holds over their client's share go first (hold-limits.server.ts). */
async function claimSeats(trx: Trx, plan: Seat[], screeningId: string, party: Party, now: Date, chosen?: string[]) {
  try {
    return pickSeats(plan, await takenSeatIds(trx, screeningId, now), party, chosen);
  } catch (error) {
    if (!(error instanceof SoldOut) || (await releaseHoldsOverShare(trx, screeningId, now)) === 0) throw error;
    return pickSeats(plan, await takenSeatIds(trx, screeningId, now), party, chosen);
  }
}

/** The best seats for a party right now, without holding them (the offer the seat step tells in words). */
export async function offerSeats(
  db: Db,
  screeningId: string,
  party: Party,
  now: Date = new Date(),
  options: { ignoreHoldId?: string } = {},
): Promise<{ seats: Seat[]; kind: AllocationKind; inLowVisionRows: boolean }> {
  validateParty(party);
  const screening = await loadScreening(db, screeningId);
  assertBookable(screening, now);
  const plan = await loadHallSeats(db, screening.hallId);
  const taken = await takenSeatIds(db, screeningId, now, { holdId: options.ignoreHoldId });
  const wheelchair = party.needs?.includes("wheelchair") ?? false;
  const result = allocateSeats(plan, taken, { count: party.tickets, wheelchair, lowVision: party.needs?.includes("lowVision") });
  if (!result.ok) throw new SoldOut(result.available, result.reason);
  return { seats: result.seats as Seat[], kind: result.kind, inLowVisionRows: result.inLowVisionRows };
}

async function availableFor(db: Db, screeningId: string, party: Party, now: Date): Promise<number> {
  const screening = await loadScreening(db, screeningId);
  const plan = await loadHallSeats(db, screening.hallId);
  return countAvailable(plan, await takenSeatIds(db, screeningId, now), { wheelchair: party.needs?.includes("wheelchair") });
}

/**
 * Holds seats for `holdMinutes` while the person books: the best available, or `seatIds` they chose.
 * `replaceHoldId` releases the person's earlier hold in the same transaction (changing seats). `client` (the
 * address) and `phone` (once given) are capped in how many seats they hold (hold-limits.server.ts).
 */
export async function holdSeats(
  db: Db,
  input: { screeningId: string; party: Party; seatIds?: string[]; replaceHoldId?: string | null; client?: string | null; phone?: string | null },
  now: Date = new Date(),
): Promise<HoldView> {
  validateParty(input.party);
  const { screeningId, party } = input;
  return withClaimRetry(
    db,
    screeningId,
    now,
    async (trx) => {
      const screening = await loadScreening(trx, screeningId);
      assertBookable(screening, now);
      if (input.replaceHoldId) await releaseHoldIn(trx, input.replaceHoldId);
      await assertHoldWithinLimits(trx, { screeningId, client: input.client, phone: input.phone, tickets: party.tickets, now });
      const plan = await loadHallSeats(trx, screening.hallId);
      const { seats, kind } = await claimSeats(trx, plan, screeningId, party, now, input.seatIds);
      const id = randomId();
      const expiresAt = addMinutes(now, holdMinutes);
      await trx
        .insertInto("cinema_holds")
        .values({ id, screening_id: screeningId, tickets: party.tickets, expires_at: expiresAt, extended_count: 0, created_at: now.toISOString(), client: input.client ?? null })
        .execute();
      await trx
        .insertInto("cinema_booking_seats")
        .values(seats.map((s) => ({ screening_id: screeningId, seat_id: s.id, booking_reference: null, hold_id: id, hold_expires_at: expiresAt })))
        .execute();
      return { id, screeningId, tickets: party.tickets, seats, expiresAt, extendedCount: 0, canExtend: true, kind };
    },
    async () => {
      if (input.seatIds) throw new SeatsTaken(input.seatIds);
      throw new SoldOut(await availableFor(db, screeningId, party, now));
    },
  );
}

async function releaseHoldIn(db: Db | Trx, holdId: string): Promise<void> {
  await db.deleteFrom("cinema_booking_seats").where("hold_id", "=", holdId).execute();
  await db.deleteFrom("cinema_holds").where("id", "=", holdId).execute();
}

/** Gives held seats back (the person changed their mind or chose other seats). */
export async function releaseHold(db: Db, holdId: string): Promise<void> {
  await db.transaction().execute((trx) => releaseHoldIn(trx, holdId));
}

/** A live hold, or HoldExpired when it lapsed or is gone. */
export async function getHold(db: Db | Trx, holdId: string, now: Date = new Date()): Promise<HoldView> {
  const hold = await db.selectFrom("cinema_holds").selectAll().where("id", "=", holdId).executeTakeFirst();
  if (!hold || hold.expires_at <= now.toISOString()) throw new HoldExpired();
  const claims = await db.selectFrom("cinema_booking_seats").select("seat_id").where("hold_id", "=", holdId).execute();
  if (claims.length !== Number(hold.tickets)) throw new HoldExpired();
  const screening = await loadScreening(db, hold.screening_id);
  const seats = sortSeats(await seatsByIds(db, screening.hallId, claims.map((c) => c.seat_id)));
  return {
    id: hold.id,
    screeningId: hold.screening_id,
    tickets: Number(hold.tickets),
    seats,
    expiresAt: hold.expires_at,
    extendedCount: Number(hold.extended_count),
    canExtend: Number(hold.extended_count) < maxHoldExtensions,
    kind: "chosen",
  };
}

/** More time: the hold runs `holdMinutes` from now again, at most `maxHoldExtensions` times. */
export async function extendHold(db: Db, holdId: string, now: Date = new Date()): Promise<HoldView> {
  return db.transaction().execute(async (trx) => {
    const hold = await getHold(trx, holdId, now);
    if (!hold.canExtend) throw new ExtensionLimit();
    // Ten more minutes on top of what is left (not ten from now): asking early never costs time (WCAG 2.2.1).
    const expiresAt = addMinutes(new Date(Math.max(now.getTime(), Date.parse(hold.expiresAt))), holdMinutes);
    await trx.updateTable("cinema_holds").set({ expires_at: expiresAt, extended_count: hold.extendedCount + 1 }).where("id", "=", holdId).execute();
    await trx.updateTable("cinema_booking_seats").set({ hold_expires_at: expiresAt }).where("hold_id", "=", holdId).execute();
    return { ...hold, expiresAt, extendedCount: hold.extendedCount + 1, canExtend: hold.extendedCount + 1 < maxHoldExtensions };
  });
}

async function insertBooking(
  trx: Trx,
  input: { screeningId: string; party: Party; contact: Contact; seats: Seat[]; locale: string; source: "web" | "api" },
  now: Date,
  reference: string = makeReference("DY"),
): Promise<CinemaBookingTable> {
  const needs = input.party.needs ?? [];
  const row: CinemaBookingTable = {
    reference,
    screening_id: input.screeningId,
    name: input.contact.name,
    phone: input.contact.phone,
    tickets: input.party.tickets,
    need_guide_dog: needs.includes("guideDog") ? 1 : 0,
    need_wheelchair: needs.includes("wheelchair") ? 1 : 0,
    need_escort: needs.includes("escort") ? 1 : 0,
    need_headset: needs.includes("headset") ? 1 : 0,
    need_low_vision: needs.includes("lowVision") ? 1 : 0,
    seat_ids: input.seats.map((s) => s.id).join(","),
    status: "confirmed",
    access_token: randomId(),
    locale: input.locale,
    source: input.source,
    created_at: now.toISOString(),
    cancelled_at: null,
    checked_in_at: null,
  };
  await trx.insertInto("cinema_bookings").values(row).execute();
  await queueBookingConfirmation(trx, row, input.seats, now);
  return row;
}

type HoldConfirmation = { holdId: string; contact: Contact; needs?: readonly CinemaNeed[]; locale: string };

/** Turns a live hold into a booking in one transaction; HoldExpired when the hold lapsed first. */
export async function confirmHold(db: Db, input: HoldConfirmation, now: Date = new Date()): Promise<BookingView> {
  const contact = validateContact(input.contact);
  const row = await db.transaction().execute((trx) => confirmHoldIn(trx, { ...input, contact }, now));
  cinemaBookings.inc({ event: "made", source: row.source });
  return toBookingView(db, row);
}

/** confirmHold inside a transaction (also how an accepted waiting-list offer becomes a booking: offers.server.ts). */
export async function confirmHoldIn(trx: Trx, input: HoldConfirmation, now: Date, reference?: string): Promise<CinemaBookingTable> {
  const hold = await getHold(trx, input.holdId, now);
  const screening = await loadScreening(trx, hold.screeningId);
  assertBookable(screening, now);
  const booking = await insertBooking(
    trx,
    { screeningId: hold.screeningId, party: { tickets: hold.tickets, needs: input.needs }, contact: input.contact, seats: hold.seats, locale: input.locale, source: "web" },
    now,
    reference,
  );
  const moved = await trx
    .updateTable("cinema_booking_seats")
    .set({ booking_reference: booking.reference, hold_id: null, hold_expires_at: null })
    .where("hold_id", "=", input.holdId)
    .where("hold_expires_at", ">", now.toISOString())
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== hold.tickets) throw new HoldExpired();
  await trx.deleteFrom("cinema_holds").where("id", "=", input.holdId).execute();
  return booking;
}

/**
 * Books the best available seats at once (the API, and anyone who does not need a hold). With `idempotency`, a
 * key used before with the same input gives back that booking (`replayed`) instead of a second one; the key is
 * recorded in the booking's own transaction (app/modules/security/idempotency.server.ts).
 */
export async function bookSeats(
  db: Db,
  input: { screeningId: string; party: Party; contact: Contact; locale: string; source?: "web" | "api"; idempotency?: IdempotencyClaim },
  now: Date = new Date(),
): Promise<BookingView & { replayed?: true }> {
  validateParty(input.party);
  const contact = validateContact(input.contact);
  const row = await withClaimRetry(
    db,
    input.screeningId,
    now,
    async (trx) => {
      const earlier = input.idempotency ? await findIdempotentResult(trx, input.idempotency, now) : null;
      if (earlier) return { ...(await trx.selectFrom("cinema_bookings").selectAll().where("reference", "=", earlier).executeTakeFirstOrThrow()), replayed: true as const };
      const screening = await loadScreening(trx, input.screeningId);
      assertBookable(screening, now);
      const plan = await loadHallSeats(trx, screening.hallId);
      const { seats } = await claimSeats(trx, plan, input.screeningId, input.party, now);
      const booking = await insertBooking(trx, { ...input, contact, seats, source: input.source ?? "api" }, now);
      await trx
        .insertInto("cinema_booking_seats")
        .values(seats.map((s) => ({ screening_id: input.screeningId, seat_id: s.id, booking_reference: booking.reference, hold_id: null, hold_expires_at: null })))
        .execute();
      if (input.idempotency) await recordIdempotentResult(trx, input.idempotency, booking.reference, now);
      return booking;
    },
    async () => {
      throw new SoldOut(await availableFor(db, input.screeningId, input.party, now));
    },
  );
  if (!("replayed" in row)) cinemaBookings.inc({ event: "made", source: row.source });
  const view = await toBookingView(db, row);
  return "replayed" in row ? { ...view, replayed: true } : view;
}

/** How a person proves a booking is theirs: the reference with the phone, or with the page token. */
export type BookingKey = { reference: string; phone: string } | { reference: string; token: string };

async function findRow(db: Db | Trx, key: BookingKey): Promise<CinemaBookingTable> {
  const reference = normaliseReference(key.reference);
  const row = reference ? await db.selectFrom("cinema_bookings").selectAll().where("reference", "=", reference).executeTakeFirst() : undefined;
  // The wrong phone (or token) is refused exactly like an unknown reference: the same error, no hint.
  const ok = row && ("phone" in key ? sameSecret(normalisePhone(key.phone), row.phone) : sameSecret(key.token, row.access_token));
  if (!row || !ok) throw new NotFound("booking");
  return row;
}

export async function findBooking(db: Db, key: BookingKey): Promise<BookingView> {
  return toBookingView(db, await findRow(db, key));
}

/**
 * Cancels a booking: its seats are freed at once and, in the same transaction and under the screening's claim lock,
 * offered to the waiting list in order (offers.server.ts: held for the first parties that fit, each sent a link).
 * The person cancels their own booking, so it is audited as self-service. Cancelling twice is harmless (and audited once).
 */
export async function cancelBooking(
  db: Db,
  key: BookingKey,
  now: Date = new Date(),
): Promise<{ booking: BookingView; offeredTo: string[] }> {
  const first = await findRow(db, key);
  const result = await withClaimRetry(
    db,
    first.screening_id,
    now,
    async (trx) => {
      const row = await findRow(trx, key);
      if (row.status === "cancelled") return { row, offeredTo: [] as string[], cancelledNow: false };
      if (row.status === "checked_in") throw new NotAllowed("checkedIn");
      // Conditional on the state read: a check-in at the door commits between that read and this write (it does not
      // lock the screening), and then the party is in and the booking is not cancelled.
      const changed = await trx
        .updateTable("cinema_bookings")
        .set({ status: "cancelled", cancelled_at: now.toISOString() })
        .where("reference", "=", row.reference)
        .where("status", "=", row.status)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) throw new NotAllowed("checkedIn");
      await trx.deleteFrom("cinema_booking_seats").where("booking_reference", "=", row.reference).execute();
      const offeredTo = await offerFreedSeats(trx, row.screening_id, now);
      // The person cancelled their own booking (its page's key, or the API with reference + phone): audited like
      // every self-service withdrawal, in the same transaction.
      await recordAudit(
        trx,
        selfServiceActor,
        { action: "cinema.booking.cancel", targetType: "cinema_booking", targetId: row.reference, detail: offeredTo.length ? `seats offered to ${offeredTo.join(", ")}` : undefined },
        now,
      );
      return { row: { ...row, status: "cancelled", cancelled_at: now.toISOString() }, offeredTo, cancelledNow: true };
    },
    () => {
      throw new Busy();
    },
  );
  if (result.cancelledNow) cinemaBookings.inc({ event: "cancelled", source: result.row.source });
  return { booking: await toBookingView(db, result.row), offeredTo: result.offeredTo };
}
