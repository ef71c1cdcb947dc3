import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleErrors, launchBrowser, newContext, tabTo, waitForHydration } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/**
 * A screen-reader user on a slow phone starts typing the moment the form is read out, before the page's
 * JavaScript has taken over. With single fetch, a key pressed while Remix was still decoding the page's state
 * made React fail with error #345 (app/entry.client.tsx). The CPU is slowed down so the typing lands in that
 * moment, and the test types until the router exists; each rate is one try.
 */
describe("typing before the page has finished starting", () => {
  it("keeps what was typed and logs no error, on a CPU slowed 4× to 16×", async () => {
    for (const rate of [4, 8, 12, 16]) {
      const context = await newContext(browser);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      await page.goto("/feedback", { waitUntil: "commit" });
      await tabTo(page, page.getByRole("textbox", { name: "您的留言" }));
      // Keep typing, a character at a time, until the router is there (it is made once the state is decoded).
      let typed = "";
      do {
        await page.keyboard.type("字");
        typed += "字";
      } while (typed.length < 60 && !(await page.evaluate(() => "__remixRouter" in window)));
      // After that error the page could stay without its router: in a first try it was still missing a minute later.
      expect(consoleErrors(page).map((error) => `${rate}×: ${error}`)).toEqual([]);
      await waitForHydration(page);
      expect(await page.getByRole("textbox", { name: "您的留言" }).inputValue()).toBe(typed);
      await context.close();
    }
  });
});
