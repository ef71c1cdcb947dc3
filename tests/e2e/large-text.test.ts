import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { focusedDescription, launchBrowser, newContext, tabTo, waitForHydration } from "./browser";
import { builtRoutes } from "./built-routes";
import { sitePages } from "./site-pages";
import { signInContext } from "./staff";

/**
 * Elderly and low-vision users (适老化, issue 19 item 6 and "Testing as people do"): with the portal's 200% text, on a
 * phone (320 px) and on a desktop (1280×900), the page's own heading is on the first screen, not behind two screens
 * of header; the header's menu opens with the keyboard, with and without JavaScript.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const phone = { width: 320, height: 640 };
const desktop = { width: 1280, height: 900 };

/** A context whose display setting is 200% text, saved through the settings form's POST as a person's would be. */
async function largeTextContext(viewport: { width: number; height: number }, javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await newContext(browser, { viewport, javaScriptEnabled });
  const saved = await context.request.post("/settings", {
    form: { intent: "save", textSize: "200", contrast: "normal", spacing: "normal", motion: "system" },
  });
  expect(saved.ok()).toBe(true);
  return context;
}

/** Where the h1's first line ends, and the screen's height: the heading is read without scrolling when the first is smaller. */
async function headingLine(page: Page): Promise<{ firstLineBottom: number; top: number; screen: number }> {
  return page.getByRole("heading", { level: 1 }).evaluate((h1) => {
    const box = h1.getBoundingClientRect();
    const line = parseFloat(getComputedStyle(h1).lineHeight);
    return { top: box.top, firstLineBottom: box.top + Math.min(line, box.height), screen: window.innerHeight };
  });
}

/** Presses Tab until the focused element reads `text` (the menu's summary has no ARIA role to find it by). */
async function tabToText(page: Page, text: string, maxTabs = 6): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if ((await focusedDescription(page)).text === text) return;
  }
  throw new Error(`"${text}" not reached with ${maxTabs} Tab presses`);
}

const focusIsVisible = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return (style.outlineStyle !== "none" || style.boxShadow !== "none") && box.top >= 0 && box.bottom <= window.innerHeight;
  });

describe("the compact header at 200% text", () => {
  // On the phone the heading's first line is on the first screen; on the desktop, in its upper half (before, the
  // header alone took 550 of the 900 px there).
  for (const [label, viewport, share] of [
    ["320 px", phone, 1],
    ["1280×900", desktop, 0.5],
  ] as const) {
    it(`puts the page's heading on the first screen at ${label}`, async () => {
      const context = await largeTextContext(viewport);
      const page = await context.newPage();
      for (const path of ["/", "/policies/disability-protection-law", "/cinema", "/devices"]) {
        await page.goto(path);
        expect(await page.getAttribute("html", "data-text-size")).toBe("200");
        const { top, firstLineBottom, screen } = await headingLine(page);
        expect(top, path).toBeGreaterThanOrEqual(0);
        expect(firstLineBottom, `${path}: the h1's first line ends at ${firstLineBottom} px`).toBeLessThanOrEqual(screen * share);
      }
      await context.close();
    });
  }

  for (const javaScriptEnabled of [true, false]) {
    it(`opens its menu with Enter or Space, and the menu's links are reached by Tab (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await largeTextContext(phone, javaScriptEnabled);
      const page = await context.newPage();
      await page.goto("/cinema");
      if (javaScriptEnabled) await waitForHydration(page);
      const nav = page.getByRole("navigation", { name: "主导航" });
      expect(await nav.count(), "closed: the navigation is not on screen").toBe(0);
      // The switch that made the text large stays in the bar, pressed, to turn it back.
      expect(await page.getByRole("button", { name: "大字", pressed: true }).isVisible()).toBe(true);

      await page.keyboard.press("Tab");
      expect((await focusedDescription(page)).text, "the skip link is still the first Tab stop").toBe("跳到主要内容");
      await tabToText(page, "菜单");
      await expect.poll(() => focusIsVisible(page)).toBe(true);
      await page.keyboard.press("Enter");
      await nav.waitFor();
      // Inside the menu the current page is still marked.
      expect(await nav.locator('[aria-current="page"]').allTextContents()).toEqual(["无障碍影院"]);
      await tabTo(page, nav.getByRole("link", { name: "辅具借用" }), 12);
      // Scrolled into view with its focus ring.
      await expect.poll(() => focusIsVisible(page)).toBe(true);

      // Space opens and closes it as well.
      await page.reload();
      if (javaScriptEnabled) await waitForHydration(page);
      await tabToText(page, "菜单");
      await page.keyboard.press("Space");
      await nav.waitFor();
      await page.keyboard.press("Space");
      await nav.waitFor({ state: "hidden" });
      await page.keyboard.press("Space");
      await nav.waitFor();

      // Following a link of the menu: the next page starts with its menu closed again.
      await tabTo(page, nav.getByRole("link", { name: "联系我们" }), 12);
      await page.keyboard.press("Enter");
      await page.waitForURL("**/contact");
      await page.getByRole("heading", { level: 1, name: "联系我们" }).waitFor();
      await nav.waitFor({ state: "hidden" });
      await context.close();
    });
  }

  it("stays open on a wide screen at normal text size: no menu to open, the same Tab order as before", async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto("/cinema");
    const nav = page.getByRole("navigation", { name: "主导航" });
    expect(await nav.count()).toBe(1);
    expect(await nav.locator('[aria-current="page"]').allTextContents()).toEqual(["无障碍影院"]);
    // Skip link, site name, English, then straight to the display settings: no hidden "菜单" stop in between.
    await tabTo(page, page.getByRole("button", { name: "大字" }), 4);
    await context.close();
  });
});

describe("the charts on /figures (issue 19 item 12)", () => {
  it("label their bars in the body's text size, and the labels grow with the large-text setting", async () => {
    const sizes: number[] = [];
    for (const large of [false, true]) {
      const context = large ? await largeTextContext(phone, false) : await newContext(browser, { viewport: phone, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto("/figures");
      const chart = page.getByRole("figure").filter({ hasText: "图示：收到的借阅证申请" });
      const { label, body } = await chart.getByText("收到的借阅证申请", { exact: true }).evaluate((el) => ({
        label: parseFloat(getComputedStyle(el).fontSize),
        body: parseFloat(getComputedStyle(document.body).fontSize),
      }));
      expect(label, large ? "200% text" : "default text").toBeGreaterThanOrEqual(body);
      sizes.push(label);
      await context.close();
    }
    expect(sizes[1]).toBeGreaterThanOrEqual(sizes[0] * 2);
  });
});

/**
 * "Testing as people do": every public page of the site list and every staff page at 320 px with 200% text, with
 * no sideways scrolling and the h1's first line on the first screen. Chinese only and without JavaScript (the
 * layout is the server's CSS; pages.test.ts checks the English pages' reflow). Staff pages: every admin page
 * without an id in its path, plus one that has one, signed in as an administrator.
 */
describe("every page at 320 px with 200% text", () => {
  async function expectFirstScreenAndNoSideScroll(page: Page, path: string) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
    const { top, firstLineBottom, screen } = await headingLine(page);
    expect(top, path).toBeGreaterThanOrEqual(0);
    expect(firstLineBottom, `${path}: the h1's first line ends at ${firstLineBottom} px`).toBeLessThanOrEqual(screen);
  }

  it("public pages", async () => {
    const context = await largeTextContext(phone, false);
    const page = await context.newPage();
    for (const { path } of sitePages) {
      await page.goto(path);
      await expectFirstScreenAndNoSideScroll(page, path);
    }
    await context.close();
  });

  it("staff pages", async () => {
    const staticAdminPages = (await builtRoutes())
      .filter((r) => !r.resource && (r.pattern === "admin" || r.pattern.startsWith("admin/")) && !r.pattern.includes(":"))
      // (A page about one question needs it in the address: it is visited with one.)
      .map((r) => (r.pattern === "admin/assistant/question" ? `/${r.pattern}?q=${encodeURIComponent("轮椅怎么借")}` : `/${r.pattern}`));
    expect(staticAdminPages.length).toBeGreaterThanOrEqual(10);
    const context = await largeTextContext(phone, false);
    await signInContext(context, "admin");
    const page = await context.newPage();
    for (const path of [...staticAdminPages, "/admin/activities/example-training"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectFirstScreenAndNoSideScroll(page, path);
    }
    await context.close();
  });
});
