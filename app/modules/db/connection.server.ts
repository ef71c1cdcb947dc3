import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";
import { StripNulPlugin } from "./strip-nul-plugin";

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

/** Opens a connection for a DATABASE_URL (CONTRACTS.md): SQLite by default, PostgreSQL for postgres:// URLs. */
export function openDatabase(url: string = process.env.DATABASE_URL || defaultDatabaseUrl): Connection {
  if (databaseKind(url) === "postgres") {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new StripNulPlugin()] }), kind: "postgres", url };
  }
  const filename = sqliteFilename(url);
  if (filename !== ":memory:") fs.mkdirSync(path.dirname(filename), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new StripNulPlugin()] }), kind: "sqlite", url };
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
