import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";
import { maskPhone } from "../privacy/mask";
import { makeReference, normaliseReference } from "~/modules/shared/reference";
import { maxTickets, minTickets, normalisePhone } from "./cinema-constants";
import { BookingClosed, InvalidInput, NotAllowed, NotFound } from "./errors";
import { loadScreening } from "./screenings.server";
import { validateContact, type Contact } from "./validation";
import { systemSetStatuses, type WaitingStatus } from "./waiting-status";
import { selfServiceActor, withAudit, type Actor } from "../staff/audit.server";
import { sameSecret } from "~/modules/security/same-secret.server";
import { withdrawalAudit, withdrawOutcome, type WithdrawalState, type WithdrawOutcome } from "~/modules/shared/withdrawal";
import { lockScreening } from "./claims.server";
import { bookOpenOfferOf, offerFreedSeats, withdrawOpenOffer } from "./offers.server";

type Db = Kysely<Database> | Transaction<Database>;

export type { WaitingStatus } from "./waiting-status";

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
      // "offered" means seats are held and a link was sent, "expired" that the link ran out: only an offer does that.
      if (systemSetStatuses.includes(status) && entry.status !== status) throw new NotAllowed("systemStatus");
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

/* ---------- The person withdraws their entry ---------- */

/** Whether the person may still leave the list: while waiting or offered, until the screening starts. */
export function waitingWithdrawalState(status: string, screeningStartsAt: string, now = new Date()): WithdrawalState {
  if (status === "withdrawn") return { state: "withdrawn" };
  if (status === "booked") return { state: "tooLate", reason: "booked" };
  if (screeningStartsAt <= now.toISOString()) return { state: "tooLate", reason: "started" };
  return { state: "open" };
}

async function entryRowFor(db: Db, key: { reference: string; phone: string }) {
  const row = await db.selectFrom("cinema_waiting_list").selectAll().where("id", "=", normaliseReference(key.reference ?? "")).executeTakeFirst();
  if (!row || !sameSecret(normalisePhone(key.phone ?? ""), row.phone)) throw new NotFound("waitingEntry");
  return row;
}

/** Reference + phone → the entry and its screening; a wrong phone is answered exactly like an unknown reference. */
export async function findWaitingEntryFor(db: Db, key: { reference: string; phone: string }): Promise<WaitingEntry & { screening: { title: { zh: string; en: string }; startsAt: string } }> {
  const row = await entryRowFor(db, key);
  const screening = await loadScreening(db, row.screening_id);
  return { ...(await findWaitingEntry(db, row.screening_id, row.id)), screening: { title: screening.title, startsAt: screening.startsAt } };
}

/**
 * The person leaves the waiting list (reference + phone, or NotFound): the entry is marked withdrawn and is never
 * offered seats again, with the audit entry in the same transaction. A second withdrawal changes nothing.
 */
export async function withdrawWaitingEntry(db: Kysely<Database>, key: { reference: string; phone: string }, now: Date = new Date()): Promise<WithdrawOutcome> {
  const id = normaliseReference(key.reference ?? "");
  const work = async (trx: Transaction<Database>) => {
    const found = await entryRowFor(trx, key);
    // Under the screening's claim lock, like every seat claim and offer outcome: seats held for this entry's open
    // offer pass on to the next person in this transaction.
    await lockScreening(trx, found.screening_id);
    const row = await entryRowFor(trx, key);
    const screening = await loadScreening(trx, row.screening_id);
    const result = withdrawOutcome(waitingWithdrawalState(row.status, screening.startsAt, now));
    if (result.outcome !== "withdrawn") return result;
    const updated = await trx
      .updateTable("cinema_waiting_list")
      .set({ status: "withdrawn" })
      .where("id", "=", row.id)
      .where("status", "in", ["waiting", "offered"])
      .executeTakeFirst();
    // Staff recorded a booking for it in the meantime.
    if (Number(updated.numUpdatedRows) !== 1) return withdrawOutcome(waitingWithdrawalState("booked", screening.startsAt, now));
    if (row.status === "offered") await withdrawOpenOffer(trx, row.id, now);
    return result;
  };
  return withAudit(db, selfServiceActor, work, withdrawalAudit("cinema.waiting.withdraw", "cinema_waiting", id), now);
}
