import { timingSafeEqual } from "node:crypto";

/**
 * Whether a secret a person typed or a link carried (a phone, a booking's page token) is the stored one, in time
 * that does not depend on where they differ, so that answers cannot be timed to guess it a character at a time.
 */
export function sameSecret(given: string, stored: string): boolean {
  const x = Buffer.from(given);
  const y = Buffer.from(stored);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The row whose `token` is the one a link carried (sameSecret), or undefined: an offer or booking link's lookup. */
export function rowWithToken<T extends { token: string }>(rows: readonly T[], given: unknown): T | undefined {
  const token = String(given ?? "");
  return rows.find((r) => sameSecret(token, r.token));
}
