import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";

/**
 * The one transaction-retry loop (ADR 0003), for everything that can lose a race to a concurrent writer: the
 * cinema's seat claims, the regional centre's activity places and every change of the lending ledger
 * (`inTransaction`). The work runs in one transaction; when it fails on a unique key (a claim, the ledger's `seq`,
 * a reference) or the database reports busy, the whole transaction is rolled back and run again with a fresh view,
 * a few times with a jittered back-off. Then `onGiveUp` (the key lost to the end; by default the same as busy) or
 * `onBusy` (busy to the end) decides what the caller is told. Every other error is the caller's and passes through
 * at once, untouched.
 *
 * A claim on a limited place passes `lock`: the first statement of every attempt, a write that locks what is being
 * claimed from (a no-op update of the parent row: PostgreSQL queues claims on its row lock, SQLite takes its write
 * lock at once), so losing a race is rare and the unique key makes it harmless.
 */
export interface RetryOptions {
  /** The first statement of every attempt: a write that locks what is being claimed from. */
  lock?: (trx: Transaction<Database>) => Promise<void>;
  /** The database stayed busy through every attempt: throw the module's Busy. */
  onBusy: () => never | Promise<never>;
  /** Every attempt lost its race on a unique key (default: onBusy). A claim throws SoldOut, ActivityFull… */
  onGiveUp?: () => never | Promise<never>;
  /** Attempts in all (default 8). */
  maxAttempts?: number;
}

/** A unique key lost to a concurrent insert (PostgreSQL 23505, SQLite's constraint codes and messages). */
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

/** The database is busy or gave up on this transaction for another's sake (serialization failure, deadlock). */
export function isBusy(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return Boolean(
    e && (e.code === "SQLITE_BUSY" || e.code === "SQLITE_BUSY_SNAPSHOT" || e.code === "SQLITE_LOCKED" || e.code === "40001" || e.code === "40P01"),
  );
}

export async function retryTransaction<T>(db: Kysely<Database>, options: RetryOptions, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 8;
  const { lock } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        if (lock) await lock(trx);
        return work(trx);
      });
    } catch (error) {
      const unique = isUniqueViolation(error);
      const busy = isBusy(error);
      if (!unique && !busy) throw error;
      if (attempt >= maxAttempts) return busy || !options.onGiveUp ? options.onBusy() : options.onGiveUp();
      // Jittered back-off so the losers of one race do not collide again in lockstep.
      await sleep(Math.floor(Math.random() * 5 * attempt) + 1);
    }
  }
}
