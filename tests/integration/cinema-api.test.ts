import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleChecked } from "../support/route-call";
import { testDatabaseUrl } from "../support/test-db";

/**
 * The cinema's JSON API (docs/contracts.md) end to end through the route modules' loader/action functions, with real
 * Request objects, against a migrated and seeded database (SQLite file, or PostgreSQL in the postgres project).
 */
process.env.DATABASE_URL = await testDatabaseUrl();
process.env.RATE_LIMIT_PER_MINUTE = "0";

type Db = typeof import("~/modules/db/index.server");
type Cinema = typeof import("~/modules/cinema/index.server");
let db: Db;
let cinema: Cinema;
let screeningsRoute: typeof import("~/routes/api.v1.screenings");
let bookingsRoute: typeof import("~/routes/api.v1.screenings_.$id.bookings");
let bookingRoute: typeof import("~/routes/api.v1.bookings.$reference");

const base = "http://localhost/api/v1";
/** A route function's answer to `request`, checked against the OpenAPI document (tests/support/openapi-check.ts). */
const answer = async (fn: (args: never) => unknown, request: Request, params: Record<string, string> = {}, clientIp = "203.0.113.7") =>
  settleChecked(request, await fn({ request, params, context: { clientIp } } as never));

async function post(id: string, body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`${base}/screenings/${id}/bookings`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return answer(bookingsRoute.action, request, { id });
}
async function getBooking(reference: string, phone?: string, headers: Record<string, string> = {}) {
  const query = phone === undefined ? "" : `?phone=${encodeURIComponent(phone)}`;
  const request = new Request(`${base}/bookings/${reference}${query}`, { headers });
  return answer(bookingRoute.loader, request, { reference });
}
async function deleteBooking(reference: string, phone: string) {
  const request = new Request(`${base}/bookings/${reference}?phone=${encodeURIComponent(phone)}`, { method: "DELETE" });
  return answer(bookingRoute.action, request, { reference });
}
async function listScreenings(query = "") {
  return answer(screeningsRoute.loader, new Request(`${base}/screenings${query}`));
}

const person = { name: "张三", phone: "13800138000" };
const staff = { id: null, username: "cinema-staff" };

beforeAll(async () => {
  db = await import("~/modules/db/index.server");
  cinema = await import("~/modules/cinema/index.server");
  const { seedDatabase } = await import("~/modules/operations/seed.server");
  await db.migrateToLatest(db.getDb());
  await seedDatabase(db.getDb());
  screeningsRoute = await import("~/routes/api.v1.screenings");
  bookingsRoute = await import("~/routes/api.v1.screenings_.$id.bookings");
  bookingRoute = await import("~/routes/api.v1.bookings.$reference");
});

afterAll(async () => {
  await db.getDb().destroy();
});

describe("GET /api/v1/screenings", () => {
  it("lists upcoming screenings in the contract's shape", async () => {
    const { status, body } = await listScreenings();
    expect(status).toBe(200);
    expect(body.screenings.length).toBeGreaterThan(5);
    const [first] = body.screenings;
    expect(Object.keys(first).sort()).toEqual(["audioDescription", "captions", "hall", "id", "seatsAvailable", "seatsTotal", "startsAt", "title", "wheelchairSpacesAvailable"]);
    // The two wheelchair spaces are counted apart: a client never shows "2 seats left" that nobody else can book.
    expect(first).toMatchObject({ audioDescription: true, seatsTotal: 60, seatsAvailable: 58, wheelchairSpacesAvailable: 2 });
    expect(Date.parse(first.startsAt)).toBeGreaterThan(Date.now());
    const english = await answer(screeningsRoute.loader, new Request(`${base}/screenings`, { headers: { "Accept-Language": "en" } }));
    expect(english.body.screenings[0].hall).toBe("Blind Cinema, Yuebei Regional Centre");
    const captioned = await listScreenings("?captions=1");
    expect(captioned.body.screenings.every((s: { captions: boolean }) => s.captions)).toBe(true);
  });
});

describe("POST /api/v1/screenings/:id/bookings", () => {
  let screeningId: string;
  beforeAll(async () => {
    screeningId = (await listScreenings()).body.screenings[0].id;
  });

  it("books the best seats together: 201 with the reference and seats", async () => {
    const { status, body } = await post(screeningId, { ...person, tickets: 2, needs: ["guideDog"] });
    expect(status).toBe(201);
    expect(body.reference).toMatch(/^DY-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(body.seats).toEqual(["3排5座", "3排6座"]);
  });

  it("answers bad input with 4xx and a localized message, never 5xx", async () => {
    const badJson = await post(screeningId, "{not json");
    expect(badJson.status).toBe(400);
    expect(badJson.body).toMatchObject({ error: "bad_json" });
    expect((await post(screeningId, [1, 2])).status).toBe(400);
    expect((await post(screeningId, "null")).status).toBe(400);

    const wrongTypes = await post(screeningId, { name: 42, phone: "13800138000", tickets: "2" });
    expect(wrongTypes.status).toBe(422);
    expect(Object.keys(wrongTypes.body.fields).sort()).toEqual(["name", "tickets"]);
    expect(wrongTypes.body.message).toMatch(/姓名|人数/);

    const tooMany = await post(screeningId, { ...person, tickets: 5 }, { "Accept-Language": "en" });
    expect(tooMany).toMatchObject({ status: 422, body: { error: "invalid_input", fields: { tickets: expect.stringMatching(/1 to 4/) } } });
    const badPhone = await post(screeningId, { ...person, phone: "12345", tickets: 1, locale: "en" });
    expect(badPhone.body.fields.phone).toMatch(/mobile number/);
    const badNeed = await post(screeningId, { ...person, tickets: 1, needs: ["popcorn"] });
    expect(badNeed.status).toBe(422);

    expect(await post("no-such-screening", { ...person, tickets: 1 })).toMatchObject({ status: 404, body: { error: "not_found" } });
  });

  it("refuses past and cancelled screenings with 409", async () => {
    const hallId = cinema.seedHallId;
    const past = await cinema.createScreening(db.getDb(), staff, {
      hallId,
      title: { zh: "过去的场次", en: "Past" },
      synopsis: { zh: "", en: "" },
      durationMinutes: 90,
      audioDescription: true,
      captions: true,
      signLanguage: false,
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      bookingOpensAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      bookingClosesAt: new Date(Date.now() - 86_400_000 - 3_600_000).toISOString(),
    });
    const pastAnswer = await post(past.id, { ...person, tickets: 1 });
    expect(pastAnswer).toMatchObject({ status: 409, body: { error: "booking_closed" } });
    expect(pastAnswer.body.message).toMatch(/已经开始或结束/);

    const [, second] = (await listScreenings()).body.screenings;
    await cinema.cancelScreening(db.getDb(), staff, second.id);
    expect(await post(second.id, { ...person, tickets: 1 })).toMatchObject({ status: 409, body: { error: "booking_closed" } });
  });

  it("limits posts per client (scope booking) with 429 and Retry-After", async () => {
    process.env.RATE_LIMIT_PER_MINUTE = "1";
    try {
      const ip = "198.51.100.99";
      const call = () => answer(bookingsRoute.action, new Request(`${base}/screenings/${screeningId}/bookings`, { method: "POST", body: "{}" }), { id: screeningId }, ip);
      expect((await call()).status).toBe(422);
      const limited = await call();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    } finally {
      process.env.RATE_LIMIT_PER_MINUTE = "0";
    }
  });

  it("answers other methods with 405", async () => {
    const refused = await answer(bookingsRoute.loader, new Request(`${base}/screenings/x/bookings`));
    expect(refused.status).toBe(405);
    expect(refused.headers.get("Allow")).toBe("POST");
  });
});

describe("GET and DELETE /api/v1/bookings/:reference?phone=", () => {
  it("shows the booking with the phone masked; the wrong phone is refused like an unknown reference", async () => {
    const screeningId = (await listScreenings()).body.screenings[0].id;
    const made = await post(screeningId, { name: "李四", phone: "139 0000 1111", tickets: 1 });
    const { status, body } = await getBooking(made.body.reference.toLowerCase(), "13900001111");
    expect(status).toBe(200);
    expect(body).toMatchObject({ reference: made.body.reference, status: "confirmed", phone: "139****1111", tickets: 1, seats: made.body.seats });
    expect(JSON.stringify(body)).not.toContain("13900001111");

    const wrongPhone = await getBooking(made.body.reference, "13900009999");
    const unknown = await getBooking("DY-AAAA-AAAA", "13900001111");
    expect(wrongPhone.status).toBe(404);
    expect(wrongPhone.body).toEqual(unknown.body);
    expect((await getBooking(made.body.reference)).status).toBe(422);
    expect((await deleteBooking(made.body.reference, "13900009999")).status).toBe(404);

    const cancelled = await deleteBooking(made.body.reference, "13900001111");
    expect(cancelled).toMatchObject({ status: 200, body: { status: "cancelled" } });
    expect((await getBooking(made.body.reference, "13900001111")).body.status).toBe("cancelled");
  });

  it("cancels with the phone in a JSON body instead of the URL; a phone that is not a string is no phone (422)", async () => {
    const screeningId = (await listScreenings()).body.screenings[0].id;
    const made = await post(screeningId, { name: "王五", phone: "13900002222", tickets: 1 });
    const withBody = (body: unknown) =>
      answer(
        bookingRoute.action,
        new Request(`${base}/bookings/${made.body.reference}`, { method: "DELETE", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
        { reference: made.body.reference },
      );
    const noPhone = await withBody({ phone: 13900002222, locale: "en" });
    expect(noPhone).toMatchObject({ status: 422, body: { error: "invalid_input" } });
    expect((await withBody({ phone: "13900002222", locale: "en" })).body).toMatchObject({ status: "cancelled" });
  });
});

describe("200 parallel bookings for the last 20 seats through the API", () => {
  it("gives exactly 20 × 201 and 180 × 409, never a seat twice", async () => {
    const screenings = (await listScreenings()).body.screenings;
    const target = screenings[screenings.length - 1];
    // Fill every ordinary seat but 20 (wheelchair spaces are never sold to others).
    let left = (await cinema.getScreening(db.getDb(), target.id)).ordinarySeatsAvailable;
    while (left > 20) {
      const tickets = Math.min(4, left - 20);
      expect((await post(target.id, { ...person, tickets })).status).toBe(201);
      left -= tickets;
    }
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => post(target.id, { name: `观众${i}`, phone: "13700000000", tickets: 1 })));
    const ms = performance.now() - started;
    const created = answers.filter((a) => a.status === 201);
    const conflicts = answers.filter((a) => a.status === 409);
    expect(created).toHaveLength(20);
    expect(conflicts).toHaveLength(180);
    expect(conflicts.every((a) => a.body.error === "sold_out")).toBe(true);
    // Sold out for everyone without a wheelchair: the list says 0 seats, and the two wheelchair spaces apart.
    const listed = (await listScreenings()).body.screenings.find((s: { id: string }) => s.id === target.id);
    expect(listed).toMatchObject({ seatsAvailable: 0, wheelchairSpacesAvailable: 2 });
    const seats = created.flatMap((a) => a.body.seats as string[]);
    expect(new Set(seats).size).toBe(20);
    const claims = await db.getDb().selectFrom("cinema_booking_seats").select("seat_id").where("screening_id", "=", target.id).execute();
    expect(new Set(claims.map((c) => c.seat_id)).size).toBe(claims.length);
    console.log(`[cinema] API: 200 parallel POSTs for the last 20 seats → ${created.length} × 201, ${conflicts.length} × 409 in ${ms.toFixed(0)} ms`);
  });
});
