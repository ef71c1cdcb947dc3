import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";

/**
 * The booking engine's guarantee, shared (ADR 0003): a claim on a limited place is a row with a unique key,
 * written inside one transaction whose first statement is a write (a no-op update of the parent row: PostgreSQL
 * queues claims on its row lock, SQLite takes its write lock at once). When an insert still loses a race on the
 * key, or the database reports busy, the whole transaction is rolled back and run again with a fresh view, a few
 * times with a jittered back-off; then `onGiveUp` (key lost to the end) or `onBusy` (busy to the end) decides.
 * The cinema (seats) and the regional centre (activity places) both claim through this.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (!e) return false;
  return (
    e.code === "23505" ||
    e.code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    e.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    /UNIQUE constraint failed|duplicate key value/i.test(String(e.message))
  );
}

export function isBusy(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return Boolean(
    e && (e.code === "SQLITE_BUSY" || e.code === "SQLITE_BUSY_SNAPSHOT" || e.code === "SQLITE_LOCKED" || e.code === "40001" || e.code === "40P01"),
  );
}

export interface ClaimRetryOptions {
  /** The first statement of every attempt: a write that locks what is being claimed from. */
  lock: (trx: Transaction<Database>) => Promise<void>;
  /** Every attempt lost its claim on the key. */
  onGiveUp: () => never | Promise<never>;
  /** The database stayed busy through every attempt. */
  onBusy: () => never | Promise<never>;
  maxAttempts?: number;
}

export async function runClaimTransaction<T>(db: Kysely<Database>, options: ClaimRetryOptions, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        await options.lock(trx);
        return work(trx);
      });
    } catch (error) {
      const unique = isUniqueViolation(error);
      const busy = isBusy(error);
      if (!unique && !busy) throw error;
      if (attempt >= maxAttempts) return busy ? options.onBusy() : options.onGiveUp();
      // Jittered back-off so the losers of one race do not collide again in lockstep.
      await sleep(Math.floor(Math.random() * 5 * attempt) + 1);
    }
  }
}
