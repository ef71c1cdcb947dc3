import { PostgresAdapter, sql, type Kysely } from "kysely";
import { expect } from "vitest";
import type { Database } from "~/modules/db/schema";

/** The words of the refusal, on both databases. */
export const auditOutage = /audit log unavailable/;

const isPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Makes every `operation` on `table` fail with "<table> unavailable", as a full disk or a broken table would, until
 * the returned function is called: a trigger in the database itself, so the code under test runs exactly as in
 * production.
 */
export async function refuseWrites(db: Kysely<Database>, table: keyof Database, operation: "insert" | "update" = "insert"): Promise<() => Promise<void>> {
  const name = sql.raw(`test_refuse_${table}_${operation}`);
  const target = sql.table(table);
  const when = sql.raw(operation);
  const message = sql.lit(`${table.replace(/_/g, " ")} unavailable`);
  if (isPostgres(db)) {
    await sql`create or replace function ${name}() returns trigger language plpgsql as $$
      begin raise exception ${message}; end $$`.execute(db);
    await sql`create trigger ${name} before ${when} on ${target} for each row execute function ${name}()`.execute(db);
    return async () => {
      await sql`drop trigger if exists ${name} on ${target}`.execute(db);
      await sql`drop function if exists ${name}()`.execute(db);
    };
  }
  await sql`create trigger ${name} before ${when} on ${target} begin select raise(abort, ${message}); end`.execute(db);
  return async () => {
    await sql`drop trigger if exists ${name}`.execute(db);
  };
}

/** Makes every write to the audit log fail ("audit log unavailable") until the returned function is called. */
export const refuseAuditWrites = (db: Kysely<Database>) => refuseWrites(db, "audit_log");

/**
 * The other half of the promise: when the change itself fails in the database (its table refuses the write), the
 * action fails and writes no audit entry.
 */
export async function expectNoEntryWhenChangeFails(
  db: Kysely<Database>,
  { action, table, operation, run }: { action: string; table: keyof Database; operation?: "insert" | "update"; run: () => Promise<unknown> },
): Promise<void> {
  const before = (await auditEntries(db, action)).length;
  const restore = await refuseWrites(db, table, operation);
  try {
    await expect(run()).rejects.toThrow(/unavailable/);
  } finally {
    await restore();
  }
  expect((await auditEntries(db, action)).length).toBe(before);
}

/** The audit entries of one action (and target), oldest first. */
export async function auditEntries(db: Kysely<Database>, action: string, targetId?: string) {
  let query = db.selectFrom("audit_log").selectAll().where("action", "=", action);
  if (targetId !== undefined) query = query.where("target_id", "=", targetId);
  return query.orderBy("at").orderBy("id").execute();
}

export interface AuditedCase<T> {
  /** The audit actions the call writes (most write one; cancelling a screening writes two). */
  actions: string[];
  /** The staff action under test. */
  run: () => Promise<T>;
  /** What a change changes (omit for a read, whose only trace is its audit entry). */
  observe?: () => Promise<unknown>;
}

/**
 * The promise of an audited staff action: while the audit log refuses writes, the action fails and leaves nothing
 * behind (no change, no entry, nothing read returned); once the log works, the same action succeeds and its
 * change and its entries are all there. Returns what the successful call returned.
 */
export async function expectAuditedTogether<T>(db: Kysely<Database>, { actions, run, observe }: AuditedCase<T>): Promise<T> {
  const counts = async () => Promise.all(actions.map(async (action) => (await auditEntries(db, action)).length));
  const before = { state: await observe?.(), audit: await counts() };
  const restore = await refuseAuditWrites(db);
  try {
    await expect(run()).rejects.toThrow(auditOutage);
  } finally {
    await restore();
  }
  expect(await observe?.()).toEqual(before.state);
  expect(await counts()).toEqual(before.audit);

  const result = await run();
  if (observe) expect(await observe()).not.toEqual(before.state);
  expect(await counts()).toEqual(before.audit.map((n) => n + 1));
  return result;
}

/** A staff action the domain refuses (wrong state, no such record) writes no audit entry either. */
export async function expectRefusedWithoutAudit(db: Kysely<Database>, action: string, run: () => Promise<unknown>, refusal: unknown): Promise<void> {
  const before = (await auditEntries(db, action)).length;
  await expect(run()).rejects.toBeInstanceOf(refusal as new (...args: never[]) => unknown);
  expect((await auditEntries(db, action)).length).toBe(before);
}
