import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, TableNode, UnknownRow } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../../tests/support/test-db";
import { bookSeats } from "../cinema/bookings.server";
import { listUpcomingScreenings } from "../cinema/screenings.server";
import { createBackup, restoreBackup } from "./backup.server";
import { migrateToLatest, openDatabase, type Connection } from "./index.server";
import { seedDatabase } from "~/modules/operations/seed.server";

/**
 * `npm run db:backup` runs while the portal serves (the daily timer, docs/operations.md). A booking another process
 * commits between the backup's reads of cinema_bookings and cinema_booking_seats must not leave seats without their
 * booking in the file: the backup is one moment, and its restore (foreign keys, all or nothing) succeeds.
 */
class AfterReading implements KyselyPlugin {
  readonly #tables = new Map<string, string>();
  constructor(
    private readonly table: string,
    private write: () => Promise<void>,
  ) {}

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    const from = node.kind === "SelectQueryNode" ? node.from?.froms[0] : undefined;
    if (from?.kind === "TableNode") this.#tables.set(queryId.queryId, (from as TableNode).table.identifier.name);
    return node;
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.#tables.get(queryId.queryId) === this.table) {
      this.#tables.clear();
      const write = this.write;
      this.write = async () => {};
      await write();
    }
    return result;
  }
}

describe("a backup of a live database", () => {
  let url: string;
  let reader: Connection;
  let writer: Connection;
  beforeAll(async () => {
    url = await testDatabaseUrl();
    reader = openDatabase(url);
    await migrateToLatest(reader.db);
    await seedDatabase(reader.db);
    // Another process: its own connection to the same database.
    writer = openDatabase(url);
  });
  afterAll(async () => {
    await reader.db.destroy();
    await writer.db.destroy();
  });

  it("is one moment: a booking committed while it reads is either wholly in it or not at all, and it restores", async () => {
    const [screening] = await listUpcomingScreenings(writer.db, {});
    let booked = "";
    const plugin = new AfterReading("cinema_bookings", async () => {
      booked = (await bookSeats(writer.db, { screeningId: screening.id, party: { tickets: 2 }, contact: { name: "并发", phone: "13800002222" }, locale: "zh-CN" })).reference;
    });
    const backup = JSON.parse(JSON.stringify(await createBackup(reader.db.withPlugin(plugin))));
    expect(booked).not.toBe("");
    const references = new Set((backup.tables.cinema_bookings as Array<{ reference: string }>).map((b) => b.reference));
    const seats = backup.tables.cinema_booking_seats as Array<{ booking_reference: string | null }>;
    expect(seats.filter((s) => s.booking_reference && !references.has(s.booking_reference))).toEqual([]);
    expect(references.has(booked)).toBe(false);

    const fresh = openDatabase(await testDatabaseUrl());
    try {
      const counts = await restoreBackup(fresh.db, backup);
      expect(counts.cinema_bookings).toBe(references.size);
    } finally {
      await fresh.db.destroy();
    }
    // The live database has the booking, and the next backup holds it.
    expect((await createBackup(reader.db)).tables.cinema_bookings.map((b) => b.reference)).toContain(booked);
  });
});
