import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";
import { maskPersonalData } from "../privacy/mask";

export interface Actor {
  id: string | null;
  username: string;
}

/**
 * The audit log's actor for what a member of the public does to their own record, proven by reference + phone
 * (self-service withdrawal); no staff username can look like it.
 */
export const selfServiceActor: Actor = { id: null, username: "(self-service)" };

/** The audit log's actor for the operator's command line (`npm run admin`), which has no staff session. */
export const cliActor: Actor = { id: null, username: "cli" };

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: string;
}

/**
 * Appends one line to the audit log. The log is append-only: this module has no update or delete, and
 * details are masked so the log never becomes a second copy of personal data.
 */
export async function recordAudit(db: Kysely<Database>, actor: Actor, entry: AuditEntry, now = new Date()): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: randomUUID(),
      at: now.toISOString(),
      user_id: actor.id,
      // A failed login records what was typed as the user name: people type their phone number there too.
      username: maskPersonalData(actor.username).text,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      detail: entry.detail ? maskPersonalData(entry.detail).text : null,
    })
    .execute();
}

/**
 * Runs `work` and appends its audit line in one transaction, so an audited change (or a read of personal data in
 * full) and its entry are committed together or not at all: if either fails, neither is there. `entry` may be
 * worked out from what `work` returned (the new id, how many rows), and is null when nothing happened (no such
 * record): then nothing is recorded. Inside a caller's transaction it joins that transaction.
 */
export async function withAudit<T>(
  db: Kysely<Database>,
  actor: Actor,
  work: (trx: Transaction<Database>) => Promise<T>,
  entry: AuditEntry | ((result: T) => AuditEntry | null),
  now = new Date(),
): Promise<T> {
  const run = async (trx: Transaction<Database>) => {
    const result = await work(trx);
    const line = typeof entry === "function" ? entry(result) : entry;
    if (line) await recordAudit(trx, actor, line, now);
    return result;
  };
  return db.isTransaction ? run(db as Transaction<Database>) : db.transaction().execute(run);
}

export async function listAudit(db: Kysely<Database>, options: { page?: number; pageSize?: number; username?: string } = {}) {
  const pageSize = options.pageSize ?? 50;
  const page = Math.max(1, options.page ?? 1);
  let query = db.selectFrom("audit_log");
  if (options.username) query = query.where("username", "=", options.username);
  const { count } = await query.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const items = await query
    .selectAll()
    .orderBy("at", "desc")
    .orderBy("id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items, total: Number(count), page, pageCount: Math.max(1, Math.ceil(Number(count) / pageSize)) };
}

export async function allAudit(db: Kysely<Database>) {
  return db.selectFrom("audit_log").selectAll().orderBy("at").orderBy("id").execute();
}

/** The whole log for an administrator's export; the export is itself an entry, and is in what it returns. */
export async function exportAudit(db: Kysely<Database>, actor: Actor, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    await recordAudit(trx, actor, { action: "audit.export" }, now);
    return allAudit(trx);
  });
}
