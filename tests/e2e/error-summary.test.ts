import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, waitForNewPage } from "./browser";
import { signInContext } from "./staff";

/**
 * One placement of the error summary on every page (issue 19, item 9), the GOV.UK way: the first thing in
 * <main>, before the page's h1, with "错误：" in front of the page title. A screen-reader user who lands on the
 * page after a failed send hears the problem before the question, wherever the form is. Without JavaScript,
 * so what is checked is the page the server sends.
 */
let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser, { javaScriptEnabled: false });
});
afterAll(async () => browser?.close());

/**
 * The summary is in <main> with nothing readable before it, and it comes before the h1 in document order. On
 * staff pages the staff bar (who is signed in, the staff navigation, sign out) opens <main> on every page and
 * may come first: `staffNav` is that bar's navigation, and the bar is its outermost ancestor before the summary.
 */
async function expectSummaryFirst(page: Page, label: string, staffNav?: Locator) {
  const summary = page.getByRole("group", { name: "提交前请修改以下问题" });
  const h1 = page.getByRole("heading", { level: 1 });
  await summary.waitFor();
  expect(await h1.count(), label).toBe(1);
  const placement = await summary.evaluate(
    (el, [heading, nav]) => {
      const main = document.querySelector("main")!;
      let bar: Element | null = nav ?? null;
      while (bar?.parentElement && !bar.parentElement.contains(el)) bar = bar.parentElement;
      const before = document.createRange();
      before.setStart(main, 0);
      before.setEndBefore(el);
      return {
        inMain: main.contains(el),
        beforeH1: Boolean(el.compareDocumentPosition(heading!) & Node.DOCUMENT_POSITION_FOLLOWING),
        textBefore: before.toString().replace(bar?.textContent ?? "", "").trim(),
      };
    },
    [await h1.elementHandle(), staffNav ? await staffNav.elementHandle() : null] as const,
  );
  expect(placement, label).toEqual({ inMain: true, beforeH1: true, textBefore: "" });
  expect(await page.title(), label).toMatch(/^错误：/);
}

const send = (page: Page, button: string) => waitForNewPage(page, () => page.getByRole("button", { name: button }).click());

describe("the error summary comes first in <main>, before the h1, and the title says 错误：", () => {
  it("on the staff sign-in page, which asks for the user name and password when both are empty", async () => {
    const page = await context.newPage();
    await page.goto("/login");
    await send(page, "登录");
    await expectSummaryFirst(page, "login");
    expect(await page.getByRole("group", { name: "提交前请修改以下问题" }).getByRole("link").allTextContents()).toEqual(["请输入用户名和密码"]);
    await page.close();
  });

  it("on the feedback form", async () => {
    const page = await context.newPage();
    await page.goto("/feedback");
    await send(page, "提交留言");
    await expectSummaryFirst(page, "feedback");
    await page.close();
  });

  it("on a cinema booking step", async () => {
    const page = await context.newPage();
    await page.goto("/cinema");
    await waitForNewPage(page, () => page.getByRole("link", { name: /^预订.+的《.+》$/ }).first().click());
    await send(page, "开始预订");
    await page.getByRole("heading", { level: 1, name: "一共几位观看？" }).waitFor();
    await send(page, "继续");
    await expectSummaryFirst(page, "cinema people step");
    await page.close();
  });

  it("on a device request step", async () => {
    const page = await context.newPage();
    await page.goto("/devices/manual-wheelchair");
    await send(page, "开始申请借用");
    await page.getByRole("heading", { level: 1, name: "您的姓名和手机号码" }).waitFor();
    await send(page, "继续");
    await expectSummaryFirst(page, "device contact step");
    await page.close();
  });

  it("on the assistant, asked nothing", async () => {
    const page = await context.newPage();
    await page.goto("/assistant");
    await send(page, "提问");
    await expectSummaryFirst(page, "assistant");
    await page.close();
  });

  it("on a staff form (device intake)", async () => {
    const staff = await newContext(browser, { javaScriptEnabled: false });
    await signInContext(staff, "lending");
    const page = await staff.newPage();
    await page.goto("/admin/devices/intake");
    await send(page, "确认入库");
    await expectSummaryFirst(page, "device intake", page.getByRole("navigation", { name: "工作人员导航" }));
    await staff.close();
  });
});
