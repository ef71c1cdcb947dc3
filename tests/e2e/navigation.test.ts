import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, consoleErrors, launchBrowser, newContext, tabTo, waitForHydration, waitForNewPage } from "./browser";
import { checkServed } from "../support/openapi-check";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("navigation", () => {
  it("client-side navigation moves focus to the new page's h1 and announces the page", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/");
    await waitForHydration(page);
    const nav = page.getByRole("navigation", { name: "主导航" });
    await tabTo(page, nav.getByRole("link", { name: "联系我们" }));
    await page.keyboard.press("Enter");
    await page.waitForURL("**/contact");
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("联系我们");
    expect(await page.getByRole("status").filter({ hasText: "已打开" }).textContent()).toBe("已打开：联系我们 - 清远市残联服务门户");
    expect(await page.title()).toBe("联系我们 - 清远市残联服务门户");
    // The current page is marked in the navigation.
    expect(await nav.getByRole("link", { name: "联系我们" }).getAttribute("aria-current")).toBe("page");
    expect(consoleErrors(page)).toEqual([]);
    await context.close();
  });

  it("the language switch links the same page in the other language", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/contact");
    await page.getByRole("link", { name: "English" }).click();
    await page.waitForURL("**/en/contact");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Contact us");
    await page.getByRole("link", { name: "中文" }).click();
    await page.waitForURL(/\/contact$/);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    await context.close();
  });

  it("the header's large-text and contrast buttons work without JavaScript and say whether they are on", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/contact");
    const large = page.getByRole("button", { name: "大字" });
    expect(await large.getAttribute("aria-pressed")).toBe("false");
    // The form posts and redirects back to the same URL: wait for the new page, not for the URL.
    await waitForNewPage(page, () => large.click());
    expect(page.url()).toMatch(/\/contact$/);
    expect(await page.getAttribute("html", "data-text-size")).toBe("150");
    expect(await page.getByRole("button", { name: "大字" }).getAttribute("aria-pressed")).toBe("true");
    await waitForNewPage(page, () => page.getByRole("button", { name: "高对比度" }).click());
    expect(await page.getAttribute("html", "data-contrast")).toBe("high");
    // Server-rendered: the very first byte of the next page already has the preference (no flash).
    const html = await (await context.request.get("/")).text();
    expect(html).toMatch(/<html[^>]+data-text-size="150"[^>]+data-contrast="high"/);
    await context.close();
  });

  it("unknown pages answer 404 with a helpful localized page; unknown API paths answer JSON", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const response = await page.goto("/en/no-such-page");
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    expect(await page.title()).toBe("Page not found - Qingyuan Access");
    const api = await context.request.get("/api/v1/nothing-here");
    expect(api.status()).toBe(404);
    expect(await api.json()).toMatchObject({ error: "not_found" });
    await checkServed(new URL(baseURL()).origin, { method: "GET", url: "/api/v1/nothing-here", status: api.status(), headers: new Headers(api.headers()), body: await api.json() });
    await context.close();
  });
});

describe("security baseline", () => {
  it("every page carries a nonce-based CSP and the other protective headers, and its scripts run under it", async () => {
    const res = await fetch(`${baseURL()}/feedback`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-powered-by")).toBeNull();
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    const html = await res.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const [, attrs] of inlineScripts) expect(attrs).toContain(`nonce="${nonce}"`);
    // A fresh nonce for every response.
    const again = (await fetch(`${baseURL()}/feedback`)).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
  });

  it("cookies are HttpOnly and SameSite=Lax; nothing changes on a GET", async () => {
    const res = await fetch(`${baseURL()}/settings`, {
      method: "POST",
      body: new URLSearchParams({ intent: "toggle-contrast" }),
      redirect: "manual",
    });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const get = await fetch(`${baseURL()}/settings?intent=toggle-contrast`, { redirect: "manual" });
    expect(get.headers.get("set-cookie")).toBeNull();
  });

  it("a body that is not a form, or a method a page does not take, is a 4xx, never a 500", async () => {
    const bad = await fetch(`${baseURL()}/feedback`, { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x" }, body: "garbage" });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    const noAction = await fetch(`${baseURL()}/contact`, { method: "POST", body: new URLSearchParams({ a: "b" }) });
    expect(noAction.status).toBe(405);
  });
});

describe("language of parts (WCAG 3.1.2)", () => {
  it("on English pages, Chinese text in the header and footer is marked lang=zh-CN, so a screen reader reads it in Chinese", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of ["/en", "/en/contact", "/en/cinema"]) {
      await page.goto(path);
      const unmarked = await page.evaluate(() => {
        const found: string[] = [];
        for (const region of document.querySelectorAll("header, footer, nav")) {
          const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? "";
            if (/\p{Script=Han}/u.test(text) && node.parentElement?.closest("[lang]")?.getAttribute("lang") !== "zh-CN") found.push(text.trim());
          }
        }
        return found;
      });
      expect(unmarked, path).toEqual([]);
      expect(await page.locator('footer [lang="zh-CN"]').first().textContent()).toContain("凤鸣路1号");
    }
    await context.close();
  });
});

describe("where am I", () => {
  it("a guide marks 办事指南 as the current section; page 2 of a list says so in its title; every search landmark has its own name", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const nav = page.getByRole("navigation", { name: "主导航" });
    const currentItems = () => nav.locator('[aria-current="page"]').allTextContents();

    await page.goto("/policies/living-allowance-guide");
    expect(await currentItems()).toEqual(["办事指南"]);
    await page.goto("/policies/disability-protection-law");
    expect(await currentItems()).toEqual(["政策法规"]);
    await page.goto("/cinema/booking");
    expect(await currentItems()).toEqual(["无障碍影院"]);

    await page.goto("/devices?page=2");
    expect(await page.title()).toMatch(/（第2页，共\d+页） - 清远市残联服务门户$/);
    await page.goto("/devices");
    expect(await page.title()).not.toMatch(/第\d+页/);

    await page.goto("/search?q=残疾证");
    const names = await page.getByRole("search").evaluateAll((forms) => forms.map((f) => f.getAttribute("aria-label")));
    expect(names).toHaveLength(2);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(2);
    await context.close();
  });
});
