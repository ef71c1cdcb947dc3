import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { migrateToLatest, openDatabase, type Connection } from "~/modules/db/index.server";

/** The PostgreSQL cluster of the "postgres" test project, or undefined when tests run on SQLite. */
function postgresAdminUrl(): string | undefined {
  try {
    return inject("postgresAdminUrl");
  } catch {
    return undefined;
  }
}

/** Which database this test run uses: "postgres" in the postgres project, else "sqlite". */
export function testDatabaseKind(): "sqlite" | "postgres" {
  return postgresAdminUrl() ? "postgres" : "sqlite";
}

/**
 * A DATABASE_URL for a new, empty database of the kind this test run uses: a temp SQLite file, or a fresh
 * database on the test PostgreSQL cluster. For tests that need a real file (several connections, concurrency)
 * or that set DATABASE_URL before importing the app.
 */
export async function testDatabaseUrl(): Promise<string> {
  const admin = postgresAdminUrl();
  if (!admin) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-test-"));
    return `file:${path.join(dir, "portal.sqlite")}`;
  }
  const name = `test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

/** A fresh, migrated database for one test file: in-memory SQLite, or a new PostgreSQL database. */
export async function createTestDb(): Promise<Connection> {
  const connection = openDatabase(postgresAdminUrl() ? await testDatabaseUrl() : "file::memory:");
  await migrateToLatest(connection.db);
  return connection;
}

/**
 * Two connections to one fresh, migrated database of this run's kind, as two app instances would have. On SQLite
 * both are the same connection: better-sqlite3 is synchronous, so a second handle in one process would block the
 * event loop while it waits for the other's lock (two processes are covered by tests/e2e/multi-instance.test.ts).
 */
export async function createTwoConnections(): Promise<{ a: Connection; b: Connection; close: () => Promise<void> }> {
  const url = await testDatabaseUrl();
  const a = openDatabase(url);
  await migrateToLatest(a.db);
  const b = a.kind === "postgres" ? openDatabase(url) : a;
  return {
    a,
    b,
    close: async () => {
      await a.db.destroy();
      if (b !== a) await b.db.destroy();
    },
  };
}
