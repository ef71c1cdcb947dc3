/* Guards against guessing and exhaustion (migration 0007-abuse-guards; docs/security.md). */

/** One looked-up reference: wrong phones since the last lock, and the lock. Times in ms since the epoch. */
export interface LookupGuardTable {
  /** "<kind>:<normalised reference>", e.g. "booking:DY-7K3Q-M9TD". */
  key: string;
  /** Wrong phones since the last lock; forgotten after an hour without a lookup of this reference. */
  failures: number;
  /** Lookups of this reference being checked right now: they count against the limit until answered. */
  pending: number;
  /** Locks in a row; each doubles the next one. Forgotten a day after the last lock ended. */
  strikes: number;
  locked_until: number | null;
  updated_at: number;
}

/** What the first request with an `Idempotency-Key` made, until the key expires. */
export interface IdempotencyKeyTable {
  /** The operation, e.g. "booking" for POST /api/v1/screenings/:id/bookings. */
  scope: string;
  key: string;
  /** SHA-256 of the request's canonical input: the same key with other input is refused. */
  fingerprint: string;
  /** What was made (a booking reference); the answer is rebuilt from it. */
  result: string;
  created_at: string;
  expires_at: string;
}
