import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEntries, expectAuditedTogether, expectNoEntryWhenChangeFails, expectRefusedWithoutAudit } from "../../../tests/support/audit-outage";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { cliActor, exportAudit } from "./audit.server";
import { attemptLogin } from "./login.server";
import { currentStaff, endSession, startSession } from "./sessions.server";
import { createStaffUser, StaffInputError, updateStaffUser } from "./users.server";

/**
 * An administrator's changes to accounts, signing out and the audit export each write their entry in the same
 * transaction: without a working audit log nothing changes and nothing is exported.
 */
const password = "correct horse battery";
const now = new Date("2026-12-01T01:00:00Z");
const admin = { id: "u-admin", username: "admin" };
const origin = new Request("http://portal.test/login", { method: "POST" });
const requestWith = (setCookie: string) => new Request("http://portal.test/admin", { headers: { Cookie: setCookie.split(";")[0] } });

let conn: Connection;
beforeAll(async () => {
  conn = await createTestDb();
});
afterAll(async () => conn.db.destroy());

const account = (id: string) => conn.db.selectFrom("staff_users").select(["roles", "active"]).where("id", "=", id).executeTakeFirstOrThrow();
const sessions = (userId: string) => conn.db.selectFrom("staff_sessions").select(["id", "revoked"]).where("user_id", "=", userId).orderBy("id").execute();

describe("staff administration and its audit entries commit together", () => {
  it("a new account (the operator's CLI) exists only with its entry; a refused or failed one writes none", async () => {
    const accounts = () => conn.db.selectFrom("staff_users").select("username").where("username", "=", "he").execute();
    const make = () => createStaffUser(conn.db, cliActor, { username: "he", password, roles: ["lending"] }, now);
    await expectNoEntryWhenChangeFails(conn.db, { action: "user.create", table: "staff_users", run: make });
    const user = await expectAuditedTogether(conn.db, { actions: ["user.create"], run: make, observe: accounts });
    expect((await auditEntries(conn.db, "user.create", user.id))[0]).toMatchObject({ username: "cli", user_id: null, target_type: "staff_user", detail: "he: lending" });
    await expectRefusedWithoutAudit(conn.db, "user.create", make, StaffInputError);
  });

  it("new roles, and a deactivation with the end of the person's sessions", async () => {
    const user = await createStaffUser(conn.db, cliActor, { username: "zhou", password, roles: ["cinema"] });
    await startSession(conn.db, origin, user.id, now);
    await expectAuditedTogether(conn.db, { actions: ["user.roles"], run: () => updateStaffUser(conn.db, admin, user.id, { roles: ["cinema", "lending"] }, now), observe: () => account(user.id) });
    expect((await auditEntries(conn.db, "user.roles", user.id))[0]).toMatchObject({ username: "admin", user_id: "u-admin", detail: "cinema,lending" });

    await expectAuditedTogether(conn.db, {
      actions: ["user.deactivate"],
      run: () => updateStaffUser(conn.db, admin, user.id, { active: false }, now),
      observe: async () => ({ account: await account(user.id), sessions: await sessions(user.id) }),
    });
    expect(await account(user.id)).toMatchObject({ active: 0 });
    expect((await sessions(user.id)).every((s) => Number(s.revoked) === 1)).toBe(true);
  });

  it("signing in starts the session only with its entry, and a session that cannot be stored writes none", async () => {
    const user = await createStaffUser(conn.db, cliActor, { username: "sun", password, roles: ["cinema"] });
    const signIn = () => attemptLogin(conn.db, origin, { username: "sun", password, client: "10.0.0.9" });
    await expectNoEntryWhenChangeFails(conn.db, { action: "login", table: "staff_sessions", run: signIn });
    expect(await sessions(user.id)).toEqual([]);
    const result = await expectAuditedTogether(conn.db, { actions: ["login"], run: signIn, observe: () => sessions(user.id) });
    if (result.status !== "ok") throw new Error(`not signed in: ${result.status}`);
    expect((await currentStaff(conn.db, requestWith(result.cookie)))?.user.username).toBe("sun");
    expect((await auditEntries(conn.db, "login")).at(-1)).toMatchObject({ username: "sun", user_id: user.id });
  });

  it("signing out (here, or everywhere) ends the session only with an entry", async () => {
    const user = await createStaffUser(conn.db, cliActor, { username: "qian", password, roles: ["content"] });
    const request = requestWith(await startSession(conn.db, origin, user.id, new Date()));
    const session = await currentStaff(conn.db, request);
    await expectAuditedTogether(conn.db, { actions: ["logout"], run: () => endSession(conn.db, request, session, false, now), observe: () => sessions(user.id) });
    expect(await currentStaff(conn.db, request)).toBeNull();

    const a = requestWith(await startSession(conn.db, origin, user.id, new Date()));
    requestWith(await startSession(conn.db, origin, user.id, new Date()));
    await expectAuditedTogether(conn.db, { actions: ["logout.everywhere"], run: async () => endSession(conn.db, a, await currentStaff(conn.db, a), true, now), observe: () => sessions(user.id) });
    expect((await sessions(user.id)).every((s) => Number(s.revoked) === 1)).toBe(true);
    expect((await auditEntries(conn.db, "logout.everywhere"))[0]).toMatchObject({ username: "qian", user_id: user.id });
  });

  it("the audit export is itself in the log, and in the file it returns", async () => {
    const rows = await expectAuditedTogether(conn.db, { actions: ["audit.export"], run: () => exportAudit(conn.db, admin, now) });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["user.roles", "user.deactivate", "logout", "logout.everywhere", "audit.export"]));
  });
});

vi.setConfig({ testTimeout: 30_000 });
