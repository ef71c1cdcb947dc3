import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "../support/route-call";
import { useSeededDatabase } from "../support/seeded-app";

/**
 * Seat holds and drafts cannot be exhausted by one client (issue 12, item 5), through the page routes: starting
 * drafts is limited per client across every draft-based flow; holding seats is rate-limited and capped per client
 * and, once it is given, per phone.
 */
const db = await useSeededDatabase();
afterAll(async () => {
  await db.getDb().destroy();
});

let screeningId: string;
let quietScreeningId: string;
beforeAll(async () => {
  const cinema = await import("~/modules/cinema/index.server");
  [, , { id: screeningId }, { id: quietScreeningId }] = await cinema.listUpcomingScreenings(db.getDb());
});

async function withLimit<T>(perMinute: string, work: () => Promise<T>): Promise<T> {
  process.env.RATE_LIMIT_PER_MINUTE = perMinute;
  try {
    return await work();
  } finally {
    process.env.RATE_LIMIT_PER_MINUTE = "0";
  }
}

async function countDrafts() {
  return Number((await db.getDb().selectFrom("flow_drafts").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
}

/** Starts a cinema booking draft and answers people and needs; returns the step caller for it. */
async function startBooking(client: string, tickets: number, screening = screeningId) {
  const screeningId = screening;
  const detail = await import("~/routes/($lang).cinema.$screeningId");
  const start = await callRoute(detail.action, { url: `/cinema/${screeningId}`, params: { screeningId }, form: {}, clientIp: client });
  expect(start.status).toBe(302);
  const draftId = start.location!.split("/")[4];
  const params = { screeningId, draftId };
  const step = (name: string) => `/cinema/${screeningId}/book/${draftId}/${name}`;
  const post = async (name: string, fields: Record<string, string | string[]>) =>
    callRoute((await import(`~/routes/($lang).cinema.$screeningId_.book.$draftId.${name}`)).action, { url: step(name), params, form: fields, clientIp: client });
  await post("people", { tickets: String(tickets) });
  await post("needs", {});
  /** Accepts the seats the seat step offers (in words, with their ids in hidden fields). */
  const hold = async () => {
    const seats = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.seats");
    const offer = await callRoute(seats.loader, { url: step("seats"), params, clientIp: client });
    return post("seats", { seat: offer.body.offer?.seatIds ?? [] });
  };
  return { draftId, post, hold };
}

describe("starting drafts", () => {
  it("is limited per client across the cinema, device, library and activity flows, with 429 and a message", async () => {
    const centre = await import("~/modules/centre/index.server");
    // The seed's activities are examples, staff-only until a staff edit confirms them (issue 19): confirm them.
    await db.getDb().updateTable("centre_activities").set({ example: 0 }).execute();
    const [activity] = await centre.listUpcomingActivities(db.getDb());
    const routes = {
      cinema: [await import("~/routes/($lang).cinema.$screeningId"), `/cinema/${screeningId}`, { screeningId }],
      device: [await import("~/routes/($lang).devices.$deviceId"), "/devices/manual-wheelchair", { deviceId: "manual-wheelchair" }],
      library: [await import("~/routes/($lang).library._index"), "/library", {}],
      activity: [await import("~/routes/($lang).activities.$activityId"), `/activities/${activity.id}`, { activityId: activity.id }],
    } as const;
    const start = (name: keyof typeof routes, client: string) => {
      const [route, url, params] = routes[name];
      return callRoute(route.action, { url, params, form: {}, clientIp: client });
    };
    await withLimit("3", async () => {
      const before = await countDrafts();
      const answers = [await start("cinema", "203.0.113.10"), await start("device", "203.0.113.10"), await start("library", "203.0.113.10"), await start("activity", "203.0.113.10")];
      expect(answers.map((a) => a.status)).toEqual([302, 302, 302, 429]);
      expect(answers[3].body).toMatchObject({ hasErrors: true, message: expect.stringContaining("0763-3362221") });
      expect(Number(answers[3].headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(await countDrafts()).toBe(before + 3);
      expect((await start("cinema", "203.0.113.10")).status).toBe(429);
      expect((await start("activity", "203.0.113.11")).status).toBe(302);
    });
  });
});

describe("holding seats", () => {
  it("caps one client at eight held seats of a screening: the third party of four is refused with a message", async () => {
    const client = "198.51.100.30";
    for (let i = 0; i < 2; i++) {
      const { hold } = await startBooking(client, 4);
      expect((await hold()).location).toMatch(/\/contact$/);
    }
    const third = await startBooking(client, 4);
    const refused = await third.hold();
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/已经为这一场保留了8个座位/);
    const chosen = await third.post("choose-seats", { seat: ["r1s1", "r1s2", "r1s3", "r1s4"] });
    expect(chosen.status).toBe(409);
    expect(chosen.body.message).toMatch(/保留了8个座位/);
    // Another address is not affected.
    const other = await startBooking("198.51.100.31", 4);
    expect((await other.hold()).location).toMatch(/\/contact$/);
  });

  it("caps one phone at eight held seats, checked when the phone is given on the contact step", async () => {
    const phone = "13711112222";
    for (const client of ["192.0.2.41", "192.0.2.42"]) {
      const { post, hold } = await startBooking(client, 4);
      await hold();
      expect((await post("contact", { name: "同一人", phone })).location).toMatch(/\/check$/);
    }
    const third = await startBooking("192.0.2.43", 1);
    await third.hold();
    const refused = await third.post("contact", { name: "同一人", phone: "137 1111 2222" });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/这个手机号码已经为这一场保留了8个座位/);
    // What was typed stays in the form.
    expect(refused.body.lastResult.initialValue).toMatchObject({ name: "同一人" });
    expect((await third.post("contact", { name: "别人", phone: "13711113333" })).location).toMatch(/\/check$/);
  });

  it("limits hold posts per client each minute", async () => {
    await withLimit("2", async () => {
      const { post } = await startBooking("192.0.2.60", 1, quietScreeningId);
      // Changing seats again and again: each is a new hold.
      const answers = [];
      for (const seat of ["r2s3", "r2s4", "r2s5"]) answers.push(await post("choose-seats", { seat }));
      expect(answers.map((a) => a.status)).toEqual([302, 302, 429]);
      expect(JSON.stringify(answers[2].body.lastResult.error)).toContain("rateLimited");
    });
  });
});
