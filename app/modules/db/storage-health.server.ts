import fs from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import { sqliteFilename, type Connection } from "./connection.server";
import { classifyStorageError, recentStorageFailure, type StorageProblem } from "./storage-failure.server";

/**
 * What /api/v1/health says about the database: it answers; it is not read-only (PostgreSQL's
 * transaction_read_only, a standby after a failover); the SQLite file's disk is not full; and no storage
 * failure happened in the last minute (storage-failure.server.ts). Any of these wrong is "degraded".
 */
export type StorageHealth = { ok: true } | { ok: false; problem: StorageProblem; code: string; since: string };

/** Less free space than this on the SQLite file's disk counts as full: the next write may need more. */
export const minFreeBytes = 1024 * 1024;

export function diskNearlyFull(stats: { bavail: number; bsize: number }): boolean {
  return stats.bavail * stats.bsize < minFreeBytes;
}

export async function checkStorage(connection: Connection, databaseUrl = process.env.DATABASE_URL ?? "", now = Date.now()): Promise<StorageHealth> {
  const at = new Date(now).toISOString();
  try {
    if (connection.kind === "postgres") {
      const { rows } = await sql<{ read_only: string }>`select current_setting('transaction_read_only') as read_only`.execute(connection.db);
      if (rows[0]?.read_only === "on") return { ok: false, problem: "read_only", code: "25006", since: at };
    } else {
      await sql`select 1`.execute(connection.db);
      const file = sqliteFilename(databaseUrl || "file:./data/portal.sqlite");
      if (file !== ":memory:" && diskNearlyFull(await fs.statfs(path.dirname(file)))) return { ok: false, problem: "full", code: "ENOSPC", since: at };
    }
  } catch (error) {
    const failure = classifyStorageError(error);
    return { ok: false, problem: failure?.problem ?? "unreachable", code: failure?.code ?? "error", since: at };
  }
  const recent = recentStorageFailure(now);
  return recent ? { ok: false, problem: recent.problem, code: recent.code, since: new Date(recent.at).toISOString() } : { ok: true };
}
