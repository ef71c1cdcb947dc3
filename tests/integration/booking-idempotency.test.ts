import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "../support/route-call";
import { useSeededDatabase } from "../support/seeded-app";

/**
 * `Idempotency-Key` on POST /api/v1/screenings/:id/bookings (issue 12, item 11): the same key with the same booking
 * books once and answers the same 201; another booking with the key is 422; retries that arrive together still
 * book once; keys expire; a request that did not book records nothing.
 */
const db = await useSeededDatabase();
afterAll(async () => {
  await db.getDb().destroy();
});

let route: typeof import("~/routes/api.v1.screenings_.$id.bookings");
let screenings: string[];
beforeAll(async () => {
  route = await import("~/routes/api.v1.screenings_.$id.bookings");
  const cinema = await import("~/modules/cinema/index.server");
  screenings = (await cinema.listUpcomingScreenings(db.getDb())).map((s) => s.id);
});

const body = { name: "王芳", phone: "13600001234", tickets: 2 };
const post = (screeningId: string, payload: object, key?: string) =>
  callRoute(route.action, {
    url: `/api/v1/screenings/${screeningId}/bookings`,
    params: { id: screeningId },
    json: payload,
    headers: key === undefined ? {} : { "Idempotency-Key": key },
    clientIp: "203.0.113.5",
  });
const bookingsOf = async (screeningId: string) =>
  (await db.getDb().selectFrom("cinema_bookings").select("reference").where("screening_id", "=", screeningId).execute()).map((r) => r.reference);

describe("Idempotency-Key on the booking API", () => {
  it("the same key with the same booking: the same 201 answer, one booking", async () => {
    const id = screenings[0];
    const first = await post(id, body, "retry-1");
    expect(first.status).toBe(201);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
    // The same booking, written differently (field order, spaces in the phone), is the same body.
    const again = await post(id, { tickets: 2, phone: "136 0000 1234", name: "王芳" }, "retry-1");
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await bookingsOf(id)).toEqual([first.body.reference]);
    // Without a key, two posts are two bookings, as before.
    expect((await post(id, body)).body.reference).not.toBe((await post(id, body)).body.reference);
  });

  it("the key with another booking is 422 in the contract's shape; a malformed key is 400", async () => {
    const id = screenings[1];
    expect((await post(id, body, "retry-2")).status).toBe(201);
    const other = await post(id, { ...body, tickets: 3 }, "retry-2");
    expect(other).toMatchObject({ status: 422, body: { error: "idempotency_key_reused", message: expect.stringContaining("Idempotency-Key") } });
    expect((await post(screenings[2], body, "retry-2")).body.error).toBe("idempotency_key_reused");
    for (const key of ["", "x".repeat(256), "two words"]) expect(await post(id, body, key)).toMatchObject({ status: 400, body: { error: "invalid_idempotency_key" } });
    expect(await bookingsOf(id)).toHaveLength(1);
  });

  it("twenty retries at once with one key book once; the same key for another screening at the same time is refused", async () => {
    const [a, b] = [screenings[3], screenings[4]];
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i % 4 === 3 ? b : a, body, "burst-1")));
    const created = answers.filter((x) => x.status === 201);
    const refused = answers.filter((x) => x.status !== 201);
    expect(new Set(created.map((x) => x.body.reference)).size).toBe(1);
    expect(refused.every((x) => x.status === 422 && x.body.error === "idempotency_key_reused")).toBe(true);
    expect([...(await bookingsOf(a)), ...(await bookingsOf(b))]).toEqual([created[0].body.reference]);
  });

  it("a key is forgotten after a day; a request that did not book records nothing", async () => {
    const id = screenings[5];
    const first = await post(id, body, "daily");
    await db.getDb().updateTable("idempotency_keys").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("key", "=", "daily").execute();
    const next = await post(id, body, "daily");
    expect(next.status).toBe(201);
    expect(next.body.reference).not.toBe(first.body.reference);

    const tooMany = await post(id, { ...body, tickets: 9 }, "failed-first");
    expect(tooMany.status).toBe(422);
    expect(await db.getDb().selectFrom("idempotency_keys").select("key").where("key", "=", "failed-first").execute()).toEqual([]);
    const closed = await post("no-such-screening", body, "failed-again");
    expect(closed.status).toBe(404);
    expect((await post(id, body, "failed-again")).status).toBe(201);
  });
});
