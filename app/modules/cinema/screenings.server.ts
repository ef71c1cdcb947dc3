import type { Kysely, Transaction } from "kysely";
import type { CinemaScreeningTable, CinemaSeatTable, Database } from "../db/schema";
import { BookingClosed, NotFound } from "./errors";
import { countAvailable, sortSeats, type PlanSeat } from "./seat-allocation";

type Db = Kysely<Database> | Transaction<Database>;

export interface Seat extends PlanSeat {
  /** "3排5座" */
  label: string;
}

export type BookingWindow = "open" | "notOpenYet" | "closed" | "past" | "cancelled";

export interface Screening {
  id: string;
  hallId: string;
  hallName: { zh: string; en: string };
  venue: { zh: string; en: string };
  title: { zh: string; en: string };
  synopsis: { zh: string; en: string };
  durationMinutes: number;
  audioDescription: boolean;
  captions: boolean;
  signLanguage: boolean;
  startsAt: string;
  bookingOpensAt: string;
  bookingClosesAt: string;
  status: "scheduled" | "cancelled";
}

export interface ScreeningWithSeats extends Screening {
  /** Every place in the hall (seats and wheelchair spaces). */
  seatsTotal: number;
  /** Free places now (seats and wheelchair spaces). */
  seatsAvailable: number;
  /** Free seats for people who do not need a wheelchair space. */
  ordinarySeatsAvailable: number;
  wheelchairSpacesAvailable: number;
  booking: BookingWindow;
}

type ScreeningRow = CinemaScreeningTable & { hall_name_zh: string; hall_name_en: string; venue_zh: string; venue_en: string };

export function toScreening(row: ScreeningRow): Screening {
  return {
    id: row.id,
    hallId: row.hall_id,
    hallName: { zh: row.hall_name_zh, en: row.hall_name_en },
    venue: { zh: row.venue_zh, en: row.venue_en },
    title: { zh: row.title_zh, en: row.title_en },
    synopsis: { zh: row.synopsis_zh, en: row.synopsis_en },
    durationMinutes: Number(row.duration_minutes),
    audioDescription: Number(row.audio_description) === 1,
    captions: Number(row.captions) === 1,
    signLanguage: Number(row.sign_language) === 1,
    startsAt: row.starts_at,
    bookingOpensAt: row.booking_opens_at,
    bookingClosesAt: row.booking_closes_at,
    status: row.status === "cancelled" ? "cancelled" : "scheduled",
  };
}

export function toSeat(row: CinemaSeatTable): Seat {
  return {
    id: row.id,
    row: Number(row.seat_row),
    number: Number(row.seat_number),
    label: row.label,
    aisle: Number(row.aisle) === 1,
    wheelchair: Number(row.wheelchair) === 1,
    companion: Number(row.companion) === 1,
    lowVision: Number(row.low_vision) === 1,
  };
}

function screeningQuery(db: Db) {
  return db
    .selectFrom("cinema_screenings as s")
    .innerJoin("cinema_halls as h", "h.id", "s.hall_id")
    .selectAll("s")
    .select(["h.name_zh as hall_name_zh", "h.name_en as hall_name_en", "h.venue_zh", "h.venue_en"]);
}

/** Whether booking is possible at `now`: never for a cancelled or past screening, only between opens and closes. */
export function bookingWindow(screening: Screening, now: Date): BookingWindow {
  const t = now.toISOString();
  if (screening.status === "cancelled") return "cancelled";
  if (screening.startsAt <= t) return "past";
  if (t < screening.bookingOpensAt) return "notOpenYet";
  if (t >= screening.bookingClosesAt) return "closed";
  return "open";
}

export function assertBookable(screening: Screening, now: Date): void {
  const window = bookingWindow(screening, now);
  if (window !== "open") throw new BookingClosed(window);
}

export async function loadScreening(db: Db, id: string): Promise<Screening> {
  const row = await screeningQuery(db).where("s.id", "=", id).executeTakeFirst();
  if (!row) throw new NotFound("screening");
  return toScreening(row);
}

export async function loadHallSeats(db: Db, hallId: string): Promise<Seat[]> {
  const rows = await db.selectFrom("cinema_seats").selectAll().where("hall_id", "=", hallId).execute();
  return sortSeats(rows.map(toSeat));
}

/** Seats claimed for a screening at `now`: sold, or held by a hold that has not lapsed. */
export async function takenSeatIds(db: Db, screeningId: string, now: Date, except?: { holdId?: string }): Promise<Set<string>> {
  let query = db
    .selectFrom("cinema_booking_seats")
    .select("seat_id")
    .where("screening_id", "=", screeningId)
    .where((eb) => eb.or([eb("booking_reference", "is not", null), eb("hold_expires_at", ">", now.toISOString())]));
  if (except?.holdId) query = query.where((eb) => eb.or([eb("hold_id", "is", null), eb("hold_id", "!=", except.holdId!)]));
  const rows = await query.execute();
  return new Set(rows.map((r) => r.seat_id));
}

function withSeats(screening: Screening, plan: PlanSeat[], taken: ReadonlySet<string>, now: Date): ScreeningWithSeats {
  const free = plan.filter((s) => !taken.has(s.id));
  return {
    ...screening,
    seatsTotal: plan.length,
    seatsAvailable: free.length,
    ordinarySeatsAvailable: countAvailable(plan, taken),
    wheelchairSpacesAvailable: free.filter((s) => s.wheelchair).length,
    booking: bookingWindow(screening, now),
  };
}

export async function getScreening(db: Db, id: string, now: Date = new Date()): Promise<ScreeningWithSeats> {
  const screening = await loadScreening(db, id);
  const [plan, taken] = await Promise.all([loadHallSeats(db, screening.hallId), takenSeatIds(db, id, now)]);
  return withSeats(screening, plan, taken, now);
}

export interface ScreeningFilter {
  audioDescription?: boolean;
  captions?: boolean;
  signLanguage?: boolean;
  /** Include cancelled screenings (staff); the public schedule shows them too, marked cancelled. */
  includeCancelled?: boolean;
  /** Upper bound for starts_at (ISO). */
  until?: string;
}

/** Upcoming screenings (not yet started), soonest first, with seats left. */
export async function listUpcomingScreenings(
  db: Db,
  filter: ScreeningFilter = {},
  now: Date = new Date(),
): Promise<ScreeningWithSeats[]> {
  let query = screeningQuery(db).where("s.starts_at", ">", now.toISOString()).orderBy("s.starts_at").orderBy("s.id");
  if (filter.audioDescription) query = query.where("s.audio_description", "=", 1);
  if (filter.captions) query = query.where("s.captions", "=", 1);
  if (filter.signLanguage) query = query.where("s.sign_language", "=", 1);
  if (!filter.includeCancelled) query = query.where("s.status", "=", "scheduled");
  if (filter.until) query = query.where("s.starts_at", "<=", filter.until);
  const screenings = (await query.execute()).map(toScreening);
  if (screenings.length === 0) return [];

  const hallIds = [...new Set(screenings.map((s) => s.hallId))];
  const seatRows = await db.selectFrom("cinema_seats").selectAll().where("hall_id", "in", hallIds).execute();
  const plans = new Map<string, Seat[]>();
  for (const row of seatRows) plans.set(row.hall_id, [...(plans.get(row.hall_id) ?? []), toSeat(row)]);
  const claims = await db
    .selectFrom("cinema_booking_seats")
    .select(["screening_id", "seat_id"])
    .where(
      "screening_id",
      "in",
      screenings.map((s) => s.id),
    )
    .where((eb) => eb.or([eb("booking_reference", "is not", null), eb("hold_expires_at", ">", now.toISOString())]))
    .execute();
  const taken = new Map<string, Set<string>>();
  for (const c of claims) taken.set(c.screening_id, (taken.get(c.screening_id) ?? new Set()).add(c.seat_id));
  return screenings.map((s) => withSeats(s, plans.get(s.hallId) ?? [], taken.get(s.id) ?? new Set(), now));
}

export interface SeatState extends Seat {
  state: "free" | "taken" | "yours";
}

/** The hall plan for one screening with each seat's state, for "choose seats myself". */
export async function seatMap(db: Db, screeningId: string, now: Date = new Date(), ownHoldId?: string): Promise<SeatState[]> {
  const screening = await loadScreening(db, screeningId);
  const plan = await loadHallSeats(db, screening.hallId);
  const taken = await takenSeatIds(db, screeningId, now);
  const own = ownHoldId
    ? new Set(
        (
          await db
            .selectFrom("cinema_booking_seats")
            .select("seat_id")
            .where("hold_id", "=", ownHoldId)
            .where("hold_expires_at", ">", now.toISOString())
            .execute()
        ).map((r) => r.seat_id),
      )
    : new Set<string>();
  return plan.map((s) => ({ ...s, state: own.has(s.id) ? "yours" : taken.has(s.id) ? "taken" : "free" }));
}
