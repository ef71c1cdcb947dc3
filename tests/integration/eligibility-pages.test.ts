import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute, type RouteCall } from "../support/route-call";
import { testDatabaseUrl } from "../support/test-db";

/**
 * The eligibility check at the HTTP edge, posted as a browser without JavaScript posts it, on the guided-form
 * engine: the URLs name no draft (/assistant/eligibility/<step>), the draft's id is in a cookie and the answers in
 * flow_drafts, so neither a URL nor a cookie carries a health detail. Before the first answer the first question
 * is shown empty; answering it starts the draft. A chat answer's "check step by step" is a POST that makes a
 * prefilled draft. Starting again deletes the draft; an expired one is gone (and purged). Never a 500.
 */
process.env.DATABASE_URL = await testDatabaseUrl();
process.env.RATE_LIMIT_PER_MINUTE = "0";
type Db = typeof import("~/modules/db/index.server");
let db: Db;

const stepRoute = "($lang).assistant_.eligibility.$step";
const startRoute = "($lang).assistant_.eligibility._index";
const call = async (name: string, c: RouteCall, fn: "loader" | "action" = c.form ? "action" : "loader") => callRoute((await import(`~/routes/${name}.tsx`))[fn], c);
const page = (step: string, cookie = "", query = "") => call(stepRoute, { url: `/assistant/eligibility/${step}${query}`, params: { step }, headers: cookie ? { Cookie: cookie } : {} });
const post = (step: string, form: Record<string, string>, cookie = "") =>
  call(stepRoute, { url: `/assistant/eligibility/${step}`, params: { step }, form, headers: cookie ? { Cookie: cookie } : {} });
const cookieOf = (answer: { headers: Headers }) => (answer.headers.get("Set-Cookie") ?? "").split(";")[0];
/** The draft id the cookie names, read as the server reads it. */
const draftIdOf = async (cookie: string) => (await import("~/http/assistant.server")).readEligibilityDraftId(new Request("http://localhost/", { headers: { Cookie: cookie } }));
const drafts = () => db.getDb().selectFrom("flow_drafts").selectAll().where("flow", "=", "eligibility-check").execute();

beforeAll(async () => {
  db = await import("~/modules/db/index.server");
  await db.migrateToLatest(db.getDb());
});
afterAll(async () => db.getDb().destroy());

const answers: Array<[string, Record<string, string>, string]> = [
  ["certificate", { certificate: "yes" }, "category"],
  ["category", { category: "physical", grade: "1" }, "age"],
  ["age", { age: "adult" }, "income"],
  ["income", { income: "dibao" }, "care"],
  ["care", { care: "yes" }, "residence"],
  ["residence", { residence: "qingyuan" }, "check"],
];

async function answerAll(): Promise<string> {
  let cookie = "";
  for (const [step, form, next] of answers) {
    const answer = await post(step, form, cookie);
    expect(answer.status, step).toBe(302);
    expect(answer.location).toBe(`/assistant/eligibility/${next}`);
    cookie = cookieOf(answer) || cookie;
  }
  return cookie;
}

describe("the eligibility check on the engine", () => {
  it("shows the first question before any answer, and sends a later page there", async () => {
    const first = await page("certificate");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ step: "certificate", answers: {}, back: "/assistant/eligibility", count: { n: 1, of: 7 } });
    expect((await page("age")).location).toBe("/assistant/eligibility/certificate");
    expect((await page("result")).location).toBe("/assistant/eligibility/certificate");
    expect((await page("nonsense")).status).toBe(404);
    expect((await page("done")).status).toBe(404);
  });

  it("keeps the answers in flow_drafts: the cookie holds only the draft's id, no URL names an answer", async () => {
    const cookie = await answerAll();
    expect(cookie).toMatch(/^qy_elig_draft=/);
    const id = await draftIdOf(cookie);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const [row] = (await drafts()).filter((d) => d.id === id);
    expect(JSON.parse(row.payload)).toMatchObject({ certificate: "yes", category: "physical", grade: "1", income: "dibao" });
    const check = await page("check", cookie);
    expect(check.status).toBe(200);
    expect(check.body.answers).toMatchObject({ category: "physical", residence: "qingyuan" });
    const result = await page("result", cookie);
    expect(result.status).toBe(200);
    expect(result.body.step).toBe("done");
    expect(result.body.results.map((r: { scheme: string; outcome: string }) => `${r.scheme}:${r.outcome}`)).toEqual(["livingAllowance:likely", "nursingAllowance:likely"]);
    // The result makes no record: the answers can still be changed, and the result follows them.
    const change = await page("income", cookie, "?return=check");
    expect(change.body.returnTo).toBe("check");
    expect((await post("income", { income: "neither", returnTo: "check" }, cookie)).location).toBe("/assistant/eligibility/check");
    expect((await page("result", cookie)).body.results[0]).toMatchObject({ scheme: "livingAllowance", outcome: "not" });
    // Posting the result or an unknown page is a 404, never a 500 (the check page's post is "see the result").
    expect((await post("result", {}, cookie)).status).toBe(404);
    expect((await post("check", {}, cookie)).location).toBe("/assistant/eligibility/result");
  });

  it("answers a wrong form with 400 and the field's error, whatever the body says", async () => {
    const wrong = await post("certificate", { certificate: "maybe" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.lastResult.error).toMatchObject({ certificate: ["chooseOne"] });
    expect((await post("category", {}, "qy_elig_draft=not%20a%20draft")).status).toBe(302);
  });

  it("starts prefilled from a chat answer's POST, at the first question still open", async () => {
    const started = await call(startRoute, { url: "/en/assistant/eligibility", params: { lang: "en" }, form: { intent: "prefill", category: "physical", grade: "2", care: "yes", income: "13800138000" } });
    expect(started.status).toBe(302);
    expect(started.location).toBe("/en/assistant/eligibility/certificate");
    const cookie = cookieOf(started);
    expect((await page("certificate", cookie)).body.answers).toEqual({ category: "physical", grade: "2", care: "yes" });
    expect((await post("certificate", { certificate: "yes" }, cookie)).location).toBe("/assistant/eligibility/category");
  });

  it("starting again deletes the draft; an expired draft is gone and purged", async () => {
    const cookie = await answerAll();
    const id = await draftIdOf(cookie);
    expect((await drafts()).some((d) => d.id === id)).toBe(true);
    const again = await call(startRoute, { url: "/assistant/eligibility", params: {}, form: {}, headers: { Cookie: cookie } });
    expect(again.location).toBe("/assistant/eligibility/certificate");
    expect(again.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect((await drafts()).some((d) => d.id === id)).toBe(false);

    const other = await answerAll();
    const otherId = (await draftIdOf(other))!;
    await db.getDb().updateTable("flow_drafts").set({ expires_at: "2000-01-01T00:00:00.000Z" }).where("id", "=", otherId).execute();
    expect((await page("check", other)).location).toBe("/assistant/eligibility/certificate");
    const { purgeExpiredPersonalData } = await import("~/modules/privacy/retention.server");
    await purgeExpiredPersonalData(db.getDb());
    expect((await drafts()).some((d) => d.id === otherId)).toBe(false);
  });
});
