import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { hitRateLimit, rateLimitCount } from "../security/rate-limit.server";
import { recordAudit, withAudit } from "./audit.server";
import { decoyHash, verifyPassword } from "./passwords.server";
import { startSession } from "./sessions.server";
import { toStaffUser, findStaffByUsername, type StaffUser } from "./users.server";

/** Failed logins allowed in 15 minutes: per account, and per client address (many accounts, one attacker). */
export const loginWindowMs = 15 * 60_000;
export const maxFailuresPerAccount = 5;
export const maxFailuresPerClient = 20;

export type LoginResult =
  | { status: "ok"; user: StaffUser; cookie: string }
  | { status: "invalid" }
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * Checks a username and password. Unknown names and wrong passwords get the same answer in about the same
 * time; after too many failures the account (or the client) waits. The password is never logged. The right
 * password starts a session (its Set-Cookie header, Secure when `request` came over HTTPS, is in the result), and the
 * session and its "login" entry commit together. A failure is counted first and then audited: the counts throttle
 * even when the audit log cannot be written.
 */
export async function attemptLogin(
  db: Kysely<Database>,
  request: Request,
  input: { username: string; password: string; client: string },
  now = Date.now(),
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const windowOptions = { windowMs: loginWindowMs, now };
  const [accountFailures, clientFailures] = await Promise.all([
    rateLimitCount(db, "login-account", username, windowOptions),
    rateLimitCount(db, "login-client", input.client, windowOptions),
  ]);
  if (accountFailures >= maxFailuresPerAccount || clientFailures >= maxFailuresPerClient) {
    const windowEnd = Math.floor(now / loginWindowMs) * loginWindowMs + loginWindowMs;
    return { status: "throttled", retryAfterSeconds: Math.ceil((windowEnd - now) / 1000) };
  }

  const row = await findStaffByUsername(db, username);
  const valid = row && row.active === 1 ? await verifyPassword(row.password_hash, input.password) : (await verifyPassword(await decoyHash(), input.password), false);
  if (!row || !valid) {
    await hitRateLimit(db, "login-account", username, { ...windowOptions, limit: Number.MAX_SAFE_INTEGER });
    await hitRateLimit(db, "login-client", input.client, { ...windowOptions, limit: Number.MAX_SAFE_INTEGER });
    await recordAudit(db, { id: row?.id ?? null, username: username.slice(0, 40) }, { action: "login.failed" }, new Date(now));
    return { status: "invalid" };
  }
  const cookie = await withAudit(db, { id: row.id, username: row.username }, (trx) => startSession(trx, request, row.id, new Date(now)), { action: "login" }, new Date(now));
  return { status: "ok", user: toStaffUser(row), cookie };
}
