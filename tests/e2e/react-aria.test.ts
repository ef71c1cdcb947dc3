import Database from "better-sqlite3";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration, waitForNewPage } from "./browser";
import { typeDateTime } from "./date-fields";
import { signInContext } from "./staff";

/**
 * The React Aria widgets (docs/decisions/0011-react-aria-components.md), each with the keyboard alone, found by role and
 * accessible name, axe-clean, and each with the plain-HTML page it enhances, checked with JavaScript off:
 * the seat-hold warning dialog, the sortable staff tables, the date and time fields of the staff screening form,
 * the searchable device picker of the staff intake form.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const h1 = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name }).waitFor();
const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);
const focusIsInside = (target: Locator) => target.evaluate((el) => el.contains(document.activeElement));

/** Makes the person's seat hold end in `ms` from now (the e2e server's throw-away SQLite database). */
function holdEndsIn(page: Page, ms: number) {
  const draftId = /\/book\/([^/]+)\//.exec(page.url())![1];
  const db = new Database(inject("databaseUrl").replace(/^file:/, ""));
  db.pragma("busy_timeout = 5000");
  try {
    const { hold_id: holdId } = db.prepare("select json_extract(payload, '$.holdId') as hold_id from flow_drafts where id = ?").get(draftId) as { hold_id: string };
    const expiresAt = new Date(Date.now() + ms).toISOString();
    db.prepare("update cinema_holds set expires_at = ? where id = ?").run(expiresAt, holdId);
    db.prepare("update cinema_booking_seats set hold_expires_at = ? where hold_id = ?").run(expiresAt, holdId);
  } finally {
    db.close();
  }
}

/** From the schedule to the contact step with one seat held (the offer accepted), with or without JavaScript. */
async function toContactStep(page: Page, javascript: boolean) {
  await page.goto("/cinema");
  if (javascript) await waitForHydration(page);
  const go = (target: Locator) => (javascript ? target.click() : waitForNewPage(page, () => target.click()));
  await go(page.getByRole("link", { name: /^预订.+的《.+》$/ }).first());
  await h1(page, /^《.+》$/);
  await go(page.getByRole("button", { name: "开始预订" }));
  await h1(page, "一共几位观看？");
  await page.getByRole("radio", { name: "只有我（1人）" }).check();
  await go(page.getByRole("button", { name: "继续" }));
  await h1(page, "1位观众中，有以下需要吗？");
  await go(page.getByRole("button", { name: "继续" }));
  await h1(page, "为1位观众安排座位");
  await go(page.getByRole("button", { name: "接受这些座位" }));
  await h1(page, "您的姓名和手机号码");
}

describe("the seat-hold warning dialog", () => {
  it("takes focus when the hold is about to end, closes with Escape and gives focus back; “more time” extends it", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await toContactStep(page, true);

    // The warning comes two minutes before the end: make the end two minutes and a few seconds away.
    holdEndsIn(page, 124_000);
    await page.reload();
    await waitForHydration(page);
    const noticeButton = page.getByRole("button", { name: "延长保留时间10分钟" });
    await tabTo(page, noticeButton);
    const dialog = page.getByRole("alertdialog", { name: "座位保留快到时间了" });
    await dialog.waitFor({ timeout: 20_000 });
    expect(await dialog.textContent()).toContain("提醒：座位保留还有2分钟就结束。");
    // Focus is inside, on "more time"; Tab stays inside the dialog.
    const more = dialog.getByRole("button", { name: "延长保留时间10分钟" });
    expect(await isFocused(more)).toBe(true);
    await page.keyboard.press("Tab");
    expect(await isFocused(dialog.getByRole("button", { name: "不用延长，关闭提醒" }))).toBe(true);
    await page.keyboard.press("Tab");
    expect(await focusIsInside(dialog)).toBe(true);
    await expectNoAxeViolations(page, "hold warning dialog");

    // Escape closes it; focus is back on the control the person was on.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await isFocused(noticeButton)).toBe(true);

    // Again, and this time "more time": the same form post as the notice's button.
    holdEndsIn(page, 123_000);
    await page.reload();
    await waitForHydration(page);
    await dialog.waitFor({ timeout: 20_000 });
    expect(await isFocused(more)).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/extended=1/);
    await page.waitForFunction(() => document.querySelector(".hold-notice__live")?.textContent?.startsWith("已延长。"));
    expect(await page.getByRole("alertdialog").count()).toBe(0);
    expect(await page.locator(".hold-notice").textContent()).toContain("还可以延长9次");
    expect(consoleErrors(page)).toEqual([]);
    await context.close();
  });

  it("without JavaScript: no dialog, the notice's button extends the hold", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await toContactStep(page, false);
    holdEndsIn(page, 110_000);
    await page.reload();
    expect(await page.getByRole("alertdialog").count()).toBe(0);
    const noticeButton = page.getByRole("button", { name: "延长保留时间10分钟" });
    await tabTo(page, noticeButton);
    await waitForNewPage(page, () => page.keyboard.press("Enter"));
    expect(page.url()).toMatch(/extended=1/);
    expect(await page.locator(".hold-notice").textContent()).toContain("还可以延长9次");
    await context.close();
  });
});

/** The title in a staff screening row's header cell ("《title》" and the time, which is visually hidden). */
const filmTitles = async (page: Page) =>
  (await page.getByRole("rowheader").allTextContents()).map((text) => /《(.+?)》/.exec(text)?.[1] ?? text);
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe("sortable staff tables", () => {
  it("sorts the screenings by a column header with the keyboard (React Aria table, aria-sort)", async () => {
    const context = await newContext(browser);
    await signInContext(context, "cinema");
    const page = await context.newPage();
    await page.goto("/admin/cinema");
    await waitForHydration(page);
    const table = page.getByRole("grid", { name: /^即将放映的场次/ });
    await table.waitFor();
    const film = table.getByRole("columnheader", { name: "影片" });
    expect(await table.getByRole("columnheader", { name: "开场时间" }).getAttribute("aria-sort")).toBe("ascending");
    await expectNoAxeViolations(page, "sortable screenings");

    // Tab into the table, up to the header row, along it to "影片", Enter.
    for (let i = 0; i < 60 && !(await focusIsInside(table)); i++) await page.keyboard.press("Tab");
    expect(await focusIsInside(table)).toBe(true);
    for (let i = 0; i < 3 && !(await focusIsInside(table.getByRole("row").first())); i++) await page.keyboard.press("ArrowUp");
    for (let i = 0; i < 8 && !(await isFocused(film)); i++) await page.keyboard.press("ArrowLeft");
    expect(await isFocused(film)).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/sort=film$/);
    await expect.poll(() => film.getAttribute("aria-sort")).toBe("ascending");
    const ascending = await filmTitles(page);
    expect(ascending).toEqual([...ascending].sort(byCodePoint));
    // Sorting is not a new page: focus stays on the header.
    expect(await isFocused(film)).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/sort=film-desc$/);
    await expect.poll(() => film.getAttribute("aria-sort")).toBe("descending");
    const descending = await filmTitles(page);
    expect(descending).toEqual([...descending].sort(byCodePoint).reverse());
    expect(consoleErrors(page)).toEqual([]);
    await context.close();
  });

  it("without JavaScript: the headers are links to ?sort=, and the sorted one says so (aria-sort)", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    await signInContext(context, "cinema");
    const page = await context.newPage();
    await page.goto("/admin/cinema");
    const table = page.getByRole("table", { name: /^即将放映的场次/ });
    expect(await table.getByRole("columnheader", { name: /^开场时间/ }).getAttribute("aria-sort")).toBe("ascending");
    const filmLink = table.getByRole("link", { name: /^影片\s*（按此列排序）$/ });
    await tabTo(page, filmLink);
    await waitForNewPage(page, () => page.keyboard.press("Enter"));
    expect(page.url()).toMatch(/sort=film$/);
    expect(await table.getByRole("columnheader", { name: /^影片/ }).getAttribute("aria-sort")).toBe("ascending");
    expect(await table.getByRole("columnheader", { name: /^开场时间/ }).getAttribute("aria-sort")).toBeNull();
    const titles = await filmTitles(page);
    expect(titles).toEqual([...titles].sort(byCodePoint));
    // A mangled ?sort= is the default order, not an error.
    const res = await page.goto("/admin/cinema?sort=%27;drop");
    expect(res?.status()).toBe(200);
    expect(await table.getByRole("columnheader", { name: /^开场时间/ }).getAttribute("aria-sort")).toBe("ascending");

    // The loans table, the same way.
    await signInContext(context, "lending");
    await page.goto("/admin/devices/loans?view=all");
    const loans = page.getByRole("table", { name: /^借用记录/ });
    await waitForNewPage(page, () => loans.getByRole("link", { name: /^应还日期\s*（按此列排序）/ }).click());
    expect(page.url()).toMatch(/view=all&sort=due$/);
    expect(await loans.getByRole("columnheader", { name: /^应还日期/ }).getAttribute("aria-sort")).toBe("ascending");
    await waitForNewPage(page, () => loans.getByRole("link", { name: /^应还日期\s*（按此列排序）/ }).click());
    expect(page.url()).toMatch(/sort=due-desc$/);
    expect(await loans.getByRole("columnheader", { name: /^应还日期/ }).getAttribute("aria-sort")).toBe("descending");
    await context.close();
  });
});

describe("date and time fields on the staff screening form", () => {
  const china = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);

  it("are typed by keyboard into React Aria date fields, with the hint and the error wired, and post the value the action reads", async () => {
    const context = await newContext(browser);
    await signInContext(context, "cinema");
    const page = await context.newPage();
    await page.goto("/admin/cinema/new");
    await waitForHydration(page);
    await h1(page, "新建场次");
    const start = page.getByRole("group", { name: "开场时间" });
    const describedBy = (field: Locator) =>
      field.evaluate((el) => (el.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "));
    expect(await describedBy(start)).toContain("北京时间，例如 2026-12-05 14:30");
    await expectNoAxeViolations(page, "screening form with date fields");

    // Sent empty: the error summary links to the field, and the field's description carries the error.
    await page.getByRole("button", { name: "创建场次" }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    await expect.poll(() => page.title()).toMatch(/^错误：/);
    const link = summary.getByRole("link", { name: "请填写开场时间" });
    expect(await link.getAttribute("href")).toBe(`#${await start.getAttribute("id")}`);
    await expect.poll(() => describedBy(start)).toContain("请填写开场时间");
    await expectNoAxeViolations(page, "screening form with errors");

    const startsAt = Date.now() + 14 * 86_400_000;
    await page.getByRole("textbox", { name: "中文片名" }).fill("键盘日期测试");
    await page.getByRole("textbox", { name: "英文片名" }).fill("Keyboard date test");
    await typeDateTime(page, start, china(startsAt));
    await typeDateTime(page, page.getByRole("group", { name: "开放预订时间" }), china(Date.now() - 3_600_000));
    await typeDateTime(page, page.getByRole("group", { name: "预订截止时间" }), china(startsAt - 2 * 3_600_000));
    await page.getByRole("button", { name: "创建场次" }).click();
    await h1(page, "《键盘日期测试》的预订");
    // The time typed is the time saved: the edit form shows it back.
    await page.getByRole("link", { name: "编辑场次" }).click();
    await h1(page, "编辑《键盘日期测试》");
    const segments = await page.getByRole("group", { name: "开场时间" }).getByRole("spinbutton").allTextContents();
    const [, y, mo, d, hh, mm] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(china(startsAt))!;
    expect(segments.join(" ")).toBe([y, mo, d, hh, mm].join(" "));
    expect(consoleErrors(page).filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  });

  it("without JavaScript: the native datetime-local inputs, labelled, with the hint, posting the same values", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    await signInContext(context, "cinema");
    const page = await context.newPage();
    await page.goto("/admin/cinema/new");
    const start = page.getByLabel("开场时间");
    expect(await start.getAttribute("type")).toBe("datetime-local");
    const startsAt = Date.now() + 15 * 86_400_000;
    await page.getByRole("textbox", { name: "中文片名" }).fill("无脚本日期测试");
    await page.getByRole("textbox", { name: "英文片名" }).fill("No-script date test");
    await start.fill(china(startsAt));
    await page.getByLabel("开放预订时间").fill(china(Date.now() - 3_600_000));
    await page.getByLabel("预订截止时间").fill(china(startsAt - 2 * 3_600_000));
    await waitForNewPage(page, () => page.getByRole("button", { name: "创建场次" }).click());
    await h1(page, "《无脚本日期测试》的预订");
    await context.close();
  });
});

describe("the searchable device picker on the staff intake form", () => {
  it("filters the catalogue as a name is typed, is chosen with the arrow keys and Enter, and posts the device the action reads", async () => {
    const context = await newContext(browser);
    await signInContext(context, "lending");
    const page = await context.newPage();
    await page.goto("/admin/devices/intake");
    await waitForHydration(page);
    await h1(page, "入库登记");
    const picker = page.getByRole("combobox", { name: "器具" });
    expect(await picker.evaluate((el) => el.tagName)).toBe("INPUT");
    const description = await picker.evaluate((el) => (el.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "));
    expect(description).toContain("输入名称的一部分来查找");
    await expectNoAxeViolations(page, "intake with the device picker");

    // Sent with a place but without a device: the summary's link lands in the picker. (The place is chosen first:
    // once the picker has focus its list is open, and a click elsewhere first closes it.)
    await page.getByRole("radio", { name: "佛冈县借用点" }).check();
    await page.getByRole("button", { name: "确认入库" }).click();
    const link = page.locator(".error-summary").getByRole("link", { name: /器具/ });
    await link.waitFor();
    // (With the keyboard, as the rest of this flow: the summary has focus, Tab reaches its link, Enter follows it.)
    await tabTo(page, link);
    await page.keyboard.press("Enter");
    await expect.poll(() => isFocused(picker)).toBe(true);

    // Typing at once narrows the list to what contains the words (the link's jump no longer scrolls smoothly
    // under the open list, which closed it and threw the text away); ↓ and Enter choose.
    await page.keyboard.type("轮椅");
    const options = page.getByRole("listbox").getByRole("option");
    await expect.poll(async () => {
      const shown = await options.allTextContents();
      return shown.length > 0 && shown.every((n) => n.includes("轮椅"));
    }).toBe(true);
    const names = await options.allTextContents();
    // While the list is open React Aria hides the rest of the page from screen readers (aria-hidden), so the virtual
    // cursor stays in the combobox and its list; Tab still leaves and closes it. axe flags the focusable links under
    // that aria-hidden; nothing else may fail (docs/decisions/0011-react-aria-components.md).
    expect((await axeViolations(page)).filter((v) => v.id !== "aria-hidden-focus")).toEqual([]);
    await expect.poll(() => page.locator("header").getAttribute("aria-hidden")).toBe("true");
    // ↓ makes the first option the active one (what a screen reader announces); Enter then chooses it, and the
    // input shows its name once React Aria has applied the choice.
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => picker.getAttribute("aria-activedescendant")).toBeTruthy();
    await page.keyboard.press("Enter");
    await expect.poll(() => picker.inputValue()).toBe(names[0]);
    await expect.poll(() => page.getByRole("listbox").count()).toBe(0);

    // A word that matches nothing says so.
    await picker.fill("不存在的器具");
    await page.getByText("没有符合的选项，请换个词试试。").waitFor();
    await page.keyboard.press("Escape");
    await picker.fill("");
    await page.keyboard.type(names[0]);
    await page.getByRole("option", { name: names[0], exact: true }).click();

    await page.getByRole("spinbutton", { name: "数量" }).fill("1");
    await page.getByRole("textbox", { name: "来源说明" }).fill("键盘选择测试");
    await page.getByRole("button", { name: "确认入库" }).click();
    await page.getByRole("status").filter({ hasText: "已入库 1 件" }).waitFor();
    expect(decodeURIComponent(page.url())).toContain("location=fogang-point");
    expect(await page.locator("main").textContent()).toContain(names[0]);
    expect(consoleErrors(page).filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  });

  it("without JavaScript: a native select, labelled, posting the same value", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    await signInContext(context, "lending");
    const page = await context.newPage();
    await page.goto("/admin/devices/intake");
    const picker = page.getByRole("combobox", { name: "器具" });
    expect(await picker.evaluate((el) => el.tagName)).toBe("SELECT");
    await picker.selectOption({ label: "取物器" });
    await page.getByRole("radio", { name: "佛冈县借用点" }).check();
    await page.getByRole("textbox", { name: "来源说明" }).fill("无脚本入库");
    await waitForNewPage(page, () => page.getByRole("button", { name: "确认入库" }).click());
    await page.getByRole("status").filter({ hasText: "已入库 1 件" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("取物器");
    await context.close();
  });
});
