import SQLite from "better-sqlite3";
import { Kysely, sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { testDatabaseUrl } from "../../../tests/support/test-db";
import { databaseKind, openDatabase, sqliteFilename } from "./connection.server";
import { PortalSqliteDialect } from "./sqlite-dialect.server";
import { classifyStorageError, describeDatabase, recentStorageFailure, reportStorageFailure } from "./storage-failure.server";

/** What a write inside a transaction fails with, on the given database. */
async function failedWrite(db: Kysely<any>): Promise<unknown> {
  try {
    await db.transaction().execute(async (trx) => {
      await sql`insert into probe (v) values (${"满".repeat(20_000)})`.execute(trx);
    });
  } catch (error) {
    return error;
  }
  throw new Error("the write succeeded");
}

async function withProbeTable(url: string): Promise<void> {
  const connection = openDatabase(url);
  await sql`create table probe (v text)`.execute(connection.db);
  await connection.db.destroy();
}

describe("storage failures are named by what the database said", () => {
  afterEach(() => {
    delete process.env.SQLITE_MAX_SIZE_MB;
  });

  it("a write the database has no room for (SQLite: SQLITE_MAX_SIZE_MB reached) or may not make (PostgreSQL: read-only) keeps its real error through the rollback", async () => {
    const url = await testDatabaseUrl();
    await withProbeTable(url);
    if (databaseKind(url) === "sqlite") {
      // Below the file's size the cap means "no growth": any write that needs a new page fails like a full disk.
      process.env.SQLITE_MAX_SIZE_MB = "0.001";
      const { db } = openDatabase(url);
      const error = await failedWrite(db);
      await db.destroy();
      // Before the fix this was "cannot rollback - no transaction is active", which hid the cause.
      expect(classifyStorageError(error)).toEqual({ problem: "full", code: "SQLITE_FULL", message: "database or disk is full" });

      const readOnly = new Kysely<any>({ dialect: new PortalSqliteDialect({ database: new SQLite(sqliteFilename(url), { readonly: true }) }) });
      const readOnlyError = await failedWrite(readOnly);
      await readOnly.destroy();
      expect(classifyStorageError(readOnlyError)).toMatchObject({ problem: "read_only", code: "SQLITE_READONLY" });
    } else {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const name = new URL(url).pathname.slice(1);
      await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
      await admin.end();
      const { db } = openDatabase(url);
      const error = await failedWrite(db);
      await db.destroy();
      expect(classifyStorageError(error)).toMatchObject({ problem: "read_only", code: "25006" });
    }
  });

  it("knows PostgreSQL's disk-full, shutdown and connection codes, and leaves everything else alone", () => {
    expect(classifyStorageError({ code: "53100", message: "could not extend file" })?.problem).toBe("full");
    expect(classifyStorageError({ code: "57P01", message: "terminating connection due to administrator command" })?.problem).toBe("unreachable");
    expect(classifyStorageError({ code: "08006", message: "connection failure" })?.problem).toBe("unreachable");
    expect(classifyStorageError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))?.problem).toBe("unreachable");
    expect(classifyStorageError(new Error("Connection terminated unexpectedly"))?.problem).toBe("unreachable");
    expect(classifyStorageError({ code: "SQLITE_IOERR_WRITE", message: "disk I/O error" })?.problem).toBe("io");
    // Not storage failures: a constraint, a syntax error, a plain bug.
    expect(classifyStorageError({ code: "23505", message: "duplicate key value" })).toBeNull();
    expect(classifyStorageError({ code: "SQLITE_CONSTRAINT_UNIQUE", message: "UNIQUE constraint failed" })).toBeNull();
    expect(classifyStorageError(new TypeError("x is undefined"))).toBeNull();
    expect(classifyStorageError(null)).toBeNull();
  });

  it("logs the real error with where the database is (never a password), and remembers it for the health check for a minute", () => {
    expect(describeDatabase("file:/srv/portal/data/portal.sqlite")).toBe("SQLite /srv/portal/data/portal.sqlite");
    expect(describeDatabase("postgres://portal:secret@db.internal:5432/portal")).toBe("PostgreSQL db.internal:5432/portal");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    reportStorageFailure({ problem: "full", code: "SQLITE_FULL", message: "database or disk is full" }, "action routes/($lang).feedback", 1_000);
    expect(log.mock.calls[0][0]).toMatch(/database or disk is full \[SQLITE_FULL\] on (SQLite|PostgreSQL) .+ during action routes\/\(\$lang\)\.feedback/);
    log.mockRestore();
    expect(recentStorageFailure(1_000 + 59_000)?.code).toBe("SQLITE_FULL");
    expect(recentStorageFailure(1_000 + 61_000)).toBeNull();
  });

  it("logs a busy database but does not report the storage as degraded: contention under a rush is not a failure", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    reportStorageFailure({ problem: "busy", code: "SQLITE_BUSY", message: "database is locked" }, "action routes/($lang).cinema", 500_000);
    expect(log.mock.calls[0][0]).toMatch(/storage failure \(busy\): database is locked \[SQLITE_BUSY\]/);
    log.mockRestore();
    expect(recentStorageFailure(500_000 + 1_000)).toBeNull();
  });
});
