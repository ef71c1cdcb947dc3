import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Connection } from "~/modules/db/index.server";
import { formatDate } from "~/i18n/format";
import { checkOut, chinaDay, createRequest, decideRequest } from "~/modules/lending/index.server";
import { consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration, waitForNewPage } from "./browser";
import { signInContext } from "./staff";

/**
 * 续借 in the browser (issue 17, item 5): a borrower finds their loan by reference + phone and renews it with a
 * confirmation step, keyboard only, without and with JavaScript (axe clean with it), in Chinese and in English; a
 * loan whose renewals are used up is refused with its reason; staff see the renewals and the rescheduled reminders.
 * The loans are made in the shared test portal's database with the lending module, as staff would at the counter.
 */
let browser: Browser;
let conn: Connection;
const typeId = "elbow-crutches"; // 60-day loans; no other browser test borrows them
const staff = { id: null, username: "e2e-lending" };

async function lend(phone: string, locale: "zh-CN" | "en") {
  const now = new Date();
  const { reference } = await createRequest(conn.db, { typeId, name: "借用人", phone, disability: "physical", locale, source: "web" }, now);
  await decideRequest(conn.db, staff, reference, { decision: "approve" }, now);
  const unit = await conn.db.selectFrom("lending_units").select("id").where("type_id", "=", typeId).where("status", "=", "available").orderBy("asset_tag").executeTakeFirstOrThrow();
  const dueDate = chinaDay(now, 20);
  const { loanId } = await checkOut(conn.db, staff, { requestReference: reference, unitId: unit.id, condition: "good", dueDate }, now);
  return { reference, loanId, dueDate };
}

const plusDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  browser = await launchBrowser();
  conn = openDatabase(inject("databaseUrl"));
});
afterAll(async () => {
  await browser?.close();
  await conn?.db.destroy();
});

/** Sends a form with Enter on the focused control: a new page without JavaScript, the action's answer with it. */
async function submit(page: Page, javascript: boolean) {
  if (!javascript) return waitForNewPage(page, () => page.keyboard.press("Enter"));
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.includes("/devices/renew"));
  await page.keyboard.press("Enter");
  await answered;
}

async function renewWithKeyboard(page: Page, javascript: boolean, loan: { reference: string; dueDate: string }, phone: string) {
  const axe = async (label: string) => {
    if (javascript) await expectNoAxeViolations(page, label);
  };
  // From the catalogue's link to the renewal page.
  await page.goto("/devices");
  if (javascript) await waitForHydration(page);
  await tabTo(page, page.getByRole("link", { name: "续借器具" }));
  if (javascript) await page.keyboard.press("Enter");
  else await waitForNewPage(page, () => page.keyboard.press("Enter"));
  await page.getByRole("heading", { level: 1, name: "续借器具" }).waitFor();
  if (javascript) await waitForHydration(page);
  expect(await page.locator("main").textContent()).toContain("最多续借 2 次");
  await axe("renewal page");

  // A wrong phone: the same answer as an unknown reference, in the error summary, and what was typed is kept.
  await tabTo(page, page.getByRole("textbox", { name: "申请编号" }));
  await page.keyboard.type(loan.reference.toLowerCase());
  await tabTo(page, page.getByRole("textbox", { name: "手机号码" }), 5);
  await page.keyboard.type("13900000000");
  await submit(page, javascript);
  const summary = page.getByRole("group", { name: "提交前请修改以下问题" });
  await summary.filter({ hasText: "没有找到这个申请，请核对申请编号和手机号码" }).waitFor();
  // The summary takes focus, so it is read out first.
  await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
  expect(await page.getByRole("textbox", { name: "申请编号" }).inputValue()).toBe(loan.reference.toLowerCase());
  await axe("renewal page, not found");

  // The right phone: the loan, and the confirmation step.
  await page.getByRole("textbox", { name: "手机号码" }).focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(phone);
  await tabTo(page, page.getByRole("button", { name: "查找借用" }), 5);
  await submit(page, javascript);
  await page.getByRole("heading", { level: 2, name: `借用 ${loan.reference}` }).waitFor();
  const region = page.getByRole("region", { name: `借用 ${loan.reference}` });
  const text = (await region.textContent())!;
  expect(text).toContain("肘拐（一对）");
  expect(text).toContain(formatDate(loan.dueDate, "zh-CN"));
  expect(text).toContain("0 次（最多 2 次）");
  const renewed = plusDays(loan.dueDate, 60);
  expect(text).toContain(`续借后，应归还日期改为 ${formatDate(renewed, "zh-CN")}。`);
  expect(await page.content()).not.toContain("13900000000");
  await axe("renewal confirmation");

  await tabTo(page, page.getByRole("button", { name: "确认续借" }));
  await submit(page, javascript);
  await page.getByRole("heading", { level: 2, name: `已续借：新的应归还日期是 ${formatDate(renewed, "zh-CN")}` }).waitFor();
  // No second confirmation right after a renewal.
  expect(await page.getByRole("button", { name: "确认续借" }).count()).toBe(0);
  expect(await page.getByRole("region", { name: `借用 ${loan.reference}` }).textContent()).toContain("1 次（最多 2 次）");
  await axe("renewed");
  return renewed;
}

describe("loan renewal by the borrower", () => {
  it("renews with the keyboard alone without JavaScript", async () => {
    const phone = "13911110001";
    const loan = await lend(phone, "zh-CN");
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const renewed = await renewWithKeyboard(page, false, loan, phone);
    const row = await conn.db.selectFrom("lending_loans").select(["due_date", "renewals"]).where("id", "=", loan.loanId).executeTakeFirstOrThrow();
    expect(row).toEqual({ due_date: renewed, renewals: 1 });
    // The same confirmation sent again (the back button, a second click): refused, said in the summary, renewed once.
    const again = await context.request.post("/devices/renew", { form: { intent: "renew", reference: loan.reference, phone, dueDate: loan.dueDate } });
    expect(again.status()).toBe(409);
    expect(await again.text()).toContain("这次借用刚刚已经续借过了");
    expect(await conn.db.selectFrom("lending_loans").select("renewals").where("id", "=", loan.loanId).executeTakeFirstOrThrow()).toEqual({ renewals: 1 });
    await context.close();
  });

  it("renews with the keyboard alone with JavaScript, axe clean, and staff see the renewal and the rescheduled reminders", async () => {
    const phone = "13911110002";
    const loan = await lend(phone, "zh-CN");
    const context = await newContext(browser);
    const page = await context.newPage();
    const renewed = await renewWithKeyboard(page, true, loan, phone);
    // The wrong phone's answer is a 404 by design (as for an unknown reference); the browser logs that, nothing else.
    expect(consoleErrors(page).filter((e) => !e.includes("status of 404"))).toEqual([]);
    await context.close();

    const staffContext = await newContext(browser);
    await signInContext(staffContext, "lending");
    const staffPage = await staffContext.newPage();
    await staffPage.goto(`/admin/devices/loans/${loan.loanId}`);
    await waitForHydration(staffPage);
    expect(await staffPage.locator("main").textContent()).toContain("续借次数1 次");
    const table = staffPage.getByRole("table", { name: "这次借用的提醒" });
    const rows = table.getByRole("row");
    const statuses = (await rows.allTextContents()).slice(1);
    expect(statuses.filter((r) => r.includes("已取消"))).toHaveLength(2);
    expect(statuses.filter((r) => r.includes("等待发送"))).toHaveLength(2);
    // The new overdue reminder is the day after the new due date; the phone is shown masked.
    expect(statuses.some((r) => r.includes("已逾期") && r.includes(formatDate(plusDays(renewed, 1), "zh-CN")))).toBe(true);
    expect(await table.textContent()).not.toContain(phone);
    await expectNoAxeViolations(staffPage, "staff loan page with reminders");
    await staffContext.close();

    // The outbox lists the withdrawn reminders under their own status, labelled in both languages.
    const admin = await newContext(browser);
    await signInContext(admin, "admin");
    const outbox = await admin.newPage();
    for (const [path, label] of [
      ["/admin/messages?status=cancelled", "已取消"],
      ["/en/admin/messages?status=cancelled", "Cancelled"],
    ] as const) {
      await outbox.goto(path);
      await waitForHydration(outbox);
      expect(await outbox.getByRole("combobox").filter({ has: outbox.getByRole("option", { name: label, selected: true }) }).count()).toBe(1);
      const rows = outbox.getByRole("row").filter({ has: outbox.getByRole("rowheader", { name: loan.reference }) });
      expect(await rows.count()).toBe(2);
      for (const text of await rows.allTextContents()) expect(text).toContain(label);
    }
    await expectNoAxeViolations(outbox, "outbox, cancelled messages (en)");
    await admin.close();
  });

  it("in English, refuses a loan whose renewals are used up and says why", async () => {
    const phone = "13911110003";
    const loan = await lend(phone, "en");
    await conn.db.updateTable("lending_loans").set({ renewals: 2 }).where("id", "=", loan.loanId).execute();
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/en/devices/renew");
    await waitForHydration(page);
    await page.getByRole("heading", { level: 1, name: "Renew a loan" }).waitFor();
    await tabTo(page, page.getByRole("textbox", { name: "Reference number" }));
    await page.keyboard.type(loan.reference);
    await tabTo(page, page.getByRole("textbox", { name: "Mobile number" }), 5);
    await page.keyboard.type(phone);
    await submit(page, true);
    await page.getByRole("heading", { level: 3, name: "This loan cannot be renewed now" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("This loan has been renewed 2 times and cannot be renewed online again.");
    expect(await page.getByRole("button", { name: "Renew the loan" }).count()).toBe(0);
    await expectNoAxeViolations(page, "renewal refused (en)");
    expect(consoleErrors(page)).toEqual([]);
    await context.close();
  });
});
