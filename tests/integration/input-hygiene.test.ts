import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asciiDigits } from "~/modules/privacy/numbers";
import { callRoute, type RouteCall } from "../support/route-call";
import { testDatabaseUrl } from "../support/test-db";

/**
 * Personal data and input hygiene through the real forms and API (issue 12, items 4 and 7): a personal number
 * typed in any spelling into a free-text field is stored and shown masked; NUL, control and invisible
 * characters never reach the database, and never make a 500. Runs on SQLite and again on PostgreSQL, where a
 * NUL in a statement is error 22021.
 */
process.env.DATABASE_URL = await testDatabaseUrl();
process.env.RATE_LIMIT_PER_MINUTE = "0";

type Db = typeof import("~/modules/db/index.server");
let db: Db;
let staffCookie = "";

/** Numbers as people type them: full-width and spaced, a landline, an ID number with a lowercase x, a card. */
const numbers = "请回电 １３８ ００１３ ８０００ 或 0763-2345678，身份证 ４４１８０２ １９９００１０１ １２３ｘ，卡号 6222 0212 3456 7890 123";
const inClear = ["13800138000", "07632345678", "44180219900101123", "6222021234567890123"];
const typed = `第一行\u0000\u0007\r\n第二行\u202E ${numbers}\u200B`;
const typedName = "李\u0000华\u200B\u202E";

function expectMaskedAndClean(stored: string | null | undefined, options: { multiline?: boolean } = {}) {
  expect(stored).toBeTruthy();
  const text = stored!;
  expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202E\u200B]/);
  for (const number of inClear) expect(asciiDigits(text)).not.toContain(number);
  expect(text).toContain("138****8000");
  expect(text).toContain("**************123X");
  expect(text).toContain("0763-***5678");
  expect(text.includes("\n")).toBe(Boolean(options.multiline));
}
/** What a page shows of the text is what was stored: masked. */
function expectShownMasked(shown: unknown, stored: string | null) {
  expect(shown).toBe(stored);
  expectMaskedAndClean(stored, { multiline: true });
}

const route = (name: string) => import(`~/routes/${name}.tsx`);
const page = async (name: string, call: RouteCall, fn: "loader" | "action" = call.form ? "action" : "loader") =>
  callRoute((await route(name))[fn], { ...call, headers: { Cookie: staffCookie, ...call.headers } });
const staff = (name: string, call: RouteCall) => page(name, call);
const row = <T>(query: Promise<T | undefined>) => query.then((r) => r as T);

beforeAll(async () => {
  db = await import("~/modules/db/index.server");
  const { seedDatabase } = await import("~/modules/operations/seed.server");
  await db.migrateToLatest(db.getDb());
  await seedDatabase(db.getDb());
  const { cliActor, createStaffUser, startSession } = await import("~/modules/staff/index.server");
  const user = await createStaffUser(db.getDb(), cliActor, { username: "hygiene", password: "a long enough password", roles: ["admin"], displayName: "\u202E陈\u200B丽\u0000 " });
  expect(user.displayName).toBe("陈丽");
  staffCookie = (await startSession(db.getDb(), new Request("http://localhost/login"), user.id)).split(";")[0];
});
afterAll(async () => {
  await db.getDb().destroy();
});

describe("a personal number typed into a free-text field is stored and shown masked", () => {
  it("feedback: the message and the name; the contact phone is kept whole to reply", async () => {
    const sent = await page("($lang).feedback", { url: "/feedback", form: { topic: "other", message: typed, name: typedName, contact: "+86 138-0013-8000" } });
    expect(sent.status).toBe(302);
    const reference = new URL(sent.location!, "http://x").searchParams.get("ref")!;
    const stored = await row(db.getDb().selectFrom("feedback").selectAll().where("reference", "=", reference).executeTakeFirst());
    expectMaskedAndClean(stored.message, { multiline: true });
    expect(stored.name).toBe("李华");
    expect(stored.contact).toBe("13800138000");

    const shown = await staff("($lang).admin.feedback_.$reference", { url: `/admin/feedback/${reference}`, params: { reference } });
    expect(shown.status).toBe(200);
    expect(shown.body.item.message).toBe(stored.message);
    const replied = await staff("($lang).admin.feedback_.$reference", { url: `/admin/feedback/${reference}`, params: { reference }, form: { status: "in_progress", reply: typed } });
    expect(replied.status).toBeLessThan(400);
    expectMaskedAndClean((await row(db.getDb().selectFrom("feedback").select("reply").where("reference", "=", reference).executeTakeFirst())).reply, { multiline: true });
  });

  it("library card: the delivery address, and staff's reason for refusing it", async () => {
    const start = await page("($lang).library._index", { url: "/library", form: {} });
    const draftId = start.location!.split("/")[3];
    const step = (name: string, form: Record<string, string>) =>
      page("($lang).library.apply.$draftId.$step", { url: `/library/apply/${draftId}/${name}`, params: { draftId, step: name }, form });
    expect((await step("contact", { name: typedName, phone: "１３８ ００１３ ８０００" })).status).toBe(302);
    await step("disability", { disability: "vision" });
    await step("certificate", { intent: "none" });
    await step("format", { format: "braille" });
    await step("collect", { collect: "delivery" });
    expect((await step("address", { address: typed })).location).toBe(`/library/apply/${draftId}/check`);
    const check = await page("($lang).library.apply.$draftId.$step", { url: `/library/apply/${draftId}/check`, params: { draftId, step: "check" } });
    expect((await step("check", {})).location).toBe(`/library/apply/${draftId}/done`);

    const card = await row(db.getDb().selectFrom("centre_library_cards").selectAll().orderBy("created_at", "desc").executeTakeFirst());
    expectShownMasked(check.body.answers.address, card.address);
    expect(card.name).toBe("李华");
    expect(card.phone).toBe("13800138000");
    const params = { reference: card.reference };
    expectShownMasked((await staff("($lang).admin.library_.$reference", { url: `/admin/library/${card.reference}`, params })).body.card.address, card.address);
    const refused = await staff("($lang).admin.library_.$reference", { url: `/admin/library/${card.reference}`, params, form: { decision: "refuse", reason: typed } });
    expect(refused.status).toBe(302);
    expectMaskedAndClean((await row(db.getDb().selectFrom("centre_library_cards").select("reason").where("reference", "=", card.reference).executeTakeFirst())).reason, { multiline: true });
  });

  it("device request: what it is for (page and API), and staff's reasons in the request and the stock ledger", async () => {
    const deviceId = "manual-wheelchair";
    const start = await page("($lang).devices.$deviceId", { url: `/devices/${deviceId}`, params: { deviceId }, form: {} });
    const draftId = start.location!.split("/")[4];
    const step = (name: string, form: Record<string, string>) =>
      page("($lang).devices.$deviceId_.apply.$draftId.$step", { url: `/devices/${deviceId}/apply/${draftId}/${name}`, params: { deviceId, draftId, step: name }, form });
    await step("contact", { name: typedName, phone: "138 0013 8000" });
    await step("disability", { disability: "physical" });
    await step("certificate", { intent: "none" });
    expect((await step("purpose", { purpose: typed })).status).toBe(302);
    const draft = await (await import("~/modules/lending/index.server")).requestDrafts.read(db.getDb(), draftId, { scope: deviceId });
    expectMaskedAndClean(draft.purpose, { multiline: true });
    expect(draft.name).toBe("李华");

    const api = await callRoute((await import("~/routes/api.v1.loan-requests")).action, {
      url: "/api/v1/loan-requests",
      json: { deviceId, name: typedName, phone: "＋８６ １３８ ００１３ ８０００", disabilityCategory: "physical", note: typed },
    });
    expect(api.status).toBe(201);
    const request = await row(db.getDb().selectFrom("lending_requests").selectAll().where("reference", "=", api.body.reference).executeTakeFirst());
    expectMaskedAndClean(request.purpose, { multiline: true });
    expect({ name: request.name, phone: request.phone }).toEqual({ name: "李华", phone: "13800138000" });

    const params = { reference: request.reference };
    expectShownMasked((await staff("($lang).admin.devices.requests.$reference", { url: `/admin/devices/requests/${request.reference}`, params })).body.request.purpose, request.purpose);
    const decided = await staff("($lang).admin.devices.requests.$reference", { url: `/admin/devices/requests/${request.reference}`, params, form: { decision: "reject", reason: typed } });
    expect(decided.status).toBe(302);
    expectMaskedAndClean((await row(db.getDb().selectFrom("lending_requests").select("reason").where("reference", "=", request.reference).executeTakeFirst())).reason, { multiline: true });

    const unit = await row(db.getDb().selectFrom("lending_units").select("id").where("status", "=", "available").executeTakeFirst());
    const changed = await staff("($lang).admin.devices.units_.$unitId", { url: `/admin/devices/units/${unit.id}`, params: { unitId: unit.id }, form: { intent: "status", to: "repair", reason: typed } });
    expect(changed.status).toBe(302);
    const movement = await row(db.getDb().selectFrom("lending_ledger").select("reason").where("unit_id", "=", unit.id).orderBy("seq", "desc").executeTakeFirst());
    expectMaskedAndClean(movement.reason, { multiline: true });
  });

  it("cinema: the name on a booking, a screening's title and synopsis", async () => {
    const { listUpcomingScreenings } = await import("~/modules/cinema/index.server");
    const [screening] = await listUpcomingScreenings(db.getDb());
    const booked = await callRoute((await import("~/routes/api.v1.screenings_.$id.bookings")).action, {
      url: `/api/v1/screenings/${screening.id}/bookings`,
      params: { id: screening.id },
      json: { name: `${typedName} 13912345678`, phone: "139-1234-5678", tickets: 1 },
    });
    expect(booked.status).toBe(201);
    const booking = await row(db.getDb().selectFrom("cinema_bookings").select(["name", "phone"]).where("reference", "=", booked.body.reference).executeTakeFirst());
    expect(booking).toEqual({ name: "李华 139****5678", phone: "13912345678" });

    const hall = await row(db.getDb().selectFrom("cinema_halls").select("id").executeTakeFirst());
    const at = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
    const created = await staff("($lang).admin.cinema_.new", {
      url: "/admin/cinema/new",
      form: { hallId: hall.id, titleZh: "\u202E无障碍\u200B电影\u0000", titleEn: "Film\u0007", synopsisZh: typed, synopsisEn: "x", durationMinutes: "90", startsAt: at(30), bookingOpensAt: at(1), bookingClosesAt: at(29) },
    });
    expect(created.status).toBe(302);
    const id = created.location!.split("/")[3].split("?")[0];
    const stored = await row(db.getDb().selectFrom("cinema_screenings").selectAll().where("id", "=", id).executeTakeFirst());
    expect({ zh: stored.title_zh, en: stored.title_en }).toEqual({ zh: "无障碍电影", en: "Film" });
    expectMaskedAndClean(stored.synopsis_zh, { multiline: true });
  });

  it("activities: the name on a sign-up, an activity's title, summary and place", async () => {
    const activityId = "example-training";
    // The seed's examples are staff-only until a staff edit confirms them (issue 19): confirm this one.
    await db.getDb().updateTable("centre_activities").set({ example: 0 }).where("id", "=", activityId).execute();
    const start = await page("($lang).activities.$activityId", { url: `/activities/${activityId}`, params: { activityId }, form: {} });
    const draftId = start.location!.split("/")[4];
    const contact = await page("($lang).activities.$activityId_.signup.$draftId.$step", {
      url: `/activities/${activityId}/signup/${draftId}/contact`,
      params: { activityId, draftId, step: "contact" },
      form: { name: typedName, phone: "13800138000" },
    });
    expect(contact.status).toBe(302);
    const centre = await import("~/modules/centre/index.server");
    expect((await centre.signupDrafts.read(db.getDb(), draftId, { scope: activityId })).name).toBe("李华");

    const saved = await staff("($lang).admin.activities_.$activityId_.edit", {
      url: "/admin/activities/new/edit",
      params: { activityId: "new" },
      form: {
        type: "training", titleZh: "\u200B培训\u0000", titleEn: "Training", summaryZh: typed, summaryEn: "About", placeZh: `中心\u0007 ${numbers}`, placeEn: "Centre",
        startsAt: "2030-06-01T10:00", durationMinutes: "60", capacity: "10", waitlistSize: "2", signupOpensAt: "2030-05-01T09:00", signupClosesAt: "2030-05-30T18:00", status: "draft",
      },
    });
    expect(saved.status).toBe(302);
    const activity = await row(db.getDb().selectFrom("centre_activities").selectAll().where("id", "=", saved.location!.split("/")[3]).executeTakeFirst());
    expect(activity.title_zh).toBe("培训");
    expectMaskedAndClean(activity.summary_zh, { multiline: true });
    expectMaskedAndClean(activity.place_zh);
  });

  it("the assistant: the question is stored masked", async () => {
    const asked = await callRoute((await import("~/routes/api.v1.chat")).action, { url: "/api/v1/chat", json: { question: `轮椅怎么借？\u0000${numbers}` } });
    expect(asked.status).toBe(200);
    const stored = await row(db.getDb().selectFrom("chat_questions").select("question").orderBy("created_at", "desc").executeTakeFirst());
    for (const number of inClear) expect(asciiDigits(stored.question)).not.toContain(number);
    expect(stored.question).toContain("138****8000");
  }, 60_000); // the first question loads (or builds) the assistant's index: seconds on a loaded machine

  it("the audit log: a phone number typed as a user name at the login is kept masked", async () => {
    const login = await page("($lang).login", { url: "/login", form: { username: "138 0013\u0000 8000", password: "wrong" } });
    expect(login.status).toBeGreaterThanOrEqual(400);
    expect(login.status).toBeLessThan(500);
    const entry = await row(db.getDb().selectFrom("audit_log").select("username").where("action", "=", "login.failed").orderBy("at", "desc").executeTakeFirst());
    expect(entry.username).toBe("138****8000");
  });
});

describe("NUL and control characters never make a 500", () => {
  it("in every field of the public forms and the JSON API", async () => {
    const nul = "\u0000\u0001";
    const { listUpcomingScreenings } = await import("~/modules/cinema/index.server");
    const [screening] = await listUpcomingScreenings(db.getDb());
    const answers = [
      await page("($lang).feedback", { url: "/feedback", form: { topic: `other${nul}`, message: nul, name: nul, contact: nul, website: "" } }),
      await page("($lang).cinema.booking", { url: "/cinema/booking", form: { reference: `QY-${nul}`, phone: `138${nul}` } }),
      await page("($lang).devices.request", { url: "/devices/request", form: { reference: nul, phone: nul } }),
      await page("($lang).library.status", { url: "/library/status", form: { reference: nul, phone: "13800138000" } }),
      await page("($lang).activities.signup", { url: "/activities/signup", form: { reference: nul, phone: "13800138000", intent: "cancel" } }),
      await page("($lang).login", { url: "/login", form: { username: nul, password: nul } }),
      await page("($lang).assistant", { url: "/assistant", form: { intent: "ask", question: nul } }),
      await callRoute((await import("~/routes/api.v1.chat")).action, { url: "/api/v1/chat", json: { question: nul, locale: `en${nul}` } }),
      await callRoute((await import("~/routes/api.v1.loan-requests")).action, {
        url: "/api/v1/loan-requests",
        json: { deviceId: `manual-wheelchair${nul}`, name: nul, phone: nul, disabilityCategory: nul, certificateNumber: nul, note: nul },
      }),
      await callRoute((await import("~/routes/api.v1.screenings_.$id.bookings")).action, {
        url: `/api/v1/screenings/${screening.id}/bookings`,
        params: { id: screening.id },
        json: { name: nul, phone: nul, tickets: 1, needs: [nul] },
      }),
    ];
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
    expect(answers.map((a) => a.status).every((s) => s >= 400)).toBe(true);
  });

  it("in ids and references of a URL: an unknown id is a 404", async () => {
    const bad = "x\u0000y";
    const answers = [
      await page("($lang).cinema.$screeningId", { url: "/cinema/x%00y", params: { screeningId: bad } }),
      await page("($lang).devices.$deviceId", { url: "/devices/x%00y", params: { deviceId: bad } }),
      await page("($lang).activities.$activityId", { url: "/activities/x%00y", params: { activityId: bad } }),
      await page("($lang).policies.$id", { url: "/policies/x%00y", params: { id: bad } }),
      await page("($lang).admin.feedback_.$reference", { url: "/admin/feedback/x%00y", params: { reference: bad } }),
      await callRoute((await import("~/routes/api.v1.bookings.$reference")).loader, { url: "/api/v1/bookings/x%00y?phone=13800138000", params: { reference: bad } }),
      await callRoute((await import("~/routes/api.v1.loan-requests_.$reference")).loader, { url: "/api/v1/loan-requests/x%00y?phone=13800138000", params: { reference: bad } }),
    ];
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 404));
  });
});
