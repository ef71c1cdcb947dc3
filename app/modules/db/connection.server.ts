import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";
import { QueryLogPlugin } from "./query-log.server";
import { StripNulPlugin } from "./strip-nul-plugin";
import { PortalSqliteDialect } from "./sqlite-dialect.server";

export type DatabaseKind = "sqlite" | "postgres";
export const defaultDatabaseUrl = "file:./data/portal.sqlite";

export interface Connection {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The DATABASE_URL it was opened with. */
  url: string;
}

export function databaseKind(url: string): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/** `file:./data/portal.sqlite` → an absolute file path; `:memory:` stays as it is. */
export function sqliteFilename(url: string): string {
  const raw = url.startsWith("file:") ? url.slice("file:".length) : url;
  if (raw === ":memory:") return raw;
  return path.resolve(raw);
}

/** Opens a connection for a DATABASE_URL (docs/contracts.md): SQLite by default, PostgreSQL for postgres:// URLs. */
export function openDatabase(url: string = process.env.DATABASE_URL || defaultDatabaseUrl): Connection {
  if (databaseKind(url) === "postgres") {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle client whose server went away (restart, failover) is dropped by the pool; without a listener
    // that event would end the process. The next query opens a fresh connection.
    pool.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new StripNulPlugin(), new QueryLogPlugin()] }), kind: "postgres", url };
  }
  const filename = sqliteFilename(url);
  if (filename !== ":memory:") fs.mkdirSync(path.dirname(filename), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma("busy_timeout = 5000");
  useWal(sqlite);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  const maxPages = maxPageCount(sqlite.pragma("page_size", { simple: true }) as number);
  if (maxPages) sqlite.pragma(`max_page_count = ${maxPages}`);
  return { db: new Kysely<Database>({ dialect: new PortalSqliteDialect({ database: sqlite }), plugins: [new StripNulPlugin(), new QueryLogPlugin()] }), kind: "sqlite", url };
}

/**
 * WAL mode, which the file keeps once set. Switching needs the file to itself: when another process opens it at
 * the same moment (two instances or workers started together) the switch can answer SQLITE_BUSY at once, without
 * waiting for the busy timeout, so it is tried again for up to ten seconds.
 */
function useWal(sqlite: SQLite.Database, deadlineMs = 10_000): void {
  const started = Date.now();
  for (;;) {
    try {
      if (String(sqlite.pragma("journal_mode", { simple: true })).toLowerCase() === "wal") return;
      sqlite.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code === "SQLITE_BUSY";
      if (!busy || Date.now() - started > deadlineMs) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

/**
 * SQLITE_MAX_SIZE_MB caps the SQLite file (README, "Configuration"): a write that would grow it further fails
 * as on a full disk (SQLITE_FULL, answered 503), so the database cannot fill the machine's disk. SQLite never
 * shrinks a file to meet the cap: below the current size it means "no growth at all".
 */
function maxPageCount(pageSize: number, env: Record<string, string | undefined> = process.env): number | null {
  const megabytes = Number(env.SQLITE_MAX_SIZE_MB);
  if (!env.SQLITE_MAX_SIZE_MB || !Number.isFinite(megabytes) || megabytes <= 0) return null;
  return Math.max(1, Math.floor((megabytes * 1024 * 1024) / pageSize));
}

let shared: Connection | undefined;

/** The process-wide connection the app uses. */
export function getConnection(): Connection {
  shared ??= openDatabase();
  return shared;
}

export function getDb(): Kysely<Database> {
  return getConnection().db;
}
