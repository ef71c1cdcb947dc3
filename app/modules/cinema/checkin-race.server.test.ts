import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEntries } from "../../../tests/support/audit-outage";
import { createTwoConnections, testDatabaseKind } from "../../../tests/support/test-db";
import { bookSeats, cancelBooking, listUpcomingScreenings, NotAllowed, seedCinema } from "./index.server";

/**
 * A check-in at the door and the person's own cancellation of the same booking, at the same moment, on two app
 * instances: the check-in does not lock the screening, so on PostgreSQL it can commit between the cancellation's read
 * and its write. The party is in: the cancellation is refused and writes no entry, rather than cancelling a booking
 * that was checked in, with an entry for each. (SQLite has one writer at a time: the window does not exist there.)
 */
const now = new Date("2026-12-01T01:00:00Z");

describe.runIf(testDatabaseKind() === "postgres")("a check-in and a cancellation at once", () => {
  let two: Awaited<ReturnType<typeof createTwoConnections>>;
  beforeAll(async () => {
    two = await createTwoConnections();
    await seedCinema(two.a.db, now);
  });
  afterAll(async () => two.close());

  it("the check-in that commits first wins; the cancellation is refused and not audited", async () => {
    const [screening] = await listUpcomingScreenings(two.a.db, {}, now);
    const booking = await bookSeats(two.a.db, { screeningId: screening.id, party: { tickets: 2 }, contact: { name: "张三", phone: "13800138000" }, locale: "zh-CN" }, now);

    // The door's transaction checks the party in and has not committed yet.
    const door = await two.b.db.startTransaction().execute();
    await door.updateTable("cinema_bookings").set({ status: "checked_in", checked_in_at: now.toISOString() }).where("reference", "=", booking.reference).where("status", "=", "confirmed").execute();

    // The person cancels on the other instance: it reads the booking as confirmed and waits for the door's row lock.
    const cancelled = cancelBooking(two.a.db, { reference: booking.reference, phone: "13800138000" }, now).then(
      () => null,
      (error: unknown) => error,
    );
    await vi.waitFor(
      async () => {
        const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(two.b.db);
        expect(Number(rows[0].n)).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 10 },
    );
    await door.commit().execute();

    expect(await cancelled).toBeInstanceOf(NotAllowed);
    const row = await two.a.db.selectFrom("cinema_bookings").select("status").where("reference", "=", booking.reference).executeTakeFirstOrThrow();
    expect(row.status).toBe("checked_in");
    expect(await auditEntries(two.a.db, "cinema.booking.cancel", booking.reference)).toEqual([]);
  });
});
