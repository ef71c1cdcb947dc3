import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration, waitForNewPage } from "./browser";
import { sessionCookie, signInContext } from "./staff";

/** The editors' retrieval test (issue 16, item 6): /admin/assistant/retrieval-test. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const path = "/admin/assistant/retrieval-test";

/** Types a question with the keyboard alone and submits it (Enter on the button). */
async function askWithKeyboard(page: Page, question: string) {
  await tabTo(page, page.getByRole("textbox", { name: "问题", exact: true }));
  await page.keyboard.type(question);
  await tabTo(page, page.getByRole("button", { name: "测试", exact: true }), 10);
  await waitForNewPage(page, () => page.keyboard.press("Enter"));
}

describe("the retrieval test page", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`shows an answer, the sections found with each channel's scores, and the grounding check (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await newContext(browser, { javaScriptEnabled });
      await signInContext(context, "content");
      const page = await context.newPage();
      await page.goto("/admin");
      await waitForNewPage(page, () => page.getByRole("link", { name: "检索测试：看看智能问答现在怎样回答" }).click());
      await page.getByRole("heading", { level: 1, name: "检索测试" }).waitFor();
      if (javaScriptEnabled) await waitForHydration(page);

      await askWithKeyboard(page, "我手机13707634455，盲人坐公交车要钱吗");
      await page.waitForURL(/\?q=/);
      const result = page.getByRole("region", { name: "测试结果" });
      await result.waitFor();
      expect(await result.getByText("智能问答会回答。").count()).toBe(1);
      // The answer as the public sees it, with its citation links.
      await result.getByRole("heading", { name: "回答：我手机137****4455，盲人坐公交车要钱吗" }).waitFor();
      expect(await result.getByRole("link", { name: "盲人坐公交车要钱吗？ · 一、盲人坐公交车免费吗" }).count()).toBeGreaterThanOrEqual(1);
      // The sections found: a table with a caption and header cells, each channel's rank and score.
      const sections = result.getByRole("table", { name: /找到的条目/ });
      const best = sections.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "盲人坐公交车要钱吗？ · 一、盲人坐公交车免费吗" }) });
      expect(await best.getByRole("cell").first().textContent()).toBe("1");
      expect(await best.textContent()).toMatch(/1（\d+\.\d{2}）/);
      expect(await sections.getByRole("columnheader", { name: "向量检索：名次（相似度）" }).count()).toBe(1);
      expect(await result.getByText(/依据分 1\.00 达到门槛 0\.42/).count()).toBe(1);
      expect(await result.getByRole("table", { name: "问题的关键词" }).getByRole("rowheader", { name: "盲人" }).count()).toBe(1);
      // The typed phone number is masked everywhere on the page, the form included.
      expect(await page.content()).not.toContain("13707634455");
      expect(await page.getByRole("textbox", { name: "问题", exact: true }).inputValue()).toBe("我手机137****4455，盲人坐公交车要钱吗");
      // No rating form: the answer is only a test.
      expect(await page.getByRole("button", { name: "有帮助" }).count()).toBe(0);
      // (axe runs in the page's JavaScript.)
      if (javaScriptEnabled) await expectNoAxeViolations(page, `${path} answered`);
      expect(consoleErrors(page)).toEqual([]);
      await context.close();
    });
  }

  it("says why an off-topic question is refused, and stores nothing: it does not reach the unanswered list", async () => {
    const context = await newContext(browser);
    await signInContext(context, "content");
    const page = await context.newPage();
    const question = `给我讲个检索测试的笑话${Date.now()}`;
    await page.goto(path);
    await waitForHydration(page);
    await askWithKeyboard(page, question);
    const result = page.getByRole("region", { name: "测试结果" });
    expect(await result.getByText(/智能问答不会回答/).textContent()).toContain("与本站无关");
    await result.getByText(/还没检索，安全检查就拒绝了/).waitFor();
    expect(await result.getByText("这个问题没有进入检索。").count()).toBe(1);
    expect(await result.getByRole("table").count()).toBe(0);
    await expectNoAxeViolations(page, `${path} refused`);

    await page.goto("/admin/assistant");
    expect(await page.getByRole("row").filter({ hasText: question }).count()).toBe(0);
    await context.close();
  });

  it("puts an empty question in the error summary and at the field, in English too", async () => {
    const context = await newContext(browser);
    await signInContext(context, "content");
    const page = await context.newPage();
    await page.goto(`/en${path}?q=&lang=en`);
    const summary = page.getByRole("group", { name: "There is a problem" });
    expect(await summary.getByRole("link", { name: "Enter the question" }).getAttribute("href")).toBe("#hit-test-q");
    expect(await page.title()).toMatch(/^Error: Retrieval test/);
    // Once the page runs, the title says it once (it said "Error: Error: …" when the page and the root both did).
    await waitForHydration(page);
    expect(await page.title()).toMatch(/^Error: Retrieval test/);
    await page.getByRole("textbox", { name: "Question", exact: true }).waitFor();
    expect(await page.getByText("Error: Enter the question").count()).toBe(1);
    expect(await page.getByRole("radio", { name: "English" }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, `/en${path} with an error`);
    await context.close();
  });

  it("is linked from each unanswered question, prefilled, so an editor sees whether it is answered now", async () => {
    const question = `今天天气怎么样${Date.now()}`;
    const asked = await fetch(`${baseURL()}/api/v1/chat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question, locale: "zh-CN" }) });
    expect(asked.status).toBe(200);
    const context = await newContext(browser, { javaScriptEnabled: false });
    await signInContext(context, "content");
    const page = await context.newPage();
    await page.goto("/admin/assistant");
    await waitForNewPage(page, () => page.getByRole("link", { name: new RegExp(`^现在测试\\W*${question}$`) }).click());
    expect(await page.getByRole("textbox", { name: "问题", exact: true }).inputValue()).toBe(question);
    await page.getByRole("region", { name: "测试结果" }).waitFor();
    await context.close();
  });

  it("needs a staff member of the content role", async () => {
    const anonymous = await fetch(`${baseURL()}${path}?q=x`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    const cinema = await fetch(`${baseURL()}${path}?q=x`, { redirect: "manual", headers: { Cookie: await sessionCookie("cinema") } });
    expect(cinema.status).toBe(403);
  });
});
