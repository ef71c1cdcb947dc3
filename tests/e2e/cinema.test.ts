import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { baseURL, consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration } from "./browser";
import { typeDateTime } from "./date-fields";
import { signInContext } from "./staff";
// `fetch` checks every /api/ answer against the OpenAPI document the portal serves (tests/support/openapi-check.ts).
import { checkedFetch as fetch } from "../support/openapi-check";

/**
 * The barrier-free cinema in a real browser: booking with the keyboard alone (with and without JavaScript),
 * finding each control by role and accessible name as a screen reader does; choosing seats from the seat list;
 * the seat-hold warning in its live region; managing a booking; and the staff pages at the door.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** The e2e server's SQLite file (the harness starts it with a throw-away database). */
function openE2eDatabase() {
  const file = inject("databaseUrl").replace(/^file:/, "");
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  return db;
}

interface ApiScreening {
  id: string;
  title: string;
  seatsAvailable: number;
}
async function upcomingScreenings(): Promise<ApiScreening[]> {
  const res = await fetch(`${baseURL()}/api/v1/screenings`);
  return ((await res.json()) as { screenings: ApiScreening[] }).screenings;
}

async function apiBooking(screeningId: string, body: Record<string, unknown>): Promise<{ reference: string; seats: string[] }> {
  const res = await fetch(`${baseURL()}/api/v1/screenings/${screeningId}/bookings`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { reference: string; seats: string[] };
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name }).waitFor();

/** Tab to a control and press a key on it, the way a keyboard user does. */
async function press(page: Page, target: ReturnType<Page["getByRole"]>, key = "Enter", maxTabs = 80) {
  await tabTo(page, target, maxTabs);
  await page.keyboard.press(key);
}

/** From a screening's page to "choose 1 seat" for one person with no needs, keyboard only. */
async function toSeatChoiceForOne(page: Page) {
  await press(page, page.getByRole("button", { name: "开始预订" }));
  await h1(page, "一共几位观看？");
  await press(page, page.getByRole("radio", { name: "只有我（1人）" }), "Space");
  await press(page, page.getByRole("button", { name: "继续" }));
  await h1(page, "1位观众中，有以下需要吗？");
  await press(page, page.getByRole("button", { name: "继续" }));
  await h1(page, "为1位观众安排座位");
  await press(page, page.getByRole("link", { name: "我自己选座位" }));
}

/**
 * The whole booking, keyboard only: schedule → screening → people → needs → seats (accept the offer told in
 * words) → contact (a mistake first) → check your answers → confirm → confirmation with a reference.
 */
async function bookWithKeyboard(page: Page, javascript: boolean, person: { name: string; phone: string }) {
  const axe = async (label: string) => {
    if (javascript) await expectNoAxeViolations(page, label);
  };
  await page.goto("/cinema");
  if (javascript) await waitForHydration(page);
  await h1(page, "无障碍影院");
  await axe("schedule");
  // A heading per day, not a landmark per day; every booking link names its day and time, so none repeats.
  expect(await page.getByRole("region", { name: /\d+月\d+日/ }).count()).toBe(0);
  const bookNames = await page.getByRole("link", { name: /^预订/ }).allTextContents();
  expect(bookNames.length).toBeGreaterThan(1);
  expect(new Set(bookNames).size).toBe(bookNames.length);

  // The first screening that can be booked: its link says which film.
  const bookLink = page.getByRole("link", { name: /^预订.+的《.+》$/ }).first();
  const linkName = (await bookLink.textContent())!;
  const title = /《(.+)》/.exec(linkName)![1];
  await press(page, bookLink);
  await h1(page, `《${title}》`);
  expect(await page.locator(".seats-left").textContent()).toMatch(/剩余\d+个座位/);
  await axe("screening");

  await press(page, page.getByRole("button", { name: "开始预订" }));
  await h1(page, "一共几位观看？");
  expect(await page.title()).toBe("几位观看 - 清远市残联服务门户");
  await axe("people");
  // Radios: Tab into the group, arrow to the answer.
  const justMe = page.getByRole("radio", { name: "只有我（1人）" });
  await tabTo(page, justMe, 80);
  await page.keyboard.press("ArrowDown");
  expect(await page.getByRole("radio", { name: "我和1位同伴（共2人）" }).isChecked()).toBe(true);
  await press(page, page.getByRole("button", { name: "继续" }));

  await h1(page, "2位观众中，有以下需要吗？");
  await axe("needs");
  await press(page, page.getByRole("checkbox", { name: "带导盲犬" }), "Space");
  await press(page, page.getByRole("checkbox", { name: "需要口述影像耳机" }), "Space");
  expect(await page.getByRole("checkbox", { name: "带导盲犬" }).isChecked()).toBe(true);
  await press(page, page.getByRole("button", { name: "继续" }));

  await h1(page, "为2位观众安排座位");
  await axe("seats");
  // The best seats together, told in words ("第3排5号、6号"); the accept button is described by them.
  const offer = (await page.locator("#offer-words").textContent())!;
  expect(offer).toMatch(/^第\d排\d+号、\d+号/);
  const accept = page.getByRole("button", { name: "接受这些座位" });
  expect(await accept.getAttribute("aria-describedby")).toBe("offer-words");
  await press(page, accept);

  await h1(page, "您的姓名和手机号码");
  expect(await page.getByText(`您的座位：${offer}`).count()).toBe(1);
  // The hold is stated with a way to extend it (WCAG 2.2.1).
  expect(await page.getByRole("heading", { level: 2, name: "座位保留时间" }).count()).toBe(1);
  expect(await page.getByRole("button", { name: "延长保留时间10分钟" }).count()).toBe(1);
  await axe("contact");

  // A wrong number first: the error summary takes focus and links to the field.
  await tabTo(page, page.getByRole("textbox", { name: "姓名" }), 80);
  await page.keyboard.type(person.name);
  await tabTo(page, page.getByRole("textbox", { name: "手机号码" }), 5);
  await page.keyboard.type("12345");
  await page.keyboard.press("Enter");
  await page.locator(".error-summary").waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
  await expect.poll(() => page.title()).toMatch(/^错误：/);
  expect(await page.locator(".error-summary").getByRole("link").allTextContents()).toEqual(["请输入正确的11位手机号码，例如 13800000000"]);
  await axe("contact with errors");
  await press(page, page.locator(".error-summary").getByRole("link", { name: /手机号码/ }), "Enter", 5);
  await page.waitForFunction(() => document.activeElement?.id === "contact-phone");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(person.phone);
  await page.keyboard.press("Enter");

  await h1(page, "核对预订信息");
  const answers = (await page.locator(".summary-list").textContent())!;
  for (const text of [title, "我和1位同伴（共2人）", "带导盲犬", "需要口述影像耳机", offer, person.name, person.phone]) expect(answers).toContain(text);
  // Each "change" link names what it changes.
  expect(await page.getByRole("link", { name: /^修改\s*座位$/ }).count()).toBe(1);
  await axe("check your answers");
  await press(page, page.getByRole("button", { name: "确认预订" }));

  await h1(page, "预订成功");
  const reference = (await page.locator(".reference").first().textContent())!.trim();
  expect(reference).toMatch(/^DY-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  expect(await page.getByText(`您的座位：${offer}。`).count()).toBe(1);
  expect(await page.getByRole("link", { name: "下载日历文件（.ics），加到手机日历" }).count()).toBe(1);
  expect(await page.getByRole("link", { name: "大字版电子票（可打印）" }).count()).toBe(1);
  // The phone is masked once booked (on the whole page, read once it has finished loading).
  await page.waitForLoadState("load");
  expect(await page.content()).not.toContain(person.phone);
  await axe("confirmation");
  return { reference, title, offer };
}

describe("booking a seat", () => {
  it("works with the keyboard alone, with JavaScript, and every step has zero axe violations", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await bookWithKeyboard(page, true, { name: "陈读屏", phone: "13800001001" });
    // Chrome logs the expected 400 answer to the invalid post; anything else is a real error.
    expect(consoleErrors(page).filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  });

  let noJs: { reference: string; phone: string };
  it("works with the keyboard alone, without JavaScript", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const phone = "13800001002";
    const { reference } = await bookWithKeyboard(page, false, { name: "林无脚本", phone });
    noJs = { reference, phone };
    await context.close();
  });

  it("lets a person manage the booking with reference and phone, and cancel it", async () => {
    expect(noJs).toBeDefined();
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/cinema/booking");
    await waitForHydration(page);
    await h1(page, "查看或取消预订");
    await expectNoAxeViolations(page, "lookup");
    // A wrong phone is refused like an unknown reference.
    await page.getByRole("textbox", { name: "预订号" }).fill(noJs.reference.toLowerCase());
    await page.getByRole("textbox", { name: "手机号码" }).fill("13800009999");
    await page.getByRole("button", { name: "查找预订" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").textContent()).toContain("找不到与这个预订号和手机号码相符的预订");
    await page.getByRole("textbox", { name: "手机号码" }).fill(noJs.phone);
    await page.getByRole("button", { name: "查找预订" }).click();
    await h1(page, "我的预订");
    expect(await page.locator(".reference").first().textContent()).toBe(noJs.reference);
    expect(await page.getByText("138****1002").count()).toBe(1);
    await expectNoAxeViolations(page, "my booking");
    await page.getByRole("link", { name: "取消这个预订" }).click();
    await h1(page, "确定要取消这个预订吗？");
    await expectNoAxeViolations(page, "cancel booking");
    await page.getByRole("button", { name: "是的，取消预订" }).click();
    await page.getByRole("status").filter({ hasText: `预订 ${noJs.reference} 已取消。` }).waitFor();
    expect(await page.locator(".details-list").textContent()).toContain("已取消");
    await expectNoAxeViolations(page, "booking cancelled");
    await context.close();
  });

  it("offers a seat list grouped by row, a heading per row, each seat with its full name", async () => {
    const screenings = (await upcomingScreenings()).filter((s) => s.seatsAvailable > 10);
    const screening = screenings[1] ?? screenings[0];
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/cinema/${screening.id}`);
    await waitForHydration(page);
    await toSeatChoiceForOne(page);

    await h1(page, "选择1个座位");
    const rows = await page.getByRole("heading", { level: 2, name: /^第\d排（\d+个可选）$/ }).allTextContents();
    expect(rows.map((r) => /^第(\d)排/.exec(r)![1])).toEqual(["1", "2", "3", "4", "5", "6"]);
    // Each row is a labelled group (a screen reader says the row on entering it), not a landmark of its own.
    expect(await page.getByRole("group", { name: /^第3排/ }).getByRole("checkbox").count()).toBeGreaterThan(0);
    expect(await page.getByRole("region", { name: /^第\d排/ }).count()).toBe(0);
    // Full accessible names: row, number, state, and what the seat is.
    expect(await page.getByRole("checkbox", { name: "第1排 1号 可选 靠过道 低视力优先" }).count()).toBe(1);
    expect(await page.getByText("第6排 1号 仅供轮椅使用者 靠过道 轮椅位").count()).toBe(1);
    await expectNoAxeViolations(page, "choose seats");

    const seat = page.getByRole("checkbox", { name: "第4排 1号 可选 靠过道" });
    await press(page, seat, "Space");
    expect(await seat.isChecked()).toBe(true);
    await press(page, page.getByRole("button", { name: "保留这1个座位" }));
    await h1(page, "您的姓名和手机号码");
    expect(await page.getByText(/您的座位：第4排1号/).count()).toBe(1);
    await context.close();
  });

  it("without JavaScript, a refused seat choice keeps the seats the person ticked", async () => {
    const screenings = (await upcomingScreenings()).filter((s) => s.seatsAvailable > 10);
    const screening = screenings[2] ?? screenings[0];
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/cinema/${screening.id}`);
    await toSeatChoiceForOne(page);
    await h1(page, "选择1个座位");
    const first = page.getByRole("checkbox", { name: "第5排 1号 可选 靠过道" });
    const second = page.getByRole("checkbox", { name: /^第5排 2号 可选/ });
    await press(page, first, "Space");
    await press(page, second, "Space");
    await press(page, page.getByRole("button", { name: "保留这1个座位" }));
    await page.locator(".error-summary").filter({ hasText: "请正好选择 1 个座位" }).waitFor();
    expect(await first.isChecked()).toBe(true);
    expect(await second.isChecked()).toBe(true);
    await context.close();
  });

  it("announces the end of the seat hold in a polite live region, with a button to extend", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/cinema");
    await waitForHydration(page);
    await page.getByRole("link", { name: /^预订.+的《.+》$/ }).first().click();
    await h1(page, /^《.+》$/);
    await page.getByRole("button", { name: "开始预订" }).click();
    await h1(page, "一共几位观看？");
    await page.getByRole("radio", { name: "只有我（1人）" }).check();
    await page.getByRole("button", { name: "继续" }).click();
    await h1(page, "1位观众中，有以下需要吗？");
    await page.getByRole("button", { name: "继续" }).click();
    await h1(page, "为1位观众安排座位");
    await page.getByRole("button", { name: "接受这些座位" }).click();
    await h1(page, "您的姓名和手机号码");

    // Shorten the hold so that it ends in two minutes and a few seconds.
    const draftId = /\/book\/([^/]+)\/contact/.exec(page.url())![1];
    const db = openE2eDatabase();
    try {
      const { hold_id: holdId } = db.prepare("select json_extract(payload, '$.holdId') as hold_id from flow_drafts where id = ?").get(draftId) as { hold_id: string };
      const expiresAt = new Date(Date.now() + 125_000).toISOString();
      db.prepare("update cinema_holds set expires_at = ? where id = ?").run(expiresAt, holdId);
      db.prepare("update cinema_booking_seats set hold_expires_at = ? where hold_id = ?").run(expiresAt, holdId);
    } finally {
      db.close();
    }
    await page.reload();
    await waitForHydration(page);
    expect(await page.locator(".hold-notice").textContent()).toMatch(/还有约3分钟/);
    const live = page.locator(".hold-notice__live");
    expect(await live.getAttribute("role")).toBe("status");
    expect(await live.getAttribute("aria-live")).toBe("polite");
    await page.waitForFunction(() => document.querySelector(".hold-notice__live")?.textContent?.includes("还有2分钟就结束"), null, { timeout: 20_000 });
    expect(await live.textContent()).toBe("提醒：座位保留还有2分钟就结束。需要更多时间，请按“延长保留时间10分钟”按钮。");
    await expectNoAxeViolations(page, "hold warning");

    // Extend with the keyboard: the page says the new time, politely, and how many extensions are left.
    // The warning also opens as a dialog (HoldWarningDialog) with focus on its own "more time" button.
    await press(page, page.getByRole("alertdialog", { name: "座位保留快到时间了" }).getByRole("button", { name: "延长保留时间10分钟" }));
    await page.waitForURL(/extended=1/);
    await page.waitForFunction(() => document.querySelector(".hold-notice__live")?.textContent?.startsWith("已延长。"));
    expect(await live.textContent()).toMatch(/^已延长。座位现在保留到\d{2}:\d{2}。$/);
    // Ten minutes on top of the two that were left, and nine more extensions.
    expect(await page.locator(".hold-notice").textContent()).toContain("还可以延长9次");
    expect(await page.locator(".hold-notice").textContent()).toMatch(/还有约1[12]分钟/);
    await context.close();
  });
});

describe("staff at the door", () => {
  it("finds a booking, shows the phone and checks the party in; the audit log lists each action", async () => {
    const [screening] = await upcomingScreenings();
    const { reference } = await apiBooking(screening.id, { name: "门口测试", phone: "13912340000", tickets: 2, needs: ["guideDog", "escort"] });
    // A waiting-list entry for the staff list (joining is only offered when a screening is full).
    const db = openE2eDatabase();
    const waitingId = "HB-E2E2-WAIT";
    try {
      db.prepare(
        "insert into cinema_waiting_list (id, screening_id, name, phone, tickets, status, locale, created_at, offered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ).run(waitingId, screening.id, "候补测试", "13711112222", 2, "waiting", "zh-CN", new Date().toISOString(), null);
    } finally {
      db.close();
    }

    const context = await newContext(browser);
    await signInContext(context, "cinema");
    const page = await context.newPage();
    await page.goto("/admin");
    await waitForHydration(page);
    await page.getByRole("navigation", { name: "工作人员导航" }).getByRole("link", { name: "影院" }).click();
    await h1(page, "影院场次");
    // After hydration the list is React Aria's sortable table, a grid (tests/e2e/react-aria.test.ts).
    expect(await page.getByRole("grid", { name: /即将放映的场次/ }).count()).toBe(1);
    expect(await page.getByRole("columnheader", { name: "座位" }).count()).toBe(1);
    await expectNoAxeViolations(page, "staff screenings");
    await page.getByRole("link", { name: "已放映" }).click();
    await page.getByRole("grid", { name: /已放映的场次/ }).waitFor();
    await expectNoAxeViolations(page, "staff past screenings");

    // The door list: search by name, phone masked until asked for.
    await page.goto(`/admin/cinema/${screening.id}`);
    await waitForHydration(page);
    await page.getByRole("searchbox", { name: "按预订号或姓名查找" }).fill("门口测试");
    await page.getByRole("button", { name: "查找", exact: true }).click();
    const table = page.getByRole("table", { name: "与“门口测试”相符的预订（1个）" });
    await table.waitFor();
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: reference }) });
    expect(await row.textContent()).toContain("139****0000");
    expect(await row.textContent()).toContain("导盲犬、入口陪同");
    expect(await page.content()).not.toContain("13912340000");
    await expectNoAxeViolations(page, "door list");

    await row.getByRole("button", { name: `显示电话 ${reference}` }).click();
    await table.getByText("13912340000").waitFor();

    await press(page, table.getByRole("button", { name: `办理入场 ${reference} 门口测试` }));
    await page.getByRole("status").filter({ hasText: `已办理入场：${reference}` }).waitFor();
    expect(await table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: reference }) }).textContent()).toContain("已入场");
    await expectNoAxeViolations(page, "after check-in");

    // CSV: every booking, phones masked.
    const csv = await context.request.get(`/admin/cinema/${screening.id}/export`);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    const body = await csv.text();
    expect(body).toContain(reference);
    expect(body).toContain("139****0000");
    expect(body).not.toContain("13912340000");

    // The waiting list with statuses.
    await page.getByRole("link", { name: /^候补名单/ }).click();
    await h1(page, /的候补名单$/);
    const waitingRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: waitingId }) });
    expect(await waitingRow.textContent()).toContain("137****2222");
    await expectNoAxeViolations(page, "waiting list");
    // Staff record what the person said (here: on the phone, that they no longer want seats); "offered a seat" is
    // not among the choices, since only an offer (seats held, a link sent) makes an entry that.
    const statusOf = waitingRow.getByRole("combobox", { name: `${waitingId} 的状态` });
    expect(await statusOf.getByRole("option").allTextContents()).toEqual(["等候中", "已订到座位", "已放弃", "已撤销"]);
    await statusOf.selectOption({ label: "已放弃" });
    await waitingRow.getByRole("button", { name: `保存状态 ${waitingId}` }).click();
    await page.getByRole("status").filter({ hasText: `${waitingId} 的状态已改为“已放弃”。` }).waitFor();

    await signInContext(context, "admin");
    await page.goto("/admin/audit");
    const log = (await page.locator("table").textContent())!;
    expect(log).toContain(`cinema_booking ${reference}`);
    for (const action of ["cinema.booking.phone", "cinema.booking.checkin", "cinema.bookings.export", "cinema.waiting.status"]) expect(log).toContain(action);
    await context.close();
  });

  it("creates a screening through a validated form, edits it, and cancels it with a call list", async () => {
    const context = await newContext(browser, { javaScriptEnabled: true });
    await signInContext(context, "cinema");
    const page = await context.newPage();
    await page.goto("/admin/cinema");
    await waitForHydration(page);
    await page.getByRole("link", { name: "新建场次" }).click();
    await h1(page, "新建场次");
    await expectNoAxeViolations(page, "new screening");

    // Sent empty: every problem in the summary, each linked to its field.
    await page.getByRole("textbox", { name: "中文片名" }).fill("");
    await page.getByRole("button", { name: "创建场次" }).click();
    await page.locator(".error-summary").waitFor();
    await expect.poll(() => page.title()).toMatch(/^错误：/);
    const problems = await page.locator(".error-summary").getByRole("link").allTextContents();
    expect(problems).toEqual(expect.arrayContaining(["请填写中文片名", "请填写英文片名", "请填写开场时间"]));
    expect(await page.getByRole("textbox", { name: "中文片名" }).getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "new screening with errors");

    // Booking that closes after the start is refused with a clear message.
    const china = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
    const start = Date.now() + 12 * 86_400_000;
    await page.getByRole("textbox", { name: "中文片名" }).fill("测试放映");
    await page.getByRole("textbox", { name: "英文片名" }).fill("Test screening");
    await typeDateTime(page, page.getByRole("group", { name: "开场时间" }), china(start));
    await typeDateTime(page, page.getByRole("group", { name: "开放预订时间" }), china(Date.now() - 3_600_000));
    await typeDateTime(page, page.getByRole("group", { name: "预订截止时间" }), china(start + 3_600_000));
    await page.getByRole("button", { name: "创建场次" }).click();
    await page.locator(".error-summary").filter({ hasText: "预订截止时间不能晚于开场时间" }).waitFor();
    await typeDateTime(page, page.getByRole("group", { name: "预订截止时间" }), china(start - 2 * 3_600_000));
    await page.getByRole("button", { name: "创建场次" }).click();
    await h1(page, "《测试放映》的预订");
    await page.getByRole("status").filter({ hasText: "场次已创建。" }).waitFor();
    const screeningId = /\/admin\/cinema\/([^/?]+)/.exec(page.url())![1];
    await expectNoAxeViolations(page, "new screening's bookings");

    await page.getByRole("link", { name: "编辑场次" }).click();
    await h1(page, "编辑《测试放映》");
    await expectNoAxeViolations(page, "edit screening");
    await page.getByRole("checkbox", { name: "手语翻译" }).check();
    await page.getByRole("textbox", { name: "中文片名" }).fill("测试放映（手语场）");
    await page.getByRole("button", { name: "保存修改" }).click();
    await page.getByRole("status").filter({ hasText: "场次已保存。" }).waitFor();
    await h1(page, "《测试放映（手语场）》的预订");

    const { reference } = await apiBooking(screeningId, { name: "通知测试", phone: "13655556666", tickets: 1 });
    await page.getByRole("link", { name: "取消这一场" }).click();
    await h1(page, "取消《测试放映（手语场）》");
    expect(await page.getByText("1个预订（共1人）会被标记为已取消").count()).toBe(1);
    await expectNoAxeViolations(page, "cancel screening");
    await page.getByRole("button", { name: "确认取消《测试放映（手语场）》" }).click();
    const callList = page.getByRole("table", { name: "需要电话通知的观众（1个）" });
    await callList.waitFor();
    expect(await callList.textContent()).toContain("13655556666");
    expect(await callList.textContent()).toContain(reference);
    await expectNoAxeViolations(page, "call list");

    // The booking is cancelled, and the screening is gone from the public schedule.
    const res = await fetch(`${baseURL()}/api/v1/bookings/${reference}?phone=13655556666`);
    expect(((await res.json()) as { status: string }).status).toBe("cancelled");
    expect((await upcomingScreenings()).some((s) => s.id === screeningId)).toBe(false);

    await page.goto("/en/admin/cinema");
    await h1(page, "Cinema screenings");
    await expectNoAxeViolations(page, "staff screenings in English");

    await signInContext(context, "admin");
    await page.goto("/admin/audit");
    const log = (await page.locator("table").textContent())!;
    for (const action of ["cinema.screening.create", "cinema.screening.update", "cinema.screening.cancel", "cinema.screening.callList"]) {
      expect(log).toContain(action);
    }
    expect(log).toContain(`cinema_screening ${screeningId}`);
    expect(log).not.toContain("13655556666");
    expect(consoleErrors(page).filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  });
});
