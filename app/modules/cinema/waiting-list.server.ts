import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";
import { maskPhone } from "../privacy/mask";
import { makeReference, normaliseReference } from "~/modules/shared/reference";
import { maxTickets, minTickets } from "./cinema-constants";
import { BookingClosed, InvalidInput, NotFound } from "./errors";
import { loadScreening } from "./screenings.server";
import { validateContact, type Contact } from "./validation";
import { withAudit, type Actor } from "../staff/audit.server";
import { lockScreening } from "./claims.server";
import { bookOpenOfferOf, offerFreedSeats, withdrawOpenOffer } from "./offers.server";

type Db = Kysely<Database> | Transaction<Database>;

/** "offered": seats are held for them now (offers.server.ts); "declined" / "expired": they said no, or let the offer run out. */
export type WaitingStatus = "waiting" | "offered" | "booked" | "declined" | "expired" | "withdrawn";

export interface WaitingEntry {
  /** The reference the person keeps: "HB-7K3Q-M9TD" (候补). */
  id: string;
  screeningId: string;
  name: string;
  phoneMasked: string;
  tickets: number;
  status: WaitingStatus;
  createdAt: string;
  offeredAt: string | null;
  /** 1-based place among entries still waiting or offered; null once booked or withdrawn. */
  position: number | null;
}

async function positionOf(db: Db, screeningId: string, id: string): Promise<number | null> {
  const open = await db
    .selectFrom("cinema_waiting_list")
    .select("id")
    .where("screening_id", "=", screeningId)
    .where("status", "in", ["waiting", "offered"])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const index = open.findIndex((e) => e.id === id);
  return index < 0 ? null : index + 1;
}

/** Joins the waiting list of a screening that has not started and is not cancelled. */
export async function joinWaitingList(
  db: Kysely<Database>,
  input: { screeningId: string; contact: Contact; tickets: number; locale: string },
  now: Date = new Date(),
): Promise<{ id: string; position: number }> {
  if (!Number.isInteger(input.tickets) || input.tickets < minTickets || input.tickets > maxTickets) {
    throw new InvalidInput({ tickets: "tickets" });
  }
  const contact = validateContact(input.contact);
  const screening = await loadScreening(db, input.screeningId);
  if (screening.status === "cancelled") throw new BookingClosed("cancelled");
  if (screening.startsAt <= now.toISOString()) throw new BookingClosed("past");
  const id = makeReference("HB");
  await db
    .insertInto("cinema_waiting_list")
    .values({
      id,
      screening_id: input.screeningId,
      name: contact.name,
      phone: contact.phone,
      tickets: input.tickets,
      status: "waiting",
      locale: input.locale,
      created_at: now.toISOString(),
      offered_at: null,
    })
    .execute();
  return { id, position: (await positionOf(db, input.screeningId, id)) ?? 1 };
}

export async function findWaitingEntry(db: Db, screeningId: string, id: string): Promise<WaitingEntry> {
  const row = await db
    .selectFrom("cinema_waiting_list")
    .selectAll()
    .where("id", "=", normaliseReference(id))
    .where("screening_id", "=", screeningId)
    .executeTakeFirst();
  if (!row) throw new NotFound("waitingEntry");
  return {
    id: row.id,
    screeningId: row.screening_id,
    name: row.name,
    phoneMasked: maskPhone(row.phone),
    tickets: Number(row.tickets),
    status: row.status as WaitingStatus,
    createdAt: row.created_at,
    offeredAt: row.offered_at,
    position: await positionOf(db, screeningId, row.id),
  };
}

/** The list in order, phones masked (staff open a phone through their own audited call). */
export async function listWaitingList(db: Db, screeningId: string): Promise<WaitingEntry[]> {
  const rows = await db
    .selectFrom("cinema_waiting_list")
    .selectAll()
    .where("screening_id", "=", screeningId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  let place = 0;
  return rows.map((row) => {
    const open = row.status === "waiting" || row.status === "offered";
    return {
      id: row.id,
      screeningId: row.screening_id,
      name: row.name,
      phoneMasked: maskPhone(row.phone),
      tickets: Number(row.tickets),
      status: row.status as WaitingStatus,
      createdAt: row.created_at,
      offeredAt: row.offered_at,
      position: open ? ++place : null,
    };
  });
}

/**
 * Staff: record what came of an entry (booked by phone, withdrawn, back to waiting), in the same transaction under
 * the screening's claim lock: "booked" books the entry's open offer for them (its held seats, an ordinary booking);
 * any other change withdraws an open offer and its seats go to the next person; "waiting" may get an offer at once.
 */
export async function setWaitingStatus(db: Kysely<Database>, actor: Actor, id: string, status: WaitingStatus, now: Date = new Date()): Promise<void> {
  await withAudit(
    db,
    actor,
    async (trx) => {
      const entry = await trx.selectFrom("cinema_waiting_list").select(["screening_id", "status"]).where("id", "=", id).executeTakeFirst();
      if (!entry) throw new NotFound("waitingEntry");
      await lockScreening(trx, entry.screening_id);
      await trx.updateTable("cinema_waiting_list").set({ status }).where("id", "=", id).execute();
      if (status === "booked" && (await bookOpenOfferOf(trx, id, now))) return;
      if (status !== "offered") await withdrawOpenOffer(trx, id, now);
      if (status === "waiting") await offerFreedSeats(trx, entry.screening_id, now);
    },
    { action: "cinema.waiting.status", targetType: "cinema_waiting", targetId: id, detail: status },
    now,
  );
}
