import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { cliActor } from "./audit.server";
import { createStaffUser } from "./users.server";

/**
 * Rotating the session secret (docs/security.md, "Secrets"): with the old secret kept as an earlier one, a staff
 * member signed in before the rotation stays signed in; once it is dropped, the old cookie is no session. Each step
 * loads the session module afresh, as a restarted server would, with that step's SESSION_SECRET.
 */
let conn: Connection;
let userId: string;
const saved = { SESSION_SECRET: process.env.SESSION_SECRET, SESSION_SECRET_PREVIOUS: process.env.SESSION_SECRET_PREVIOUS };

beforeAll(async () => {
  conn = await createTestDb();
  userId = (await createStaffUser(conn.db, cliActor, { username: "rotation", password: "a long enough password", roles: ["admin"] })).id;
});
afterAll(async () => conn.db.destroy());
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function serverWith(secret: string, previous?: string) {
  process.env.SESSION_SECRET = secret;
  if (previous) process.env.SESSION_SECRET_PREVIOUS = previous;
  else delete process.env.SESSION_SECRET_PREVIOUS;
  vi.resetModules();
  return import("./sessions.server");
}
const login = new Request("https://portal.test/login", { method: "POST" });
const withCookie = (setCookie: string) => new Request("https://portal.test/admin", { headers: { Cookie: setCookie.split(";")[0] } });

describe("session secret rotation", () => {
  it("keeps sessions signed with the earlier secret, until that secret is dropped", async () => {
    const before = await serverWith("the first session secret");
    const cookie = await before.startSession(conn.db, login, userId);
    expect(cookie).toMatch(/; Secure/);
    expect(await before.currentStaff(conn.db, withCookie(cookie))).not.toBeNull();

    const rotated = await serverWith("the second session secret", "the first session secret");
    expect((await rotated.currentStaff(conn.db, withCookie(cookie)))?.user.username).toBe("rotation");
    // New cookies are signed with the new secret.
    const fresh = await rotated.startSession(conn.db, login, userId);

    const dropped = await serverWith("the second session secret");
    expect(await dropped.currentStaff(conn.db, withCookie(cookie))).toBeNull();
    expect(await dropped.currentStaff(conn.db, withCookie(fresh))).not.toBeNull();
  });
});
