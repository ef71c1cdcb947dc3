import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { portalCookie } from "../security/cookies.server";
import { toStaffUser, type StaffUser } from "./users.server";
import { withAudit } from "./audit.server";

/** A session ends after 30 minutes without activity, and 12 hours after login whatever happens. */
export const idleTimeoutMs = 30 * 60_000;
export const absoluteTimeoutMs = 12 * 60 * 60_000;
const touchEveryMs = 60_000;

/** The session cookie: a signed random token (the table keeps only its SHA-256); no Max-Age, so it ends with the browser. */
const staffCookie = portalCookie("qy_staff", { signed: true });

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export interface StaffSession {
  user: StaffUser;
  sessionId: string;
}

/**
 * Starts a session and returns the Set-Cookie header for it (Secure when `request` came over HTTPS). A sign-in
 * makes it through `attemptLogin`, in one transaction with its "login" audit entry; tests make sessions directly.
 */
export async function startSession(db: Kysely<Database>, request: Request, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("staff_sessions")
    .values({
      id: tokenHash(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + absoluteTimeoutMs).toISOString(),
      revoked: 0,
    })
    .execute();
  return staffCookie.serialize(request, token);
}

async function readToken(request: Request): Promise<string | null> {
  try {
    const value = await staffCookie.parse(request);
    return typeof value === "string" && value.length > 20 ? value : null;
  } catch {
    return null;
  }
}

/** The signed-in staff member, or null when there is no live session (expired, idle, revoked, deactivated). */
export async function currentStaff(db: Kysely<Database>, request: Request, now = new Date()): Promise<StaffSession | null> {
  const token = await readToken(request);
  if (!token) return null;
  const id = tokenHash(token);
  const row = await db
    .selectFrom("staff_sessions as s")
    .innerJoin("staff_users as u", "u.id", "s.user_id")
    .select(["s.id as session_id", "s.last_seen_at", "s.expires_at", "s.revoked", "u.id", "u.username", "u.display_name", "u.roles", "u.active"])
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!row || row.revoked === 1 || row.active !== 1) return null;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (new Date(row.expires_at).getTime() <= now.getTime() || now.getTime() - lastSeen > idleTimeoutMs) return null;
  if (now.getTime() - lastSeen > touchEveryMs) {
    await db.updateTable("staff_sessions").set({ last_seen_at: now.toISOString() }).where("id", "=", id).execute();
  }
  return { user: toStaffUser(row), sessionId: row.session_id };
}

/**
 * Ends this session (or every session of its user), audited in the same transaction, and returns the Set-Cookie
 * header that clears it.
 */
export async function endSession(db: Kysely<Database>, request: Request, session: StaffSession | null, everywhere = false, now = new Date()): Promise<string> {
  if (session) {
    const actor = { id: session.user.id, username: session.user.username };
    await withAudit(
      db,
      actor,
      async (trx) => {
        const query = trx.updateTable("staff_sessions").set({ revoked: 1 });
        await (everywhere ? query.where("user_id", "=", session.user.id) : query.where("id", "=", session.sessionId)).execute();
      },
      { action: everywhere ? "logout.everywhere" : "logout" },
      now,
    );
  }
  return staffCookie.serialize(request, "", { maxAge: 0 });
}
