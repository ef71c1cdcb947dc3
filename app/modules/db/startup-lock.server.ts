import { setTimeout as sleep } from "node:timers/promises";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { sqliteFilename, type Connection } from "./connection.server";

/**
 * The start-up lock (issue 12, item 9): what every instance does to a database before it serves — migrate and
 * seed — runs under one lock per database, so instances starting together on an empty database do not trip over
 * each other. The first takes the lock, migrates and seeds; the others wait, then find everything in place.
 *
 * - PostgreSQL: a session-level advisory lock (`pg_advisory_lock`) held on one pooled connection while the work
 *   runs on the others. It waits as long as it takes, and ends with the session if the process dies.
 * - SQLite (several processes on one file): an exclusive transaction on a small lock file beside the database
 *   (`portal.sqlite.startup-lock`), asked for every 50 ms so the event loop stays free. The kernel releases it if
 *   the process dies. An in-memory database has nobody to share with and needs no lock.
 */
export const startupLockKey = 1_364_804_931; // "QYAC"

const sqliteWaitMs = 10 * 60_000;
const sqlitePollMs = 50;

export function startupLockFile(conn: Pick<Connection, "kind" | "url">): string | null {
  if (conn.kind !== "sqlite") return null;
  const filename = sqliteFilename(conn.url);
  return filename === ":memory:" || filename === "" ? null : `${filename}.startup-lock`;
}

export interface LockOptions {
  /** Called once when another instance holds the lock and this one starts to wait. */
  onWait?: () => void;
}

async function withSqliteLock<T>(file: string, work: () => Promise<T>, options: LockOptions): Promise<T> {
  const lock = new SQLite(file, { timeout: 0 });
  try {
    const deadline = Date.now() + sqliteWaitMs;
    for (let attempt = 0; ; attempt++) {
      try {
        lock.exec("BEGIN EXCLUSIVE");
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
        if (Date.now() > deadline) throw new Error(`another process has held the start-up lock ${file} for ${sqliteWaitMs / 60_000} minutes`);
        if (attempt === 0) options.onWait?.();
        await sleep(sqlitePollMs);
      }
    }
    try {
      return await work();
    } finally {
      lock.exec("ROLLBACK");
    }
  } finally {
    lock.close();
  }
}

async function withPostgresLock<T>(conn: Connection, work: () => Promise<T>, options: LockOptions): Promise<T> {
  return conn.db.connection().execute(async (held) => {
    const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${sql.lit(startupLockKey)}) as ok`.execute(held);
    if (!rows[0]?.ok) {
      options.onWait?.();
      await sql`select pg_advisory_lock(${sql.lit(startupLockKey)})`.execute(held);
    }
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(startupLockKey)})`.execute(held);
    }
  });
}

/** Runs `work` (which uses `conn.db` as usual) while this process holds the database's start-up lock. */
export async function withStartupLock<T>(conn: Connection, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  if (conn.kind === "postgres") return withPostgresLock(conn, work, options);
  const file = startupLockFile(conn);
  return file ? withSqliteLock(file, work, options) : work();
}
