import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "./connection.server";

/** Runs on SQLite and again on PostgreSQL (the postgres project), where a NUL in any parameter is error 22021. */
describe("NUL characters never reach the database", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
  });
  afterAll(async () => conn.db.destroy());

  it("in values inserted, updated, compared and listed, and in raw sql parameters", async () => {
    const row = { reference: "YJ-NUL\u0000-1", topic: "other", message: "a\u0000b", name: null, contact: null, locale: "zh-CN", created_at: new Date().toISOString() };
    await conn.db.insertInto("feedback").values(row).execute();
    await conn.db.updateTable("feedback").set({ reply: "回\u0000复" }).where("reference", "=", "YJ-NUL-1\u0000").execute();
    const stored = await conn.db.selectFrom("feedback").select(["reference", "message", "reply"]).where("reference", "in", ["YJ-NUL-1\u0000", "x\u0000"]).execute();
    expect(stored).toEqual([{ reference: "YJ-NUL-1", message: "ab", reply: "回复" }]);
    const raw = await sql<{ n: number | string }>`select count(*) as n from feedback where message = ${"a\u0000b"}`.execute(conn.db);
    expect(Number(raw.rows[0].n)).toBe(1);
    expect(await conn.db.selectFrom("feedback").select("reference").where("reference", "=", "\u0000").execute()).toEqual([]);
  });
});
