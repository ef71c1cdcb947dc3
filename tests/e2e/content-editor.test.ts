import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getStoredDocument, saveDocument } from "~/modules/content/documents.server";
import type { DocumentMeta } from "~/modules/content/schema";
import { openDatabase } from "~/modules/db/index.server";
import { chessNotice, testNoticeMeta } from "../fixtures/test-notice";
import { documentSeen, removeNewIndexesLater, untilSeenEverywhere } from "../support/live-corpus";
import { baseURL, consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration, waitForNewPage } from "./browser";
import { signInContext } from "./staff";

/** The editor's drafts in the staff console (issue 16, items 2–3): /admin/content, a new notice, its preview. */
let browser: Browser;
let removeIndexes: () => void;
beforeAll(async () => {
  browser = await launchBrowser();
  // A published notice has the server build an index of the new corpus: not left behind.
  removeIndexes = removeNewIndexesLater();
});
afterAll(async () => {
  await browser?.close();
  removeIndexes?.();
});

/** Saves a document in the shared server's database through the module: published (a fixture), or unpublished again. */
async function publishDirectly(id: string, published: boolean, fixture?: { meta: DocumentMeta; body: string }) {
  const conn = openDatabase(inject("databaseUrl"));
  try {
    const doc = fixture ?? (await getStoredDocument(conn.db, id));
    if (!doc) throw new Error(`no document ${id}`);
    const saved = await saveDocument(conn.db, { meta: doc.meta, body: doc.body, published }, { userId: null });
    expect(saved.ok).toBe(true);
  } finally {
    await conn.db.destroy();
  }
}
const unpublish = (id: string) => publishDirectly(id, false);

async function editor(javaScriptEnabled: boolean, who: "content" | "admin" = "content"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { javaScriptEnabled });
  await signInContext(context, who);
  return { context, page: await context.newPage() };
}

/** Fills a notice's fields (labels as the editor reads them). */
async function fillNotice(page: Page, id: string, title: string) {
  await page.getByLabel("文件编号（网址用）").fill(id);
  await page.getByLabel("标题（中文）").fill(title);
  await page.getByLabel("标题（英文）").fill("Notice of the 2026 Qingyuan go contest for deaf people");
  await page.getByLabel("官方原文网址").fill("https://www.gdqy.gov.cn/");
  await page.getByRole("group", { name: "主题（至少选一个）" }).getByLabel("文化").check();
  await page.getByRole("group", { name: "适用人群（至少选一个）" }).getByLabel("听力残疾").check();
  await page.getByLabel("摘要（中文）").fill("市残联12月27日举办聋人围棋比赛，12月20日前报名。");
  await page.getByLabel("摘要（英文）").fill("The Federation holds a go contest for deaf people on 27 December; sign up by 20 December.");
  await page.getByLabel("易读版（可选）").fill("12月27日下围棋比赛。\n12月20日前报名。");
  await page.getByLabel("正文").fill("## 一、比赛时间\n\n聋人围棋比赛于2026年12月27日举行。\n\n## 二、怎样报名\n\n12月20日前发短信报名。\n");
}

describe("drafts in the staff console", () => {
  it("a content editor makes a notice without JavaScript: errors in the summary, then a draft that only the preview shows", async () => {
    const { context, page } = await editor(false);
    const id = `e2e-go-contest-${Date.now()}`;
    const title = "关于举办2026年清远市聋人围棋比赛的通知";
    await page.goto("/admin/content");
    await page.getByRole("heading", { level: 1, name: "内容管理" }).waitFor();
    await waitForNewPage(page, () => page.getByRole("link", { name: "新建通知公告" }).click());
    await page.getByRole("heading", { level: 1, name: "新建通知公告" }).waitFor();

    // Sent with the title missing and no topic: the error summary links each message to its field; nothing typed is lost.
    await page.getByLabel("文件编号（网址用）").fill(id);
    await page.getByLabel("正文").fill("## 一、比赛时间\n\n待定。\n");
    await waitForNewPage(page, () => page.getByRole("button", { name: "保存为草稿" }).click());
    expect(await page.title()).toMatch(/^错误：/);
    const summary = page.getByRole("group", { name: "提交前请修改以下问题" });
    expect(await summary.getByRole("link", { name: "请填写标题（中文）" }).getAttribute("href")).toBe("#draft-title");
    expect(await summary.getByRole("link", { name: "请选择主题（至少选一个）" }).getAttribute("href")).toBe("#draft-topics");
    expect(await page.getByLabel("文件编号（网址用）").inputValue()).toBe(id);
    expect(await page.getByLabel("正文").inputValue()).toBe("## 一、比赛时间\n\n待定。\n");

    // Repealed without saying what replaced it or why: refused as knowledge:check refuses it (repealed-unexplained).
    await fillNotice(page, id, title);
    await page.getByRole("group", { name: "效力状态" }).getByLabel("已废止").check();
    await waitForNewPage(page, () => page.getByRole("button", { name: "保存为草稿" }).click());
    expect(await page.title()).toMatch(/^错误：/);
    const unexplained = summary.getByRole("link", { name: /^已废止的文件要说明由哪份文件取代，或者为什么废止/ });
    expect(await unexplained.getAttribute("href")).toBe("#draft-supersededBy");
    await page.getByRole("group", { name: "效力状态" }).getByLabel("现行有效").check();

    // A body knowledge:check would refuse (a link to a document that does not exist, a skipped heading level): refused
    // at the body, each in words, linked to the body field.
    await page.getByLabel("正文").fill("## 一、比赛时间\n\n见[旧通知](/policies/no-such-notice)。\n\n#### 地点\n\n服务中心。\n");
    await waitForNewPage(page, () => page.getByRole("button", { name: "保存为草稿" }).click());
    expect(await page.title()).toMatch(/^错误：/);
    expect(await summary.getByRole("link", { name: /^正文里有指向“\/policies\/no-such-notice”的链接，但没有这份文件/ }).getAttribute("href")).toBe("#draft-body");
    expect(await summary.getByRole("link", { name: /^正文里的标题“地点”跳过了一级/ }).getAttribute("href")).toBe("#draft-body");

    await fillNotice(page, id, title);
    await waitForNewPage(page, () => page.getByRole("button", { name: "保存为草稿" }).click());
    // The preview: the public page's rendering, marked as not published.
    expect(page.url()).toContain(`/admin/content/${id}/preview`);
    expect(await page.getByRole("note", { name: "预览/未发布" }).textContent()).toContain("公众看不到");
    expect(await page.getByRole("heading", { level: 1 }).allTextContents()).toEqual([title]);
    await page.getByRole("heading", { level: 2, name: "易读版" }).waitFor();
    await page.getByRole("heading", { name: "二、怎样报名" }).waitFor();

    // Never public.
    expect((await context.request.get(`/policies/${id}`)).status()).toBe(404);
    const row = page.getByRole("row").filter({ hasText: title });
    await page.goto("/admin/content");
    expect(await row.getByRole("cell").nth(1).textContent()).toBe("草稿");
    await context.close();
  });

  for (const javaScriptEnabled of [false, true]) {
    it(`the error summary names a missing source URL and review date, a broken #anchor link and a 第X条 heading out of order, each linked to its field, and its links move focus there (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { context, page } = await editor(javaScriptEnabled);
      const id = `e2e-summary-${javaScriptEnabled ? "js" : "nojs"}-${Date.now()}`;
      await page.goto("/admin/content/new");
      if (javaScriptEnabled) await waitForHydration(page);
      const summary = page.getByRole("group", { name: "提交前请修改以下问题" });
      /** Sends the form and waits for the page with the summary: a new page without JavaScript, the action's answer with it. */
      const send = async (message: string) => {
        const button = page.getByRole("button", { name: "保存为草稿" });
        if (javaScriptEnabled) {
          const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/content/new"));
          await button.click();
          await answered;
        } else {
          await waitForNewPage(page, () => button.click());
        }
        await summary.getByRole("link", { name: message }).waitFor();
        // With JavaScript the summary takes focus once it is shown: wait for that, or a link followed before it would
        // lose its focus to the summary (a race a loaded machine loses).
        if (javaScriptEnabled) await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
        expect(await page.title()).toMatch(/^错误：/);
      };
      /** The summary's link leads to the field: its href, and focus on the field once followed (by keyboard). */
      const expectLinkedTo = async (message: string, fieldId: string) => {
        const link = summary.getByRole("link", { name: message });
        expect(await link.getAttribute("href"), message).toBe(`#${fieldId}`);
        await link.focus();
        await page.keyboard.press("Enter");
        await expect.poll(() => page.evaluate(() => document.activeElement?.id), { message }).toBe(fieldId);
      };

      // The official source and the review date left empty.
      await fillNotice(page, id, "错误摘要测试的通知");
      await page.getByLabel("官方原文网址").fill("");
      await page.getByLabel("核对日期", { exact: true }).fill("");
      await send("请填写官方原文网址");
      expect(await summary.getByRole("link").allTextContents()).toEqual(["请填写官方原文网址", "请填写核对日期"]);
      await expectLinkedTo("请填写官方原文网址", "draft-source");
      await expectLinkedTo("请填写核对日期", "draft-reviewed");

      // Both filled; the body links to a section it lacks and puts 第一条 after 第二条 (the console's body rules).
      await page.getByLabel("官方原文网址").fill("https://www.gdqy.gov.cn/");
      await page.getByLabel("核对日期", { exact: true }).fill("2026-12-01");
      const body = "## 第二条 怎样报名\n\n报名办法见[比赛时间](#art-9)。\n\n## 第一条 比赛时间\n\n聋人围棋比赛于2026年12月27日举行。\n";
      await page.getByLabel("正文").fill(body);
      const anchorMessage = "正文里有指向“#art-9”的链接，但正文没有这个小节：请改成已有小节的锚点，或者删掉这个链接";
      const orderMessage = "正文里的标题“第一条 比赛时间”打乱了第X章、第X条的顺序：条和章要按编号从小到大排列，不能重复";
      await send(anchorMessage);
      // (Both about the body: in the order of the console's body rules, body-rules.ts.)
      expect((await summary.getByRole("link").allTextContents()).sort()).toEqual([anchorMessage, orderMessage].sort());
      await expectLinkedTo(anchorMessage, "draft-body");
      await page.getByLabel("核对日期", { exact: true }).focus();
      await expectLinkedTo(orderMessage, "draft-body");
      // Nothing typed is lost, and nothing was saved.
      expect(await page.getByLabel("正文").inputValue()).toBe(body);
      expect(await page.getByLabel("文件编号（网址用）").inputValue()).toBe(id);
      expect((await context.request.get(`/admin/content/${id}/preview`)).status()).toBe(404);
      // (The refused saves are answered 400, which the browser logs; nothing else may be.)
      if (javaScriptEnabled) expect(consoleErrors(page).filter((e) => !e.includes("status of 400"))).toEqual([]);
      await context.close();
    });
  }

  it("a stale save is refused with a clear message, keeping what the second editor typed", async () => {
    const { context, page } = await editor(false);
    const id = `e2e-stale-${Date.now()}`;
    await page.goto("/admin/content/new");
    await fillNotice(page, id, "先保存的通知");
    await waitForNewPage(page, () => page.getByRole("button", { name: "保存为草稿" }).click());
    // Two editors open the same draft.
    const other = await context.newPage();
    await page.goto(`/admin/content/${id}`);
    await other.goto(`/admin/content/${id}`);
    await page.getByLabel("标题（中文）").fill("第一个人改的标题");
    await waitForNewPage(page, () => page.getByRole("button", { name: "保存为草稿" }).click());
    await other.getByLabel("标题（中文）").fill("第二个人改的标题");
    await other.getByLabel("正文").fill("## 一、比赛时间\n\n聋人围棋比赛于2026年12月28日举行。\n\n## 二、怎样报名\n\n12月20日前发短信报名。\n");
    await waitForNewPage(other, () => other.getByRole("button", { name: "保存为草稿" }).click());
    const summary = other.getByRole("group", { name: "提交前请修改以下问题" });
    expect(await summary.textContent()).toContain("别人已经保存了第2版");
    expect(await other.getByLabel("标题（中文）").inputValue()).toBe("第二个人改的标题");
    // What differs between version 2 and what the second editor typed: the field, as saved and as typed.
    const differences = other.getByRole("region", { name: "第2版和你填写的内容有哪些不同" });
    expect(await differences.getByRole("listitem").allTextContents()).toEqual(["标题（中文）：第一个人改的标题 → 第二个人改的标题"]);
    // The body's lines in the versions page's table: the change in words, not colour alone.
    const table = differences.getByRole("table", { name: /^正文：从第2版到你填写的内容改了什么/ });
    const changed = (kind: string) => table.getByRole("row").filter({ has: other.getByRole("cell", { name: kind, exact: true }) }).getByRole("cell").last().allTextContents();
    expect(await changed("删除")).toEqual(["聋人围棋比赛于2026年12月27日举行。"]);
    expect(await changed("新增")).toEqual(["聋人围棋比赛于2026年12月28日举行。"]);
    // The summary's message leads there.
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#stale-diff-heading");

    // With JavaScript the same: the refused save shows the differences, the page passes axe, and the summary's link
    // takes focus to them.
    const scripted = await editor(true);
    await scripted.page.goto(`/admin/content/${id}`);
    await waitForHydration(scripted.page);
    await page.goto(`/admin/content/${id}`);
    await page.getByLabel("摘要（中文）").fill("第一个人又改了摘要。");
    await waitForNewPage(page, () => page.getByRole("button", { name: "保存为草稿" }).click());
    await scripted.page.getByLabel("标题（中文）").fill("有脚本的人改的标题");
    await scripted.page.getByRole("button", { name: "保存为草稿" }).click();
    const scriptedDiff = scripted.page.getByRole("region", { name: "第3版和你填写的内容有哪些不同" });
    await scriptedDiff.waitFor();
    expect(await scriptedDiff.getByRole("listitem").allTextContents()).toEqual([
      "标题（中文）：第一个人改的标题 → 有脚本的人改的标题",
      "摘要（中文）：第一个人又改了摘要。 → 市残联12月27日举办聋人围棋比赛，12月20日前报名。",
    ]);
    await expectNoAxeViolations(scripted.page, "stale save");
    await scripted.page.getByRole("group", { name: "提交前请修改以下问题" }).getByRole("link").first().click();
    await expect.poll(() => scripted.page.evaluate(() => document.activeElement?.id)).toBe("stale-diff-heading");
    await scripted.context.close();
    await page.goto(`/admin/content/${id}/preview`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("第一个人改的标题");
    await context.close();
  });

  it("the pages work by keyboard alone and pass axe", async () => {
    const { context, page } = await editor(true);
    await page.goto("/admin/content");
    await waitForHydration(page);
    await expectNoAxeViolations(page, "/admin/content");
    await tabTo(page, page.getByRole("link", { name: "新建通知公告" }));
    await waitForNewPage(page, () => page.keyboard.press("Enter"));
    await page.getByRole("heading", { level: 1, name: "新建通知公告" }).waitFor();
    await waitForHydration(page);
    await expectNoAxeViolations(page, "/admin/content/new");
    const id = `e2e-keyboard-${Date.now()}`;
    await fillNotice(page, id, "键盘保存的通知");
    // With JavaScript the body has a live preview, as the public page renders it (raw HTML escaped), fetched after
    // a pause in the typing (not at every render).
    let previews = 0;
    page.on("request", (request) => void (request.url().includes("/admin/content/body-preview") && previews++));
    const live = page.getByRole("region", { name: "实时预览（公开页面的样子）" });
    await live.getByRole("heading", { level: 2, name: "二、怎样报名" }).waitFor();
    await page.getByLabel("正文").fill("## 一、比赛时间\n\n<script>window.injected = 1</script>12月27日。\n\n## 二、怎样报名\n\n12月20日前发短信报名。\n");
    await live.getByText("<script>window.injected = 1</script>").waitFor();
    expect(await page.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined();
    expect(previews).toBeLessThan(10);
    await page.getByLabel("正文").focus();
    await tabTo(page, page.getByRole("button", { name: "保存为草稿" }), 5);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/admin/content/${id}/preview`));
    await page.getByRole("note", { name: "预览/未发布" }).waitFor();
    await expectNoAxeViolations(page, "preview");
    await tabTo(page, page.getByRole("link", { name: "继续修改“键盘保存的通知”" }), 80);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "修改草稿：键盘保存的通知" }).waitFor();
    await waitForHydration(page);
    await expectNoAxeViolations(page, "edit");
    expect(consoleErrors(page)).toEqual([]);
    await context.close();
  });

  it("one editor asks for review, the author cannot approve it, a second staff member schedules it (refused in the past; the list says 定时发布), cancels, then publishes it now: it is on /policies and in the search (no JavaScript)", async () => {
    const author = await editor(false);
    const id = `e2e-published-${Date.now()}`;
    const title = `关于举办清远市聋人围棋比赛的通知${Date.now() % 100000}`;
    await author.page.goto("/admin/content/new");
    await fillNotice(author.page, id, title);
    await waitForNewPage(author.page, () => author.page.getByRole("button", { name: "保存为草稿" }).click());
    await waitForNewPage(author.page, () => author.page.getByRole("button", { name: "请人审核" }).click());
    expect(await author.page.getByRole("note", { name: "预览/未发布" }).textContent()).toContain("已请人审核");
    // The author is offered no approval, and one forged by hand is refused (two-person rule).
    expect(await author.page.getByRole("button", { name: "审核通过并发布" }).count()).toBe(0);
    const forged = await author.context.request.post(`/admin/content/${id}/preview`, { form: { intent: "approve", revision: "1" }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    await author.page.goto("/admin/content");
    expect(await author.page.getByRole("row").filter({ hasText: title }).getByRole("cell").nth(1).textContent()).toBe("待审核");
    expect((await author.context.request.get(`/policies/${id}`)).status()).toBe(404);

    const reviewer = await editor(false, "admin");
    await reviewer.page.goto("/admin/content");
    await waitForNewPage(reviewer.page, () => reviewer.page.getByRole("link", { name: `预览“${title}”` }).click());
    // Scheduled instead (no JavaScript: the datetime-local fallback): a time in the past is refused in the error summary.
    const publishAt = reviewer.page.getByLabel("发布时间（北京时间）");
    const chinaLocal = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
    await publishAt.fill(chinaLocal(Date.now() - 3600_000));
    await waitForNewPage(reviewer.page, () => reviewer.page.getByRole("button", { name: "审核通过，定时发布" }).click());
    expect(await reviewer.page.title()).toMatch(/^错误：/);
    const refused = reviewer.page.getByRole("group", { name: "提交前请修改以下问题" });
    expect(await refused.getByRole("link", { name: "发布时间不能早于现在" }).getAttribute("href")).toBe("#publishAt");
    const later = chinaLocal(Date.now() + 30 * 86_400_000);
    await reviewer.page.getByLabel("发布时间（北京时间）").fill(later);
    await waitForNewPage(reviewer.page, () => reviewer.page.getByRole("button", { name: "审核通过，定时发布" }).click());
    await reviewer.page.getByRole("status").filter({ hasText: "已定时发布" }).waitFor();
    const stateCell = reviewer.page.getByRole("row").filter({ hasText: title }).getByRole("cell").nth(1);
    expect(await stateCell.textContent()).toMatch(/^定时发布 .*（北京时间）$/);
    expect(await stateCell.textContent()).toContain(`${Number(later.slice(5, 7))}月${Number(later.slice(8, 10))}日`);
    expect((await author.context.request.get(`/policies/${id}`)).status()).toBe(404);
    // Only the approver (or an admin) may cancel: the author sees no button, and a forged cancel is refused, not a 500.
    await author.page.goto(`/admin/content/${id}/preview`);
    expect(await author.page.getByRole("note", { name: "预览/未发布" }).textContent()).toContain("只有批准发布的工作人员或管理员才能取消");
    expect(await author.page.getByRole("button", { name: "取消定时发布" }).count()).toBe(0);
    const forgedCancel = await author.context.request.post(`/admin/content/${id}/preview`, { form: { intent: "cancelSchedule", revision: "1" }, maxRedirects: 0 });
    expect(forgedCancel.status()).toBe(403);
    expect(await forgedCancel.text()).toContain("只有批准这次发布的工作人员或管理员才能取消定时发布");
    // The document's page says so too, and the schedule can be cancelled: the draft waits for approval again.
    await waitForNewPage(reviewer.page, () => reviewer.page.getByRole("link", { name: `预览“${title}”` }).click());
    expect(await reviewer.page.getByRole("note", { name: "预览/未发布" }).textContent()).toContain("定时发布");
    await waitForNewPage(reviewer.page, () => reviewer.page.getByRole("button", { name: "取消定时发布" }).click());
    await reviewer.page.getByRole("status").filter({ hasText: "已取消定时发布" }).waitFor();
    await waitForNewPage(reviewer.page, () => reviewer.page.getByRole("button", { name: "审核通过并发布" }).click());
    await reviewer.page.getByRole("status").filter({ hasText: "已发布" }).waitFor();

    // Live within seconds, without a restart (the corpus version: content/live.server.ts).
    const listed = async () => (await (await fetch(`${baseURL()}/policies?type=notice&topic=culture&audience=hearing`)).text()).includes(`/policies/${id}`);
    const found = async () => (await (await fetch(`${baseURL()}/search?q=${encodeURIComponent("聋人围棋比赛")}`)).text()).includes(`/policies/${id}`);
    await untilSeenEverywhere(async () => [await listed(), await found()], [true, true]);
    const page = reviewer.page;
    await page.goto("/policies?type=notice&topic=culture&audience=hearing");
    await page.getByRole("link", { name: title }).waitFor();
    await page.goto(`/search?q=${encodeURIComponent("聋人围棋比赛")}`);
    await page.getByRole("link", { name: title }).first().waitFor();
    await author.context.close();
    await reviewer.context.close();
    // The shared server serves the other test files next: the notice is unpublished again, and gone before they run.
    await unpublish(id);
    await untilSeenEverywhere(async () => [(await fetch(`${baseURL()}/policies/${id}`)).status, await listed(), await found()], [404, false, false]);
  });

  it("the review buttons work by keyboard alone and the preview passes axe while waiting", async () => {
    const { context, page } = await editor(true);
    const id = `e2e-review-keys-${Date.now()}`;
    await page.goto("/admin/content/new");
    await fillNotice(page, id, "键盘请人审核的通知");
    await waitForNewPage(page, () => page.getByRole("button", { name: "保存为草稿" }).click());
    await waitForHydration(page);
    await tabTo(page, page.getByRole("button", { name: "请人审核" }), 80);
    await page.keyboard.press("Enter");
    await page.getByText("已请人审核").waitFor();
    await expectNoAxeViolations(page, "preview waiting for review");
    expect(consoleErrors(page)).toEqual([]);
    await context.close();
  });

  it("with JavaScript, by keyboard: an editor makes a notice and asks for review, a second staff member approves it: within seconds on /policies, found and cited; repealed through the console with a reason and approved: cited no more, its page kept and marked", async () => {
    const stamp = Date.now();
    const { meta, body, words, question } = chessNotice(`e2e-js-done-${stamp}`);
    const id = meta.id;
    const title = `${meta.title}${stamp % 100000}`;
    const seen = () => documentSeen(baseURL(), id, words, question);
    /** Presses a button by keyboard alone (Tab until it has focus, then Enter). */
    const press = async (page: Page, name: string) => {
      await tabTo(page, page.getByRole("button", { name }), 120);
      await page.keyboard.press("Enter");
    };
    /** Asks for review from the preview, by keyboard, and waits for the page to say so. */
    const askForReview = async (page: Page) => {
      await waitForHydration(page);
      await press(page, "请人审核");
      await page.getByRole("note", { name: "预览/未发布" }).filter({ hasText: "已请人审核" }).waitFor();
    };
    /** The second person approves from the preview, by keyboard. */
    const approve = async (page: Page) => {
      await page.goto(`/admin/content/${id}/preview`);
      await waitForHydration(page);
      await press(page, "审核通过并发布");
      await page.getByRole("status").filter({ hasText: "已发布" }).waitFor();
    };

    const author = await editor(true);
    await author.page.goto("/admin/content/new");
    await waitForHydration(author.page);
    await fillNotice(author.page, id, title);
    await author.page.getByLabel("标题（英文）").fill(meta.titleEn);
    await author.page.getByRole("group", { name: "适用人群（至少选一个）" }).getByLabel("视力残疾").check();
    await author.page.getByLabel("摘要（中文）").fill(meta.summary);
    await author.page.getByLabel("摘要（英文）").fill(meta.summaryEn);
    await author.page.getByLabel("易读版（可选）").fill("12月20日下象棋比赛。\n12月15日前报名。");
    await author.page.getByLabel("正文").fill(body);
    await author.page.getByLabel("正文").focus();
    await tabTo(author.page, author.page.getByRole("button", { name: "保存为草稿" }), 10);
    await author.page.keyboard.press("Enter");
    await author.page.waitForURL(new RegExp(`/admin/content/${id}/preview`));
    await askForReview(author.page);
    expect(await seen()).toEqual({ page: 404, search: false, cited: false });

    const reviewer = await editor(true, "admin");
    await approve(reviewer.page);
    await untilSeenEverywhere(seen, { page: 200, search: true, cited: true });
    await reviewer.page.goto("/policies?type=notice&audience=visual");
    await reviewer.page.getByRole("link", { name: title }).waitFor();

    // Repealed through the console: no replacement, so a reason (the date and what changed, in both languages).
    await author.page.goto(`/admin/content/${id}`);
    await author.page.getByRole("heading", { level: 1, name: `修改已发布的文件：${title}` }).waitFor();
    await waitForHydration(author.page);
    await author.page.getByRole("group", { name: "效力状态" }).getByLabel("已废止").check();
    await author.page.getByLabel("最近一次实质修改的日期（可选）").fill(await author.page.getByLabel("核对日期", { exact: true }).inputValue());
    await author.page.getByLabel("修改说明（中文，可选）").fill("比赛取消，本通知废止。");
    await author.page.getByLabel("修改说明（英文，可选）").fill("The contest is cancelled; this notice is repealed.");
    await author.page.getByRole("button", { name: "保存为草稿" }).click();
    await author.page.getByRole("note", { name: "预览/未发布" }).filter({ hasText: "公开页面仍是已发布的版本" }).waitFor();
    await askForReview(author.page);
    // Still cited until the second person approves.
    expect(await seen()).toEqual({ page: 200, search: true, cited: true });
    await approve(reviewer.page);
    await untilSeenEverywhere(seen, { page: 200, search: true, cited: false });
    await reviewer.page.goto(`/policies/${id}`);
    await reviewer.page.getByText("这份文件已经废止，仅供参考。").waitFor();
    await reviewer.page.getByText("比赛取消，本通知废止。").first().waitFor();
    expect(consoleErrors(author.page)).toEqual([]);
    expect(consoleErrors(reviewer.page)).toEqual([]);

    await author.context.close();
    await reviewer.context.close();
    await unpublish(id);
    await untilSeenEverywhere(async () => (await fetch(`${baseURL()}/policies/${id}`)).status, 404);
  }, 120_000);

  it("an editor changes a published notice: the public page keeps the old text until a second staff member approves (no JavaScript)", async () => {
    const id = `e2e-edit-live-${Date.now()}`;
    const title = `关于调整聋人围棋比赛报名时间的通知${Date.now() % 100000}`;
    const oldText = "12月20日前发短信报名。";
    const newText = "12月22日前发短信或微信报名。";
    await publishDirectly(id, true, {
      meta: testNoticeMeta(id, { title, topics: ["culture"], audience: ["hearing"] }),
      body: `## 一、比赛时间\n\n聋人围棋比赛于2026年12月27日举行。\n\n## 二、怎样报名\n\n${oldText}\n`,
    });
    const publicText = async () => {
      const response = await fetch(`${baseURL()}/policies/${id}`);
      const html = await response.text();
      return response.status === 200 ? (html.includes(newText) ? "new" : html.includes(oldText) ? "old" : "neither") : response.status;
    };
    await untilSeenEverywhere(publicText, "old");

    const author = await editor(false);
    await author.page.goto("/admin/content");
    await waitForNewPage(author.page, () => author.page.getByRole("link", { name: `修改“${title}”` }).click());
    await author.page.getByRole("heading", { level: 1, name: `修改已发布的文件：${title}` }).waitFor();
    const body = author.page.getByLabel("正文");
    await body.fill((await body.inputValue()).replace(oldText, newText));
    await waitForNewPage(author.page, () => author.page.getByRole("button", { name: "保存为草稿" }).click());
    // The preview shows the draft; the public page still serves the published text.
    const note = author.page.getByRole("note", { name: "预览/未发布" });
    expect(await note.textContent()).toContain("公开页面仍是已发布的版本");
    await author.page.getByText(newText).waitFor();
    expect(await publicText()).toBe("old");
    await author.page.goto("/admin/content");
    expect(await author.page.getByRole("row").filter({ hasText: title }).getByRole("cell").nth(1).textContent()).toBe("已发布，有未发布的修改");
    await author.page.goto(`/policies/${id}`);
    await author.page.getByText(oldText).waitFor();
    expect(await author.page.getByText(newText).count()).toBe(0);
    await author.page.goto(`/admin/content/${id}/preview`);
    await waitForNewPage(author.page, () => author.page.getByRole("button", { name: "请人审核" }).click());
    expect(await author.page.getByRole("button", { name: "审核通过并发布" }).count()).toBe(0);

    const reviewer = await editor(false, "admin");
    await reviewer.page.goto("/admin/content");
    expect(await reviewer.page.getByRole("row").filter({ hasText: title }).getByRole("cell").nth(1).textContent()).toBe("已发布，修改待审核");
    await waitForNewPage(reviewer.page, () => reviewer.page.getByRole("link", { name: `预览“${title}”` }).click());
    await reviewer.page.getByText(newText).waitFor();
    await waitForNewPage(reviewer.page, () => reviewer.page.getByRole("button", { name: "审核通过并发布" }).click());
    await reviewer.page.getByRole("status").filter({ hasText: "已发布" }).waitFor();
    // Live within seconds: the new text replaces the old one on the public page.
    await untilSeenEverywhere(publicText, "new");
    await reviewer.page.goto(`/policies/${id}`);
    await reviewer.page.getByText(newText).waitFor();

    await author.context.close();
    await reviewer.context.close();
    await unpublish(id);
    await untilSeenEverywhere(publicText, 404);
    // Three live re-indexings (published, replaced, unpublished), each waited for on every worker.
  }, 120_000);

  it("a document's history lists its versions, shows a diff in words and restores an old version as a new draft (no JavaScript)", async () => {
    const id = `e2e-history-${Date.now()}`;
    const title = `关于聋人围棋比赛的补充通知${Date.now() % 100000}`;
    const oldText = "12月20日前发短信报名。";
    const newText = "12月22日前发短信或微信报名。";
    const meta = testNoticeMeta(id, { title, topics: ["culture"], audience: ["hearing"] });
    const bodyWith = (text: string) => `## 一、比赛时间\n\n聋人围棋比赛于2026年12月27日举行。\n\n## 二、怎样报名\n\n${text}\n`;
    // Two versions of a draft (never public: nothing for the other test files to see).
    await publishDirectly(id, false, { meta, body: bodyWith(oldText) });
    await publishDirectly(id, false, { meta, body: bodyWith(newText) });

    const { context, page } = await editor(false);
    await page.goto(`/admin/content/${id}`);
    const history = page.getByRole("table", { name: /这份文件的全部 2 个版本/ });
    expect(await history.getByRole("rowheader").allTextContents()).toEqual(["第2版 （正在修改的版本）", "第1版"]);
    await page.getByLabel("比较").selectOption("1");
    await page.getByLabel("和").selectOption("2");
    await waitForNewPage(page, () => page.getByRole("button", { name: "比较这两个版本" }).click());
    const diff = page.getByRole("table", { name: /第1版和第2版的差别/ });
    expect(await diff.getByRole("row").filter({ hasText: "删除" }).getByRole("deletion").textContent()).toBe(oldText);
    expect(await diff.getByRole("row").filter({ hasText: "新增" }).getByRole("insertion").textContent()).toBe(newText);
    await waitForNewPage(page, () => page.getByRole("button", { name: "恢复第1版" }).click());
    expect(await page.getByRole("note", { name: "预览/未发布" }).textContent()).toContain("第1版已恢复为新草稿（第3版）");
    await page.getByText(oldText).waitFor();
    await page.goto(`/admin/content/${id}`);
    const after = page.getByRole("table", { name: /这份文件的全部 3 个版本/ });
    expect(await after.getByRole("row", { name: /第3版/ }).getByRole("cell").nth(2).textContent()).toBe("恢复第1版");
    await context.close();

    // The versions page by keyboard, and axe, with JavaScript.
    const keyboard = await editor(true);
    await keyboard.page.goto(`/admin/content/${id}/versions?from=2&to=3`);
    await waitForHydration(keyboard.page);
    await expectNoAxeViolations(keyboard.page, "versions");
    await tabTo(keyboard.page, keyboard.page.getByRole("button", { name: "比较这两个版本" }), 80);
    expect(consoleErrors(keyboard.page)).toEqual([]);
    await keyboard.context.close();
  });

  it("the staff preview is the public page: the same article, step by step and easy-read included, in Chinese and in English", async () => {
    const { context, page } = await editor(false);
    // (A guide with both a step-by-step list and an easy-read version.)
    const id = "assistive-devices-guide";
    for (const prefix of ["", "/en"]) {
      await page.goto(`${prefix}/policies/${id}`);
      const published = await page.locator("article.policy").innerText();
      await page.goto(`${prefix}/admin/content/${id}/preview`);
      const preview = page.locator("article.policy");
      // The guide's step-by-step list, as the public page shows it.
      expect(await preview.getByRole("region", { name: prefix ? "Steps" : "办理步骤" }).getByRole("listitem").count()).toBeGreaterThan(2);
      expect(await preview.getByText(prefix ? "Easy read" : "易读版", { exact: false }).count()).toBeGreaterThan(0);
      // Word for word, after the preview's own banner ("预览/未发布 …") at its top.
      expect(await preview.innerText(), `${prefix || "zh-CN"} preview`).toContain(published);
    }
    await context.close();
  });

  it("markup typed in a body never runs: a <script> and an onerror are shown as text on the public page and in the staff preview", async () => {
    const stamp = Date.now();
    const doc = chessNotice(`e2e-chess-markup-${stamp}`);
    const markup = '<script>window.injected = 1</script><img src="x" onerror="window.injected = 2">';
    const body = doc.body.replace(/\n\n/, `\n\n${markup}\n\n`);
    expect(body).toContain(markup);
    await publishDirectly(doc.meta.id, true, { meta: doc.meta, body });
    await untilSeenEverywhere(async () => (await fetch(`${baseURL()}/policies/${doc.meta.id}`)).status, 200);
    const { context, page } = await editor(true);
    for (const path of [`/policies/${doc.meta.id}`, `/admin/content/${doc.meta.id}/preview`]) {
      await page.goto(path);
      await waitForHydration(page);
      await page.getByText("<script>window.injected = 1</script>", { exact: false }).first().waitFor();
      expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected), path).toBeUndefined();
      expect(await page.locator('main img[onerror], main script:not([src]):not([type="application/json"])').count(), path).toBe(0);
    }
    await context.close();
    await unpublish(doc.meta.id);
  }, 120_000);

  it("a repealed notice stays on its page, marked 已废止 with a link to the one that replaces it, and the assistant does not cite it", async () => {
    const stamp = Date.now();
    const next = chessNotice(`e2e-chess-new-${stamp}`);
    const old = chessNotice(`e2e-chess-old-${stamp}`);
    await publishDirectly(next.meta.id, true, { meta: { ...next.meta, title: `新的象棋比赛通知${stamp % 100000}` }, body: next.body });
    await publishDirectly(old.meta.id, true, { meta: { ...old.meta, status: "repealed", supersededBy: next.meta.id }, body: old.body });
    const seen = async () => {
      const [a, b] = await Promise.all([documentSeen(baseURL(), old.meta.id, old.words, old.question), documentSeen(baseURL(), next.meta.id, next.words, next.question)]);
      return { old: a, next: b };
    };
    // Both pages and both in the search; only the one in force is cited.
    await untilSeenEverywhere(seen, { old: { page: 200, search: true, cited: false }, next: { page: 200, search: true, cited: true } });
    const { context, page } = await editor(false);
    await page.goto(`/policies/${old.meta.id}`);
    await page.getByText("这份文件已经废止，仅供参考。").waitFor();
    await waitForNewPage(page, () => page.getByRole("link", { name: `新的象棋比赛通知${stamp % 100000}` }).click());
    expect(page.url()).toContain(`/policies/${next.meta.id}`);
    await context.close();
    await unpublish(old.meta.id);
    await unpublish(next.meta.id);
    await untilSeenEverywhere(async () => [(await fetch(`${baseURL()}/policies/${old.meta.id}`)).status, (await fetch(`${baseURL()}/policies/${next.meta.id}`)).status], [404, 404]);
  }, 120_000);

  it("one article repealed in the console (no JavaScript): a second person approves; the page keeps it, marked in words; the assistant cites its neighbours, not it; axe", async () => {
    const stamp = Date.now();
    const id = `e2e-articles-${stamp}`;
    const title = `关于举办清远市残疾人棋类比赛的通知${stamp % 100000}`;
    const body =
      "## 第一条 盲人象棋比赛\n\n盲人象棋比赛于2026年12月20日在清远市残疾人综合服务中心举行，视力残疾人持残疾人证报名。\n\n" +
      "## 第二条 聋人围棋比赛\n\n聋人围棋比赛于2026年12月27日在清远市残疾人综合服务中心举行，听力残疾人发短信报名。\n\n" +
      "## 第三条 轮椅篮球比赛\n\n轮椅篮球比赛于2027年1月10日在清远市体育馆举行，肢体残疾人打电话报名。\n";
    await publishDirectly(id, true, { meta: testNoticeMeta(id, { title, topics: ["culture"], audience: ["everyone"] }), body });
    const citedAnchors = async (question: string): Promise<string[]> => {
      const chat = await (await fetch(`${baseURL()}/api/v1/chat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question }) })).json();
      return (chat.citations as Array<{ url: string }>).filter((c) => c.url.includes(`/policies/${id}#`)).map((c) => c.url.split("#")[1]!);
    };
    const cited = async () => ({
      go: (await citedAnchors("聋人围棋比赛什么时候举行？")).includes("art-2"),
      chess: (await citedAnchors("盲人象棋比赛什么时候举行？")).includes("art-1"),
    });
    await untilSeenEverywhere(cited, { go: true, chess: true });

    const author = await editor(false);
    await author.page.goto(`/admin/content/${id}`);
    await author.page.getByRole("group", { name: "废止或替代某一条" }).waitFor();
    await author.page.getByLabel("废止哪一条").selectOption({ label: "第二条 聋人围棋比赛" });
    await author.page.getByLabel("这一条的废止日期").fill("2026-12-01");
    // Without a reason: refused, the message in the error summary linked to its field.
    await waitForNewPage(author.page, () => author.page.getByRole("button", { name: "保存为草稿" }).click());
    expect(await author.page.title()).toMatch(/^错误：/);
    const summary = author.page.getByRole("group", { name: "提交前请修改以下问题" });
    expect(await summary.getByRole("link", { name: "请填写废止原因（中文）" }).getAttribute("href")).toBe("#draft-repealNote");
    await author.page.getByLabel("废止原因（中文）").fill("聋人围棋比赛取消。");
    await waitForNewPage(author.page, () => author.page.getByRole("button", { name: "保存为草稿" }).click());
    await waitForNewPage(author.page, () => author.page.getByRole("button", { name: "请人审核" }).click());
    // Not public before the second person approves.
    expect(await cited()).toEqual({ go: true, chess: true });

    const reviewer = await editor(false, "admin");
    await reviewer.page.goto(`/admin/content/${id}/preview`);
    // The reviewer is told what approving does.
    expect(await reviewer.page.getByRole("note", { name: "预览/未发布" }).textContent()).toContain("这一版会废止第二条");
    await waitForNewPage(reviewer.page, () => reviewer.page.getByRole("button", { name: "审核通过并发布" }).click());
    await reviewer.page.getByRole("status").filter({ hasText: "已发布" }).waitFor();
    // The repealed article is no longer cited; its neighbour still is.
    await untilSeenEverywhere(cited, { go: false, chess: true });

    // The public page, as a reader with JavaScript sees it (axe runs in the page).
    const reader = await newContext(browser, { javaScriptEnabled: true });
    const page = await reader.newPage();
    await page.goto(`/policies/${id}`);
    // Kept, and said in words: the heading, a note under it, and the overview at the top linking to it.
    await page.getByRole("heading", { level: 2, name: "第二条 聋人围棋比赛（已废止）" }).waitFor();
    await page.getByText("本条已于2026年12月1日").first().waitFor();
    const overview = page.getByRole("region", { name: "这份文件有部分条款已经废止" });
    expect(await overview.textContent()).toContain("聋人围棋比赛取消。");
    expect(await overview.getByRole("link", { name: "第二条" }).getAttribute("href")).toBe("#art-2");
    await page.getByText("聋人围棋比赛于2026年12月27日").waitFor();
    expect(await page.getByRole("heading", { level: 2, name: "第一条 盲人象棋比赛" }).count()).toBe(1);
    await expectNoAxeViolations(page, "a document with a repealed article");
    await page.goto(`/en/policies/${id}`);
    await page.getByRole("heading", { level: 2, name: /第二条 聋人围棋比赛 \(repealed\)/ }).waitFor();
    await expectNoAxeViolations(page, "a document with a repealed article, in English");
    expect(consoleErrors(page)).toEqual([]);

    await reader.close();
    await author.context.close();
    await reviewer.context.close();
    await unpublish(id);
    await untilSeenEverywhere(async () => (await fetch(`${baseURL()}/policies/${id}`)).status, 404);
  }, 120_000);
});
