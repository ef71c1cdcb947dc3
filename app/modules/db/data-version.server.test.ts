import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind, testDatabaseUrl } from "../../../tests/support/test-db";
import { openDatabase, type Connection } from "./connection.server";
import { dataVersion } from "./data-version.server";
import { queryLog, type QueryLog } from "./query-log.server";

/**
 * The value the cache of rendered pages trusts (app/http/page-cache.server.ts): it must change whenever anything was
 * committed, by this connection or another one (another worker or instance), and stay put while only reads happen.
 */
describe("the database's data version", () => {
  let a: Connection;
  let b: Connection;
  const probe = (c: Connection) => c.db as unknown as Kysely<{ probe: { n: number } }>;

  beforeAll(async () => {
    const url = await testDatabaseUrl();
    a = openDatabase(url);
    b = openDatabase(url);
    await probe(a).schema.createTable("probe").addColumn("n", "integer").execute();
  });
  afterAll(async () => {
    await a.db.destroy();
    await b.db.destroy();
  });

  // On PostgreSQL the version is the cluster's snapshot, which any other database's transaction moves (the other
  // test files write beside this one): "nothing changed" is only observable where the version is the database's own.
  it.runIf(testDatabaseKind() === "sqlite")("stays the same while both connections only read", async () => {
    const before = await dataVersion(a);
    await probe(a).selectFrom("probe").selectAll().execute();
    await probe(b).selectFrom("probe").selectAll().execute();
    expect(await dataVersion(a)).toBe(before);
  });

  it("changes when another connection commits a write", async () => {
    const before = await dataVersion(a);
    await probe(b).insertInto("probe").values({ n: 1 }).execute();
    expect(await dataVersion(a)).not.toBe(before);
  });

  it("changes when this connection writes, in a transaction or not", async () => {
    let before = await dataVersion(a);
    await probe(a).insertInto("probe").values({ n: 2 }).execute();
    expect(await dataVersion(a)).not.toBe(before);
    before = await dataVersion(a);
    await probe(a).transaction().execute(async (trx) => {
      await trx.updateTable("probe").set({ n: 3 }).where("n", "=", 2).execute();
    });
    expect(await dataVersion(a)).not.toBe(before);
  });

  it("the query log counts the queries and writes run inside it, and nothing outside", async () => {
    const log: QueryLog = { queries: 0, writes: 0 };
    await queryLog.run(log, async () => {
      await probe(a).selectFrom("probe").selectAll().execute();
      await probe(a).selectFrom("probe").select("n").execute();
    });
    await probe(a).insertInto("probe").values({ n: 4 }).execute();
    expect(log).toEqual({ queries: 2, writes: 0 });
    await queryLog.run(log, () => probe(a).deleteFrom("probe").where("n", "=", 4).execute());
    expect(log).toEqual({ queries: 3, writes: 1 });
  });
});
