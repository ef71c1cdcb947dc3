import { sql } from "kysely";
import type { Connection } from "~/modules/db/connection.server";

/**
 * Every table of the live schema with its columns, read from the database itself: SQLite's sqlite_master with
 * pragma_table_info, PostgreSQL's information_schema (base tables of the current schema).
 */
export async function liveColumns(conn: Connection): Promise<Map<string, string[]>> {
  const rows =
    conn.kind === "sqlite"
      ? (
          await sql<{ table_name: string; column_name: string }>`
            select m.name as table_name, c.name as column_name
            from sqlite_master m join pragma_table_info(m.name) c
            where m.type = 'table' and m.name not like 'sqlite_%'`.execute(conn.db)
        ).rows
      : (
          await sql<{ table_name: string; column_name: string }>`
            select c.table_name, c.column_name
            from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'`.execute(conn.db)
        ).rows;
  const tables = new Map<string, string[]>();
  for (const r of rows) tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
  return tables;
}
