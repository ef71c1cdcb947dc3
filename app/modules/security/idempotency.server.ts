import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";

/**
 * Idempotency keys (docs/security.md, "Idempotency"): a client that may retry a request sends an `Idempotency-Key`
 * header; the first request with the key does the work and records what it made, in the same transaction as the
 * work itself; a later request with the key and the same input gets the same answer without doing it again; the
 * key with other input is refused. Keys expire after a day. Because the record is written in the work's own
 * transaction, a crash can never leave a booking without its key or a key without its booking, and two requests
 * with one key at once cannot both do the work (the key is a primary key: the loser rolls back and, retried, finds
 * the winner's record).
 */
export const idempotencyKeyLifetimeMs = 24 * 60 * 60_000;

/** 1 to 255 visible ASCII characters (a UUID is the usual choice). */
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyClaim {
  /** The operation the key belongs to, e.g. "booking". */
  scope: string;
  key: string;
  /** `fingerprint(input)` of the request. */
  fingerprint: string;
}

/** The key was used before with other input. */
export class IdempotencyKeyReused extends Error {
  constructor() {
    super("idempotency key reused with other input");
    this.name = "IdempotencyKeyReused";
  }
}

/** JSON with sorted object keys, so the same input always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 of the canonical input: what "the same body" means. Only the hash is stored. */
export function fingerprint(input: unknown): string {
  return createHash("sha256").update(canonical(input)).digest("hex");
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What the first request with this key made (its `result`), or null when the key is new or has expired (an
 * expired record is removed). IdempotencyKeyReused when the key was used with other input.
 */
export async function findIdempotentResult(db: Db, claim: IdempotencyClaim, now: Date = new Date()): Promise<string | null> {
  const row = await db.selectFrom("idempotency_keys").selectAll().where("scope", "=", claim.scope).where("key", "=", claim.key).executeTakeFirst();
  if (!row) return null;
  if (row.expires_at <= now.toISOString()) {
    await db.deleteFrom("idempotency_keys").where("scope", "=", claim.scope).where("key", "=", claim.key).execute();
    return null;
  }
  if (row.fingerprint !== claim.fingerprint) throw new IdempotencyKeyReused();
  return row.result;
}

/** Records what the request made; call in the same transaction as the work. */
export async function recordIdempotentResult(db: Db, claim: IdempotencyClaim, result: string, now: Date = new Date()): Promise<void> {
  await db
    .insertInto("idempotency_keys")
    .values({
      scope: claim.scope,
      key: claim.key,
      fingerprint: claim.fingerprint,
      result,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + idempotencyKeyLifetimeMs).toISOString(),
    })
    .execute();
}
