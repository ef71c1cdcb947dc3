import fs from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const baseURL = () => inject("baseURL");

/** Debian's Chromium (never a downloaded browser), with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** A browser context whose pages collect console errors and failed scripts, so a test can assert none. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseURL(), locale: "zh-CN", ...options });
  context.on("page", (page) => watchPage(page));
  return context;
}

const pageErrors = new WeakMap<Page, string[]>();
function watchPage(page: Page) {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(String(err)));
}
export function consoleErrors(page: Page): string[] {
  return pageErrors.get(page) ?? [];
}

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary: string }>;
}

/** Runs axe-core in the page (evaluated through DevTools, so the page's CSP stays on). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, wcagTags);
}

export async function expectNoAxeViolations(page: Page, label = page.url()) {
  const violations = await axeViolations(page);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  // axe no longer checks ids (WCAG 2.2 dropped 4.1.1), but a repeated id still makes a hint or label read for the
  // wrong control through aria-describedby / for=.
  expect(await repeatedIds(page), `${label}: ids used more than once`).toEqual([]);
}

/** Ids that more than one element of the page carries. */
export async function repeatedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
}

/**
 * Presses Tab until `target` has focus, as a keyboard user would, and fails if it is not reached in
 * `maxTabs` presses: proof that the control is in the tab order and reachable from where focus was.
 */
export async function tabTo(page: Page, target: Locator, maxTabs = 60): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) {
      // …and on screen: a sighted keyboard or magnifier user sees where focus is (issue 19, every step of every flow).
      // The browser scrolls it into view (instantly: the portal never scrolls smoothly): poll briefly from Playwright's
      // side, which works with the page's JavaScript off too, for a layout still settling on a loaded machine.
      const visible = () => target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      });
      const deadline = Date.now() + 10_000;
      let onScreen = await visible();
      while (!onScreen && Date.now() < deadline) onScreen = await visible();
      if (!onScreen) throw new Error(`focused but off screen: ${target}`);
      return;
    }
  }
  throw new Error(`not reached with ${maxTabs} Tab presses: ${target}`);
}

/** The accessible name and role of the focused element, the way a screen reader announces it. */
export async function focusedDescription(page: Page): Promise<{ tag: string; text: string; id: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? "", text: (el?.innerText || el?.getAttribute("aria-label") || "").trim(), id: el?.id ?? "" };
  });
}

/** Waits until the client has hydrated (Remix sets up its router on window). */
/** Waits until React has hydrated the page (app/components/use-hydration-mark.ts): its widgets then take input. */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-hydrated") && document.readyState === "complete");
}

/**
 * Does something that loads a new page — a form posted without JavaScript, a link followed — and waits until that
 * page has loaded. Playwright's click and press wait only until the navigation they start commits, not until the
 * new document is parsed: a read right after them can see an empty or half-received page (on a throttled line,
 * `allTextContents()` of the error summary came back empty every time). Also right when the new page has the
 * same URL (a form that posts to itself, a redirect back), where waiting for the URL returns at once.
 */
export async function waitForNewPage(page: Page, action: () => Promise<unknown>): Promise<void> {
  const navigated = page.waitForEvent("framenavigated", { predicate: (frame) => frame === page.mainFrame() });
  await action();
  await navigated;
  await page.waitForLoadState("load");
}
