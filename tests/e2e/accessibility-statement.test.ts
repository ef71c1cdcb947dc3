import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, newContext } from "./browser";

/** The accessibility statement's criterion-by-criterion table and its known limitations (issue 19, item 14). */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("the accessibility statement", () => {
  it("maps every WCAG 2.2 A/AA criterion to GB/T 37668-2019 and its test in a table with a caption and headers", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/accessibility");
    const table = page.getByRole("table", { name: "WCAG 2.2 成功准则与 GB/T 37668-2019 要求对照表" });
    expect(await table.getByRole("columnheader").allTextContents()).toEqual(["成功准则", "级别", "GB/T 37668-2019 对应要求", "检查它的测试"]);
    expect(await table.getByRole("rowheader").count()).toBe(56);
    const row = (name: string) => table.getByRole("row", { name: new RegExp(`^${name.replace(".", "\\.")}`) });
    expect(await row("1.1.1 非文本内容").getByRole("cell").allTextContents()).toEqual(["A", "可感知性 · 文本替代", "tests/e2e/pages.test.tstests/e2e/devices.test.ts"]);
    expect(await row("1.4.10 重排").getByRole("cell").nth(1).textContent()).toBe("WCAG 2.1 新增，未标注");
    expect(await row("3.3.8").getByRole("cell").nth(2).textContent()).toBe("人工检查");
    await expectNoAxeViolations(page);
    await context.close();
  });

  it("states the seat-hold timing as the booking applies it: 10 minutes, each extension adds 10, up to 10", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/accessibility");
    const limits = page.getByRole("heading", { level: 2, name: "已知的不足" }).locator("xpath=following-sibling::ul[1]");
    expect(await limits.getByRole("listitem").first().textContent()).toContain("选好的座位保留10分钟");
    expect(await limits.getByRole("listitem").first().textContent()).toContain("每次在剩余时间上再加10分钟，最多可以延长10次；结束前2分钟会提醒");
    await page.goto("/en/accessibility");
    expect(await page.getByRole("table", { name: "WCAG 2.2 success criteria and the GB/T 37668-2019 requirements" }).getByRole("rowheader").first().textContent()).toBe(
      "1.1.1 Non-text Content",
    );
    expect(await page.getByText("each press adds 10 minutes to the time left, up to 10 times").count()).toBe(1);
    await context.close();
  });
});
