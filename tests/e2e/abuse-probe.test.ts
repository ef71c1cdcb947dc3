import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Connection } from "~/modules/db/index.server";
import { baseURL, expectNoAxeViolations, launchBrowser, newContext, waitForHydration } from "./browser";
import { postgresBinDir, startPostgres, type RunningPostgres } from "../support/postgres";
import { startPortal, type PortalServer } from "../support/portal-server";
import { testDatabaseUrl } from "../support/test-db";
// `fetch` checks every /api/ answer against the OpenAPI document the portal serves (tests/support/openapi-check.ts).
import { checkedFetch as fetch } from "../support/openapi-check";

/**
 * Attack probes against the real server (issue 12, items 2, 5 and 11), once on SQLite and once on PostgreSQL, with
 * the limits as an operator runs them (RATE_LIMIT_PER_MINUTE unset = 20) behind a proxy (TRUST_PROXY=1, so a probe
 * can speak for many clients through X-Forwarded-For). Every loop is bounded and hits loopback only.
 */
const databases = [
  { kind: "sqlite", url: async () => testDatabaseUrl() },
  ...(postgresBinDir() ? [{ kind: "postgres", url: async () => (pg = await startPostgres()).adminUrl }] : []),
];
let pg: RunningPostgres | undefined;

describe.each(databases)("attack probes on $kind", ({ url }) => {
  let server: PortalServer;
  let conn: Connection;
  let screenings: Array<{ id: string; seatsAvailable: number }>;

  beforeAll(async () => {
    const databaseUrl = await url();
    server = await startPortal({ DATABASE_URL: databaseUrl, TRUST_PROXY: "1", SKIP_BUILD: "1", RATE_LIMIT_PER_MINUTE: "" });
    conn = openDatabase(databaseUrl);
    screenings = (await (await fetch(`${server.url}/api/v1/screenings`)).json()).screenings;
  }, 240_000);

  afterAll(async () => {
    await conn?.db.destroy();
    await server?.stop();
    pg?.stop();
    pg = undefined;
  });

  const as = (client: string, init: RequestInit = {}): RequestInit => ({
    redirect: "manual",
    ...init,
    headers: { "X-Forwarded-For": client, Origin: server.url, ...(init.headers as Record<string, string> | undefined) },
  });
  const json = (path: string, client: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, as(client, { ...init, headers: { "Content-Type": "application/json", ...(init.headers as Record<string, string> | undefined) } }));
  const book = async (screeningId: string, body: object, client = "198.51.100.1", headers: Record<string, string> = {}) =>
    json(`/api/v1/screenings/${screeningId}/bookings`, client, { method: "POST", body: JSON.stringify(body), headers });
  const healthy = async () => (await fetch(`${server.url}/api/v1/health`)).status === 200;

  it("guessing the phone of a known reference: never found, locked after five, the right phone refused too; audited", async () => {
    const phone = "13912345678";
    const { reference } = await (await book(screenings[0].id, { name: "被猜者", phone, tickets: 1 })).json();
    // The ticket shows 139****5678: an attacker tries the 10⁴ middles, the right one among the first 30.
    const middles = Array.from({ length: 30 }, (_, i) => String(1000 + i * 37).slice(-4));
    middles[12] = "1234";
    const statuses: number[] = [];
    for (const [i, middle] of middles.entries()) {
      const method = i % 3 === 2 ? "DELETE" : "GET";
      const res = await json(`/api/v1/bookings/${reference}?phone=139${middle}5678`, "203.0.113.66", { method });
      statuses.push(res.status);
      expect(res.status, `guess ${i}`).not.toBe(200);
    }
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    const locked = await json(`/api/v1/bookings/${reference}?phone=${phone}`, "192.0.2.200");
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ error: "lookup_locked", message: expect.stringContaining("0763-3362221") });
    const page = await fetch(`${server.url}/cinema/booking`, as("192.0.2.201", { method: "POST", body: new URLSearchParams({ reference, phone }) }));
    expect(page.status).toBe(429);
    expect(await page.text()).toContain("0763-3362221");
    const row = await conn.db.selectFrom("cinema_bookings").select("status").where("reference", "=", reference).executeTakeFirstOrThrow();
    expect(row.status).toBe("confirmed");
    const audit = await conn.db.selectFrom("audit_log").selectAll().where("action", "=", "lookup.locked").where("target_id", "=", reference).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toContain("203.0.113.x");
    expect(JSON.stringify(audit)).not.toMatch(/139\d{4}5678/);
  });

  it("forty guesses from forty addresses at once: at most five are checked, none succeeds", async () => {
    const phone = "13887654321";
    const { reference } = await (await book(screenings[1].id, { name: "分布式", phone, tickets: 1 })).json();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => json(`/api/v1/bookings/${reference}?phone=138${String(1000 + i).slice(-4)}4321`, `198.18.0.${i + 1}`)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
    expect(statuses.every((s) => s === 404 || s === 429)).toBe(true);
    expect((await json(`/api/v1/bookings/${reference}?phone=${phone}`, "198.18.1.1")).status).toBe(429);
  });

  it("a wrong phone and an unknown reference: the same status and body, in comparable time", async () => {
    const references: string[] = [];
    for (let i = 0; i < 4; i++) references.push((await (await book(screenings[2].id, { name: "计时", phone: "13700007777", tickets: 1 })).json()).reference);
    const wrong: number[] = [];
    const unknown: number[] = [];
    let wrongBody = "";
    let unknownBody = "";
    // Interleaved, four wrong phones per reference (under the lock), each from its own address.
    for (let i = 0; i < 16; i++) {
      const client = `100.64.0.${i + 1}`;
      let t = performance.now();
      const a = await json(`/api/v1/bookings/${references[i % 4]}?phone=1370000${String(1000 + i)}`, client);
      wrong.push(performance.now() - t);
      wrongBody = await a.text();
      expect(a.status).toBe(404);
      t = performance.now();
      const b = await json(`/api/v1/bookings/DY-${"ABCDEFGHJKLMNPQR"[i]}ZZZ-ZZZZ?phone=13700007777`, client);
      unknown.push(performance.now() - t);
      unknownBody = await b.text();
      expect(b.status).toBe(404);
    }
    expect(wrongBody).toBe(unknownBody);
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const [mw, mu] = [median(wrong), median(unknown)];
    console.log(`[abuse] lookup timing: wrong phone median ${mw.toFixed(1)} ms, unknown reference median ${mu.toFixed(1)} ms`);
    expect(Math.abs(mw - mu)).toBeLessThan(Math.max(15, 0.5 * Math.max(mw, mu)));
  });

  it("one client trying to hold a whole screening gets eight seats; the hall stays open to others", async () => {
    const target = screenings[screenings.length - 1];
    const client = "203.0.113.90";
    const post = (path: string, fields: Record<string, string | string[]> = {}) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
      return fetch(`${server.url}${path}`, as(client, { method: "POST", body }));
    };
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 15; attempt++) {
      const start = await post(`/cinema/${target.id}`);
      if (start.status !== 302) {
        outcomes.push(`start ${start.status}`);
        continue;
      }
      const base = start.headers.get("Location")!.replace(/\/people$/, "");
      await post(`${base}/people`, { tickets: "4" });
      await post(`${base}/needs`);
      const offer = await (await fetch(`${server.url}${base}/seats`, as(client))).text();
      const seat = [...offer.matchAll(/name="seat" value="([^"]+)"/g)].map((m) => m[1]);
      const held = await post(`${base}/seats`, { seat });
      outcomes.push(held.status === 302 ? "held" : `seats ${held.status}`);
    }
    expect(outcomes.filter((o) => o === "held")).toHaveLength(2);
    expect(outcomes.slice(2).every((o) => o === "seats 409")).toBe(true);
    const after = (await (await fetch(`${server.url}/api/v1/screenings`)).json()).screenings.find((s: { id: string }) => s.id === target.id);
    expect(after.seatsAvailable).toBe(target.seatsAvailable - 8);
    expect((await book(target.id, { name: "别人", phone: "13600006666", tickets: 4 }, "192.0.2.99")).status).toBe(201);
  });

  it("a flood of 'start booking' posts from one client makes at most twenty drafts a minute", async () => {
    const count = async () => Number((await conn.db.selectFrom("flow_drafts").where("flow", "=", "cinema-booking").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const before = await count();
    const statuses: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 60; i++) statuses.push((await fetch(`${server.url}/cinema/${screenings[3].id}`, as("203.0.113.91", { method: "POST", body: new URLSearchParams() }))).status);
    // The limit counts per calendar minute: a flood that spans the turn of a minute meets it twice.
    const minutes = Math.floor(Date.now() / 60_000) - Math.floor(started / 60_000) + 1;
    const made = statuses.filter((s) => s === 302).length;
    expect(made).toBeLessThanOrEqual(20 * minutes);
    expect(statuses.filter((s) => s === 429).length).toBe(60 - made);
    expect((await count()) - before).toBe(made);
    expect(await healthy()).toBe(true);
  });

  it("ten retries at once with one Idempotency-Key make one booking", async () => {
    const key = `probe-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => book(screenings[4].id, { name: "重试", phone: "13500005555", tickets: 2 }, `198.51.100.${50 + i}`, { "Idempotency-Key": key })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    const references = new Set(await Promise.all(answers.map(async (a) => (await a.json()).reference)));
    expect(references.size).toBe(1);
    const rows = await conn.db.selectFrom("cinema_bookings").select("reference").where("screening_id", "=", screenings[4].id).where("name", "=", "重试").execute();
    expect(rows.map((r) => r.reference)).toEqual([...references]);
    expect((await book(screenings[4].id, { name: "重试", phone: "13500005555", tickets: 3 }, "198.51.100.70", { "Idempotency-Key": key })).status).toBe(422);
  });
});

describe("a locked lookup in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  for (const javascript of [true, false]) {
    it(`says until when and whom to call, in the error summary, with${javascript ? "" : "out"} JavaScript`, async () => {
      const { screenings } = await (await fetch(`${baseURL()}/api/v1/screenings`)).json();
      const phone = javascript ? "13911110001" : "13911110002";
      const created = await fetch(`${baseURL()}/api/v1/screenings/${screenings[0].id}/bookings`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name: "锁定测试", phone, tickets: 1 }),
      });
      const { reference } = await created.json();
      const context = await newContext(browser, { javaScriptEnabled: javascript });
      const page = await context.newPage();
      await page.goto("/cinema/booking");
      if (javascript) await waitForHydration(page);
      const submit = async (tryPhone: string) => {
        await page.getByRole("textbox", { name: "预订号" }).fill(reference);
        await page.getByRole("textbox", { name: "手机号码" }).fill(tryPhone);
        const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/cinema/booking"));
        await page.getByRole("button", { name: "查找预订" }).click();
        await answered;
        await page.locator(".error-summary").waitFor();
      };
      for (let i = 0; i < 5; i++) await submit(`1391111900${i}`);
      await submit(phone);
      const summary = page.locator(".error-summary");
      await page.waitForFunction(() => document.querySelector(".error-summary")?.textContent?.includes("暂时锁定"));
      expect(await summary.textContent()).toMatch(/请在\d{4}年.+之后再试，或致电清远市残联 0763-3362221/);
      expect(await page.title()).toMatch(/^错误：/);
      await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
      if (javascript) await expectNoAxeViolations(page, "locked lookup");
      await context.close();
    });
  }
});
