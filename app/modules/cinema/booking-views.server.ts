import { normaliseReference } from "~/modules/shared/reference";
import type { Kysely, Transaction } from "kysely";
import type { CinemaBookingTable, Database } from "../db/schema";
import { maskPhone } from "../privacy/mask";
import { cinemaNeeds, type CinemaNeed } from "./cinema-constants";
import { sortSeats } from "./seat-allocation";
import { loadHallSeats, loadScreening, type Seat } from "./screenings.server";

type Db = Kysely<Database> | Transaction<Database>;

export type BookingStatus = "confirmed" | "cancelled" | "checked_in";

/** A booking as every view sees it: the phone is masked. */
export interface BookingView {
  reference: string;
  screeningId: string;
  name: string;
  phoneMasked: string;
  tickets: number;
  needs: CinemaNeed[];
  seats: Seat[];
  status: BookingStatus;
  /** Capability for the booking's own pages: /cinema/booking/<reference>/<accessToken>. */
  accessToken: string;
  locale: string;
  createdAt: string;
  cancelledAt: string | null;
  checkedInAt: string | null;
}

export const needColumns: Record<CinemaNeed, keyof CinemaBookingTable> = {
  guideDog: "need_guide_dog",
  wheelchair: "need_wheelchair",
  escort: "need_escort",
  headset: "need_headset",
  lowVision: "need_low_vision",
};

export async function seatsByIds(db: Db, hallId: string, ids: string[]): Promise<Seat[]> {
  const plan = await loadHallSeats(db, hallId);
  const wanted = new Set(ids);
  return plan.filter((s) => wanted.has(s.id));
}

export async function toBookingView(db: Db, row: CinemaBookingTable): Promise<BookingView> {
  const screening = await loadScreening(db, row.screening_id);
  const order = row.seat_ids.split(",").filter(Boolean);
  const seats = sortSeats(await seatsByIds(db, screening.hallId, order));
  return {
    reference: row.reference,
    screeningId: row.screening_id,
    name: row.name,
    phoneMasked: maskPhone(row.phone),
    tickets: Number(row.tickets),
    needs: cinemaNeeds.filter((n) => Number(row[needColumns[n]]) === 1),
    seats,
    status: (row.status as BookingStatus) ?? "confirmed",
    accessToken: row.access_token,
    locale: row.locale,
    createdAt: row.created_at,
    cancelledAt: row.cancelled_at,
    checkedInAt: row.checked_in_at,
  };
}


/** Many bookings at once (one screening lookup per screening, one plan per hall). */
export async function toBookingViews(db: Db, rows: CinemaBookingTable[]): Promise<BookingView[]> {
  return Promise.all(rows.map((row) => toBookingView(db, row)));
}

export async function findBookingRowsForScreening(
  db: Db,
  screeningId: string,
  options: { query?: string; includeCancelled?: boolean } = {},
): Promise<CinemaBookingTable[]> {
  let q = db.selectFrom("cinema_bookings").selectAll().where("screening_id", "=", screeningId).orderBy("created_at").orderBy("reference");
  if (!options.includeCancelled) q = q.where("status", "!=", "cancelled");
  const text = options.query?.trim();
  if (text) {
    const ref = normaliseReference(text);
    q = q.where((eb) => eb.or([eb("reference", "=", ref), eb("name", "like", `%${text.replace(/[%_]/g, "")}%`)]));
  }
  return q.execute();
}
