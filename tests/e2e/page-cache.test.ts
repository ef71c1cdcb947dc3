import http from "node:http";
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { baseURL, consoleErrors, launchBrowser, newContext, waitForHydration } from "./browser";
import { sessionCookie } from "./staff";
// `fetch` checks every /api/ answer against the OpenAPI document the portal serves (tests/support/openapi-check.ts).
import { checkedFetch as fetch } from "../support/openapi-check";

/**
 * HTTP caching of public pages (docs/security.md "Caching", ADR 0008), against the real server: a public page
 * revalidated with its ETag answers 304, a personal page never carries a header that lets a shared cache keep
 * it, and a change of what a cached page shows is on it at once.
 */
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseURL()}${path}`, { headers, redirect: "manual" });
const cspNonce = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];

describe("public content pages", () => {
  it("carry a strong ETag, public, no-cache and Vary; revalidated with the ETag they answer 304 with the same nonce", async () => {
    for (const path of ["/policies", "/en/cinema", "/"]) {
      const first = await get(path);
      const html = await first.text();
      const etag = first.headers.get("etag")!;
      expect(etag, path).toMatch(/^"[\w.-]+"$/);
      expect(first.headers.get("cache-control"), path).toBe("public, no-cache");
      expect(first.headers.get("vary"), path).toMatch(/Cookie/);
      // The page's scripts carry the nonce its header names.
      const nonce = cspNonce(first)!;
      expect(html).toContain(`nonce="${nonce}"`);
      expect(html.match(/nonce="([^"]+)"/g)!.every((n) => n === `nonce="${nonce}"`)).toBe(true);

      const again = await get(path, { "If-None-Match": etag });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      // A browser keeps the headers of the 304 with the body it has: the nonce must still be the body's.
      expect(cspNonce(again)).toBe(nonce);
      expect((await get(path, { "If-None-Match": '"something-else"' })).status).toBe(200);
    }
  });

  it("a compressed copy has an ETag of its own, and revalidates too", async () => {
    const gz = await get("/policies", { "Accept-Encoding": "gzip" });
    const plain = await get("/policies", { "Accept-Encoding": "identity" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(gz.headers.get("etag")).not.toBe(plain.headers.get("etag"));
    expect((await get("/policies", { "Accept-Encoding": "gzip", "If-None-Match": gz.headers.get("etag")! })).status).toBe(304);
    expect((await get("/policies", { "Accept-Encoding": "identity", "If-None-Match": gz.headers.get("etag")! })).status).toBe(200);
    // A client that takes only Brotli or deflate gets the plain bytes its ETag names, not a copy recompressed on the way.
    for (const encoding of ["br", "deflate"]) {
      const other = await get("/policies", { "Accept-Encoding": encoding });
      expect(other.headers.get("content-encoding"), encoding).toBeNull();
      expect(other.headers.get("etag"), encoding).toBe(plain.headers.get("etag"));
    }
  });

  it("the display preferences make another page; other cookies (a staff session) do not change it", async () => {
    const saved = await fetch(`${baseURL()}/settings`, { method: "POST", body: new URLSearchParams({ textSize: "200", contrast: "high", spacing: "standard", motion: "standard" }), redirect: "manual" });
    expect(saved.headers.get("cache-control")).toBe("no-store");
    const display = saved.headers.get("set-cookie")!.split(";")[0];
    const plain = await get("/contact");
    const large = await get("/contact", { Cookie: display });
    expect(await large.text()).toContain('data-text-size="200"');
    expect(await plain.text()).toContain('data-text-size="100"');
    expect(large.headers.get("etag")).not.toBe(plain.headers.get("etag"));
    const staff = await get("/contact", { Cookie: await sessionCookie("content") });
    expect(staff.headers.get("etag")).toBe(plain.headers.get("etag"));
  });

  it("a page asked for under another Host is not served to anyone else", async () => {
    // fetch() cannot set Host; node:http can.
    const forged = await new Promise<string>((resolve, reject) => {
      const req = http.get(`${baseURL()}/accessibility`, { headers: { Host: "evil.example" } }, (res) => {
        let html = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (html += d));
        res.on("end", () => resolve(html));
      });
      req.on("error", reject);
    });
    // Its links are root-relative (or PUBLIC_ORIGIN's): the Host a client sent never goes into a page.
    expect(forged).toContain('<link rel="canonical" href="/accessibility"/>');
    expect(forged).not.toContain("evil.example");
    expect(await (await get("/accessibility")).text()).not.toContain("evil.example");
  });

  it("hydrates from a cached copy: its scripts run under its own nonce", async () => {
    const browser: Browser = await launchBrowser();
    try {
      const context = await newContext(browser);
      const page = await context.newPage();
      for (let i = 0; i < 2; i++) {
        await page.goto("/guides");
        await waitForHydration(page);
      }
      expect(consoleErrors(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe("personal pages", () => {
  it("never carry a header that lets a shared cache keep them, and never answer 304", async () => {
    const booked = await fetch(`${baseURL()}/api/v1/screenings`).then((r) => r.json());
    const made = await fetch(`${baseURL()}/api/v1/screenings/${booked.screenings[0].id}/bookings`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "缓存测试", phone: "13700000009", tickets: 1 }),
    });
    const { reference } = await made.json();
    const staff = await sessionCookie("admin");
    const personal: Array<[string, Record<string, string>]> = [
      ["/cinema/booking", {}],
      [`/cinema/booking?reference=${reference}&phone=13700000009`, {}],
      [`/api/v1/bookings/${reference}?phone=13700000009`, {}],
      ["/library/status", {}],
      ["/en/devices/request", {}],
      ["/admin/cinema", { Cookie: staff }],
      ["/admin", { Cookie: staff }],
    ];
    for (const [path, headers] of personal) {
      for (const extra of [{}, { "If-None-Match": "*" }] as Array<Record<string, string>>) {
        const res = await get(path, { ...headers, ...extra });
        expect(res.status, path).not.toBe(304);
        expect(res.headers.get("cache-control"), path).toBe("no-store");
        expect(res.headers.get("etag"), path).toBeNull();
      }
    }
  });
});

describe("a change of what a cached page shows", () => {
  let db: Database.Database;
  beforeAll(() => {
    db = new Database(inject("databaseUrl").replace(/^file:/, ""));
    db.pragma("busy_timeout = 5000");
  });
  afterAll(() => db?.close());

  it("is on the page at once: a booking through the portal changes the seats left", async () => {
    const { screenings } = await fetch(`${baseURL()}/api/v1/screenings`).then((r) => r.json());
    const target = screenings.find((s: { seatsAvailable: number }) => s.seatsAvailable > 5);
    const path = `/en/cinema/${target.id}`;
    const seatsLeft = async () => Number(/(\d+) seats left/.exec(await (await get(path)).text())?.[1]);
    const before = await seatsLeft();
    expect(await seatsLeft()).toBe(before);
    const made = await fetch(`${baseURL()}/api/v1/screenings/${target.id}/bookings`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "缓存测试", phone: "13700000010", tickets: 2 }),
    });
    expect(made.status).toBe(201);
    expect(await seatsLeft()).toBe(before - 2);
  });

  it("is on the page at once: staff content changed by another process (a script, another instance)", async () => {
    const activity = db
      .prepare("select id, title_en, example from centre_activities where starts_at > ? and status = 'published' order by starts_at limit 1")
      .get(new Date().toISOString()) as { id: string; title_en: string; example: number };
    // The seed's activities are examples, staff-only until a staff edit confirms them: this one is confirmed first.
    db.prepare("update centre_activities set example = 0 where id = ?").run(activity.id);
    const path = `/en/activities/${activity.id}`;
    const first = await get(path);
    expect(await first.text()).toContain(activity.title_en);
    expect((await get(path, { "If-None-Match": first.headers.get("etag")! })).status).toBe(304);
    db.prepare("update centre_activities set title_en = ? where id = ?").run(`${activity.title_en} (moved to Hall 2)`, activity.id);
    try {
      const changed = await get(path, { "If-None-Match": first.headers.get("etag")! });
      expect(changed.status).toBe(200);
      expect(await changed.text()).toContain(`${activity.title_en} (moved to Hall 2)`);
    } finally {
      db.prepare("update centre_activities set title_en = ?, example = ? where id = ?").run(activity.title_en, activity.example, activity.id);
    }
  });
});
