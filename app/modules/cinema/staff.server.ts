import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { normaliseReference } from "~/modules/shared/reference";
import { InvalidInput, NotAllowed, NotFound } from "./errors";
import { findBookingRowsForScreening, toBookingViews, type BookingView } from "./booking-views.server";
import { getScreening, loadScreening, type Screening, type ScreeningWithSeats } from "./screenings.server";
import { randomId } from "./ids.server";
import { recordAudit, withAudit, type Actor } from "../staff/audit.server";

/**
 * What the staff pages need. Nothing here checks who is asking: the route does (role). Every change and every
 * full phone number shown writes its audit entry here, in the same transaction as the change or the read.
 */
type Db = Kysely<Database>;

export interface ScreeningInput {
  hallId: string;
  title: { zh: string; en: string };
  synopsis: { zh: string; en: string };
  durationMinutes: number;
  audioDescription: boolean;
  captions: boolean;
  signLanguage: boolean;
  startsAt: string;
  bookingOpensAt: string;
  bookingClosesAt: string;
}

function checkScreening(input: ScreeningInput): void {
  const fields: Record<string, string> = {};
  if (!input.title.zh.trim()) fields.titleZh = "required";
  if (!input.title.en.trim()) fields.titleEn = "required";
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1 || input.durationMinutes > 600) fields.durationMinutes = "invalid";
  for (const key of ["startsAt", "bookingOpensAt", "bookingClosesAt"] as const) {
    if (Number.isNaN(Date.parse(input[key]))) fields[key] = "invalid";
  }
  if (!fields.bookingClosesAt && !fields.startsAt && input.bookingClosesAt > input.startsAt) fields.bookingClosesAt = "afterStart";
  if (!fields.bookingOpensAt && !fields.bookingClosesAt && input.bookingOpensAt >= input.bookingClosesAt) fields.bookingOpensAt = "afterClose";
  if (Object.keys(fields).length) throw new InvalidInput(fields);
}

const iso = (value: string) => new Date(value).toISOString();

export async function createScreening(db: Db, actor: Actor, input: ScreeningInput, now: Date = new Date()): Promise<Screening> {
  checkScreening(input);
  const hall = await db.selectFrom("cinema_halls").select("id").where("id", "=", input.hallId).executeTakeFirst();
  if (!hall) throw new InvalidInput({ hallId: "invalid" });
  const id = `s-${randomId().slice(0, 10)}`;
  return withAudit(db, actor, (trx) => insertScreening(trx, id, input, now), { action: "cinema.screening.create", targetType: "cinema_screening", targetId: id }, now);
}

async function insertScreening(db: Db, id: string, input: ScreeningInput, now: Date): Promise<Screening> {
  await db
    .insertInto("cinema_screenings")
    .values({
      id,
      hall_id: input.hallId,
      title_zh: input.title.zh.trim(),
      title_en: input.title.en.trim(),
      synopsis_zh: input.synopsis.zh.trim(),
      synopsis_en: input.synopsis.en.trim(),
      duration_minutes: input.durationMinutes,
      audio_description: input.audioDescription ? 1 : 0,
      captions: input.captions ? 1 : 0,
      sign_language: input.signLanguage ? 1 : 0,
      starts_at: iso(input.startsAt),
      booking_opens_at: iso(input.bookingOpensAt),
      booking_closes_at: iso(input.bookingClosesAt),
      status: "scheduled",
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  return loadScreening(db, id);
}

/** Edits a screening's details (not its hall: seats may be sold). */
export async function updateScreening(db: Db, actor: Actor, id: string, input: Omit<ScreeningInput, "hallId">, now: Date = new Date()): Promise<Screening> {
  const current = await loadScreening(db, id);
  checkScreening({ ...input, hallId: current.hallId });
  return withAudit(db, actor, (trx) => saveScreening(trx, id, input, now), { action: "cinema.screening.update", targetType: "cinema_screening", targetId: id }, now);
}

async function saveScreening(db: Db, id: string, input: Omit<ScreeningInput, "hallId">, now: Date): Promise<Screening> {
  await db
    .updateTable("cinema_screenings")
    .set({
      title_zh: input.title.zh.trim(),
      title_en: input.title.en.trim(),
      synopsis_zh: input.synopsis.zh.trim(),
      synopsis_en: input.synopsis.en.trim(),
      duration_minutes: input.durationMinutes,
      audio_description: input.audioDescription ? 1 : 0,
      captions: input.captions ? 1 : 0,
      sign_language: input.signLanguage ? 1 : 0,
      starts_at: iso(input.startsAt),
      booking_opens_at: iso(input.bookingOpensAt),
      booking_closes_at: iso(input.bookingClosesAt),
      updated_at: now.toISOString(),
    })
    .where("id", "=", id)
    .execute();
  return loadScreening(db, id);
}

export interface CallListEntry {
  reference: string;
  name: string;
  /** Full number: the caller must be staff and must audit this. */
  phone: string;
  tickets: number;
}

/**
 * Cancels a screening: no more bookings, every active booking marked cancelled (seats freed), waiting-list
 * entries withdrawn, and the list of people to call returned. The cancellation and the showing of the call list
 * (full phones) are both audited, in the same transaction.
 */
export async function cancelScreening(db: Db, actor: Actor, id: string, now: Date = new Date()): Promise<CallListEntry[]> {
  return db.transaction().execute(async (trx) => {
    await loadScreening(trx, id);
    await trx.updateTable("cinema_screenings").set({ status: "cancelled", updated_at: now.toISOString() }).where("id", "=", id).execute();
    const active = await trx
      .selectFrom("cinema_bookings")
      .select(["reference", "name", "phone", "tickets"])
      .where("screening_id", "=", id)
      .where("status", "=", "confirmed")
      .orderBy("created_at")
      .execute();
    await trx.updateTable("cinema_bookings").set({ status: "cancelled", cancelled_at: now.toISOString() }).where("screening_id", "=", id).where("status", "=", "confirmed").execute();
    await trx.deleteFrom("cinema_booking_seats").where("screening_id", "=", id).execute();
    const waiting = await trx
      .selectFrom("cinema_waiting_list")
      .select(["id as reference", "name", "phone", "tickets"])
      .where("screening_id", "=", id)
      .where("status", "in", ["waiting", "offered"])
      .orderBy("created_at")
      .execute();
    await trx.updateTable("cinema_waiting_list").set({ status: "withdrawn" }).where("screening_id", "=", id).where("status", "in", ["waiting", "offered"]).execute();
    // Open offers end with the screening (their held seats went with every claim above).
    await trx.updateTable("cinema_waiting_offers").set({ status: "withdrawn", answered_at: now.toISOString() }).where("screening_id", "=", id).where("status", "=", "open").execute();
    const callList = [...active, ...waiting].map((r) => ({ reference: r.reference, name: r.name, phone: r.phone, tickets: Number(r.tickets) }));
    const target = { targetType: "cinema_screening", targetId: id, detail: `${callList.length}` };
    await recordAudit(trx, actor, { action: "cinema.screening.cancel", ...target }, now);
    await recordAudit(trx, actor, { action: "cinema.screening.callList", ...target }, now);
    return callList;
  });
}

/** Bookings of a screening (phones masked), optionally matching a reference or a name (the door list). */
export async function listBookings(db: Db, screeningId: string, options: { query?: string; includeCancelled?: boolean } = {}): Promise<BookingView[]> {
  await loadScreening(db, screeningId);
  const rows = await findBookingRowsForScreening(db, screeningId, options);
  return toBookingViews(db, rows);
}

/** Every booking of a screening (cancelled ones too, phones masked) for the staff CSV; the export is audited. */
export async function exportBookings(db: Db, actor: Actor, screeningId: string, now: Date = new Date()): Promise<BookingView[]> {
  return withAudit(
    db,
    actor,
    (trx) => listBookings(trx, screeningId, { includeCancelled: true }),
    (bookings) => ({ action: "cinema.bookings.export", targetType: "cinema_screening", targetId: screeningId, detail: `${bookings.length}` }),
    now,
  );
}

/** Where a full phone is read from, what is missing when it is not there, and how its showing is audited. */
const phoneSources = {
  booking: {
    read: (db: Db, ref: string) => db.selectFrom("cinema_bookings").select("phone").where("reference", "=", ref).executeTakeFirst(),
    missing: "booking",
    audit: { action: "cinema.booking.phone", targetType: "cinema_booking" },
  },
  waiting: {
    read: (db: Db, ref: string) => db.selectFrom("cinema_waiting_list").select("phone").where("id", "=", ref).executeTakeFirst(),
    missing: "waitingEntry",
    audit: { action: "cinema.waiting.phone", targetType: "cinema_waiting" },
  },
} as const;

async function revealPhone(db: Db, actor: Actor, source: keyof typeof phoneSources, reference: string, now: Date): Promise<string> {
  const ref = normaliseReference(reference);
  const { read, missing, audit } = phoneSources[source];
  const found = async (trx: Db) => {
    const row = await read(trx, ref);
    if (!row) throw new NotFound(missing);
    return row.phone;
  };
  return withAudit(db, actor, found, { ...audit, targetId: ref }, now);
}

/** The full phone of one booking, for a staff member who opened it; the view is audited. */
export async function revealBookingPhone(db: Db, actor: Actor, reference: string, now: Date = new Date()): Promise<string> {
  return revealPhone(db, actor, "booking", reference, now);
}

/**
 * Checks a party in at the door, audited. Checking in twice is harmless (and audited again, as the door saw it);
 * a cancelled booking cannot be checked in.
 */
export async function checkIn(db: Db, actor: Actor, reference: string, now: Date = new Date()): Promise<void> {
  const ref = normaliseReference(reference);
  // The state is read in the change's transaction, after the conditional write: a booking the person cancels at
  // the same moment is either checked in first (and then cannot be cancelled) or refused here, never both.
  const work = async (trx: Db) => {
    await trx.updateTable("cinema_bookings").set({ status: "checked_in", checked_in_at: now.toISOString() }).where("reference", "=", ref).where("status", "=", "confirmed").execute();
    const row = await trx.selectFrom("cinema_bookings").select(["status", "screening_id"]).where("reference", "=", ref).executeTakeFirst();
    if (!row) throw new NotFound("booking");
    if (row.status !== "checked_in") throw new NotAllowed("checkedIn");
    return row.screening_id;
  };
  await withAudit(db, actor, work, (screeningId) => ({ action: "cinema.booking.checkin", targetType: "cinema_booking", targetId: ref, detail: screeningId }), now);
}

function csvCell(value: string | number): string {
  const text = String(value);
  // Leading = + - @ would be read as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV of bookings (masked phones) with a header row; UTF-8 with BOM so spreadsheet programs read Chinese. */
export function bookingsCsv(bookings: BookingView[]): string {
  const header = ["reference", "status", "name", "phone", "tickets", "seats", "needs", "created_at", "checked_in_at"];
  const rows = bookings.map((b) => [
    b.reference,
    b.status,
    b.name,
    b.phoneMasked,
    b.tickets,
    b.seats.map((s) => s.label).join(" "),
    b.needs.join(" "),
    b.createdAt,
    b.checkedInAt ?? "",
  ]);
  return "\uFEFF" + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export interface Hall {
  id: string;
  name: { zh: string; en: string };
}

/** The halls a screening can be put in (the create form's choice). */
export async function listHalls(db: Db): Promise<Hall[]> {
  const rows = await db.selectFrom("cinema_halls").select(["id", "name_zh", "name_en"]).orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, name: { zh: r.name_zh, en: r.name_en } }));
}

export interface StaffScreening extends ScreeningWithSeats {
  /** Active bookings (confirmed or checked in) and the people in them. */
  bookings: number;
  people: number;
  checkedIn: number;
  /** Entries still waiting or offered a seat. */
  waiting: number;
}

/** The staff list's sortable columns: the start time, the film (by its title in the page's language). */
export const staffScreeningSortKeys = ["start", "film"] as const;
export type StaffScreeningSort = { column: (typeof staffScreeningSortKeys)[number]; direction: "asc" | "desc" };

/**
 * Screenings for the staff list: upcoming (soonest first) or past (latest first), or in the order `sort` asks,
 * cancelled ones included, a page at a time, each with seats taken and left and its bookings counted.
 */
export async function listScreeningsForStaff(
  db: Db,
  options: { when: "upcoming" | "past"; page?: number; pageSize?: number; sort?: StaffScreeningSort; titleLanguage?: "zh" | "en" },
  now: Date = new Date(),
): Promise<{ items: StaffScreening[]; total: number; page: number; pageCount: number }> {
  const pageSize = options.pageSize ?? 20;
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const upcoming = options.when === "upcoming";
  const base = db.selectFrom("cinema_screenings").where("starts_at", upcoming ? ">" : "<=", now.toISOString());
  const { count } = await base.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const sort = options.sort ?? { column: "start", direction: upcoming ? "asc" : "desc" };
  const ids = await base
    .select("id")
    .orderBy(sort.column === "film" ? (options.titleLanguage === "en" ? "title_en" : "title_zh") : "starts_at", sort.direction)
    .orderBy("starts_at", upcoming ? "asc" : "desc")
    .orderBy("id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const items: StaffScreening[] = [];
  for (const { id } of ids) {
    const screening = await getScreening(db, id, now);
    const counts = await db
      .selectFrom("cinema_bookings")
      .select((eb) => [
        eb.fn.countAll<number>().as("bookings"),
        eb.fn.sum<number>("tickets").as("people"),
        eb.fn.sum<number>(eb.case().when("status", "=", "checked_in").then(1).else(0).end()).as("checkedIn"),
      ])
      .where("screening_id", "=", id)
      .where("status", "in", ["confirmed", "checked_in"])
      .executeTakeFirstOrThrow();
    const waiting = await db
      .selectFrom("cinema_waiting_list")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("screening_id", "=", id)
      .where("status", "in", ["waiting", "offered"])
      .executeTakeFirstOrThrow();
    items.push({
      ...screening,
      bookings: Number(counts.bookings ?? 0),
      people: Number(counts.people ?? 0),
      checkedIn: Number(counts.checkedIn ?? 0),
      waiting: Number(waiting.n ?? 0),
    });
  }
  const total = Number(count);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/**
 * The call list of a screening that was cancelled, again (a staff member reloads it later): the bookings that
 * the cancellation marked cancelled and the waiting-list entries it withdrew. Full phones, so the showing is audited.
 */
export async function screeningCallList(db: Db, actor: Actor, screeningId: string, now: Date = new Date()): Promise<CallListEntry[]> {
  return withAudit(
    db,
    actor,
    (trx) => readCallList(trx, screeningId),
    (callList) => ({ action: "cinema.screening.callList", targetType: "cinema_screening", targetId: screeningId, detail: `${callList.length}` }),
    now,
  );
}

async function readCallList(db: Db, screeningId: string): Promise<CallListEntry[]> {
  const row = await db.selectFrom("cinema_screenings").select(["status", "updated_at"]).where("id", "=", screeningId).executeTakeFirst();
  if (!row) throw new NotFound("screening");
  if (row.status !== "cancelled") return [];
  const bookings = await db
    .selectFrom("cinema_bookings")
    .select(["reference", "name", "phone", "tickets"])
    .where("screening_id", "=", screeningId)
    .where("status", "=", "cancelled")
    .where("cancelled_at", ">=", row.updated_at)
    .orderBy("created_at")
    .execute();
  const waiting = await db
    .selectFrom("cinema_waiting_list")
    .select(["id as reference", "name", "phone", "tickets"])
    .where("screening_id", "=", screeningId)
    .where("status", "=", "withdrawn")
    .orderBy("created_at")
    .execute();
  return [...bookings, ...waiting].map((r) => ({ reference: r.reference, name: r.name, phone: r.phone, tickets: Number(r.tickets) }));
}

/** The full phone of a waiting-list entry, for the staff member who calls them; the view is audited. */
export async function revealWaitingPhone(db: Db, actor: Actor, id: string, now: Date = new Date()): Promise<string> {
  return revealPhone(db, actor, "waiting", id, now);
}
