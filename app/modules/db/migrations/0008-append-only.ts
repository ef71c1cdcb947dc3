import { PostgresAdapter, sql, type Kysely } from "kysely";

/**
 * Append-only records (issue 12, item 10): the device ledger (台账) and the staff audit log can be added to, never
 * changed or removed — enforced by the database itself, so no code path, script or hand-typed query can rewrite
 * history by accident. SQLite: BEFORE UPDATE / BEFORE DELETE triggers that abort. PostgreSQL: a row trigger for
 * UPDATE and DELETE and a statement trigger for TRUNCATE (which skips row triggers), both raising an error.
 *
 * Nothing needs to change these rows: retention leaves both tables alone (they hold no personal data of the
 * public: the ledger records devices, the audit log masked details and staff accounts), and `db:restore` only
 * restores into an empty database (docs/security.md, "Append-only records").
 */
export const appendOnlyTables = ["lending_ledger", "audit_log"] as const;

/** The words every refusal carries, on both databases (see `isAppendOnlyRefusal`). */
export const appendOnlyMessage = "is append-only";

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      create function refuse_append_only_change() returns trigger language plpgsql as $$
      begin
        raise exception '% ${sql.raw(appendOnlyMessage)}: % refused', tg_table_name, tg_op using errcode = 'restrict_violation';
      end
      $$`.execute(db);
    for (const table of appendOnlyTables) {
      await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function refuse_append_only_change()`.execute(db);
      await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
        for each statement execute function refuse_append_only_change()`.execute(db);
    }
    return;
  }
  for (const table of appendOnlyTables) {
    for (const op of ["update", "delete"] as const) {
      await sql`create trigger ${sql.id(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(`${table} ${appendOnlyMessage}: ${op.toUpperCase()} refused`)}); end`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of appendOnlyTables) {
      await sql`drop trigger if exists ${sql.id(`${table}_append_only`)} on ${sql.table(table)}`.execute(db);
      await sql`drop trigger if exists ${sql.id(`${table}_no_truncate`)} on ${sql.table(table)}`.execute(db);
    }
    await sql`drop function if exists refuse_append_only_change()`.execute(db);
    return;
  }
  for (const table of appendOnlyTables) {
    for (const op of ["update", "delete"]) await sql`drop trigger if exists ${sql.id(`${table}_no_${op}`)}`.execute(db);
  }
}
