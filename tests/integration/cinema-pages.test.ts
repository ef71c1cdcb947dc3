import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../support/test-db";

/**
 * The booking flow without JavaScript, through the page routes' loaders and actions: plain form posts and
 * redirects, a server-side draft in the URL, a seat hold, check your answers, confirmation, cancel.
 */
process.env.DATABASE_URL = await testDatabaseUrl();
process.env.RATE_LIMIT_PER_MINUTE = "0";

const origin = "http://localhost";
let db: typeof import("~/modules/db/index.server");

function form(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return body;
}
/** Calls a route function; a redirect (returned or thrown) comes back as its Location. */
async function call(fn: (args: never) => Promise<unknown>, url: string, params: Record<string, string>, body?: URLSearchParams) {
  const request = new Request(origin + url, body ? { method: "POST", body } : {});
  try {
    const result = await fn({ request, params, context: { clientIp: "192.0.2.1" } } as never);
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), data: null as any };
    const r = result as { type?: string; data?: unknown; init?: ResponseInit };
    if (r?.type === "DataWithResponseInit") return { status: r.init?.status ?? 200, location: null, data: r.data as any };
    return { status: 200, location: null, data: result as any };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), data: null as any };
    throw thrown;
  }
}

beforeAll(async () => {
  db = await import("~/modules/db/index.server");
  const { seedDatabase } = await import("~/modules/operations/seed.server");
  await db.migrateToLatest(db.getDb());
  await seedDatabase(db.getDb());
});
afterAll(async () => {
  await db.getDb().destroy();
});

describe("booking a seat without JavaScript", () => {
  it("goes people → needs → seats → contact → check → confirmation, then cancels", async () => {
    const { listUpcomingScreenings } = await import("~/modules/cinema/index.server");
    const [screening] = await listUpcomingScreenings(db.getDb());
    const detail = await import("~/routes/($lang).cinema.$screeningId");
    const start = await call(detail.action, `/en/cinema/${screening.id}`, { lang: "en", screeningId: screening.id }, form({}));
    expect(start.status).toBe(302);
    const draftId = start.location!.match(/\/en\/cinema\/[^/]+\/book\/([^/]+)\/people$/)![1];
    const p = { lang: "en", screeningId: screening.id, draftId };
    const step = (name: string) => `/en/cinema/${screening.id}/book/${draftId}/${name}`;

    const needsPage = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.needs");
    // Skipping a question sends the person back to it.
    expect((await call(needsPage.loader, step("needs"), p)).location).toBe(step("people"));

    const people = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.people");
    const noAnswer = await call(people.action, step("people"), p, form({}));
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.data.lastResult.error.tickets).toEqual(["chooseTickets"]);
    expect((await call(people.action, step("people"), p, form({ tickets: "2" }))).location).toBe(step("needs"));
    expect((await call(needsPage.action, step("needs"), p, form({ needs: ["guideDog", "headset"] }))).location).toBe(step("seats"));

    const seats = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.seats");
    const offer = await call(seats.loader, step("seats"), p);
    expect(offer.data.offer.words).toBe("Row 3, seats 5 and 6");
    expect((await call(seats.action, step("seats"), p, form({ seat: offer.data.offer.seatIds }))).location).toBe(step("contact"));

    const contact = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.contact");
    const held = await call(contact.loader, step("contact"), p);
    expect(held.data.hold.canExtend).toBe(true);
    const bad = await call(contact.action, step("contact"), p, form({ name: "", phone: "1380013" }));
    expect(bad.data.lastResult.error).toMatchObject({ name: ["required"], phone: ["invalidPhone"] });
    expect((await call(contact.action, step("contact"), p, form({ name: "Li Si", phone: "139 0000 1111" }))).location).toBe(step("check"));

    const hold = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.hold");
    expect((await call(hold.action, step("hold"), p, form({ returnTo: "check" }))).location).toBe(`${step("check")}?extended=1`);

    const check = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.check");
    const answers = await call(check.loader, step("check"), p);
    expect(answers.data).toMatchObject({ tickets: 2, needs: ["guideDog", "headset"], name: "Li Si", seats: "Row 3, seats 5 and 6" });
    const confirmed = await call(check.action, step("check"), p, form({}));
    const [, reference, token] = confirmed.location!.match(/^\/en\/cinema\/booking\/([^/]+)\/([^/]+)\/confirmation$/)!;

    // The draft now leads to the booking, not to a second one.
    expect((await call(check.loader, step("check"), p)).location).toBe(confirmed.location);

    const confirmation = await import("~/routes/($lang).cinema.booking_.$reference.$token_.confirmation");
    const done = await call(confirmation.loader, confirmed.location!, { lang: "en", reference, token });
    expect(done.data.summary).toMatchObject({ reference, phoneMasked: "139****1111", seatWords: "Row 3, seats 5 and 6", status: "confirmed" });

    const ics = await import("~/routes/($lang).cinema.booking_.$reference.$token_.calendar[.ics]");
    const file = (await ics.loader({ request: new Request(origin), params: { lang: "en", reference, token }, context: {} } as never)) as Response;
    expect(file.headers.get("Content-Type")).toMatch(/text\/calendar/);
    expect(await file.text()).toContain(`Booking reference ${reference}`);

    const lookup = await import("~/routes/($lang).cinema.booking");
    const wrong = await call(lookup.action, "/en/cinema/booking", { lang: "en" }, form({ reference, phone: "13900002222" }));
    expect(wrong.status).toBe(404);
    const found = await call(lookup.action, "/en/cinema/booking", { lang: "en" }, form({ reference: reference.toLowerCase(), phone: "13900001111" }));
    expect(found.location).toBe(`/en/cinema/booking/${reference}/${token}`);
    // Typed or dictated as people do: no dashes, spaces between the groups, full-width letters.
    const fullWidth = (text: string) => text.replace(/[A-Z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    for (const typed of [reference.replace(/-/g, "").toLowerCase(), reference.replace(/-/g, " "), fullWidth(reference.replace(/-/g, ""))]) {
      const again = await call(lookup.action, "/en/cinema/booking", { lang: "en" }, form({ reference: typed, phone: "13900001111" }));
      expect(again.location, typed).toBe(`/en/cinema/booking/${reference}/${token}`);
    }

    const cancel = await import("~/routes/($lang).cinema.booking_.$reference.$token_.cancel");
    const params = { lang: "en", reference, token };
    expect((await call(cancel.action, `${found.location}/cancel`, params, form({}))).location).toBe(`${found.location}?cancelled=1`);
    expect((await call(cancel.loader, `${found.location}/cancel`, params)).location).toBe(found.location);
    expect((await call(confirmation.loader, "/", { lang: "en", reference, token: "x".repeat(22) })).status).toBe(404);
  });

  /** Starts a booking of the n-th upcoming screening and answers people, needs and seats (Chinese pages). */
  async function throughSeats(nth: number, tickets: string) {
    const { listUpcomingScreenings } = await import("~/modules/cinema/index.server");
    const screening = (await listUpcomingScreenings(db.getDb()))[nth];
    const detail = await import("~/routes/($lang).cinema.$screeningId");
    const start = await call(detail.action, `/cinema/${screening.id}`, { screeningId: screening.id }, form({}));
    const draftId = start.location!.split("/")[4];
    const p = { screeningId: screening.id, draftId };
    const step = (name: string) => `/cinema/${screening.id}/book/${draftId}/${name}`;
    await call((await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.people")).action, step("people"), p, form({ tickets }));
    await call((await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.needs")).action, step("needs"), p, form({}));
    const seats = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.seats");
    const offer = await call(seats.loader, step("seats"), p);
    await call(seats.action, step("seats"), p, form({ seat: offer.data.offer.seatIds }));
    return { p, step, seats };
  }

  it("a double click on confirm: both posts lead to the same booking's confirmation, and one booking is made", async () => {
    const { p, step } = await throughSeats(2, "2");
    await call((await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.contact")).action, step("contact"), p, form({ name: "双击", phone: "13600002222" }));
    const check = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.check");
    const [first, second] = await Promise.all([call(check.action, step("check"), p, form({})), call(check.action, step("check"), p, form({}))]);
    expect(first.location).toMatch(/^\/cinema\/booking\/[^/]+\/[^/]+\/confirmation$/);
    expect(second.location).toBe(first.location);
    expect(await db.getDb().selectFrom("cinema_bookings").select("reference").where("name", "=", "双击").execute()).toHaveLength(1);
  });

  it("the seat list: a seat taken meanwhile is a conflict said at the list, the seats ticked kept; more time comes back to it", async () => {
    const { listUpcomingScreenings, holdSeats } = await import("~/modules/cinema/index.server");
    const screening = (await listUpcomingScreenings(db.getDb()))[3];
    const detail = await import("~/routes/($lang).cinema.$screeningId");
    const draftId = (await call(detail.action, `/cinema/${screening.id}`, { screeningId: screening.id }, form({}))).location!.split("/")[4];
    const p = { screeningId: screening.id, draftId };
    const step = (name: string) => `/cinema/${screening.id}/book/${draftId}/${name}`;
    const choose = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.choose-seats");
    // A page of the seat step: after people and needs, its back link the seat step.
    expect((await call(choose.loader, step("choose-seats"), p)).location).toBe(step("people"));
    await call((await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.people")).action, step("people"), p, form({ tickets: "1" }));
    await call((await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.needs")).action, step("needs"), p, form({}));
    const list = await call(choose.loader, step("choose-seats"), p);
    expect(list.data).toMatchObject({ back: step("seats"), count: { n: 3, of: 5 }, hold: null, expired: false });
    const free = (list.data.rows as { seats: { id: string; selectable: boolean }[] }[]).flatMap((r) => r.seats).filter((s) => s.selectable).map((s) => s.id);

    const wrongCount = await call(choose.action, step("choose-seats"), p, form({ seat: [free[0], free[1]] }));
    expect(wrongCount.status).toBe(400);
    expect(wrongCount.data.lastResult.error.seat).toEqual(["seatCount:1"]);
    // Someone else takes the seat between the page and the post.
    await holdSeats(db.getDb(), { screeningId: screening.id, party: { tickets: 1 }, seatIds: [free[0]], client: "203.0.113.99" });
    const taken = await call(choose.action, step("choose-seats"), p, form({ seat: free[0] }));
    expect(taken.status).toBe(409);
    expect(taken.data).toMatchObject({ message: null, lastResult: { error: { seat: ["seatsTaken"] }, initialValue: { seat: free[0] } } });

    expect((await call(choose.action, step("choose-seats"), p, form({ seat: free[1] }))).location).toBe(step("contact"));
    const hold = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.hold");
    expect((await call(hold.action, step("hold"), p, form({ returnTo: "choose-seats" }))).location).toBe(`${step("choose-seats")}?extended=1`);
    expect((await call(choose.loader, `${step("choose-seats")}?extended=1`, p)).data).toMatchObject({ extended: true, hold: { canExtend: true } });
  });

  it("confirm after the hold ran out: back to the seat step, told, nothing booked; change links come back to the check page", async () => {
    const { p, step, seats } = await throughSeats(4, "1");
    await call((await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.contact")).action, step("contact"), p, form({ name: "晚了", phone: "13600003333" }));
    const check = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.check");
    expect((await call(check.loader, step("check"), p)).data).toMatchObject({ back: step("contact"), count: { n: 5, of: 5 } });
    // A change from the check page goes back to it.
    const needs = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.needs");
    expect((await call(needs.action, step("needs"), p, form({ needs: "headset", returnTo: "check" }))).location).toBe(step("check"));
    const row = await db.getDb().selectFrom("flow_drafts").select("payload").where("id", "=", p.draftId).executeTakeFirstOrThrow();
    const { holdId } = JSON.parse(row.payload) as { holdId: string };
    const past = new Date(Date.now() - 1000).toISOString();
    await db.getDb().updateTable("cinema_holds").set({ expires_at: past }).where("id", "=", holdId).execute();
    await db.getDb().updateTable("cinema_booking_seats").set({ hold_expires_at: past }).where("hold_id", "=", holdId).execute();
    expect((await call(check.action, step("check"), p, form({}))).location).toBe(`${step("seats")}?expired=1`);
    expect(await db.getDb().selectFrom("cinema_bookings").select("reference").where("name", "=", "晚了").execute()).toHaveLength(0);
    expect((await call(seats.loader, `${step("seats")}?expired=1`, p)).data.expired).toBe(true);
  });

  it("sends the person back to the seat step when the hold ran out, keeping their answers", async () => {
    const { p, step, seats } = await throughSeats(1, "1");
    // The hold lapses.
    const past = new Date(Date.now() - 1000).toISOString();
    await db.getDb().updateTable("cinema_holds").set({ expires_at: past }).execute();
    await db.getDb().updateTable("cinema_booking_seats").set({ hold_expires_at: past }).where("hold_id", "is not", null).execute();
    const contact = await import("~/routes/($lang).cinema.$screeningId_.book.$draftId.contact");
    const posted = await call(contact.action, step("contact"), p, form({ name: "王五", phone: "13600001111" }));
    expect(posted.location).toBe(`${step("seats")}?expired=1`);
    const back = await call(seats.loader, `${step("seats")}?expired=1`, p);
    expect(back.data.expired).toBe(true);
    await call(seats.action, step("seats"), p, form({ seat: back.data.offer.seatIds }));
    expect((await call(contact.loader, step("contact"), p)).data).toMatchObject({ name: "王五", phone: "13600001111" });
  });
});
