import { sql, type Kysely } from "kysely";
import type { Connection } from "../db/index.server";
import type { Database } from "../db/schema";
import type { OutboxMessageTable } from "./tables";
import type { Selectable } from "kysely";

export type OutboxMessage = Selectable<OutboxMessageTable>;

export interface ClaimOptions {
  /** Who is claiming (one id per delivery loop). */
  workerId: string;
  limit: number;
  leaseMs: number;
  now?: Date;
}

/**
 * Leases the messages that are due: queued ones whose time has come, and ones still `sending` whose lease ran out
 * (the worker that had them stopped mid-run). Each claimed row is `sending`, leased to this worker until
 * `now + leaseMs`, and counts one more attempt. Two workers never get the same row: on PostgreSQL the rows are
 * locked with `FOR UPDATE SKIP LOCKED` (a second worker takes the next ones instead of waiting); on SQLite the
 * single UPDATE … RETURNING is atomic, as SQLite has one writer at a time. A `sent` row is never claimed again.
 */
export async function claimDueMessages(connection: Pick<Connection, "db" | "kind">, options: ClaimOptions): Promise<OutboxMessage[]> {
  const now = (options.now ?? new Date()).toISOString();
  const leaseUntil = new Date(Date.parse(now) + options.leaseMs).toISOString();
  const { db } = connection;
  const due = (qb: Kysely<Database>) =>
    qb
      .selectFrom("outbox_messages")
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "queued"), eb("next_attempt_at", "<=", now)]),
          eb.and([eb("status", "=", "sending"), eb("lease_until", "<=", now)]),
        ]),
      )
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(options.limit);
  const claimable = connection.kind === "postgres" ? due(db).forUpdate().skipLocked() : due(db);
  const rows = await db
    .updateTable("outbox_messages")
    .set({ status: "sending", lease_until: leaseUntil, leased_by: options.workerId, attempts: sql<number>`attempts + 1` })
    .where("id", "in", claimable)
    // Re-checked on the row itself: on PostgreSQL a row changed since the subquery read it is skipped, not re-sent.
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "queued"), eb("next_attempt_at", "<=", now)]),
        eb.and([eb("status", "=", "sending"), eb("lease_until", "<=", now)]),
      ]),
    )
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id.localeCompare(b.id));
}

/** Marks a leased message sent. Only the worker holding the lease may: false when it lost the lease. */
export async function markSent(db: Kysely<Database>, id: string, workerId: string, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable("outbox_messages")
    .set({ status: "sent", sent_at: now.toISOString(), lease_until: null, last_error: null })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .where("leased_by", "=", workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A failed attempt: queued again at `retryAt`, or failed for good when `retryAt` is null. */
export async function markAttemptFailed(
  db: Kysely<Database>,
  id: string,
  workerId: string,
  error: string,
  retryAt: Date | null,
): Promise<boolean> {
  const result = await db
    .updateTable("outbox_messages")
    .set(retryAt ? { status: "queued", next_attempt_at: retryAt.toISOString(), lease_until: null, last_error: error } : { status: "failed", lease_until: null, last_error: error })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .where("leased_by", "=", workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Puts a leased message back unsent until `until` (an SMS in quiet hours): the attempt does not count. */
export async function postpone(db: Kysely<Database>, id: string, workerId: string, until: Date): Promise<boolean> {
  const result = await db
    .updateTable("outbox_messages")
    .set({ status: "queued", next_attempt_at: until.toISOString(), lease_until: null, attempts: sql<number>`attempts - 1` })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .where("leased_by", "=", workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
