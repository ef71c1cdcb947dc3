import type { Kysely } from "kysely";
import type { CinemaBookingDraftTable, Database } from "../db/schema";
import { parseNeeds, serialiseNeeds, type CinemaNeed } from "./cinema-constants";
import { NotFound } from "./errors";
import { randomId } from "./ids.server";
import { assertBookable, loadScreening } from "./screenings.server";

type Db = Kysely<Database>;

/**
 * A booking in progress, kept on the server under a random id that is part of each step's URL
 * (/cinema/<screening>/book/<draftId>/people). Works without JavaScript or cookies, and nothing typed is lost on
 * an error or when a hold runs out. Drafts are purged a day after their last change.
 */
export interface Draft {
  id: string;
  screeningId: string;
  tickets: number | null;
  /** null until the needs question has been answered. */
  needs: CinemaNeed[] | null;
  holdId: string | null;
  name: string | null;
  /** The number as typed (normalised); only the person's own check page shows it. */
  phone: string | null;
  /** Set once the booking is made. */
  bookingReference: string | null;
  updatedAt: string;
}

const draftLifetimeMs = 24 * 60 * 60 * 1000;

function toDraft(row: CinemaBookingDraftTable): Draft {
  return {
    id: row.id,
    screeningId: row.screening_id,
    tickets: row.tickets === null ? null : Number(row.tickets),
    needs: row.needs === null ? null : parseNeeds(row.needs),
    holdId: row.hold_id,
    name: row.name,
    phone: row.phone,
    bookingReference: row.booking_reference,
    updatedAt: row.updated_at,
  };
}

export async function createDraft(db: Db, screeningId: string, now: Date = new Date()): Promise<Draft> {
  const screening = await loadScreening(db, screeningId);
  assertBookable(screening, now);
  if (Math.random() < 0.1) {
    await db.deleteFrom("cinema_booking_drafts").where("updated_at", "<", new Date(now.getTime() - draftLifetimeMs).toISOString()).execute();
  }
  const row: CinemaBookingDraftTable = {
    id: randomId(),
    screening_id: screeningId,
    tickets: null,
    needs: null,
    hold_id: null,
    name: null,
    phone: null,
    booking_reference: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.insertInto("cinema_booking_drafts").values(row).execute();
  return toDraft(row);
}

/** The draft of this screening, or NotFound (wrong id, another screening's draft, or purged). */
export async function getDraft(db: Db, screeningId: string, id: string): Promise<Draft> {
  const row = await db
    .selectFrom("cinema_booking_drafts")
    .selectAll()
    .where("id", "=", id)
    .where("screening_id", "=", screeningId)
    .executeTakeFirst();
  if (!row) throw new NotFound("draft");
  return toDraft(row);
}

export type DraftPatch = Partial<Pick<Draft, "tickets" | "needs" | "holdId" | "name" | "phone" | "bookingReference">>;

export async function saveDraft(db: Db, id: string, patch: DraftPatch, now: Date = new Date()): Promise<void> {
  const set: Partial<CinemaBookingDraftTable> = { updated_at: now.toISOString() };
  if (patch.tickets !== undefined) set.tickets = patch.tickets;
  if (patch.needs !== undefined) set.needs = patch.needs === null ? null : serialiseNeeds(patch.needs);
  if (patch.holdId !== undefined) set.hold_id = patch.holdId;
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.phone !== undefined) set.phone = patch.phone;
  if (patch.bookingReference !== undefined) set.booking_reference = patch.bookingReference;
  await db.updateTable("cinema_booking_drafts").set(set).where("id", "=", id).execute();
}
