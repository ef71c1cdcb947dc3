import { redirect } from "@remix-run/node";
import { localeFromPathname, localePath } from "~/i18n/config";
import { getDb } from "../db/connection.server";
import { hasRole, type StaffRole } from "./roles";
import { currentStaff, type StaffSession } from "./sessions.server";

/**
 * The one check every admin loader and action makes first. A stranger is sent to the login page (and back
 * afterwards); a staff member without the role gets 403. tests/e2e/admin-access.test.ts proves no admin route
 * forgets it.
 */
export async function requireStaff(request: Request, role: StaffRole | "any"): Promise<StaffSession> {
  const session = await currentStaff(getDb(), request);
  const url = new URL(request.url);
  if (!session) {
    const back = url.pathname + url.search;
    throw redirect(localePath(`/login?redirectTo=${encodeURIComponent(back)}`, localeFromPathname(url.pathname)));
  }
  if (!hasRole(session.user.roles, role)) throw new Response("Forbidden", { status: 403 });
  return session;
}

/** The actor for the audit log. */
export const actorOf = (session: StaffSession) => ({ id: session.user.id, username: session.user.username });
