import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration, waitForNewPage } from "./browser";
import { signInContext } from "./staff";

/**
 * Self-service withdrawal in the browser (issue 17, item 6), with the keyboard alone, with and without JavaScript,
 * zero axe violations at every step: a device request withdrawn from its status page (confirmation step, done,
 * already withdrawn, the staff queue's label), a wrong phone answered like an unknown reference, and a feedback
 * message withdrawn by the e-mail address given, in English. (The activity sign-up's withdrawal is walked through
 * in centre.test.ts, at the end of the sign-up flow.)
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name }).waitFor();

/** Presses Enter on the focused button: a form post, a new page without JavaScript. */
async function submit(page: Page, javascript: boolean) {
  if (javascript) await page.keyboard.press("Enter");
  else await waitForNewPage(page, () => page.keyboard.press("Enter"));
}

/** A device request made through the JSON API (what is under test is the withdrawal, not the request flow). */
async function deviceRequest(phone: string): Promise<string> {
  const devices = (await (await fetch(`${baseURL()}/api/v1/devices`)).json()) as { devices: Array<{ id: string; name: string }> };
  const device = devices.devices.find((d) => d.name === "手动轮椅") ?? devices.devices[0];
  const created = await fetch(`${baseURL()}/api/v1/loan-requests`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ deviceId: device.id, name: "撤回测试", phone, disabilityCategory: "physical" }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { reference: string }).reference;
}

/** The request's status page, with the keyboard: reference + phone, then the answer. */
async function lookUpRequest(page: Page, javascript: boolean, reference: string, phone: string) {
  await page.goto("/devices/request");
  if (javascript) await waitForHydration(page);
  await tabTo(page, page.getByRole("textbox", { name: "申请编号" }));
  await page.keyboard.type(reference);
  await tabTo(page, page.getByRole("textbox", { name: "手机号码" }), 5);
  await page.keyboard.type(phone);
  await tabTo(page, page.getByRole("button", { name: "查询" }), 5);
  await submit(page, javascript);
  await page.getByRole("heading", { level: 2, name: `申请 ${reference}` }).waitFor();
}

async function withdrawDeviceRequest(page: Page, javascript: boolean, phone: string) {
  const axe = async (label: string) => {
    if (javascript) await expectNoAxeViolations(page, label);
  };
  const reference = await deviceRequest(phone);

  // The status page shows the request and, while it waits, the way to withdraw it.
  await lookUpRequest(page, javascript, reference, phone);
  await tabTo(page, page.getByRole("button", { name: "撤回这项申请" }));
  await submit(page, javascript);

  // The confirmation step says what goes, in words, and what happens next; nothing has changed yet.
  await heading(page, `确定撤回 ${reference} 吗？`);
  const main = page.locator("main");
  expect(await main.textContent()).toContain(`您的申请 ${reference}：手动轮椅`);
  expect(await main.textContent()).toContain("申请将移出工作人员的待办队列");
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
  await axe("withdraw confirm");
  await tabTo(page, page.getByRole("button", { name: "确定撤回" }));
  await submit(page, javascript);
  await heading(page, `${reference} 已撤回`);
  await axe("withdrawn");

  // Looked up again: withdrawn, with no button to withdraw it again.
  await lookUpRequest(page, javascript, reference, phone);
  expect(await main.textContent()).toContain("已由申请人撤回");
  expect(await page.getByRole("button", { name: "撤回这项申请" }).count()).toBe(0);

  // Withdrawing it again from the withdrawal page (reference filled in from the link) says it already is.
  await page.goto(`/withdraw/device-request?reference=${reference}`);
  if (javascript) await waitForHydration(page);
  await heading(page, "撤回辅具申请");
  await axe("withdraw find");
  expect(await page.getByRole("textbox", { name: "编号" }).inputValue()).toBe(reference);
  await tabTo(page, page.getByRole("textbox", { name: "您填写的手机号码" }));
  await page.keyboard.type(phone);
  await tabTo(page, page.getByRole("button", { name: "继续" }), 5);
  await submit(page, javascript);
  await heading(page, `${reference} 之前已经撤回`);
  await axe("already withdrawn");
  return reference;
}

describe("withdrawing a device request", () => {
  it("keyboard only, with JavaScript, zero axe violations; staff see it withdrawn", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const reference = await withdrawDeviceRequest(page, true, "13977770001");
    expect(consoleErrors(page)).toEqual([]);

    const staff = await newContext(browser);
    await signInContext(staff, "lending");
    const staffPage = await staff.newPage();
    await staffPage.goto(`/admin/devices/requests/${reference}`);
    expect(await staffPage.locator("main").textContent()).toContain("已由申请人撤回");
    await staff.close();
    await context.close();
  });

  it("keyboard only, without JavaScript", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    await withdrawDeviceRequest(await context.newPage(), false, "13977770002");
    await context.close();
  });

  it("a wrong phone gets the same answer as an unknown reference, in the error summary, and nothing typed is lost", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const reference = await deviceRequest("13977770003");
    const attempt = async (ref: string, phone: string) => {
      await page.goto("/withdraw/device-request");
      await waitForHydration(page);
      await tabTo(page, page.getByRole("textbox", { name: "编号" }));
      await page.keyboard.type(ref);
      await tabTo(page, page.getByRole("textbox", { name: "您填写的手机号码" }), 5);
      await page.keyboard.type(phone);
      await tabTo(page, page.getByRole("button", { name: "继续" }), 5);
      await submit(page, true);
      const summary = page.locator(".error-summary");
      await summary.waitFor();
      expect(await page.getByRole("textbox", { name: "编号" }).inputValue()).toBe(ref);
      return summary.textContent();
    };
    const wrongPhone = await attempt(reference, "13977779999");
    const unknown = await attempt("JY-2345-6789", "13977770003");
    expect(wrongPhone).toContain("没有找到这个编号和手机号码对应的记录");
    expect(wrongPhone).toBe(unknown);
    await expectNoAxeViolations(page, "withdraw not found");
    await context.close();
  });
});

/** Sends a feedback message in English with an e-mail address to reach the person; its reference. */
async function sendFeedback(page: Page, javascript: boolean, contact: string): Promise<string> {
  await page.goto("/en/feedback");
  if (javascript) await waitForHydration(page);
  // A radio group is one Tab stop: the arrow key moves to the second topic and chooses it.
  await tabTo(page, page.getByRole("radio", { name: "A comment or suggestion" }));
  await page.keyboard.press("ArrowDown");
  expect(await page.getByRole("radio", { name: "A barrier on this site" }).isChecked()).toBe(true);
  await tabTo(page, page.getByRole("textbox", { name: "Your message" }));
  await page.keyboard.type("The map has no text alternative");
  await tabTo(page, page.getByRole("textbox", { name: "How to reach you (optional)" }));
  await page.keyboard.type(contact);
  await tabTo(page, page.getByRole("button", { name: "Send message" }));
  await waitForNewPage(page, () => page.keyboard.press("Enter"));
  await heading(page, "Message sent");
  return ((await page.locator(".reference").textContent()) ?? "").trim();
}

describe.each([true, false])("withdrawing a feedback message in English (JavaScript %s)", (javascript) => {
  it("from the confirmation page's link, by the e-mail address given, keyboard only", async () => {
    const context = await newContext(browser, { javaScriptEnabled: javascript });
    const page = await context.newPage();
    const contact = `reader-${javascript ? "js" : "nojs"}@example.cn`;
    const reference = await sendFeedback(page, javascript, contact);
    if (javascript) await waitForHydration(page);
    await tabTo(page, page.getByRole("link", { name: "Withdraw this message" }));
    await waitForNewPage(page, () => page.keyboard.press("Enter"));
    await heading(page, "Withdraw a message");
    if (javascript) {
      await waitForHydration(page);
      await expectNoAxeViolations(page, "en withdraw find");
    }
    await tabTo(page, page.getByRole("textbox", { name: "The mobile number or e-mail address you gave" }));
    await page.keyboard.type(contact.toUpperCase());
    await tabTo(page, page.getByRole("button", { name: "Continue" }), 5);
    await submit(page, javascript);
    await heading(page, `Withdraw ${reference}?`);
    expect(await page.locator("main").textContent()).toContain(`Your message ${reference} about "A barrier on this site"`);
    if (javascript) await expectNoAxeViolations(page, "en withdraw confirm");
    await tabTo(page, page.getByRole("button", { name: "Yes, withdraw it" }));
    await submit(page, javascript);
    await heading(page, `${reference} is withdrawn`);
    expect(await page.locator("main").textContent()).toContain("Staff will no longer work on it or reply to it.");
    if (javascript) {
      await expectNoAxeViolations(page, "en withdrawn");
      expect(consoleErrors(page)).toEqual([]);
    }

    const staff = await newContext(browser);
    await signInContext(staff, "admin");
    const inbox = await staff.newPage();
    await inbox.goto("/en/admin/feedback?status=withdrawn");
    await inbox.getByRole("rowheader", { name: reference }).waitFor();
    expect(await inbox.locator("main").textContent()).toContain("Withdrawn by the sender");
    await staff.close();
    await context.close();
  });
});
