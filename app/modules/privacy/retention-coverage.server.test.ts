import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveColumns } from "../../../tests/support/schema";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/connection.server";
import { appendOnlyTables } from "../db/migrations/0008-append-only";
import { retentionRules } from "./retention.server";
import { tablesWithoutPersonalData } from "./tables-without-personal-data";

/**
 * Retention covers every table (issue 12, item 12): the live schema, read from the database itself after every
 * migration (SQLite's sqlite_master, PostgreSQL's information_schema), has no table that is neither named by a
 * retention rule nor declared free of personal data with a reason — so a new table (or a new column in a table
 * declared free of personal data) cannot keep a person forever without a red test.
 */
describe("retention covers every table that can hold personal data", () => {
  let conn: Connection;
  let live: Map<string, string[]>;
  beforeAll(async () => {
    conn = await createTestDb();
    live = await liveColumns(conn);
  });
  afterAll(async () => conn.db.destroy());

  const ruled = () => new Set(retentionRules().flatMap((r) => r.tables));

  it("reads the schema from the database", () => {
    expect(live.size).toBeGreaterThan(20);
    expect(live.get("cinema_bookings")).toEqual(expect.arrayContaining(["name", "phone"]));
  });

  it("every table is named by a retention rule or declared free of personal data with a reason", () => {
    const uncovered = [...live.keys()].filter((t) => !ruled().has(t) && !(t in tablesWithoutPersonalData)).sort();
    expect(uncovered, "add a retention rule (app/modules/privacy/retention.server.ts) or a declaration with its reason").toEqual([]);
  });

  it("no table is both ruled and declared free of personal data, and nothing names a table that does not exist", () => {
    expect([...ruled()].filter((t) => t in tablesWithoutPersonalData)).toEqual([]);
    expect([...ruled(), ...Object.keys(tablesWithoutPersonalData)].filter((t) => !live.has(t))).toEqual([]);
    for (const [table, { reason }] of Object.entries(tablesWithoutPersonalData)) expect(reason.length, table).toBeGreaterThan(10);
  });

  it("a table declared free of personal data has exactly the columns its reason was checked against", () => {
    const changed = Object.entries(tablesWithoutPersonalData)
      .map(([table, { columns }]) => ({ table, added: live.get(table)!.filter((c) => !columns.includes(c)), gone: columns.filter((c) => !live.get(table)!.includes(c)) }))
      .filter((t) => t.added.length || t.gone.length);
    expect(changed, "a new column may hold a person: look at it, then update the declaration or write a rule").toEqual([]);
  });

  it("no rule touches an append-only table (the database would refuse it)", () => {
    expect([...ruled()].filter((t) => (appendOnlyTables as readonly string[]).includes(t))).toEqual([]);
  });
});
