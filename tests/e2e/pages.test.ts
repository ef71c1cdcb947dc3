import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, consoleErrors, expectNoAxeViolations, launchBrowser, newContext } from "./browser";
import { sitePages, withLocale } from "./site-pages";

const locales = ["zh-CN", "en"] as const;
const skipLinkText = { "zh-CN": "跳到主要内容", en: "Skip to main content" };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Sets large text (200%) and high contrast through the settings form, without JavaScript. */
async function chooseLargeTextAndHighContrast(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto("/settings");
  await page.getByRole("radio", { name: "特大（200%）" }).check();
  await page.getByRole("radio", { name: "高对比度（黑底白字，链接和按钮为黄色）" }).check();
  await page.getByRole("button", { name: "保存设置" }).click();
  await page.waitForURL(/saved=1/);
  await page.close();
}

async function checkShell(page: Page, locale: (typeof locales)[number], label: string) {
  expect(await page.getAttribute("html", "lang"), label).toBe(locale);
  expect(await page.locator("h1").count(), `${label}: one h1`).toBe(1);
  expect(await page.getByRole("banner").count(), `${label}: banner`).toBe(1);
  expect(await page.getByRole("main").count(), `${label}: main`).toBe(1);
  expect(await page.getByRole("contentinfo").count(), `${label}: contentinfo`).toBe(1);
  // With large text the main navigation is in the header's closed menu (hidden until opened), so counted with hidden ones.
  expect(await page.getByRole("navigation", { name: locale === "en" ? "Main" : "主导航", includeHidden: true }).count(), `${label}: main nav`).toBe(1);
  const title = await page.title();
  expect(title, `${label}: title names the site`).toMatch(locale === "en" ? /Qingyuan Access/ : /清远市残联服务门户/);
  // The other language's twin is declared and linked.
  expect(await page.locator('link[rel="alternate"][hreflang="en"]').count(), label).toBe(1);
  expect(await page.locator('link[rel="alternate"][hreflang="zh-CN"]').count(), label).toBe(1);
}

describe.each(locales)("every page in %s", (locale) => {
  for (const display of ["default display", "large text and high contrast"] as const) {
    describe(display, () => {
      let context: BrowserContext;
      beforeAll(async () => {
        context = await newContext(browser, { javaScriptEnabled: true });
        if (display !== "default display") await chooseLargeTextAndHighContrast(context);
      });
      afterAll(async () => context?.close());

      it.each(sitePages)("$name: landmarks, one h1, lang, zero axe violations", async ({ path, status }) => {
        const page = await context.newPage();
        const url = withLocale(path, locale);
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(status ?? 200);
        await checkShell(page, locale, url);
        if (display !== "default display") {
          expect(await page.getAttribute("html", "data-text-size")).toBe("200");
          expect(await page.getAttribute("html", "data-contrast")).toBe("high");
        }
        await expectNoAxeViolations(page, `${url} (${display})`);
        // Headings in order: one h1 first, and no level skipped on the way down (h2 → h4).
        const levels = await page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
        expect(levels[0], `${url}: the first heading is the h1`).toBe(1);
        const skips = levels.flatMap((level, i) => (i > 0 && level > levels[i - 1] + 1 ? [`h${levels[i - 1]}→h${level}`] : []));
        expect(skips, `${url}: heading levels skipped`).toEqual([]);
        expect(consoleErrors(page).filter((e) => !/status of 404/.test(e)), url).toEqual([]);
        await page.close();
      });
    });
  }

  it("the skip link is the first Tab stop and moves focus to main, on every page", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const { path } of sitePages) {
      await page.goto(withLocale(path, locale));
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => ({
        text: document.activeElement?.textContent?.trim(),
        href: document.activeElement?.getAttribute("href"),
      }));
      expect(focused, path).toEqual({ text: skipLinkText[locale], href: "#main" });
      expect(await page.locator(".skip-link").evaluate((el) => el.getBoundingClientRect().top >= 0), "visible when focused").toBe(true);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), { message: path }).toBe("main");
    }
    await context.close();
  });

  it("shows focus in forced colours (Windows high contrast) on every page, at each of the first Tab stops", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.emulateMedia({ forcedColors: "active" });
    for (const { path } of sitePages) {
      await page.goto(withLocale(path, locale));
      for (let stop = 0; stop < 12; stop++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          return { what: `${el.tagName} ${(el.textContent ?? "").trim().slice(0, 20)}`, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
        });
        if (!focused) break;
        expect(focused.style, `${path}: ${focused.what}`).not.toBe("none");
        expect(focused.width, `${path}: ${focused.what}`).toBeGreaterThanOrEqual(2);
      }
    }
    await context.close();
  });

  it("reflows at 320 px wide with no horizontal scrolling, also with large text", async () => {
    for (const display of ["default", "large"] as const) {
      const context = await newContext(browser, { viewport: { width: 320, height: 640 } });
      if (display === "large") await chooseLargeTextAndHighContrast(context);
      const page = await context.newPage();
      for (const { path } of sitePages) {
        await page.goto(withLocale(path, locale));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} (${display}) overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      }
      await context.close();
    }
  });
});

describe("the bytes of every page", () => {
  // React 18's streaming renderer leaked zero bytes at its 2 KB buffer edges with Chinese text (entry.server.tsx).
  it.each(locales)("hold no NUL byte, in %s", async (locale) => {
    for (const { path } of sitePages) {
      const url = withLocale(path, locale);
      const body = Buffer.from(await (await fetch(new URL(url, baseURL()))).arrayBuffer());
      expect(body.indexOf(0), `${url}: a NUL byte at this offset`).toBe(-1);
    }
  });
});

describe("targets and focus", () => {
  it("every link and button in the header, nav and footer is at least 24×24 px and shows focus", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/");
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("header a, header button, footer a, nav a, main a.button, main button")]
        .map((el) => ({ text: el.textContent?.trim(), ...el.getBoundingClientRect().toJSON() }))
        .filter((r) => r.height < 24 || r.width < 24),
    );
    expect(small).toEqual([]);
    // Tab to the first nav link: it gets a visible outline or shadow.
    const link = page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "政策法规" });
    await link.focus();
    const style = await link.evaluate((el) => {
      const s = getComputedStyle(el);
      return { outline: s.outlineStyle, shadow: s.boxShadow, bg: s.backgroundColor };
    });
    expect(style.outline !== "none" || style.shadow !== "none").toBe(true);
    await context.close();
  });
});
