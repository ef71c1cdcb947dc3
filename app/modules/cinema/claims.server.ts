import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";
import { retryTransaction } from "~/modules/shared/transaction-retry.server";
import { Busy, SoldOut } from "./errors";

/**
 * How a seat is never sold twice. Every claim (hold or booking) is a row in `cinema_booking_seats` whose primary
 * key is (screening_id, seat_id). A claim is made inside one transaction that
 *   1. first writes: a no-op update of the screening's row (a portable "lock this screening": PostgreSQL holds
 *      the row lock until commit, so claims for one screening queue instead of racing; SQLite takes its write
 *      lock at once, like BEGIN IMMEDIATE, so two connections never deadlock upgrading a read lock), then drops
 *      the screening's lapsed holds;
 *   2. reads what is taken, picks seats, inserts the claims.
 * If another transaction claimed one of those seats first, the insert fails on the key (SQLite
 * "UNIQUE constraint failed", PostgreSQL 23505): the whole transaction rolls back and is retried with a fresh
 * view of the hall, a few times; if it still cannot get seats the party is told SoldOut. The key check is the
 * database's, not ours, so this stays correct even without the lock (another process, a staff tool, a bug):
 * the lock only makes losing a race rare, the constraint makes selling a seat twice impossible.
 */
export { isBusy, isUniqueViolation } from "~/modules/shared/transaction-retry.server";

/** Step 1's "lock this screening", for a transaction that is not a claim but must not race one (offers.server.ts). */
export async function lockScreening(trx: Transaction<Database>, screeningId: string): Promise<void> {
  await trx
    .updateTable("cinema_screenings")
    .set((eb) => ({ updated_at: eb.ref("updated_at") }))
    .where("id", "=", screeningId)
    .execute();
}

/** Runs `work` in a transaction, retrying when a concurrent claim won the race; see above (and app/modules/shared/transaction-retry.server.ts). */
export async function withClaimRetry<T>(
  db: Kysely<Database>,
  screeningId: string,
  now: Date,
  work: (trx: Transaction<Database>) => Promise<T>,
  onGiveUp: () => Promise<never> | never = () => {
    throw new SoldOut(0);
  },
): Promise<T> {
  return retryTransaction(
    db,
    {
      lock: async (trx) => {
        await lockScreening(trx, screeningId);
        await trx
          .deleteFrom("cinema_booking_seats")
          .where("screening_id", "=", screeningId)
          .where("hold_id", "is not", null)
          .where("hold_expires_at", "<=", now.toISOString())
          .execute();
      },
      onGiveUp,
      onBusy: () => {
        throw new Busy();
      },
    },
    work,
  );
}
