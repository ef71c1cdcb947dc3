import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { cleanName } from "../privacy/clean-text";
import { hashPassword, minimumPasswordLength } from "./passwords.server";
import { parseRoles, type StaffRole } from "./roles";
import { recordAudit, withAudit, type Actor } from "./audit.server";

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  roles: StaffRole[];
  active: boolean;
}

export class StaffInputError extends Error {
  constructor(public code: "usernameTaken" | "usernameInvalid" | "passwordTooShort" | "noRole") {
    super(code);
  }
}

export const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,31}$/;

type UserRow = Database["staff_users"];
export function toStaffUser(row: Pick<UserRow, "id" | "username" | "display_name" | "roles" | "active">): StaffUser {
  return { id: row.id, username: row.username, displayName: row.display_name, roles: parseRoles(row.roles), active: row.active === 1 };
}

/** Makes an account; it and its "user.create" entry commit together (the operator's CLI passes `cliActor`). */
export async function createStaffUser(
  db: Kysely<Database>,
  actor: Actor,
  input: { username: string; displayName?: string; password: string; roles: StaffRole[] },
  now = new Date(),
): Promise<StaffUser> {
  const username = input.username.trim().toLowerCase();
  if (!usernamePattern.test(username)) throw new StaffInputError("usernameInvalid");
  if (input.password.length < minimumPasswordLength) throw new StaffInputError("passwordTooShort");
  if (input.roles.length === 0) throw new StaffInputError("noRole");
  const row = {
    id: randomUUID(),
    username,
    display_name: cleanName(input.displayName ?? "") || username,
    // Hashed before the transaction: argon2 takes a while and holds no lock.
    password_hash: await hashPassword(input.password),
    roles: [...new Set(input.roles)].join(","),
    active: 1,
    created_at: now.toISOString(),
  };
  const insert = async (trx: Kysely<Database>) => {
    const existing = await trx.selectFrom("staff_users").select("id").where("username", "=", username).executeTakeFirst();
    if (existing) throw new StaffInputError("usernameTaken");
    await trx.insertInto("staff_users").values(row).execute();
    return toStaffUser(row);
  };
  return withAudit(db, actor, insert, (user) => ({ action: "user.create", targetType: "staff_user", targetId: user.id, detail: `${user.username}: ${user.roles.join(",")}` }), now);
}

export async function findStaffByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom("staff_users").selectAll().where("username", "=", username.trim().toLowerCase()).executeTakeFirst();
}

export async function listStaffUsers(db: Kysely<Database>): Promise<StaffUser[]> {
  const rows = await db.selectFrom("staff_users").select(["id", "username", "display_name", "roles", "active"]).orderBy("username").execute();
  return rows.map(toStaffUser);
}

export async function updateStaffUser(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  changes: { roles?: StaffRole[]; active?: boolean; password?: string },
  now = new Date(),
): Promise<void> {
  const values: Partial<UserRow> = {};
  if (changes.roles) {
    if (changes.roles.length === 0) throw new StaffInputError("noRole");
    values.roles = [...new Set(changes.roles)].join(",");
  }
  if (changes.active !== undefined) values.active = changes.active ? 1 : 0;
  if (changes.password !== undefined) {
    if (changes.password.length < minimumPasswordLength) throw new StaffInputError("passwordTooShort");
    values.password_hash = await hashPassword(changes.password);
  }
  if (Object.keys(values).length === 0) return;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("staff_users").set(values).where("id", "=", id).execute();
    // Deactivation or a new password ends every session of that person.
    if (changes.active === false || changes.password !== undefined) {
      await trx.updateTable("staff_sessions").set({ revoked: 1 }).where("user_id", "=", id).execute();
    }
    const target = { targetType: "staff_user", targetId: id };
    if (changes.roles) await recordAudit(trx, actor, { action: "user.roles", ...target, detail: changes.roles.join(",") }, now);
    if (changes.active !== undefined) await recordAudit(trx, actor, { action: changes.active ? "user.activate" : "user.deactivate", ...target }, now);
    if (changes.password !== undefined) await recordAudit(trx, actor, { action: "user.password", ...target }, now);
  });
}
