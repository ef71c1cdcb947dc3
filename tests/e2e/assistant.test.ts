import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration, waitForNewPage } from "./browser";
// `fetch` checks every /api/ answer against the OpenAPI document the portal serves (tests/support/openapi-check.ts).
import { checkedFetch as fetch } from "../support/openapi-check";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Types a question with the keyboard alone and sends it. */
async function ask(page: Page, question: string) {
  await tabTo(page, page.getByRole("textbox", { name: "您的问题" }), 80);
  await page.keyboard.type(question);
  await tabTo(page, page.getByRole("button", { name: "提问" }), 5);
  await page.keyboard.press("Enter");
}

describe("policy assistant", () => {
  it("with JavaScript: the answer arrives without a reload, is announced, takes focus and cites its sources", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/assistant");
    await waitForHydration(page);
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
    await ask(page, "重度残疾人护理补贴要求残疾等级是几级？");

    const log = page.getByRole("log", { name: "问答记录" });
    const answer = log.getByRole("article").last();
    await answer.getByRole("heading", { level: 2 }).waitFor();
    expect(await page.getByRole("status").filter({ hasText: "已回答" }).count()).toBe(1);
    // Spoken once: the short status, then the answer from its heading, where focus goes; the log itself is silent.
    expect(await log.getAttribute("aria-live")).toBe("off");
    await page.waitForFunction(() => document.activeElement?.tagName === "H2");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("重度残疾人护理补贴");
    expect(await answer.textContent()).toMatch(/一级|一、二级/);
    const sources = answer.getByRole("heading", { name: "依据" }).locator("xpath=following-sibling::*[1]").getByRole("link");
    expect(await sources.count()).toBeGreaterThan(0);
    expect(await sources.first().getAttribute("href")).toMatch(/^\/policies\/[a-z0-9-]+#/);
    expect(navigations).toEqual([]);
    await expectNoAxeViolations(page, "assistant with an answer");
    expect(consoleErrors(page)).toEqual([]);
    await context.close();
  });

  it("with JavaScript: an empty question is reported through the error summary and the page title", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/assistant");
    await waitForHydration(page);
    await tabTo(page, page.getByRole("button", { name: "提问" }), 80);
    await page.keyboard.press("Enter");
    await page.locator(".error-summary").waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
    await expect.poll(() => page.title()).toMatch(/^错误：/);
    expect(await page.locator(".error-summary").getByRole("link").count()).toBe(1);
    await context.close();
  });

  it("without JavaScript: the form posts and the whole conversation is rendered by the server", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/assistant");
    await waitForNewPage(page, () => ask(page, "怎么申请残疾人证？"));
    await waitForNewPage(page, () => ask(page, "今天股市怎么样？"));
    const turns = page.getByRole("log", { name: "问答记录" }).getByRole("article");
    expect(await turns.count()).toBe(2);
    expect(await turns.nth(0).textContent()).toMatch(/评定|申请/);
    expect(await turns.nth(1).textContent()).toContain("0763-3362221");
    await context.close();
  });

  it("a question that asks two things of one service is answered on both, each with the section it comes from", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/assistant");
    await waitForNewPage(page, () => ask(page, "护理补贴在哪里申请，要带什么材料"));
    const turn = page.getByRole("log", { name: "问答记录" }).getByRole("article").first();
    // What to bring, as a list, and where to go, with a link to the guide's section that says so.
    expect(await turn.getByRole("listitem").filter({ hasText: "身份证" }).count()).toBeGreaterThan(0);
    expect(await turn.textContent()).toContain("乡镇人民政府（街道办事处）窗口");
    expect(await turn.getByRole("link", { name: /重度残疾人护理补贴申请指南 · 三、去哪里办/ }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it("a message with two questions answers each, the second under its own words with its source, with no axe violations", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/assistant");
    await waitForNewPage(page, () => ask(page, "视障图书馆办借阅证要带什么？有没有有声读物？"));
    const turn = page.getByRole("log", { name: "问答记录" }).getByRole("article").first();
    expect(await turn.textContent()).toContain("残疾人证");
    // The second question, said back in words before its answer (not only by layout), and its answer's source.
    const second = turn.locator(".chat-turn__also").filter({ hasText: "您还问：“有没有有声读物？”" });
    // Its answer (its first sentence or its list) says it, beside the question said back.
    expect((await second.textContent())?.replace("您还问：“有没有有声读物？”", "")).toContain("有声读物");
    expect(await second.getByRole("link", { name: /视障图书馆与借阅证/ }).count()).toBe(1);
    await context.close();
    // axe runs with JavaScript on (it cannot run in a context without it): the same answer, served by the server.
    const checked = await newContext(browser);
    const withJs = await checked.newPage();
    await withJs.goto("/assistant");
    await waitForHydration(withJs);
    await ask(withJs, "视障图书馆办借阅证要带什么？有没有有声读物？");
    await withJs.getByRole("log", { name: "问答记录" }).getByText("您还问：“有没有有声读物？”").waitFor();
    await expectNoAxeViolations(withJs, "two questions in one message");
    await checked.close();
  });

  it("on /en, every Chinese title, quote and step in the answers is marked lang=zh-CN (WCAG 3.1.2)", async () => {
    const context = await newContext(browser, { locale: "en-GB" });
    const page = await context.newPage();
    await page.goto("/en/assistant");
    await waitForHydration(page);
    const log = page.getByRole("log", { name: "Questions and answers" });
    for (const [n, question] of ["How do I get a disability certificate?", "Can I get the nursing subsidy? I have a grade 1 physical disability"].entries()) {
      await tabTo(page, page.getByRole("textbox", { name: "Your question" }), 120);
      await page.keyboard.type(question);
      await tabTo(page, page.getByRole("button", { name: "Ask", exact: true }), 5);
      await page.keyboard.press("Enter");
      await log.getByRole("article").nth(n).getByRole("heading", { level: 2, name: `Answer: ${question}` }).waitFor();
    }
    // Every piece of text holding a Han character has an element around it (or itself) whose lang is Chinese.
    const unmarked = await log.evaluate((root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const found: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!/\p{Script=Han}/u.test(node.textContent ?? "")) continue;
        if (!node.parentElement?.closest("[lang]")?.getAttribute("lang")?.startsWith("zh")) found.push(node.textContent!.trim());
      }
      return found;
    });
    expect(await log.textContent()).toMatch(/残疾人证/);
    expect(unmarked).toEqual([]);
    expect(consoleErrors(page)).toEqual([]);
    await context.close();
  });

  it("never echoes personal numbers and asks the person not to share them", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/assistant");
    await waitForNewPage(page, () => ask(page, "我的手机号13812345678，残疾证号44180219900101123411，帮我办证"));
    await page.getByRole("log", { name: "问答记录" }).getByRole("article").first().waitFor();
    const html = await page.content();
    expect(html).not.toContain("13812345678");
    expect(html).not.toContain("44180219900101123411");
    await context.close();
  });

  it("the JSON API answers with citations, and says so when the corpus does not cover a question", async () => {
    const post = (body: unknown) =>
      fetch(`${baseURL()}/api/v1/chat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const answered = await (await post({ question: "两项补贴是哪个文件规定的？" })).json();
    expect(answered.grounded).toBe(true);
    expect(answered.citations.length).toBeGreaterThan(0);
    expect(answered.citations[0]).toEqual({ title: expect.any(String), url: expect.stringMatching(/^\/policies\//), quote: expect.any(String) });
    const refused = await (await post({ question: "给我讲个笑话", locale: "zh-CN" })).json();
    expect(refused.grounded).toBe(false);
    expect(refused.answer).toContain("0763-3362221");
    expect([400, 422]).toContain((await post("not an object")).status);
    expect((await post({ question: "字".repeat(501) })).status).toBe(422);
  });

  it("the eligibility check asks one question per page without JavaScript, checks the answers, and names who decides", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/assistant/eligibility");
    await waitForNewPage(page, () => page.getByRole("button", { name: "开始自测" }).click());
    /** One page: choose the given answers (by their visible names) and continue to the next page. */
    const answer = async (...options: string[]) => {
      for (const option of options) await page.getByRole("radio", { name: option, exact: true }).check();
      await waitForNewPage(page, () => page.getByRole("button", { name: "继续" }).click());
    };
    expect(await page.getByRole("group", { name: "您（或申请人）有残疾人证吗？" }).count()).toBe(1);
    await answer("有，在有效期内");
    await answer("肢体残疾", "一级");
    await answer("18岁及以上");
    await answer("是低保家庭");
    await answer("需要");
    await answer("在清远市");
    // Check your answers, with change links, then the result.
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("核对您的回答");
    expect(await page.getByRole("link", { name: /修改/ }).count()).toBeGreaterThanOrEqual(5);
    await waitForNewPage(page, () => page.getByRole("link", { name: "查看结果" }).click());
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("困难残疾人生活补贴");
    expect(main).toContain("重度残疾人护理补贴");
    expect(main).toContain("您很可能符合条件。");
    expect(main).toContain("县级民政部门审定");
    expect(await page.getByRole("link", { name: /国发〔2015〕52号|两项补贴|生活补贴/ }).count()).toBeGreaterThan(0);
    await context.close();
  });
});
