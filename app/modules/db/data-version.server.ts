import { sql } from "kysely";
import type { Connection } from "./connection.server";
import { localWrites } from "./query-log.server";

/**
 * A value that changes whenever anything may have been committed to the database since it was last read, by this
 * process, another worker, another instance or a script (`npm run admin`, a hand-typed query). The cache of
 * rendered pages (app/http/page-cache.server.ts) keeps a page built from the database only while this is unchanged.
 *
 * - SQLite: `PRAGMA data_version` changes when another connection (any process) commits; this process's own writes
 *   are counted by the query log (query-log.server.ts). Read after the pragma, which waits for a transaction in
 *   progress on the one connection to end.
 * - PostgreSQL: the current snapshot (`pg_current_snapshot()`: xmin, xmax and the transactions in progress). A
 *   write is a transaction with an id; once it commits, xmax has moved past it or it has left the in-progress list,
 *   so the snapshot's text changes. Read-only transactions take no id and change nothing.
 * It errs only one way: a change of the value that was no change of the data (a rate-limit counter, a rolled-back
 * write, another database of the same PostgreSQL cluster) costs a render, never a stale page.
 */
export async function dataVersion(connection: Connection): Promise<string> {
  const db = connection.db.withoutPlugins();
  if (connection.kind === "postgres") {
    const { rows } = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(db);
    return rows[0]!.snapshot;
  }
  const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(db);
  return `${rows[0]!.data_version}:${localWrites()}`;
}
