import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Connection } from "~/modules/db/index.server";
import { cliActor } from "~/modules/staff/audit.server";
import { createStaffUser, listStaffUsers } from "~/modules/staff/users.server";
import { baseURL, consoleErrors, expectNoAxeViolations, launchBrowser, newContext, waitForHydration } from "./browser";
import { builtRoutes, fillPattern, type BuiltRoute } from "./built-routes";
import { sessionCookie, signInContext } from "./staff";
// `fetch` checks every /api/ answer against the OpenAPI document the portal serves (tests/support/openapi-check.ts).
import { checkedFetch as fetch } from "../support/openapi-check";

/**
 * The HTTP edge against the running portal (docs/security.md): cross-site submissions, body limits, redirect
 * targets, absurd page numbers and the caching of personal pages. The probe with huge and malformed bodies on
 * SQLite and PostgreSQL is tests/e2e/edge-probe.test.ts.
 */
let routes: BuiltRoute[];
let browser: Browser;
let conn: Connection;
beforeAll(async () => {
  routes = await builtRoutes();
  browser = await launchBrowser();
  conn = openDatabase(inject("databaseUrl"));
});
afterAll(async () => {
  await browser?.close();
  await conn?.db.destroy();
});

const post = (url: string, headers: Record<string, string> = {}, body: BodyInit = new URLSearchParams({ intent: "probe" })) =>
  fetch(`${baseURL()}${url}`, { method: "POST", redirect: "manual", headers, body });

describe("cross-site request forgery", () => {
  let attacker: http.Server;
  let attackerOrigin: string;
  let targetId: string;
  const rolesOf = async (id: string) => (await listStaffUsers(conn.db)).find((u) => u.id === id)?.roles;

  beforeAll(async () => {
    targetId = (await createStaffUser(conn.db, cliActor, { username: "e2e-csrf-target", password: "csrf target password 1", roles: ["content"] })).id;
    const portal = baseURL();
    const fields = `<input name="intent" value="roles"><input name="userId" value="${targetId}"><input name="roles" value="admin">`;
    const body = `intent=roles&userId=${targetId}&roles=admin`;
    const pages: Record<string, string> = {
      "/form": `<form id="f" method="post" action="${portal}/admin/users">${fields}</form><script>document.getElementById("f").submit()</script>`,
      "/fetch": `<script>
        const send = (url) => fetch(url, { method: "POST", mode: "no-cors", credentials: "include", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: ${JSON.stringify(body)} }).catch(() => null);
        Promise.all([send(${JSON.stringify(`${portal}/admin/users.data`)}), send(${JSON.stringify(`${portal}/admin/users?_data=${encodeURIComponent("routes/($lang).admin.users")}`)}), send(${JSON.stringify(`${portal}/en/admin/users.data`)})])
          .then(() => { document.title = "sent"; });
      </script>`,
    };
    // Another port of the same host: the same *site*, so the browser sends the SameSite=Lax session cookie.
    attacker = http.createServer((req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(`<!doctype html><html lang="en"><title>a page elsewhere</title><body>${pages[req.url ?? ""] ?? ""}</body></html>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

  async function adminPage(javaScriptEnabled: boolean): Promise<Page> {
    const context = await newContext(browser, { javaScriptEnabled });
    await signInContext(context, "admin");
    return context.newPage();
  }

  it("a page on another port cannot promote a user: its form gets the localized 403 page, its fetches to .data and ?_data get 403, the role stays", async () => {
    const page = await adminPage(true);
    const statuses: Array<[string, number]> = [];
    page.on("response", (r) => {
      if (r.url().startsWith(baseURL())) statuses.push([r.url(), r.status()]);
    });
    await page.goto(`${attackerOrigin}/fetch`);
    await page.waitForFunction(() => document.title === "sent");
    expect(statuses.length).toBe(3);
    for (const [url, status] of statuses) expect(status, url).toBe(403);

    const refused = page.waitForResponse((r) => r.url() === `${baseURL()}/admin/users` && r.request().method() === "POST");
    await page.goto(`${attackerOrigin}/form`);
    expect((await refused).status()).toBe(403);
    await page.waitForURL(`${baseURL()}/admin/users`);
    expect(await page.title()).toBe("不接受来自其他网站的提交 - 清远市残联服务门户");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("不接受来自其他网站的提交");
    await expectNoAxeViolations(page, "403 cross-site page");
    expect(await rolesOf(targetId)).toEqual(["content"]);
    await page.context().close();
  });

  it("the portal's own page still changes roles, with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await adminPage(javaScriptEnabled);
      await page.goto("/admin/users");
      if (javaScriptEnabled) await waitForHydration(page);
      const role = javaScriptEnabled ? "lending" : "cinema";
      await page.locator(`#role-${targetId}-${role}`).check();
      await page.getByRole("button", { name: new RegExp(`e2e-csrf-target`) }).first().click();
      await page.getByRole("status").filter({ hasText: "账号已更新" }).waitFor();
      expect(await rolesOf(targetId)).toContain(role);
      expect(consoleErrors(page)).toEqual([]);
      await page.context().close();
    }
  });

  it("a foreign Origin or Sec-Fetch-Site is refused on every URL form with 403 (never 500); clients that send neither are served", async () => {
    const cookie = await sessionCookie("admin");
    const foreign: Array<Record<string, string>> = [{ Origin: "http://evil.example" }, { Origin: "null" }, { Origin: "not a url" }, { "Sec-Fetch-Site": "cross-site" }, { "Sec-Fetch-Site": "same-site" }];
    const urls = [
      "/admin/users",
      "/en/admin/users",
      "/admin/users.data",
      `/admin/users?_data=${encodeURIComponent("routes/($lang).admin.users")}`,
      "/feedback",
      "/feedback.data",
      "/logout",
      "/api/v1/chat",
      "/api/v1/loan-requests",
      "/api/v1/bookings/QY-NONE?phone=13800000000",
    ];
    for (const url of urls) {
      for (const headers of foreign) {
        const res = await post(url, { Cookie: cookie, ...headers });
        expect(res.status, `${url} ${JSON.stringify(headers)}`).toBe(403);
        if (url.startsWith("/api/")) expect(await res.json(), url).toMatchObject({ error: "cross_site_request", message: expect.any(String) });
        expect(res.headers.get("cache-control"), url).toBe("no-store");
      }
    }
    const del = await fetch(`${baseURL()}/api/v1/bookings/QY-NONE?phone=13800000000`, { method: "DELETE", headers: { Origin: "http://evil.example", "Accept-Language": "en" } });
    expect(del.status).toBe(403);
    expect(await del.json()).toEqual({ error: "cross_site_request", message: "Requests from other websites are refused." });

    // Same origin, and no browser headers at all (curl, partner apps): served as before.
    expect((await post("/feedback", { Origin: baseURL(), "Sec-Fetch-Site": "same-origin" }, new URLSearchParams({ topic: "other", message: "来自本站" }))).status).toBe(302);
    expect((await post("/feedback", {}, new URLSearchParams({ topic: "other", message: "来自合作应用" }))).status).toBe(302);
    const chat = await post("/api/v1/chat", { "Content-Type": "application/json" }, JSON.stringify({ question: "残疾人证怎么办理？" }));
    expect(chat.status).toBe(200);
  });
});

describe("body limits", () => {
  const longMessage = "请".repeat(10_000); // about 90 KB once form-encoded

  it("an over-long form without JavaScript gets the localized 413 page; the API gets the contract's 413", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/feedback");
    await page.getByRole("radio", { name: "办事或服务的问题" }).check();
    await page.getByRole("textbox", { name: "您的留言" }).fill(longMessage);
    const answer = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "提交留言" }).click();
    expect((await answer).status()).toBe(413);
    await page.getByRole("heading", { level: 1, name: "提交的内容太多" }).waitFor();
    expect(await page.title()).toBe("提交的内容太多 - 清远市残联服务门户");
    expect(await page.locator("main").textContent()).toContain("64 KB");
    // The way back is a link to the same form.
    await page.getByRole("link", { name: "返回这个页面" }).click();
    await page.getByRole("textbox", { name: "您的留言" }).waitFor();
    await context.close();

    const api = await post("/api/v1/loan-requests", { "Content-Type": "application/json", "Accept-Language": "en" }, JSON.stringify({ note: "x".repeat(20_000) }));
    expect(api.status).toBe(413);
    expect(await api.json()).toEqual({ error: "payload_too_large", message: "The request body is over the 16 KB limit." });
  });

  it("with JavaScript the same refusal is shown in the page (through Remix, and as a document that hydrates), in English on the English site", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const how of ["remix", "document"] as const) {
      await page.goto("/en/feedback");
      await waitForHydration(page);
      await page.getByRole("radio").first().check();
      await page.getByRole("textbox", { name: /message/i }).fill(longMessage);
      const answer = page.waitForResponse((r) => r.request().method() === "POST");
      // form.submit() skips Remix's handler: the browser posts the page itself, as without JavaScript.
      if (how === "remix") await page.getByRole("button", { name: /send/i }).click();
      else await page.locator("form[method=post]").filter({ has: page.getByRole("textbox", { name: /message/i }) }).evaluate((form: HTMLFormElement) => form.submit());
      expect((await answer).status(), how).toBe(413);
      await page.getByRole("heading", { level: 1, name: "Too much to send" }).waitFor();
      if (how === "document") await waitForHydration(page);
      expect(await page.title(), how).toBe("Too much to send - Qingyuan Access");
      expect(await page.locator("main").textContent(), how).toContain("64 KB");
      await expectNoAxeViolations(page, `413 page (${how})`);
    }
    // The browser reports every 4xx answer itself ("Failed to load resource"); nothing else may be logged.
    expect(consoleErrors(page).filter((e) => !/^Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });
});

describe("redirect targets", () => {
  it("a redirectTo with CR/LF, non-ASCII, a tab, backslashes or another host never gives a 500 or a foreign Location", async () => {
    const cases: Array<[string, string]> = [
      ["/x\r\nSet-Cookie: a=b", "/"],
      ["/\t/evil.example", "/"],
      ["/\\evil.example", "/"],
      ["//evil.example", "/"],
      ["/%2F%2Fevil.example", "/"],
      ["https://evil.example", "/"],
      ["/政策", "/%E6%94%BF%E7%AD%96"],
      ["/policies?page=2", "/policies?page=2"],
    ];
    for (const [redirectTo, location] of cases) {
      const res = await post("/settings", {}, new URLSearchParams({ textSize: "125", redirectTo }));
      expect(res.status, JSON.stringify(redirectTo)).toBe(302);
      expect(res.headers.get("location"), JSON.stringify(redirectTo)).toBe(location);
    }
    const { username, password } = inject("staff").content;
    for (const redirectTo of ["/admin\r\nX-Injected: 1", "/\t/evil.example", "/中文"]) {
      const res = await post("/login", {}, new URLSearchParams({ username, password, redirectTo }));
      expect(res.status, JSON.stringify(redirectTo)).toBe(302);
      expect(res.headers.get("location"), JSON.stringify(redirectTo)).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
      expect(res.headers.get("x-injected")).toBeNull();
    }
  });
});

describe("absurd numbers in the query string", () => {
  it("page=1e308 (and friends) on every list, public and staff, is a page, never a 500", async () => {
    const cookie = await sessionCookie("admin");
    const lists = routes.filter((r) => r.hasLoader && !r.resource && !r.pattern.includes(":") && !r.pattern.includes("*"));
    expect(lists.length).toBeGreaterThan(20);
    for (const route of lists) {
      for (const page of ["1e308", "-1", "1.5", "99999999999999999999", "NaN"]) {
        const url = `/${route.pattern}?page=${page}&added=${page}&q=a`;
        const res = await fetch(`${baseURL()}${url}`, { headers: { Cookie: cookie }, redirect: "manual" });
        expect(res.status, url).toBeLessThan(500);
      }
    }
  });
});

describe("caching of personal pages", () => {
  it("every admin page, and the booking, request, lookup and assistant pages and the personal-data API, say no-store; public content pages are revalidated", async () => {
    const cookie = await sessionCookie("admin");
    const get = (url: string) => fetch(`${baseURL()}${url}`, { headers: { Cookie: cookie }, redirect: "manual" });
    const admin = routes.filter((r) => r.pattern === "admin" || r.pattern.startsWith("admin/"));
    expect(admin.length).toBeGreaterThan(20);
    const personalFamilies = /^(admin|login|logout|cinema\/booking|cinema\/:screeningId\/(book|waiting-list)|devices\/request|devices\/:deviceId\/apply|library\/(apply|status)|activities\/signup|activities\/:activityId\/signup|assistant|feedback\/sent|api\/v1\/(bookings|loan-requests|chat)|api\/v1\/screenings\/:id\/bookings)(\/|$)/;
    const personal = routes.filter((r) => r.hasLoader && personalFamilies.test(r.pattern));
    expect(personal.length).toBeGreaterThan(admin.length + 15);
    for (const route of personal) {
      for (const prefix of route.pattern.startsWith("api/") ? [""] : ["", "/en"]) {
        const url = prefix + fillPattern(route.pattern, {});
        const res = await get(url);
        expect(res.headers.get("cache-control"), `${url} (${res.status})`).toBe("no-store");
      }
    }
    // Public content pages may be stored and are revalidated (tests/e2e/page-cache.test.ts); forms and the API keep theirs.
    for (const url of ["/", "/policies", "/guides", "/cinema", "/devices", "/library", "/activities", "/en/policies"]) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("cache-control"), url).toBe("public, no-cache");
    }
    for (const url of ["/feedback", "/api/v1/screenings", "/api/v1/devices"]) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("cache-control"), url).toBeNull();
    }
    // No HSTS over plain http (tests/e2e/edge-probe.test.ts checks it behind a TLS proxy).
    expect((await get("/")).headers.get("strict-transport-security")).toBeNull();
  });
});
