import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";
import { bookingFlowName, maxTickets, normalisePhone } from "./cinema-constants";
import { HoldLimit } from "./errors";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * How far one person can tie up a hall with seat holds (ADR 0003, "Holds cannot exhaust a hall";
 * docs/security.md, "Holds and drafts"). Holds come before the contact step, so the client address is what is
 * known; the phone counts too once it is given.
 *
 * - A client (address) holds at most `seatsPerClient` seats of one screening at a time, and a phone at most
 *   `seatsPerPhone`: two parties of four, say a family booking in two tabs. More go through the Federation.
 * - When a claim (a hold or a booking, web or API) does not fit in the free seats, every client holding more than
 *   `shortageShare` seats of that screening (one full party) loses its oldest holds until it is down to that
 *   share, and the claim is tried once more, in the same transaction. If it still does not fit, the transaction
 *   rolls back and nothing is released: holds go only when that lets a waiting party in. A client within its share
 *   keeps every hold for its full time (WCAG 2.2.1: the time it was told); a confirmed booking is never touched —
 *   only claim rows with a hold id are deleted.
 */
export const holdLimits = {
  seatsPerClient: 2 * maxTickets,
  seatsPerPhone: 2 * maxTickets,
  shortageShare: maxTickets,
} as const;

interface Who {
  screeningId: string;
  client?: string | null;
  phone?: string | null;
  /** A hold being replaced (changing seats) does not count. */
  exceptHoldId?: string | null;
  now: Date;
}

async function heldByClient(db: Db, who: Who): Promise<number> {
  let query = db
    .selectFrom("cinema_holds")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("tickets"), eb.lit(0)).as("seats"))
    .where("screening_id", "=", who.screeningId)
    .where("client", "=", who.client!)
    .where("expires_at", ">", who.now.toISOString());
  if (who.exceptHoldId) query = query.where("id", "!=", who.exceptHoldId);
  return Number((await query.executeTakeFirst())?.seats ?? 0);
}

/**
 * Seats held under drafts of this screening that give `phone`. The phone is an answer in the draft's JSON payload
 * (flow_drafts), read here rather than in SQL (no portable JSON path across SQLite and PostgreSQL); the drafts of
 * one screening that are alive and unsent are few (starting drafts is limited per client).
 */
async function heldByPhone(db: Db, who: Who): Promise<number> {
  const phone = normalisePhone(who.phone!);
  const drafts = await db
    .selectFrom("flow_drafts")
    .select("payload")
    .where("flow", "=", bookingFlowName)
    .where("scope", "=", who.screeningId)
    .where("reference", "is", null)
    .where("expires_at", ">", who.now.toISOString())
    .execute();
  const holdIds = new Set<string>();
  for (const { payload } of drafts) {
    const answers = safeJson(payload);
    if (answers?.phone === phone && typeof answers.holdId === "string" && answers.holdId !== who.exceptHoldId) holdIds.add(answers.holdId);
  }
  if (!holdIds.size) return 0;
  const seats = await db
    .selectFrom("cinema_holds")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("tickets"), eb.lit(0)).as("seats"))
    .where("screening_id", "=", who.screeningId)
    .where("id", "in", [...holdIds])
    .where("expires_at", ">", who.now.toISOString())
    .executeTakeFirst();
  return Number(seats?.seats ?? 0);
}

function safeJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** HoldLimit when `tickets` more held seats would take the client or the phone over its cap. */
export async function assertHoldWithinLimits(db: Db, who: Who & { tickets: number }): Promise<void> {
  if (who.client && (await heldByClient(db, who)) + who.tickets > holdLimits.seatsPerClient) {
    throw new HoldLimit("client", holdLimits.seatsPerClient);
  }
  if (who.phone && (await heldByPhone(db, who)) + who.tickets > holdLimits.seatsPerPhone) {
    throw new HoldLimit("phone", holdLimits.seatsPerPhone);
  }
}

/**
 * The hall is short: releases the oldest holds of every client over its share (see above). Returns how many seats
 * it freed. Runs inside the claim transaction, after the screening is locked.
 */
export async function releaseHoldsOverShare(trx: Transaction<Database>, screeningId: string, now: Date): Promise<number> {
  const live = await trx
    .selectFrom("cinema_holds")
    .select(["id", "client", "tickets"])
    .where("screening_id", "=", screeningId)
    .where("client", "is not", null)
    .where("expires_at", ">", now.toISOString())
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  const held = new Map<string, number>();
  const release: string[] = [];
  let freed = 0;
  // Newest first, adding up per client: from the hold that takes a client past its share, that hold and every
  // older one of the same client is released.
  for (const hold of live) {
    const seats = (held.get(hold.client!) ?? 0) + Number(hold.tickets);
    held.set(hold.client!, seats);
    if (seats > holdLimits.shortageShare) {
      release.push(hold.id);
      freed += Number(hold.tickets);
    }
  }
  if (!release.length) return 0;
  await trx.deleteFrom("cinema_booking_seats").where("hold_id", "in", release).where("booking_reference", "is", null).execute();
  await trx.deleteFrom("cinema_holds").where("id", "in", release).execute();
  return freed;
}
