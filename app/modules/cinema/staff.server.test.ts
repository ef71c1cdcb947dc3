import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import {
  bookSeats,
  cancelScreening,
  joinWaitingList,
  listHalls,
  listScreeningsForStaff,
  listUpcomingScreenings,
  NotFound,
  revealWaitingPhone,
  screeningCallList,
  screeningFormSchema,
  seedCinema,
  seedHallId,
} from "./index.server";

const now = new Date("2026-12-01T01:00:00Z");
const contact = { name: "张三", phone: "13800138000" };
const staff = { id: null, username: "cinema-staff" };

describe("cinema staff pages' module functions", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
    await seedCinema(conn.db, now);
  });
  afterAll(async () => conn.db.destroy());

  it("lists screenings for staff with seats taken and bookings counted, upcoming and past apart", async () => {
    const [first] = await listUpcomingScreenings(conn.db, {}, now);
    await bookSeats(conn.db, { screeningId: first.id, party: { tickets: 3 }, contact, locale: "zh-CN" }, now);
    const upcoming = await listScreeningsForStaff(conn.db, { when: "upcoming", pageSize: 5 }, now);
    expect(upcoming.items).toHaveLength(5);
    expect(upcoming.pageCount).toBe(Math.ceil(upcoming.total / 5));
    expect(upcoming.items[0]).toMatchObject({ id: first.id, bookings: 1, people: 3, checkedIn: 0, seatsTotal: 60, seatsAvailable: 57 });
    const later = new Date(Date.parse(first.startsAt) + 60_000);
    const past = await listScreeningsForStaff(conn.db, { when: "past" }, later);
    expect(past.items.map((s) => s.id)).toEqual([first.id]);
    expect(await listHalls(conn.db)).toEqual([{ id: seedHallId, name: { zh: "粤北区域中心盲人电影院", en: "Blind Cinema, Yuebei Regional Centre" } }]);
  });

  it("shows a cancelled screening's call list again, and the full phone of a waiting-list entry", async () => {
    const [, second] = await listUpcomingScreenings(conn.db, {}, now);
    expect(await screeningCallList(conn.db, staff, second.id)).toEqual([]);
    await bookSeats(conn.db, { screeningId: second.id, party: { tickets: 2 }, contact: { name: "李四", phone: "13900001111" }, locale: "zh-CN" }, now);
    const waiting = await joinWaitingList(conn.db, { screeningId: second.id, contact: { name: "王五", phone: "13700002222" }, tickets: 1, locale: "zh-CN" }, now);
    expect(await revealWaitingPhone(conn.db, staff, waiting.id.toLowerCase())).toBe("13700002222");
    await expect(revealWaitingPhone(conn.db, staff, "HB-AAAA-AAAA")).rejects.toBeInstanceOf(NotFound);
    const first = await cancelScreening(conn.db, staff, second.id, new Date(now.getTime() + 60_000));
    const again = await screeningCallList(conn.db, staff, second.id);
    expect(again).toEqual(first);
    expect(again.map((c) => c.phone)).toEqual(["13900001111", "13700002222"]);
    await expect(screeningCallList(conn.db, staff, "no-such")).rejects.toBeInstanceOf(NotFound);
  });
});

describe("screening form schema", () => {
  const schema = screeningFormSchema({ requireHall: true, now });
  const valid = {
    hallId: seedHallId,
    titleZh: "城南旧事",
    titleEn: "My Memories of Old Beijing",
    durationMinutes: "100",
    audioDescription: "1",
    startsAt: "2026-12-05T14:30",
    bookingOpensAt: "2026-11-20T09:00",
    bookingClosesAt: "2026-12-05T12:30",
  };
  const errors = (input: Record<string, unknown>) => {
    const result = schema.safeParse(input);
    return result.success ? {} : result.error.flatten().fieldErrors;
  };

  it("reads times as China time and checkboxes as booleans", () => {
    const value = schema.parse(valid);
    expect(value).toMatchObject({ startsAt: "2026-12-05T06:30:00.000Z", audioDescription: true, captions: false, durationMinutes: 100, synopsisZh: "" });
  });

  it("reports each problem as a code", () => {
    expect(errors({ ...valid, titleZh: " ", durationMinutes: "0", startsAt: "5 Dec" })).toEqual({
      titleZh: ["required"],
      durationMinutes: ["durationRange"],
      startsAt: ["invalidDateTime"],
    });
    expect(errors({ ...valid, startsAt: "2026-11-30T14:30", bookingClosesAt: "2026-11-30T12:00" })).toEqual({ startsAt: ["startInPast"] });
    expect(errors({ ...valid, bookingClosesAt: "2026-12-05T15:00" })).toEqual({ bookingClosesAt: ["afterStart"] });
    expect(errors({ ...valid, bookingOpensAt: "2026-12-05T13:00" })).toEqual({ bookingOpensAt: ["afterClose"] });
    expect(errors({ ...valid, hallId: "" })).toEqual({ hallId: ["chooseHall"] });
  });
});
