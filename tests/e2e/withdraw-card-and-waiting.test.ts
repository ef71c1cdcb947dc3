import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatDate, formatDateTime } from "~/i18n/format";
import { cardDrafts, submitCardDraft } from "~/modules/centre/index.server";
import { bookSeats, cancelBooking, cancelScreening, createScreening, getScreening, joinWaitingList, seedHallId } from "~/modules/cinema/index.server";
import { openDatabase, type Connection } from "~/modules/db/index.server";
import { consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration, waitForNewPage } from "./browser";
import { signInContext } from "./staff";

/**
 * Self-service withdrawal in the browser (issue 17, item 6), the two kinds withdraw.test.ts does not walk through: a
 * library-card application and a cinema waiting-list entry. Each is made through its module on the shared database
 * (the public flows have their own tests), then withdrawn from its own confirmation page's link with the keyboard
 * alone, with and without JavaScript (axe at every step with JavaScript): find by reference + phone, the
 * confirmation step naming the record, done; staff see it withdrawn and the audit log has the self-service line. A
 * wrong phone is answered exactly like an unknown reference. A waiting-list entry withdrawn while seats are held for
 * it passes them to the next person. The screenings are this file's own (far beyond the seeded month, cancelled at
 * the end), so no other file finds a full or changed screening.
 */
let browser: Browser;
let conn: Connection;
const screenings: string[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
  conn = openDatabase(inject("databaseUrl"));
});
afterAll(async () => {
  for (const id of screenings) await cancelScreening(conn.db, { id: null, username: "e2e-cinema" }, id);
  await conn?.db.destroy();
  await browser?.close();
});

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name }).waitFor();

/** Presses Enter on the focused button or link: a new page without JavaScript. */
async function submit(page: Page, javascript: boolean) {
  if (javascript) await page.keyboard.press("Enter");
  else await waitForNewPage(page, () => page.keyboard.press("Enter"));
}

/** Opens a page, and with JavaScript waits until it takes input. */
async function open(page: Page, javascript: boolean, path: string) {
  await page.goto(path);
  if (javascript) await waitForHydration(page);
}

/** Where the record's confirmation page's link leads: reference filled in, phone typed, then the confirmation step. */
async function confirmAndWithdraw(page: Page, javascript: boolean, record: { title: string; reference: string; phone: string; what: string; after: string }) {
  const axe = async (label: string) => {
    if (javascript) await expectNoAxeViolations(page, label);
  };
  await heading(page, record.title);
  if (javascript) await waitForHydration(page);
  await axe(`${record.title}: find`);
  expect(await page.getByRole("textbox", { name: "编号" }).inputValue()).toBe(record.reference);
  await tabTo(page, page.getByRole("textbox", { name: "您填写的手机号码" }));
  await page.keyboard.type(record.phone);
  await tabTo(page, page.getByRole("button", { name: "继续" }), 5);
  await submit(page, javascript);

  // The confirmation step names the record and says what happens next; nothing has changed yet.
  await heading(page, `确定撤回 ${record.reference} 吗？`);
  const main = page.locator("main");
  expect(await main.textContent()).toContain(record.what);
  expect(await main.textContent()).toContain(record.after);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
  await axe(`${record.title}: confirm`);
  await tabTo(page, page.getByRole("button", { name: "确定撤回" }));
  await submit(page, javascript);
  await heading(page, `${record.reference} 已撤回`);
  expect(await main.textContent()).toContain(record.after);
  await axe(`${record.title}: withdrawn`);
}

/** A wrong phone and an unknown reference, typed on the withdrawal page: the error summary's text for each. */
async function wrongPhoneAndUnknown(page: Page, kind: string, reference: string, phone: string, unknownReference: string) {
  const attempt = async (ref: string, tel: string) => {
    await open(page, true, `/withdraw/${kind}`);
    await tabTo(page, page.getByRole("textbox", { name: "编号" }));
    await page.keyboard.type(ref);
    await tabTo(page, page.getByRole("textbox", { name: "您填写的手机号码" }), 5);
    await page.keyboard.type(tel);
    await tabTo(page, page.getByRole("button", { name: "继续" }), 5);
    await page.keyboard.press("Enter");
    const summary = page.getByRole("group", { name: "提交前请修改以下问题" });
    await summary.waitFor();
    expect(await page.getByRole("textbox", { name: "编号" }).inputValue()).toBe(ref);
    expect(await page.getByRole("textbox", { name: "您填写的手机号码" }).inputValue()).toBe(tel);
    return summary.textContent();
  };
  const wrongPhone = await attempt(reference, phone.replace(/\d{4}$/, "9999"));
  const unknown = await attempt(unknownReference, phone);
  expect(wrongPhone).toContain("没有找到这个编号和手机号码对应的记录");
  expect(wrongPhone).toBe(unknown);
  await expectNoAxeViolations(page, `${kind}: not found`);
}

/** The audit log (administrator) has the self-service line for the record. */
async function expectSelfServiceAudit(action: string, target: string) {
  const staff = await newContext(browser);
  await signInContext(staff, "admin");
  const page = await staff.newPage();
  await page.goto("/admin/audit");
  // Staff opening the record are audited too: the line of the withdrawal itself, once.
  const row = page.getByRole("row").filter({ hasText: target }).filter({ hasText: action });
  expect(await row.count()).toBe(1);
  const text = await row.textContent();
  expect(text).toContain("(self-service)");
  expect(text).toContain("withdrawn by the person");
  await staff.close();
}

/* ---------- Library card ---------- */

/** A pending library-card application (through the module: the flow itself is walked in centre.test.ts). */
async function cardApplication(phone: string): Promise<{ draftId: string; reference: string; createdAt: string }> {
  const draft = await cardDrafts.start(conn.db, { locale: "zh-CN" });
  await cardDrafts.save(conn.db, draft.id, { name: "撤回测试", phone, disability: "vision", certificate: null, format: "largePrint", collect: "pickup" });
  const reference = await submitCardDraft(conn.db, await cardDrafts.read(conn.db, draft.id));
  const row = await conn.db.selectFrom("centre_library_cards").select("created_at").where("reference", "=", reference).executeTakeFirstOrThrow();
  return { draftId: draft.id, reference, createdAt: row.created_at };
}

describe.each([true, false])("withdrawing a library-card application (JavaScript %s)", (javascript) => {
  it("from the application's confirmation page, keyboard only; staff see it withdrawn, the audit log has it", async () => {
    const phone = javascript ? "13966660001" : "13966660002";
    const card = await cardApplication(phone);
    const context = await newContext(browser, { javaScriptEnabled: javascript });
    const page = await context.newPage();

    await open(page, javascript, `/library/apply/${card.draftId}/done`);
    await heading(page, "申请已提交");
    await tabTo(page, page.getByRole("link", { name: "撤回这份申请" }));
    await waitForNewPage(page, () => page.keyboard.press("Enter"));
    await confirmAndWithdraw(page, javascript, {
      title: "撤回借阅证申请",
      reference: card.reference,
      phone,
      what: `您的借阅证申请 ${card.reference}，于 ${formatDate(card.createdAt, "zh-CN")} 提交。`,
      after: "工作人员将停止办理，不会再为此联系您。",
    });

    // Looked up on the status page: withdrawn, with no button to withdraw it again.
    await open(page, javascript, "/library/status");
    await tabTo(page, page.getByRole("textbox", { name: "编号" }));
    await page.keyboard.type(card.reference);
    await tabTo(page, page.getByRole("textbox", { name: "手机号码" }), 5);
    await page.keyboard.type(phone);
    await tabTo(page, page.getByRole("button", { name: "查询" }), 5);
    await submit(page, javascript);
    await page.getByRole("heading", { level: 2, name: `申请 ${card.reference}` }).waitFor();
    expect(await page.locator("main").textContent()).toContain("已由申请人撤回");
    expect(await page.getByRole("button", { name: "撤回这份申请" }).count()).toBe(0);
    if (javascript) expect(consoleErrors(page)).toEqual([]);
    await context.close();

    // Staff: in the list under "withdrawn", and on the application's page.
    const staff = await newContext(browser, { javaScriptEnabled: javascript });
    await signInContext(staff, "content");
    const desk = await staff.newPage();
    await desk.goto("/admin/library?status=withdrawn");
    const row = desk.getByRole("row").filter({ hasText: card.reference });
    expect(await row.textContent()).toContain("已由申请人撤回");
    await desk.goto(`/admin/library/${card.reference}`);
    await heading(desk, new RegExp(card.reference));
    const detail = (await desk.locator("main").textContent()) ?? "";
    expect(detail).toContain("已由申请人撤回");
    // Said as the applicant's withdrawal and when, not as a staff decision by no one at no time ("已处理：…（，）").
    expect(detail).toMatch(/申请人已于 \d{4}年\d{1,2}月\d{1,2}日.* 自己撤回这份申请，无需办理。/);
    expect(detail).not.toContain("已处理");
    expect(await desk.getByRole("radio", { name: "办理借阅证" }).count()).toBe(0);
    await staff.close();

    await expectSelfServiceAudit("library.card.withdraw", `library_card ${card.reference}`);
  });
});

describe("library-card withdrawal, a wrong phone", () => {
  it("is answered exactly like an unknown reference, in the error summary, and nothing typed is lost", async () => {
    const card = await cardApplication("13966660003");
    const context = await newContext(browser);
    await wrongPhoneAndUnknown(await context.newPage(), "library-card", card.reference, "13966660003", "TS-2345-6789");
    // Still pending: nothing was withdrawn.
    const row = await conn.db.selectFrom("centre_library_cards").select("status").where("reference", "=", card.reference).executeTakeFirstOrThrow();
    expect(row.status).toBe("pending");
    await context.close();
  });
});

/* ---------- Cinema waiting list ---------- */

let screeningCount = 0;
/** A screening of this file's own, far beyond the seeded month (and cancelled at the end). */
async function ownScreening(): Promise<{ id: string; title: string; startsAt: string }> {
  const n = ++screeningCount;
  const startsAt = new Date(Date.now() + (60 + n) * 86_400_000);
  const screening = await createScreening(conn.db, { id: null, username: "e2e-cinema" }, {
    hallId: seedHallId,
    title: { zh: `候补撤回测试${n}`, en: `Waiting withdrawal test ${n}` },
    synopsis: { zh: "测试用的放映。", en: "A screening for a test." },
    durationMinutes: 90,
    audioDescription: true,
    captions: true,
    signLanguage: false,
    startsAt: startsAt.toISOString(),
    bookingOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
    bookingClosesAt: new Date(startsAt.getTime() - 2 * 3600_000).toISOString(),
  });
  screenings.push(screening.id);
  return { id: screening.id, title: screening.title.zh, startsAt: screening.startsAt };
}

/** Joins a screening's waiting list (through the module), a millisecond after `after` so the order is certain. */
async function join(screeningId: string, phone: string, name: string, at: Date = new Date()): Promise<string> {
  return (await joinWaitingList(conn.db, { screeningId, contact: { name, phone }, tickets: 2, locale: "zh-CN" }, at)).id;
}

const waitingWhat = (s: { title: string; startsAt: string }, id: string) => `您在《${s.title}》（${formatDateTime(s.startsAt, "zh-CN")}）候补名单上的位置 ${id}，共 2 张票。`;
const waitingAfter = "您将退出候补名单，这场放映有空位时不会再通知您。";

/** The status staff see for an entry on the screening's waiting list (its status list's chosen option). */
async function staffWaitingStatus(page: Page, screeningId: string, entryId: string): Promise<string | null> {
  await page.goto(`/admin/cinema/${screeningId}/waiting-list`);
  const status = page.getByRole("combobox", { name: `${entryId} 的状态` });
  return status.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? null);
}

describe.each([true, false])("leaving a cinema waiting list (JavaScript %s)", (javascript) => {
  it("from the page shown on joining, keyboard only; staff see it withdrawn, the audit log has it", async () => {
    const phone = javascript ? "13966660011" : "13966660012";
    const screening = await ownScreening();
    const entry = await join(screening.id, phone, "候补撤回");
    const context = await newContext(browser, { javaScriptEnabled: javascript });
    const page = await context.newPage();

    await open(page, javascript, `/cinema/${screening.id}/waiting-list/joined?ref=${entry}`);
    await heading(page, "已加入候补名单");
    await tabTo(page, page.getByRole("link", { name: "退出候补名单" }));
    await waitForNewPage(page, () => page.keyboard.press("Enter"));
    await confirmAndWithdraw(page, javascript, { title: "退出电影候补名单", reference: entry, phone, what: waitingWhat(screening, entry), after: waitingAfter });

    // Again: it already is.
    await open(page, javascript, `/withdraw/waiting-list?reference=${entry}`);
    await tabTo(page, page.getByRole("textbox", { name: "您填写的手机号码" }));
    await page.keyboard.type(phone);
    await tabTo(page, page.getByRole("button", { name: "继续" }), 5);
    await submit(page, javascript);
    await heading(page, `${entry} 之前已经撤回`);
    if (javascript) {
      await expectNoAxeViolations(page, "waiting list: already withdrawn");
      expect(consoleErrors(page)).toEqual([]);
    }
    await context.close();

    const staff = await newContext(browser, { javaScriptEnabled: javascript });
    await signInContext(staff, "cinema");
    const desk = await staff.newPage();
    expect(await staffWaitingStatus(desk, screening.id, entry)).toBe("已撤销");
    await staff.close();

    await expectSelfServiceAudit("cinema.waiting.withdraw", `cinema_waiting ${entry}`);
  });
});

describe("waiting-list withdrawal", () => {
  it("a wrong phone is answered exactly like an unknown reference, in the error summary, and nothing typed is lost", async () => {
    const screening = await ownScreening();
    const entry = await join(screening.id, "13966660013", "候补撤回");
    const context = await newContext(browser);
    await wrongPhoneAndUnknown(await context.newPage(), "waiting-list", entry, "13966660013", "HB-2345-6789");
    const row = await conn.db.selectFrom("cinema_waiting_list").select("status").where("id", "=", entry).executeTakeFirstOrThrow();
    expect(row.status).toBe("waiting");
    await context.close();
  });

  it("withdrawn while seats are held for it, with JavaScript: the seats are offered to the next person", async () => {
    const screening = await ownScreening();
    // Full but for the two seats of the booking that is cancelled below.
    let left = (await getScreening(conn.db, screening.id)).ordinarySeatsAvailable;
    while (left > 2) {
      const tickets = Math.min(4, left - 2);
      await bookSeats(conn.db, { screeningId: screening.id, party: { tickets }, contact: { name: "预先订座", phone: "13700000000" }, locale: "zh-CN" });
      left -= tickets;
    }
    const booking = await bookSeats(conn.db, { screeningId: screening.id, party: { tickets: 2 }, contact: { name: "退票人", phone: "13900001111" }, locale: "zh-CN" });
    const joinedAt = Date.now();
    const first = await join(screening.id, "13966660021", "候补第一位", new Date(joinedAt));
    const second = await join(screening.id, "13966660022", "候补第二位", new Date(joinedAt + 1));
    const { offeredTo } = await cancelBooking(conn.db, { reference: booking.reference, phone: "13900001111" });
    expect(offeredTo).toEqual([first]);
    const statusOf = async (id: string) => (await conn.db.selectFrom("cinema_waiting_list").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
    expect(await statusOf(second)).toBe("waiting");

    const context = await newContext(browser);
    const page = await context.newPage();
    await open(page, true, `/cinema/${screening.id}/waiting-list/joined?ref=${first}`);
    await tabTo(page, page.getByRole("link", { name: "退出候补名单" }));
    await waitForNewPage(page, () => page.keyboard.press("Enter"));
    await confirmAndWithdraw(page, true, { title: "退出电影候补名单", reference: first, phone: "13966660021", what: waitingWhat(screening, first), after: waitingAfter });
    expect(consoleErrors(page)).toEqual([]);
    await context.close();

    // The held seats went on to the second person, who is texted (the outbox), the phone never in the text.
    expect(await statusOf(first)).toBe("withdrawn");
    expect(await statusOf(second)).toBe("offered");
    const text = await conn.db
      .selectFrom("outbox_messages")
      .select("body")
      .where("target_type", "=", "cinema_waiting")
      .where("target_id", "=", second)
      .where("template", "=", "waitingOffer")
      .executeTakeFirstOrThrow();
    expect(text.body).toContain(`《${screening.title}》`);
    expect(text.body).toContain(second);
    expect(text.body).toMatch(/第\d+排\d+号/);
    expect(text.body).not.toContain("13966660022");

    // Staff see the chain: the first offer cancelled, the second waiting for an answer.
    const staff = await newContext(browser);
    await signInContext(staff, "cinema");
    const desk = await staff.newPage();
    await desk.goto(`/admin/cinema/${screening.id}/waiting-list`);
    const chain = desk.getByRole("table", { name: /座位保留/ });
    const rows = chain.getByRole("row");
    expect(await rows.filter({ has: desk.getByRole("rowheader", { name: first }) }).textContent()).toContain("已取消");
    expect(await rows.filter({ has: desk.getByRole("rowheader", { name: second }) }).textContent()).toContain("等待答复");
    await staff.close();
  });
});
