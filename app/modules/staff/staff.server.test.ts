import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { allAudit, cliActor } from "./audit.server";
import { attemptLogin, maxFailuresPerAccount } from "./login.server";
import { hasRole } from "./roles";
import { absoluteTimeoutMs, currentStaff, endSession, idleTimeoutMs, startSession } from "./sessions.server";
import { createStaffUser, StaffInputError, updateStaffUser } from "./users.server";

const password = "correct horse battery";
let conn: Connection;
beforeAll(async () => {
  conn = await createTestDb();
});
afterAll(async () => conn.db.destroy());

/** The login request a session is started for (plain http, as on a developer's machine). */
const origin = new Request("http://portal.test/login", { method: "POST" });

function requestWith(setCookie: string) {
  return new Request("http://portal.test/admin", { headers: { Cookie: setCookie.split(";")[0] } });
}

describe("staff accounts", () => {
  it("stores an argon2id hash, never the password, and refuses weak input", async () => {
    const user = await createStaffUser(conn.db, cliActor, { username: "Chen.Li", password, roles: ["cinema"] });
    expect(user.username).toBe("chen.li");
    const row = await conn.db.selectFrom("staff_users").selectAll().where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(password);
    await expect(createStaffUser(conn.db, cliActor, { username: "chen.li", password, roles: ["cinema"] })).rejects.toThrow(StaffInputError);
    await expect(createStaffUser(conn.db, cliActor, { username: "short", password: "short", roles: ["cinema"] })).rejects.toThrow("passwordTooShort");
    await expect(createStaffUser(conn.db, cliActor, { username: "noroles", password, roles: [] })).rejects.toThrow("noRole");
  });

  it("admins may do everything, others only their roles", () => {
    expect(hasRole(["admin"], "lending")).toBe(true);
    expect(hasRole(["cinema"], "lending")).toBe(false);
    expect(hasRole(["content"], "any")).toBe(true);
  });
});

describe("login", () => {
  it("lets the right password in and logs it; wrong passwords and unknown names get the same answer", async () => {
    await createStaffUser(conn.db, cliActor, { username: "wang", password, roles: ["lending"] });
    const ok = await attemptLogin(conn.db, origin, { username: "WANG", password, client: "10.0.0.1" });
    expect(ok.status).toBe("ok");
    expect((await attemptLogin(conn.db, origin, { username: "wang", password: "nope-nope-nope", client: "10.0.0.1" })).status).toBe("invalid");
    expect((await attemptLogin(conn.db, origin, { username: "nobody", password, client: "10.0.0.1" })).status).toBe("invalid");
    const audit = await allAudit(conn.db);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["login", "login.failed"]));
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("throttles an account after repeated failures, even with the right password", async () => {
    await createStaffUser(conn.db, cliActor, { username: "zhao", password, roles: ["content"] });
    const now = Date.UTC(2026, 10, 26, 10, 1);
    for (let i = 0; i < maxFailuresPerAccount; i++) {
      expect((await attemptLogin(conn.db, origin, { username: "zhao", password: "wrong-password!", client: `c${i}` }, now)).status).toBe("invalid");
    }
    const blocked = await attemptLogin(conn.db, origin, { username: "zhao", password, client: "fresh" }, now);
    expect(blocked.status).toBe("throttled");
    expect((await attemptLogin(conn.db, origin, { username: "zhao", password, client: "fresh" }, now + 15 * 60_000)).status).toBe("ok");
  });
});

describe("sessions", () => {
  it("start, survive activity, end after idling, after 12 hours, and on logout everywhere", async () => {
    const user = await createStaffUser(conn.db, cliActor, { username: "liu", password, roles: ["admin"] });
    const t0 = new Date(Date.UTC(2026, 10, 26, 1, 0));
    const cookie = await startSession(conn.db, origin, user.id, t0);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const request = requestWith(cookie);
    expect((await currentStaff(conn.db, request, t0))?.user.username).toBe("liu");
    // Active every 20 minutes: still signed in after 2 hours.
    let t = t0.getTime();
    for (let i = 0; i < 6; i++) {
      t += 20 * 60_000;
      expect(await currentStaff(conn.db, request, new Date(t))).not.toBeNull();
    }
    expect(await currentStaff(conn.db, request, new Date(t + idleTimeoutMs + 1000))).toBeNull();

    const second = requestWith(await startSession(conn.db, origin, user.id, t0));
    expect(await currentStaff(conn.db, second, new Date(t0.getTime() + absoluteTimeoutMs + 1))).toBeNull();

    const a = requestWith(await startSession(conn.db, origin, user.id, t0));
    const b = requestWith(await startSession(conn.db, origin, user.id, t0));
    const sessionA = await currentStaff(conn.db, a, t0);
    await endSession(conn.db, origin, sessionA, true);
    expect(await currentStaff(conn.db, a, t0)).toBeNull();
    expect(await currentStaff(conn.db, b, t0)).toBeNull();
  });

  it("a forged or tampered cookie is no session; deactivating a user ends their sessions", async () => {
    const user = await createStaffUser(conn.db, cliActor, { username: "sun", password, roles: ["cinema"] });
    const now = new Date();
    expect(await currentStaff(conn.db, new Request("http://x/", { headers: { Cookie: "qy_staff=forged" } }), now)).toBeNull();
    const request = requestWith(await startSession(conn.db, origin, user.id, now));
    expect(await currentStaff(conn.db, request, now)).not.toBeNull();
    await updateStaffUser(conn.db, { id: null, username: "admin" }, user.id, { active: false });
    expect(await currentStaff(conn.db, request, now)).toBeNull();
  });
});

vi.setConfig({ testTimeout: 30_000 });
