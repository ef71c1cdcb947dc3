import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "./browser";
import { sitePages, withLocale } from "./site-pages";

/**
 * Demo data is not shown to the public (issue 19 item 12): the seed's example lending points (no verified place)
 * and example activities (no real date or place) are for staff to confirm or replace; public pages show only
 * what the Federation's own sources state.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const demoWords = { "zh-CN": /演示数据|示例/, en: /demonstration data|\(example\)|example (point|activity|place)/i };

describe("public pages", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it(`show no demo data, in ${locale}`, async () => {
      const context = await newContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      for (const { path } of [...sitePages, { path: "/devices/white-cane" }, { path: "/devices?page=2" }]) {
        const url = withLocale(path, locale);
        await page.goto(url);
        const text = await page.getByRole("main").innerText();
        expect(text.match(demoWords[locale])?.[0], url).toBeUndefined();
      }
      await context.close();
    });
  }
});
