import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../../tests/support/test-db";
import { openDatabase, type Connection } from "~/modules/db/connection.server";
import { migrations } from "~/modules/db/migrations";
import { withStartupLock } from "~/modules/db/startup-lock.server";
import { prepareDatabase } from "./prepare.server";

/**
 * Instances starting together on one empty database (issue 12, item 9). Each preparation has its own connection
 * (its own pool on PostgreSQL, its own handle on the SQLite file): three "instances" at once, three rounds on
 * fresh databases. Without the start-up lock they collide in the migrations or the seed (duplicate key).
 */
describe("preparing one empty database from several instances at once", () => {
  const opened: Connection[] = [];
  afterAll(async () => {
    for (const conn of opened) await conn.db.destroy();
  });
  const open = (url: string) => {
    const conn = openDatabase(url);
    opened.push(conn);
    return conn;
  };

  it("every instance succeeds; the schema is migrated once and the seed is there once", async () => {
    for (let round = 0; round < 3; round++) {
      const url = await testDatabaseUrl();
      const instances = [open(url), open(url), open(url)];
      const results = await Promise.all(instances.map((conn) => prepareDatabase(conn)));
      // Exactly one instance applied the migrations and seeded; the others found everything in place.
      expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
      expect(results.find((r) => r.applied.length > 0)!.applied).toEqual(Object.keys(migrations));
      expect(results.filter((r) => r.seeded.startsWith("seeded"))).toHaveLength(1);
      const db = instances[0].db;
      const halls = await db.selectFrom("cinema_halls").select("id").execute();
      expect(halls).toHaveLength(1);
      const again = await prepareDatabase(instances[1]);
      expect(again).toMatchObject({ applied: [], seeded: "seed data present" });
    }
  });

  it("while one instance holds the lock, another waits without touching the database, then does the work itself", async () => {
    const url = await testDatabaseUrl();
    const [a, b] = [open(url), open(url)];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let taken!: () => void;
    const lockTaken = new Promise<void>((resolve) => (taken = resolve));
    const first = withStartupLock(a, async () => {
      taken();
      await held;
    });
    await lockTaken;
    let waiting!: () => void;
    const secondWaits = new Promise<void>((resolve) => (waiting = resolve));
    const second = prepareDatabase(b, { onWait: waiting });
    await secondWaits;
    // Still waiting: nothing migrated yet.
    expect((await a.db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith("kysely_"))).toEqual([]);
    release();
    await first;
    expect((await second).applied).toEqual(Object.keys(migrations));
  });
});
