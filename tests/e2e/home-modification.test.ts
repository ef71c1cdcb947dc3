import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration } from "./browser";
import { signInContext } from "./staff";

/**
 * The home-modification service in the browser (issue 15 item 7): the application without JavaScript, with the
 * keyboard alone, axe at every step; then a member of the 辅具 staff records the home visit and approves it, and the
 * applicant's status page says so. axe needs JavaScript in the page, so each page the keyboard reached without it
 * is opened again (a GET of the same address: the draft is in the URL) in a context with JavaScript and checked
 * there, as it renders once hydrated.
 */
let browser: Browser;
let axeContext: BrowserContext;
let staffAxeContext: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  axeContext = await newContext(browser);
  staffAxeContext = await newContext(browser);
  await signInContext(staffAxeContext, "lending");
});
afterAll(async () => browser?.close());

/** axe on the page `page` is showing, opened again with JavaScript. */
async function axe(page: Page, label: string, context = axeContext) {
  const twin = await context.newPage();
  await twin.goto(page.url());
  await waitForHydration(twin);
  await expectNoAxeViolations(twin, label);
  // (A message outside the page's namespaces is a console error: app/i18n/namespaces.ts.)
  expect(consoleErrors(twin), label).toEqual([]);
  await twin.close();
}

const phone = "13822334455";
const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name }).waitFor();
/** Without JavaScript every press of a submit button is a full page load. */
async function submit(page: Page, name = "继续") {
  await tabTo(page, page.getByRole("button", { name }));
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
}
async function choose(page: Page, role: "radio" | "checkbox", name: string) {
  await tabTo(page, page.getByRole(role, { name }));
  await page.keyboard.press("Space");
}

async function apply(page: Page): Promise<string> {
  await page.goto("/home-modification");
  await heading(page, "困难重度残疾人家庭无障碍改造");
  expect(await page.locator("main").textContent()).toContain("0763-3362221");
  await axe(page, "start");
  await submit(page, "开始申请");

  await heading(page, "您为谁申请？");
  await axe(page, "for whom");
  // Nothing chosen: the error summary says so, linked to the question, and the title starts with 错误：.
  await submit(page);
  const summary = page.locator(".error-summary");
  await summary.waitFor();
  expect(await page.title()).toMatch(/^错误：/);
  expect(await summary.getByRole("link").allTextContents()).toEqual(["请选择为谁申请"]);
  // The same error summary with JavaScript, for axe.
  const twin = await axeContext.newPage();
  await twin.goto(page.url());
  await waitForHydration(twin);
  await twin.getByRole("button", { name: "继续" }).click();
  await twin.locator(".error-summary").waitFor();
  await expectNoAxeViolations(twin, "for whom with errors");
  await twin.close();
  // A radio group is one Tab stop; the arrow keys choose within it.
  await tabTo(page, page.getByRole("radio", { name: "为我自己申请" }));
  await page.keyboard.press("ArrowDown");
  expect(await page.getByRole("radio", { name: "为家里的残疾人申请（我是家人或监护人）" }).isChecked()).toBe(true);
  await submit(page);

  await heading(page, "家里残疾人的姓名是什么？");
  await axe(page, "name");
  await tabTo(page, page.getByRole("textbox", { name: "残疾人姓名" }));
  await page.keyboard.type("罗阿婆");
  await submit(page);

  await heading(page, "残疾人的残疾人证号是多少？");
  await axe(page, "certificate");
  await submit(page, "暂时没有，继续");

  await heading(page, "家住在哪里？");
  await axe(page, "address");
  await tabTo(page, page.getByRole("combobox", { name: "所在县（市、区）" }));
  await page.getByRole("combobox", { name: "所在县（市、区）" }).selectOption({ label: "阳山县" });
  await tabTo(page, page.getByRole("textbox", { name: "家庭住址" }));
  await page.keyboard.type("阳山县某镇某村 3 号");
  await submit(page);

  await heading(page, "家里一起住的有几个人？");
  await axe(page, "household");
  await tabTo(page, page.getByRole("textbox", { name: "一起住的人数" }));
  await page.keyboard.type("2");
  await submit(page);

  await heading(page, "家里有人享受低保或特困供养吗？");
  await axe(page, "low income");
  await tabTo(page, page.getByRole("radio", { name: "有，享受低保" }));
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  expect(await page.getByRole("radio", { name: "不清楚" }).isChecked()).toBe(true);
  await submit(page);

  await heading(page, "家里哪些地方需要改一改？");
  await axe(page, "needs");
  await choose(page, "checkbox", "扶手");
  await choose(page, "checkbox", "门和门槛");
  // "Other" without saying what: the page comes back with the error, and every box as it was ticked.
  await choose(page, "checkbox", "其他");
  await submit(page);
  await page.locator(".error-summary").waitFor();
  expect(await page.locator(".error-summary").getByRole("link").allTextContents()).toEqual(["请填写其他需要"]);
  for (const name of ["扶手", "门和门槛", "其他"]) expect(await page.getByRole("checkbox", { name }).isChecked(), name).toBe(true);
  expect(await page.getByRole("checkbox", { name: "厨房" }).isChecked()).toBe(false);
  await choose(page, "checkbox", "其他");
  await submit(page);

  await heading(page, "怎么联系您？");
  await axe(page, "contact");
  await tabTo(page, page.getByRole("textbox", { name: "姓名" }));
  await page.keyboard.type("罗明");
  await tabTo(page, page.getByRole("textbox", { name: "手机号码" }), 5);
  await page.keyboard.type(phone);
  await submit(page);

  await heading(page, "提交前请检查您的回答");
  const text = (await page.locator(".check-list").textContent()) ?? "";
  for (const part of ["罗阿婆", "暂时没有", "阳山县", "阳山县某镇某村 3 号", "不清楚", "扶手、门和门槛", "罗明", phone]) expect(text).toContain(part);
  await axe(page, "check");
  await submit(page, "提交申请");

  await heading(page, "申请已提交");
  const reference = (await page.locator(".reference").textContent()) ?? "";
  expect(reference).toMatch(/^GZ-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await axe(page, "done");
  return reference;
}

async function lookUp(page: Page, reference: string): Promise<string> {
  await page.goto("/home-modification/status");
  await axe(page, "status");
  await tabTo(page, page.getByRole("textbox", { name: "申请编号" }));
  await page.keyboard.type(reference);
  await tabTo(page, page.getByRole("textbox", { name: "手机号码" }), 5);
  await page.keyboard.type(phone);
  await submit(page, "查询");
  await page.getByRole("heading", { level: 2, name: `申请 ${reference}` }).waitFor();
  return (await page.locator("main").textContent()) ?? "";
}

describe("home accessibility modification", () => {
  it("is applied for without JavaScript by keyboard, and approved by staff after the home visit", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const reference = await apply(page);
    expect(await lookUp(page, reference)).toContain("已收到");

    const staffContext = await newContext(browser, { javaScriptEnabled: false });
    await signInContext(staffContext, "lending");
    const staff = await staffContext.newPage();
    await staff.goto("/admin/home-modification");
    await heading(staff, "困难重度残疾人家庭无障碍改造");
    await axe(staff, "staff list", staffAxeContext);
    await tabTo(staff, staff.getByRole("link", { name: `打开申请 ${reference}` }), 120);
    await Promise.all([staff.waitForNavigation(), staff.keyboard.press("Enter")]);
    await heading(staff, `无障碍改造申请 ${reference}`);
    expect(await staff.locator("main").textContent()).toContain(phone);
    await axe(staff, "staff application", staffAxeContext);
    await staff.getByLabel("上门日期").fill("2026-12-10");
    await tabTo(staff, staff.getByRole("textbox", { name: "上门了解到的情况" }));
    await staff.keyboard.type("卫生间没有扶手，门槛约 8 厘米");
    await submit(staff, "保存上门情况");
    await staff.getByRole("status").filter({ hasText: "已保存" }).waitFor();
    await choose(staff, "radio", "同意改造");
    await submit(staff, "保存审核结果");
    await staff.getByRole("button", { name: "记录开始施工" }).waitFor();
    expect(await staff.locator("main").textContent()).toContain("已同意改造");
    await axe(staff, "staff approved", staffAxeContext);

    expect(await lookUp(page, reference)).toContain("已同意改造");
    await staffContext.close();
    await context.close();
  });
});
