import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";
import { normaliseReference } from "~/modules/shared/reference";
import { recordAudit } from "../staff/audit.server";
import { maskClientAddress } from "./client-address";
import { hitRateLimit, rateLimitPerMinute } from "./rate-limit.server";

/**
 * Every lookup by reference + phone goes through `guardLookup` (docs/security.md, "Lookups"): the booking, device
 * request, library card and activity sign-up pages, and the JSON API. Three guards, in this order:
 *
 * 1. per client: `RATE_LIMIT_PER_MINUTE` lookups a minute from one address, all kinds together;
 * 2. the wrong-phone lock: after `wrongPhonesBeforeLock` wrong phones for a reference it is locked — the right
 *    phone is refused too — for 15 minutes, doubling with each lock in a row up to a day. Lookups still being
 *    checked count against the limit, so a burst of parallel guesses cannot slip past it;
 * 3. per reference: `RATE_LIMIT_PER_MINUTE` lookups a minute of one reference, from all clients together.
 *
 * 1 and 3 are rate limits, off with `RATE_LIMIT_PER_MINUTE=0` (load tests); 2 is not and stays on. A reference is
 * counted whether it exists or not, so an unknown reference and a wrong phone get the same answers, lock included.
 * The lock is written to the audit log by the system, with the reference and the masked client address; the
 * phone that was tried is never stored anywhere. State lives in the database, shared by every instance.
 */
export const lookupGuardSettings = {
  wrongPhonesBeforeLock: 5,
  /** Wrong phones are forgotten after this long without a lookup of the reference. */
  failureMemoryMs: 60 * 60_000,
  /** A lookup still "being checked" after this long was cut off (a crash); it no longer counts. */
  pendingMemoryMs: 60_000,
  firstLockMs: 15 * 60_000,
  maxLockMs: 24 * 60 * 60_000,
  /** Locks in a row are forgotten this long after the last one ended. */
  strikeMemoryMs: 24 * 60 * 60_000,
} as const;

/** What is looked up; part of the guard's key and of the audit entry. */
export type LookupKind = "booking" | "loanRequest" | "libraryCard" | "signup" | "waitingList" | "feedback" | "homeMod";

export type LookupRefusal = { status: "refused"; reason: "rateLimited" | "locked"; retryAfterSeconds: number; until: Date };
export type LookupOutcome<T> = { status: "found"; value: T } | { status: "notFound" } | LookupRefusal;

export interface LookupRequest {
  kind: LookupKind;
  reference: string;
  /** The client's address (context.clientIp). */
  client: string;
  now?: Date;
  /** Lookups a minute per client and per reference; `RATE_LIMIT_PER_MINUTE` by default, 0 = off. */
  limitPerMinute?: number;
}

type Db = Kysely<Database>;

/** References are short codes (DY-7K3Q-M9TD); anything else cannot name a record and is not counted. */
const referenceShape = /^[A-Z0-9-]{1,32}$/;

export function lockDurationMs(strikes: number): number {
  return Math.min(lookupGuardSettings.firstLockMs * 2 ** Math.min(strikes, 20), lookupGuardSettings.maxLockMs);
}

function refused(reason: LookupRefusal["reason"], untilMs: number, nowMs: number): LookupRefusal {
  return { status: "refused", reason, until: new Date(untilMs), retryAfterSeconds: Math.max(1, Math.ceil((untilMs - nowMs) / 1000)) };
}

/**
 * Runs `find` (which proves reference + phone, and throws when they do not match) behind the guards above.
 * `isNotFound` says which errors mean "no such reference, or the wrong phone"; anything else is rethrown.
 */
export async function guardLookup<T>(
  db: Db,
  request: LookupRequest,
  find: () => Promise<T>,
  isNotFound: (error: unknown) => boolean,
): Promise<LookupOutcome<T>> {
  const now = request.now ?? new Date();
  const nowMs = now.getTime();
  const limit = request.limitPerMinute ?? rateLimitPerMinute();

  const perClient = await hitRateLimit(db, "lookup", request.client, { limit, now: nowMs });
  if (!perClient.allowed) return refused("rateLimited", nowMs + perClient.retryAfterSeconds * 1000, nowMs);

  const reference = normaliseReference(request.reference);
  if (!referenceShape.test(reference)) return { status: "notFound" };
  const key = `${request.kind}:${reference}`;

  // A lock says more (until when) than a busy minute does, so it is checked first.
  const gate = await enter(db, key, nowMs);
  if (gate) return gate;
  const perReference = await hitRateLimit(db, "lookup-reference", key, { limit, now: nowMs });
  if (!perReference.allowed) {
    await leave(db, key);
    return refused("rateLimited", nowMs + perReference.retryAfterSeconds * 1000, nowMs);
  }

  let value: T;
  try {
    value = await find();
  } catch (error) {
    if (!isNotFound(error)) {
      await leave(db, key);
      throw error;
    }
    await recordWrong(db, key, request, nowMs);
    return { status: "notFound" };
  }
  await leave(db, key);
  return { status: "found", value };
}

/** Checks the lock and counts this lookup as pending; a refusal, or null when the lookup may go ahead. */
async function enter(db: Db, key: string, nowMs: number): Promise<LookupRefusal | null> {
  const s = lookupGuardSettings;
  if (Math.random() < 0.01) await forgetQuietReferences(db, nowMs);
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("lookup_guards")
      .values({ key, failures: 0, pending: 0, strikes: 0, locked_until: null, updated_at: nowMs })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    // A write first: the row stays locked (PostgreSQL) or the database (SQLite) until commit, so two lookups of
    // one reference never both read the same counts.
    await trx.updateTable("lookup_guards").set((eb) => ({ updated_at: eb.ref("updated_at") })).where("key", "=", key).execute();
    const row = await trx.selectFrom("lookup_guards").selectAll().where("key", "=", key).executeTakeFirstOrThrow();
    const lockedUntil = row.locked_until === null ? null : Number(row.locked_until);
    if (lockedUntil !== null && lockedUntil > nowMs) return refused("locked", lockedUntil, nowMs);

    const quietMs = nowMs - Number(row.updated_at);
    const failures = quietMs > s.failureMemoryMs ? 0 : Number(row.failures);
    const pending = quietMs > s.pendingMemoryMs ? 0 : Number(row.pending);
    const strikes = lockedUntil !== null && nowMs - lockedUntil > s.strikeMemoryMs ? 0 : Number(row.strikes);
    // Lookups in flight fill the quota: the answer to them may be the lock.
    if (failures + pending >= s.wrongPhonesBeforeLock) return refused("locked", nowMs + lockDurationMs(strikes), nowMs);
    await trx
      .updateTable("lookup_guards")
      .set({ failures, pending: pending + 1, strikes, updated_at: nowMs })
      .where("key", "=", key)
      .execute();
    return null;
  });
}

const onePendingLess = sql<number>`case when pending > 0 then pending - 1 else 0 end`;

/** The lookup was answered (found, or failed for another reason): it is no longer pending. */
async function leave(db: Db, key: string): Promise<void> {
  await db.updateTable("lookup_guards").set({ pending: onePendingLess }).where("key", "=", key).execute();
}

/** A wrong phone (or an unknown reference): one more failure, and the lock when that makes enough. */
async function recordWrong(db: Db, key: string, request: LookupRequest, nowMs: number): Promise<void> {
  const s = lookupGuardSettings;
  const row = await db
    .updateTable("lookup_guards")
    .set({ pending: onePendingLess, failures: sql<number>`failures + 1` })
    .where("key", "=", key)
    .returning(["failures", "strikes"])
    .executeTakeFirst();
  if (!row || Number(row.failures) < s.wrongPhonesBeforeLock) return;
  const strikes = Number(row.strikes);
  const lockedUntil = nowMs + lockDurationMs(strikes);
  await db.transaction().execute(async (trx) => {
    // Only one of several answers that reach the limit together locks (and audits).
    const locked = await trx
      .updateTable("lookup_guards")
      .set({ failures: 0, strikes: strikes + 1, locked_until: lockedUntil, updated_at: nowMs })
      .where("key", "=", key)
      .where("failures", ">=", s.wrongPhonesBeforeLock)
      .executeTakeFirst();
    if (Number(locked.numUpdatedRows) !== 1) return;
    await recordAudit(
      trx,
      { id: null, username: systemActor },
      {
        action: "lookup.locked",
        targetType: request.kind,
        targetId: key.slice(request.kind.length + 1),
        detail: `${s.wrongPhonesBeforeLock} wrong phones; locked ${Math.round((lockedUntil - nowMs) / 60_000)} min until ${new Date(lockedUntil).toISOString()}; client ${maskClientAddress(request.client)}`,
      },
      new Date(nowMs),
    );
  });
}

/** The audit log's actor for what the portal does by itself; no staff username can look like it. */
export const systemActor = "(system)";

/** Rows nobody has looked up for two days and that no longer hold a lock or a strike worth remembering. */
async function forgetQuietReferences(db: Db, nowMs: number): Promise<void> {
  const quiet = nowMs - 2 * lookupGuardSettings.strikeMemoryMs;
  await db
    .deleteFrom("lookup_guards")
    .where("updated_at", "<", quiet)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", quiet)]))
    .execute();
}
