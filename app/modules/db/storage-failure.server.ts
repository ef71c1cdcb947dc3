import { databaseKind, defaultDatabaseUrl, sqliteFilename } from "./connection.server";

/**
 * When the database itself cannot do what a request needs — the disk (or the SQLite size cap) is full, the
 * database is read-only, it cannot be reached — that is not the client's mistake and not a bug in a route: the
 * portal answers 503 with a plain message (docs/security.md, "Failures"), logs the real error with where the
 * database is, and /api/v1/health reports "degraded" for a while.
 */
export type StorageProblem = "full" | "read_only" | "unreachable" | "io" | "busy";

export interface StorageFailure {
  problem: StorageProblem;
  /** The driver's own code: SQLITE_FULL, SQLITE_READONLY_…, 53100, 25006, ECONNREFUSED … */
  code: string;
  /** The driver's own message ("database or disk is full"). */
  message: string;
}

const postgresCodes: Record<string, StorageProblem> = {
  "53100": "full", // disk_full
  "53200": "full", // out_of_memory
  "25006": "read_only", // read_only_sql_transaction (default_transaction_read_only, a hot standby)
  "53300": "unreachable", // too_many_connections
  "57P01": "unreachable", // admin_shutdown
  "57P02": "unreachable", // crash_shutdown
  "57P03": "unreachable", // cannot_connect_now
  "58030": "io", // io_error
};
const networkCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE"]);

/** What kind of storage failure an error is, or null when it is something else (a bug, a constraint …). */
export function classifyStorageError(error: unknown): StorageFailure | null {
  if (!error || typeof error !== "object") return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === "string" ? message : "";
  const found = (problem: StorageProblem, c: string): StorageFailure => ({ problem, code: c, message: text });
  if (typeof code === "string") {
    if (code === "SQLITE_FULL") return found("full", code);
    if (code.startsWith("SQLITE_READONLY")) return found("read_only", code);
    if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN")) return found("io", code);
    if (code.startsWith("SQLITE_BUSY") || code === "SQLITE_LOCKED") return found("busy", code);
    if (postgresCodes[code]) return found(postgresCodes[code], code);
    if (code.startsWith("08")) return found("unreachable", code); // connection_exception class
    if (networkCodes.has(code)) return found("unreachable", code);
  }
  // pg reports a dropped connection without a code.
  if (/^Connection terminated|connection timeout|Client has encountered a connection error/i.test(text)) return found("unreachable", "connection");
  return null;
}

/** Where the database is, for the log: the SQLite file, or PostgreSQL's host, port and database (never the password). */
export function describeDatabase(url: string = process.env.DATABASE_URL || defaultDatabaseUrl): string {
  if (databaseKind(url) === "sqlite") return `SQLite ${sqliteFilename(url)}`;
  try {
    const parsed = new URL(url);
    return `PostgreSQL ${parsed.host}${parsed.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}

/** How long /api/v1/health keeps saying "degraded" after the last storage failure. */
export const degradedForMs = 60_000;
let last: (StorageFailure & { at: number }) | null = null;

/**
 * Logs a storage failure by its real name and remembers it for the health check. A busy database is the one
 * exception: under a rush (a popular screening opening) some writes wait out their retries and that request is
 * answered 503 with Retry-After, but the storage is sound, and a health check that then said "degraded" for a
 * minute would have a process manager or load balancer take a working portal out of service.
 */
export function reportStorageFailure(failure: StorageFailure, where: string, now = Date.now()): void {
  if (failure.problem !== "busy") last = { ...failure, at: now };
  console.error(`storage failure (${failure.problem}): ${failure.message || failure.code} [${failure.code}] on ${describeDatabase()} during ${where}`);
}

/** The last storage failure if it happened within `degradedForMs`, else null. */
export function recentStorageFailure(now = Date.now()): (StorageFailure & { at: number }) | null {
  return last && now - last.at < degradedForMs ? last : null;
}
