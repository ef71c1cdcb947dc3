import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "./connection.server";
import { isUnstorableInput } from "./unstorable-input.server";

describe("values the database refuses", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
    await sql`create table probe_int (v integer)`.execute(conn.db);
  });
  afterAll(async () => conn.db.destroy());

  // (A NUL in text, the other class-22 value a client can send, never reaches the database: strip-nul-plugin.ts.)
  it("a number out of range: PostgreSQL refuses it (class 22, the client's mistake), SQLite stores it", async () => {
    const insert = sql`insert into probe_int (v) values (${"99999999999"})`.execute(conn.db);
    if (conn.kind === "postgres") {
      const error = await insert.catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe("22003");
      expect(isUnstorableInput(error)).toBe(true);
    } else {
      await insert;
    }
  });

  it("is not fooled by other database errors", () => {
    expect(isUnstorableInput({ code: "23505" })).toBe(false);
    expect(isUnstorableInput({ code: "SQLITE_FULL" })).toBe(false);
    expect(isUnstorableInput(new Error("boom"))).toBe(false);
    expect(isUnstorableInput(null)).toBe(false);
  });
});
