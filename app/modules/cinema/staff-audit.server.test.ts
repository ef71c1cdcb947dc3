import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, expectAuditedTogether, expectNoEntryWhenChangeFails, expectRefusedWithoutAudit } from "../../../tests/support/audit-outage";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import {
  bookSeats,
  cancelBooking,
  cancelScreening,
  checkIn,
  createScreening,
  exportBookings,
  joinWaitingList,
  listUpcomingScreenings,
  NotAllowed,
  NotFound,
  revealBookingPhone,
  revealWaitingPhone,
  screeningCallList,
  seedCinema,
  seedHallId,
  setWaitingStatus,
  updateScreening,
} from "./index.server";

/**
 * Every staff change and every full phone shown in the cinema writes its audit entry in the same transaction:
 * when the audit log cannot be written, nothing changes and no phone is shown; when it can, both are there.
 */
const now = new Date("2026-12-01T01:00:00Z");
const staff = { id: null, username: "cinema-staff" };
const screeningRow = (conn: Connection, id: string) => conn.db.selectFrom("cinema_screenings").selectAll().where("id", "=", id).executeTakeFirst();

describe("cinema staff actions and their audit entries commit together", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
    await seedCinema(conn.db, now);
  });
  afterAll(async () => conn.db.destroy());

  const input = (title: string) => ({
    hallId: seedHallId,
    title: { zh: title, en: title },
    synopsis: { zh: "", en: "" },
    durationMinutes: 90,
    audioDescription: true,
    captions: false,
    signLanguage: false,
    startsAt: "2026-12-20T06:30:00.000Z",
    bookingOpensAt: "2026-11-30T01:00:00.000Z",
    bookingClosesAt: "2026-12-20T04:30:00.000Z",
  });
  const screenings = () => conn.db.selectFrom("cinema_screenings").select("id").orderBy("id").execute();

  it("creates and edits a screening only together with its entry", async () => {
    const created = await expectAuditedTogether(conn.db, { actions: ["cinema.screening.create"], run: () => createScreening(conn.db, staff, input("新场次"), now), observe: screenings });
    const [entry] = await auditEntries(conn.db, "cinema.screening.create", created.id);
    expect(entry).toMatchObject({ username: "cinema-staff", target_type: "cinema_screening", at: now.toISOString() });

    const edited = await expectAuditedTogether(conn.db, {
      actions: ["cinema.screening.update"],
      run: () => updateScreening(conn.db, staff, created.id, input("改过的场次"), now),
      observe: async () => (await screeningRow(conn, created.id))?.title_zh,
    });
    expect(edited.title.zh).toBe("改过的场次");
    await expectRefusedWithoutAudit(conn.db, "cinema.screening.update", () => updateScreening(conn.db, staff, "no-such", input("x"), now), NotFound);
  });

  it("checks a party in, and shows a booking's full phone, only with an entry", async () => {
    const [first] = await listUpcomingScreenings(conn.db, {}, now);
    const booking = await bookSeats(conn.db, { screeningId: first.id, party: { tickets: 2 }, contact: { name: "张三", phone: "13800138000" }, locale: "zh-CN" }, now);
    const phone = await expectAuditedTogether(conn.db, { actions: ["cinema.booking.phone"], run: () => revealBookingPhone(conn.db, staff, booking.reference, now) });
    expect(phone).toBe("13800138000");
    const status = async () => (await conn.db.selectFrom("cinema_bookings").select("status").where("reference", "=", booking.reference).executeTakeFirstOrThrow()).status;
    await expectAuditedTogether(conn.db, { actions: ["cinema.booking.checkin"], run: () => checkIn(conn.db, staff, booking.reference, now), observe: status });
    expect(await status()).toBe("checked_in");
    expect((await auditEntries(conn.db, "cinema.booking.checkin", booking.reference))[0].detail).toBe(first.id);

    const exported = await expectAuditedTogether(conn.db, { actions: ["cinema.bookings.export"], run: () => exportBookings(conn.db, staff, first.id, now) });
    expect(exported.map((b) => b.reference)).toContain(booking.reference);

    const cancelled = await bookSeats(conn.db, { screeningId: first.id, party: { tickets: 1 }, contact: { name: "李四", phone: "13900001111" }, locale: "zh-CN" }, now);
    await cancelBooking(conn.db, { reference: cancelled.reference, phone: "13900001111" }, now);
    await expectRefusedWithoutAudit(conn.db, "cinema.booking.checkin", () => checkIn(conn.db, staff, cancelled.reference, now), NotAllowed);
    expect((await conn.db.selectFrom("cinema_bookings").select("status").where("reference", "=", cancelled.reference).executeTakeFirstOrThrow()).status).toBe("cancelled");
    await expectRefusedWithoutAudit(conn.db, "cinema.booking.checkin", () => checkIn(conn.db, staff, "DY-AAAA-AAAA", now), NotFound);
    // Checking in again is harmless, and audited again as the door saw it.
    await checkIn(conn.db, staff, booking.reference, now);
    expect(await auditEntries(conn.db, "cinema.booking.checkin", booking.reference)).toHaveLength(2);
    await expectRefusedWithoutAudit(conn.db, "cinema.booking.phone", () => revealBookingPhone(conn.db, staff, "DY-AAAA-AAAA", now), NotFound);
  });

  it("changes a waiting-list entry, and shows its phone, only with an entry", async () => {
    const [, second] = await listUpcomingScreenings(conn.db, {}, now);
    const waiting = await joinWaitingList(conn.db, { screeningId: second.id, contact: { name: "王五", phone: "13700002222" }, tickets: 1, locale: "zh-CN" }, now);
    expect(await expectAuditedTogether(conn.db, { actions: ["cinema.waiting.phone"], run: () => revealWaitingPhone(conn.db, staff, waiting.id, now) })).toBe("13700002222");
    const status = async () => (await conn.db.selectFrom("cinema_waiting_list").select("status").where("id", "=", waiting.id).executeTakeFirstOrThrow()).status;
    await expectAuditedTogether(conn.db, { actions: ["cinema.waiting.status"], run: () => setWaitingStatus(conn.db, staff, waiting.id, "declined", now), observe: status });
    expect(await status()).toBe("declined");
    // "Offered" means seats held and a link sent: only an offer sets it, never a staff member by hand.
    await expectRefusedWithoutAudit(conn.db, "cinema.waiting.status", () => setWaitingStatus(conn.db, staff, waiting.id, "offered", now), NotAllowed);
    await expectRefusedWithoutAudit(conn.db, "cinema.waiting.status", () => setWaitingStatus(conn.db, staff, waiting.id, "expired", now), NotAllowed);
    expect(await status()).toBe("declined");
    await expectRefusedWithoutAudit(conn.db, "cinema.waiting.status", () => setWaitingStatus(conn.db, staff, "HB-AAAA-AAAA", "booked", now), NotFound);
  });

  it("cancels a screening (bookings, waiting list and its two entries) all at once or not at all", async () => {
    const [, , third] = await listUpcomingScreenings(conn.db, {}, now);
    const booking = await bookSeats(conn.db, { screeningId: third.id, party: { tickets: 2 }, contact: { name: "赵六", phone: "13600003333" }, locale: "zh-CN" }, now);
    const state = async () => ({
      screening: (await screeningRow(conn, third.id))?.status,
      booking: (await conn.db.selectFrom("cinema_bookings").select("status").where("reference", "=", booking.reference).executeTakeFirstOrThrow()).status,
    });
    // Bookings that cannot be cancelled leave the screening on, and no entry.
    const before = await state();
    await expectNoEntryWhenChangeFails(conn.db, { action: "cinema.screening.cancel", table: "cinema_bookings", operation: "update", run: () => cancelScreening(conn.db, staff, third.id, now) });
    expect(await state()).toEqual(before);
    const callList = await expectAuditedTogether(conn.db, {
      actions: ["cinema.screening.cancel", "cinema.screening.callList"],
      run: () => cancelScreening(conn.db, staff, third.id, now),
      observe: state,
    });
    expect(await state()).toEqual({ screening: "cancelled", booking: "cancelled" });
    expect(callList.map((c) => c.phone)).toEqual(["13600003333"]);
    expect((await auditEntries(conn.db, "cinema.screening.cancel", third.id))[0].detail).toBe("1");

    const again = await expectAuditedTogether(conn.db, { actions: ["cinema.screening.callList"], run: () => screeningCallList(conn.db, staff, third.id, now) });
    expect(again).toEqual(callList);
  });
});
