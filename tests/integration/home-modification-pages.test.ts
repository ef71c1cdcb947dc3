import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute, type RouteCall } from "../support/route-call";
import { testDatabaseUrl } from "../support/test-db";

/**
 * The home-modification pages at the HTTP edge, posted as a browser without JavaScript posts them: the start page
 * makes a draft, each step redirects to the next (PRG), a wrong answer is a 400 for the error summary, a page the
 * flow does not have is a 404; the staff page refuses a step that cannot follow with a 409 and its sentence, a
 * person without the 辅具 role is refused, the 台账 is a CSV with masked phones; the status page finds it
 * by reference + phone. Never a 500.
 */
process.env.DATABASE_URL = await testDatabaseUrl();
process.env.RATE_LIMIT_PER_MINUTE = "0";
type Db = typeof import("~/modules/db/index.server");
let db: Db;
const cookies: Record<"lending" | "content", string> = { lending: "", content: "" };

const route = (name: string) => import(`~/routes/${name}.tsx`);
const call = async (name: string, c: RouteCall & { as?: "lending" | "content" }, fn: "loader" | "action" = c.form ? "action" : "loader") =>
  callRoute((await route(name))[fn], { ...c, headers: { ...(c.as ? { Cookie: cookies[c.as] } : {}), ...c.headers } });
const step = "($lang).home-modification.apply.$draftId.$step";
const post = (draftId: string, s: string, form: Record<string, string | string[]> = {}, en = false) =>
  call(step, { url: `${en ? "/en" : ""}/home-modification/apply/${draftId}/${s}`, params: { draftId, step: s, ...(en ? { lang: "en" } : {}) }, form });

beforeAll(async () => {
  db = await import("~/modules/db/index.server");
  await db.migrateToLatest(db.getDb());
  const { cliActor, createStaffUser, startSession } = await import("~/modules/staff/index.server");
  for (const role of ["lending", "content"] as const) {
    const user = await createStaffUser(db.getDb(), cliActor, { username: `hm-${role}`, password: "a long enough password", roles: [role], displayName: role });
    cookies[role] = (await startSession(db.getDb(), new Request("http://localhost/login"), user.id)).split(";")[0];
  }
});
afterAll(async () => db.getDb().destroy());

const phone = "13912340000";

async function apply(en = false): Promise<string> {
  const started = await call("($lang).home-modification._index", { url: en ? "/en/home-modification" : "/home-modification", params: en ? { lang: "en" } : {}, form: {} });
  expect(started.status).toBe(302);
  const draftId = started.location!.split("/").at(-2)!;
  expect(started.location).toBe(`${en ? "/en" : ""}/home-modification/apply/${draftId}/for-whom`);
  const steps: Array<[string, Record<string, string | string[]>, string]> = [
    ["for-whom", { forWhom: "self" }, "certificate"],
    ["certificate", { intent: "none" }, "address"],
    ["address", { county: "lianzhou", address: "连州市某街 8 号" }, "household"],
    ["household", { householdSize: "4" }, "low-income"],
    ["low-income", { lowIncome: "dibao" }, "needs"],
    ["needs", { needs: ["bathroom", "doors"] }, "contact"],
    ["contact", { name: "黄敏", phone: "139 1234 0000" }, "check"],
    ["check", {}, "done"],
  ];
  for (const [s, form, next] of steps) {
    const answer = await post(draftId, s, form, en);
    expect(answer.status, s).toBe(302);
    expect(answer.location).toBe(`${en ? "/en" : ""}/home-modification/apply/${draftId}/${next}`);
  }
  const done = await call(step, { url: `/home-modification/apply/${draftId}/done`, params: { draftId, step: "done" } });
  expect(done.body.reference).toMatch(/^GZ-/);
  return done.body.reference;
}

describe("the public application", () => {
  it("goes step by step without JavaScript to a reference, in both languages", async () => {
    expect(await apply()).toMatch(/^GZ-/);
    expect(await apply(true)).toMatch(/^GZ-/);
  });

  it("answers a wrong answer with 400 for the error summary, an unknown page or draft with 404", async () => {
    const started = await call("($lang).home-modification._index", { url: "/home-modification", form: {} });
    const draftId = started.location!.split("/").at(-2)!;
    const wrong = await post(draftId, "for-whom", { forWhom: "neighbour" });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body.lastResult)).toContain("chooseOne");
    await post(draftId, "for-whom", { forWhom: "family" });
    expect((await post(draftId, "name", { name: "" })).status).toBe(400);
    expect((await post(draftId, "nonsense", {})).status).toBe(404);
    expect((await post("no-such-draft", "for-whom", { forWhom: "self" })).status).toBe(404);
    const page = await call(step, { url: `/home-modification/apply/${draftId}/name`, params: { draftId, step: "name" } });
    expect(page.body).toMatchObject({ step: "name", count: { n: 1, of: 8 } });
  });
});

describe("staff", () => {
  const detail = "($lang).admin.home-modification_.$reference";
  const act = (reference: string, form: Record<string, string>) => call(detail, { url: `/admin/home-modification/${reference}`, params: { reference }, form, as: "lending" });

  it("refuse a step that cannot follow with 409 and a sentence; record the visit, approve; only the 辅具 role", async () => {
    const reference = await apply();
    const early = await act(reference, { intent: "decide", decision: "approve" });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain("已收到");
    expect((await act(reference, { intent: "assess", visitDate: "", findings: "" })).status).toBe(400);
    expect((await act(reference, { intent: "assess", visitDate: "2026-12-10", findings: "门槛 10 厘米，卫生间无扶手" })).status).toBe(302);
    expect((await act(reference, { intent: "decide", decision: "refuse" })).status).toBe(400);
    expect((await act(reference, { intent: "decide", decision: "approve" })).location).toBe(`/admin/home-modification/${reference}?saved=1`);
    const page = await call(detail, { url: `/admin/home-modification/${reference}`, params: { reference }, as: "lending" });
    expect(page.body.app.status).toBe("approved");
    expect(page.body.actions).toEqual(["start"]);
    const refused = await call(detail, { url: `/admin/home-modification/${reference}`, params: { reference }, as: "content" }).catch((r: Response) => ({ status: r.status }));
    expect([302, 403]).toContain(refused.status);
    expect((await call(detail, { url: "/admin/home-modification/GZ-2222-2222", params: { reference: "GZ-2222-2222" }, as: "lending" })).status).toBe(404);
  });

  it("lists and sorts the applications, and exports the 台账 as CSV with masked phones", async () => {
    const list = await call("($lang).admin.home-modification", { url: "/admin/home-modification?sort=county&status=received", as: "lending" });
    expect(list.body.sort).toEqual({ column: "county", direction: "asc" });
    expect(list.body.items.every((i: { status: string }) => i.status === "received")).toBe(true);
    const mangled = await call("($lang).admin.home-modification", { url: "/admin/home-modification?sort=%27;drop&status=nope", as: "lending" });
    expect(mangled.status).toBe(200);
    const csv = await callRoute((await import("~/routes/($lang).admin.home-modification_.export")).loader, { url: "/admin/home-modification/export", headers: { Cookie: cookies.lending } });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = String(csv.body);
    // (The byte-order mark itself is checked on the module's output: a Response's text() drops it, as Excel would read it.)
    expect(csv.headers.get("content-disposition")).toContain(".csv");
    expect(text).toContain("连州市");
    expect(text).not.toContain(phone);
  });
});

describe("the status page", () => {
  it("finds the application by reference and phone; a wrong phone is a 404 like an unknown reference", async () => {
    const reference = await apply();
    const found = await call("($lang).home-modification.status", { url: "/home-modification/status", form: { reference: reference.toLowerCase(), phone } });
    expect(found.status).toBe(200);
    expect(found.body.found).toMatchObject({ reference, status: "received" });
    const wrong = await call("($lang).home-modification.status", { url: "/home-modification/status", form: { reference, phone: "13900000000" } });
    expect(wrong.status).toBe(404);
    expect(JSON.stringify(wrong.body.lastResult)).toContain("notFound_application");
    expect((await call("($lang).home-modification.status", { url: "/home-modification/status", form: { reference: "", phone: "x" } })).status).toBe(400);
  });
});
