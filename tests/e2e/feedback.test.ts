import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration, waitForNewPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Fills and sends the feedback form with the keyboard alone, finding controls by role and name. */
async function sendEmptyThenValid(page: Page, javascript: boolean) {
  await page.goto("/feedback");
  if (javascript) await waitForHydration(page);

  // 1. Send the form empty: the error summary takes focus and the title says there is an error.
  await tabTo(page, page.getByRole("button", { name: "提交留言" }));
  await page.keyboard.press("Enter");
  const summary = page.locator(".error-summary");
  await summary.waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
  await expect.poll(() => page.title()).toMatch(/^错误：意见建议 - 清远市残联服务门户$/);
  expect(await summary.getByRole("heading", { level: 2 }).textContent()).toBe("提交前请修改以下问题");
  const links = summary.getByRole("link");
  expect(await links.allTextContents()).toEqual(["请选择留言类型", "请填写留言内容"]);

  // The field error is tied to the control, so a screen reader reads it with the field.
  const message = page.getByRole("textbox", { name: "您的留言" });
  expect(await message.getAttribute("aria-invalid")).toBe("true");
  const describedBy = (await message.getAttribute("aria-describedby"))!.split(" ");
  const descriptions = await Promise.all(describedBy.map((id) => page.locator(`#${id}`).textContent()));
  expect(descriptions.join(" ")).toContain("请填写留言内容");
  // axe needs JavaScript in the page; the run with JavaScript checks these same server-rendered states.
  if (javascript) await expectNoAxeViolations(page, "feedback with errors");

  // 2. The summary link takes the person to the field.
  await tabTo(page, summary.getByRole("link", { name: "请填写留言内容" }), 5);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "feedback-message");

  // 3. Type a message, choose a topic, give a wrong contact: only the contact is reported, nothing typed is lost.
  await page.keyboard.type("读屏软件读不出首页的按钮名称");
  const barrier = page.getByRole("radio", { name: "使用本站时遇到的障碍" });
  await page.getByRole("radio", { name: "意见或建议" }).focus();
  await page.keyboard.press("ArrowDown");
  expect(await barrier.isChecked()).toBe(true);
  await tabTo(page, page.getByRole("textbox", { name: "联系方式（选填）" }));
  await page.keyboard.type("12345");
  await tabTo(page, page.getByRole("button", { name: "提交留言" }));
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector(".error-summary")?.textContent?.includes("手机号码"));
  expect(await page.locator(".error-summary").getByRole("link").allTextContents()).toEqual([
    "请输入正确的手机号码或电子邮箱，例如 13800000000",
  ]);
  expect(await page.getByRole("textbox", { name: "您的留言" }).inputValue()).toBe("读屏软件读不出首页的按钮名称");
  expect(await page.getByRole("radio", { name: "使用本站时遇到的障碍" }).isChecked()).toBe(true);

  // 4. Correct the contact and send: a confirmation page with a reference number.
  const contact = page.getByRole("textbox", { name: "联系方式（选填）" });
  await contact.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("13800000000");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "留言已提交" }).waitFor();
  const reference = await page.locator(".reference").textContent();
  expect(reference).toMatch(/^YJ-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await expect.poll(() => page.title()).toBe("留言已提交 - 清远市残联服务门户");
  if (javascript) await expectNoAxeViolations(page, "feedback sent");
  return reference;
}

describe("feedback form", () => {
  it("works with the keyboard alone, with JavaScript", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await sendEmptyThenValid(page, true);
    // Chrome logs the expected 400 answers to the invalid posts; anything else is a real error.
    expect(consoleErrors(page).filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  });

  it("works with the keyboard alone, without JavaScript", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await sendEmptyThenValid(page, false);
    await context.close();
  });

  it("keeps the honeypot away from people: hidden from screen readers and out of the tab order", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/feedback");
    const honeypot = page.locator('input[name="website"]');
    expect(await honeypot.getAttribute("tabindex")).toBe("-1");
    expect(await honeypot.evaluate((el) => el.closest("[aria-hidden='true']") !== null)).toBe(true);
    expect(await page.getByRole("textbox", { name: "请勿填写此项" }).count()).toBe(0);
    await context.close();
  });

  it("answers in English under /en", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/en/feedback");
    await waitForNewPage(page, () => page.getByRole("button", { name: "Send message" }).click());
    expect(await page.title()).toBe("Error: Feedback - Qingyuan Access");
    expect(await page.locator(".error-summary").getByRole("link").allTextContents()).toEqual([
      "Select what your message is about",
      "Enter your message",
    ]);
    await context.close();
  });
});
