import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration } from "./browser";
// `fetch` checks every /api/ answer against the OpenAPI document the portal serves (tests/support/openapi-check.ts).
import { checkedFetch as fetch } from "../support/openapi-check";

/**
 * The chat page for eligibility answers and follow-up questions, with and without JavaScript, by keyboard
 * alone, found by role and accessible name only.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const labels = {
  "zh-CN": { field: "您的问题", ask: "提问", log: "问答记录", verdicts: "每项补贴的判断" },
  en: { field: "Your question", ask: "Ask", log: "Questions and answers", verdicts: "Each benefit" },
} as const;

/** Types a question with the keyboard alone and sends it. */
async function ask(page: Page, question: string, locale: keyof typeof labels = "zh-CN") {
  await tabTo(page, page.getByRole("textbox", { name: labels[locale].field }), 120);
  await page.keyboard.type(question);
  await tabTo(page, page.getByRole("button", { name: labels[locale].ask, exact: true }), 5);
  await page.keyboard.press("Enter");
}

const answers = (page: Page, locale: keyof typeof labels = "zh-CN") => page.getByRole("log", { name: labels[locale].log }).getByRole("article");

/** Waits for the conversation to hold `count` answers; returns the last. */
async function answerNumber(page: Page, count: number, locale: keyof typeof labels = "zh-CN"): Promise<Locator> {
  await expect.poll(() => answers(page, locale).count(), { timeout: 15_000 }).toBe(count);
  return answers(page, locale).nth(count - 1);
}

/** The benefits of an eligibility answer as a person reads them: one list item each, verdict first. */
async function verdictLines(answer: Locator, locale: keyof typeof labels = "zh-CN"): Promise<string[]> {
  const section = answer.getByRole("region", { name: labels[locale].verdicts });
  const items = section.getByRole("list").first().locator(":scope > li");
  const out: string[] = [];
  for (let i = 0; i < (await items.count()); i++) out.push(((await items.nth(i).locator("p").first().textContent()) ?? "").trim());
  return out;
}

describe("eligibility answers and follow-ups on the chat page", () => {
  it("with JavaScript: the rules' answer as a list, a follow-up that settles it, focus and status, zero axe violations", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/assistant");
    await waitForHydration(page);
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => frame === page.mainFrame() && navigations.push(frame.url()));

    await ask(page, "我是二级肢体残疾，低保家庭，能领什么补贴？");
    const first = await answerNumber(page, 1);
    await page.waitForFunction(() => document.activeElement?.tagName === "H2");
    expect(await page.getByRole("status").filter({ hasText: "已回答" }).count()).toBe(1);
    expect(await verdictLines(first)).toEqual(["困难残疾人生活补贴：可以申请", "重度残疾人护理补贴：还要看您的情况"]);
    const region = first.getByRole("region", { name: "每项补贴的判断" });
    expect(await region.textContent()).toContain("如果需要长期照护：可以申请");
    expect(await region.getByRole("heading", { name: "还需要知道" }).count()).toBe(1);
    expect(await region.textContent()).toContain("申请人是否需要他人长期照护？");
    // Each verdict links the rule's own section.
    const ruleLinks = region.getByRole("link", { name: /谁可以申请/ });
    expect(await ruleLinks.count()).toBeGreaterThanOrEqual(2);
    expect(await ruleLinks.first().getAttribute("href")).toMatch(/^\/policies\/[a-z-]+#s-1$/);
    // The next step is the subsidy's guide, not the certificate guide: a grade means a certificate.
    expect(await first.getByRole("link", { name: /残疾人证办事指南/ }).count()).toBe(0);
    await expectNoAxeViolations(page, "assistant with an eligibility answer");

    await ask(page, "需要人照顾");
    const second = await answerNumber(page, 2);
    await page.waitForFunction(() => document.activeElement?.textContent?.includes("需要人照顾"));
    expect(await verdictLines(second)).toEqual(["困难残疾人生活补贴：可以申请", "重度残疾人护理补贴：可以申请"]);

    await ask(page, "要带什么材料？");
    const third = await answerNumber(page, 3);
    expect(await third.textContent()).toContain("接着上一个问题回答");
    expect(await third.textContent()).toMatch(/银行账户|身份证/);
    expect(navigations).toEqual([]);
    await expectNoAxeViolations(page, "assistant after follow-ups");
    expect(consoleErrors(page)).toEqual([]);

    // The step-by-step check, with what the conversation knows already filled in.
    await tabTo(page, second.getByRole("button", { name: /用资格自测逐项核对/ }), 200);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/assistant\/eligibility\/certificate$/);
    expect(page.url()).not.toMatch(/grade|income|physical|dibao/);
    await page.getByRole("radio", { name: "有，在有效期内", exact: true }).check();
    await page.getByRole("button", { name: "继续" }).click();
    await page.waitForURL(/\/assistant\/eligibility\/category$/);
    expect(await page.getByRole("radio", { name: "肢体残疾", exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: "二级", exact: true }).isChecked()).toBe(true);
    await context.close();
  });

  it("without JavaScript: the follow-up is answered from the server-rendered conversation, which can be cleared", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/assistant");
    await ask(page, "重度残疾人护理补贴怎么申请？");
    await answerNumber(page, 1);
    await ask(page, "要带什么材料？");
    const second = await answerNumber(page, 2);
    expect(await second.textContent()).toContain("接着上一个问题回答");
    expect(await second.textContent()).toMatch(/身份证|银行账户/);
    await ask(page, "二级肢体残疾，需要人照顾，能领护理补贴吗？");
    const third = await answerNumber(page, 3);
    expect(await verdictLines(third)).toContain("重度残疾人护理补贴：可以申请");
    // axe needs scripts: the same conversation (same cookie), checked in a context that runs them.
    const checker = await newContext(browser);
    await checker.addCookies(await context.cookies());
    const checked = await checker.newPage();
    await checked.goto("/assistant");
    await answerNumber(checked, 3);
    await expectNoAxeViolations(checked, "the conversation rendered by the server, eligibility answer");
    await checker.close();

    // The prefilled check works as a plain form post.
    await third.getByRole("button", { name: /用资格自测逐项核对/ }).click();
    await page.waitForURL(/\/assistant\/eligibility\/certificate$/);
    await page.goBack();

    await page.getByRole("button", { name: "清空问答记录，重新开始" }).click();
    await page.waitForURL(/\/assistant$/);
    expect(await answers(page).count()).toBe(0);
    // A new conversation: the follow-up has no earlier topic to lean on.
    await ask(page, "需要");
    const fresh = await answerNumber(page, 1);
    expect(await fresh.getByRole("region", { name: "每项补贴的判断" }).count()).toBe(0);
    await context.close();
  });

  it("in English, with a follow-up naming another benefit", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/en/assistant");
    await waitForHydration(page);
    await ask(page, "I have a grade 2 physical disability and my family gets dibao. What can I get?", "en");
    const first = await answerNumber(page, 1, "en");
    expect((await verdictLines(first, "en"))[0]).toBe("Living allowance for disabled people in hardship: You can apply");
    await ask(page, "what about the nursing allowance?", "en");
    const second = await answerNumber(page, 2, "en");
    expect((await verdictLines(second, "en"))[0]).toBe("Nursing allowance for severely disabled people: Depends on your situation");
    await expectNoAxeViolations(page, "English assistant with eligibility answers");
    await context.close();
  });

  it("the JSON API takes a conversation back: a follow-up with the reply's conversationId", async () => {
    const post = (body: unknown) =>
      fetch(`${baseURL()}/api/v1/chat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const first = await (await post({ question: "残疾人证怎么办理？" })).json();
    expect(first.conversationId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const followUp = await (await post({ question: "要带什么材料？", conversationId: first.conversationId })).json();
    expect(followUp.conversationId).toBe(first.conversationId);
    expect(followUp.grounded).toBe(true);
    expect(followUp.answer).toContain("照片");
    // Without the id, the same words are a question of their own.
    const alone = await (await post({ question: "要带什么材料？" })).json();
    expect(alone.conversationId).not.toBe(first.conversationId);
    const bad = await post({ question: "要带什么材料？", conversationId: "../../etc" });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: "invalid_input", fields: { conversationId: expect.any(String) } });
  });
});
