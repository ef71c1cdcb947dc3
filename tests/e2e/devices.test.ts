import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idCheckCharacter } from "~/modules/lending/certificate";
import { consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration, waitForNewPage } from "./browser";
import { signInContext } from "./staff";

/**
 * Assistive-device lending in the browser: the public request flow with the keyboard alone, with and without
 * JavaScript (zero axe violations at every step with JavaScript), the status lookup, and the staff pages.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const first17 = "44180219900315123";
const certificate = `${first17}${idCheckCharacter(first17)}42`;

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

async function press(page: Page, javascript: boolean, key = "Enter") {
  await page.keyboard.press(key);
  if (javascript) await page.waitForLoadState("networkidle");
}

/** Finds a wheelchair, asks to borrow it and answers every question with the keyboard, making mistakes on the way. */
async function requestWithKeyboard(page: Page, javascript: boolean, phone: string) {
  const axe = async (label: string) => {
    if (javascript) await expectNoAxeViolations(page, label);
  };
  await page.goto("/devices");
  if (javascript) await waitForHydration(page);
  await axe("catalogue");

  // Search with the GET form: the result count is a status message.
  await tabTo(page, page.getByRole("searchbox", { name: "搜索器具" }));
  await page.keyboard.type("轮椅");
  await tabTo(page, page.getByRole("combobox", { name: "适用的残疾类别" }), 5);
  await tabTo(page, page.getByRole("button", { name: "筛选" }), 5);
  await press(page, javascript);
  await page.waitForURL(/q=/);
  // The count is a status message (announced); the search narrows the 24 devices to one page.
  await page.getByRole("status").filter({ hasText: /^找到 \d+ 种器具$/ }).waitFor();
  await axe("catalogue search");

  await tabTo(page, page.getByRole("link", { name: "手动轮椅" }));
  await press(page, javascript);
  await heading(page, "手动轮椅");
  expect(await page.getByRole("img", { name: /手动轮椅的侧面线条图/ }).count()).toBe(1);
  expect(await page.locator("main").textContent()).toContain("粤北区域中心：可借");
  await axe("device page");

  await tabTo(page, page.getByRole("button", { name: "开始申请借用" }));
  await press(page, javascript);
  await heading(page, "您的姓名和手机号码");

  // 1. Contact: sent empty, the error summary takes focus and names both fields.
  await tabTo(page, page.getByRole("button", { name: "继续" }));
  await press(page, javascript);
  const summary = page.locator(".error-summary");
  await summary.waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
  await expect.poll(() => page.title()).toBe("错误：您的姓名和手机号码 - 清远市残联服务门户");
  expect(await summary.getByRole("link").allTextContents()).toEqual(["请填写姓名", "请填写手机号码"]);
  await axe("contact with errors");
  await tabTo(page, summary.getByRole("link", { name: "请填写姓名" }), 5);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "request-contact-name");
  await page.keyboard.type("李梅");
  await tabTo(page, page.getByRole("textbox", { name: "手机号码" }), 5);
  await page.keyboard.type("13912340000");
  await press(page, javascript);

  // 2. Disability category: native radios, arrow keys.
  await heading(page, "您的残疾类别是什么？");
  await axe("disability");
  await tabTo(page, page.getByRole("radio", { name: "视力残疾" }));
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  expect(await page.getByRole("radio", { name: "肢体残疾" }).isChecked()).toBe(true);
  await tabTo(page, page.getByRole("button", { name: "继续" }));
  await press(page, javascript);

  // 3. Certificate number: optional, format checked.
  await heading(page, "您的残疾人证号（选填）");
  const certificateBox = page.getByRole("textbox", { name: "残疾人证号" });
  await tabTo(page, certificateBox);
  await page.keyboard.type("4418021990");
  await press(page, javascript);
  await summary.waitFor();
  expect(await summary.getByRole("link").allTextContents()).toEqual(["残疾人证号应为 20 位：18 位身份证号加 2 位残疾类别和等级"]);
  await axe("certificate with error");
  await certificateBox.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(certificate);
  await press(page, javascript);

  // 4. Purpose (a textarea: Enter is a new line, the button sends).
  await heading(page, "您借这件器具做什么用？");
  await tabTo(page, page.getByRole("textbox", { name: "用途" }));
  await page.keyboard.type("膝关节手术后在家康复三个月");
  await tabTo(page, page.getByRole("button", { name: "继续" }), 5);
  await press(page, javascript);

  // 5. Pickup.
  await heading(page, "您想在哪里领取？");
  await axe("pickup");
  await tabTo(page, page.getByRole("radio", { name: "粤北区域中心" }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "继续" }));
  await press(page, javascript);

  // 6. Check answers; change the phone and come straight back.
  await heading(page, "提交前请核对您的申请");
  const answers = page.locator(".check-list");
  const text = (await answers.textContent()) ?? "";
  for (const part of ["手动轮椅", "李梅", "13912340000", "肢体残疾", `****************${certificate.slice(-4)}`, "膝关节手术后", "粤北区域中心"]) expect(text).toContain(part);
  expect(text).not.toContain(certificate);
  await axe("check answers");
  await tabTo(page, page.getByRole("link", { name: /^修改\s*（手机号码）$/ }));
  await press(page, javascript);
  await heading(page, "您的姓名和手机号码");
  const phoneBox = page.getByRole("textbox", { name: "手机号码" });
  expect(await phoneBox.inputValue()).toBe("13912340000");
  await phoneBox.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(phone);
  await press(page, javascript);
  await heading(page, "提交前请核对您的申请");
  expect(await answers.textContent()).toContain(phone);

  await tabTo(page, page.getByRole("button", { name: "提交申请" }));
  await press(page, javascript);
  await heading(page, "申请已提交");
  const reference = (await page.locator(".reference").textContent()) ?? "";
  expect(reference).toMatch(/^JY-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await expect.poll(() => page.title()).toBe("申请已提交 - 清远市残联服务门户");
  await axe("confirmation");

  // The status lookup: wrong phone first (the same answer as an unknown reference), then the right one.
  await tabTo(page, page.getByRole("link", { name: "查询申请进度" }));
  await press(page, javascript);
  await heading(page, "查询申请进度");
  await tabTo(page, page.getByRole("textbox", { name: "申请编号" }));
  await page.keyboard.type(reference.toLowerCase());
  await tabTo(page, page.getByRole("textbox", { name: "手机号码" }), 5);
  await page.keyboard.type("13900000000");
  await press(page, javascript);
  await summary.waitFor();
  expect(await summary.textContent()).toContain("没有找到这个申请，请核对申请编号和手机号码");
  await axe("status lookup not found");
  await page.getByRole("textbox", { name: "手机号码" }).focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(phone);
  await press(page, javascript);
  await page.getByRole("heading", { level: 2, name: `申请 ${reference}` }).waitFor();
  expect(await page.locator("main").textContent()).toContain("待审核");
  await axe("status lookup found");
  return reference;
}

describe("device request flow", () => {
  it("works with the keyboard alone, with JavaScript, with zero axe violations at each step", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await requestWithKeyboard(page, true, "13912345678");
    // Chrome logs the expected 400/404 answers to the invalid posts; anything else is a real error.
    expect(consoleErrors(page).filter((e) => !/status of (400|404)/.test(e))).toEqual([]);
    await context.close();
  });

  it("works with the keyboard alone, without JavaScript", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await requestWithKeyboard(page, false, "13912345679");
    await context.close();
  });

  it("answers in English under /en", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/en/devices/white-cane");
    await heading(page, "White cane");
    expect(await page.locator("main").textContent()).toContain("Yuebei Regional Centre: 6 ready to fit");
    await page.getByRole("button", { name: "Start a fitting request" }).click();
    await heading(page, "Your name and mobile number");
    await waitForNewPage(page, () => page.getByRole("button", { name: "Continue" }).click());
    expect(await page.title()).toBe("Error: Your name and mobile number - Qingyuan Access");
    expect(await page.locator(".error-summary").getByRole("link").allTextContents()).toEqual(["Enter your name", "Enter your mobile number"]);
    await context.close();
  });
});

describe("staff pages (role lending)", () => {
  it("queue flags the duplicate fitting, masks phones, audits the opened request; approve, check out, return", async () => {
    const context = await newContext(browser);
    await signInContext(context, "lending");
    const page = await context.newPage();
    await page.goto("/admin/devices");
    await heading(page, "辅具借用");
    await expectNoAxeViolations(page, "queue");
    const fm = page.getByRole("row").filter({ hasText: "无线调频助听系统" });
    expect(await fm.textContent()).toContain("可能重复适配");
    expect(await fm.textContent()).toContain("耳背式助听器");
    expect(await fm.textContent()).toContain("138****8004");
    expect(await page.locator("table").textContent()).not.toContain("13800138004");

    // Open 周八's approved rollator request (a unit is kept for it) and check it out.
    await page.getByRole("row").filter({ hasText: "带轮助行器" }).getByRole("link").first().click();
    await heading(page, /^申请 JY-/);
    expect(await page.locator("main").textContent()).toContain("13800138006");
    await expectNoAxeViolations(page, "approved request");
    expect(await page.getByRole("radio", { name: /为本申请预留/ }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "确认出库" }).click();
    await page.getByRole("status").filter({ hasText: "已出库" }).waitFor();
    const reference = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("申请 ", "");

    // A rejection needs a reason: the error summary says so.
    await page.goto("/admin/devices?status=pending");
    await page.getByRole("row").filter({ hasText: "手持放大镜" }).getByRole("link").first().click();
    await page.getByRole("radio", { name: "不同意" }).check();
    await page.getByRole("button", { name: "保存审核结果" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").getByRole("link").allTextContents()).toEqual(["请填写原因"]);
    await expect.poll(() => page.title()).toMatch(/^错误：/);
    await expectNoAxeViolations(page, "decision with errors");
    await page.getByRole("radio", { name: "同意", exact: true }).check();
    await page.getByRole("button", { name: "保存审核结果" }).click();
    await page.getByRole("status").filter({ hasText: "已同意申请" }).waitFor();
    await expectNoAxeViolations(page, "check-out form");

    // Loans: the new loan is listed; book in its return.
    await page.goto("/admin/devices/loans");
    await expectNoAxeViolations(page, "loans");
    const row = page.getByRole("row").filter({ hasText: reference });
    await row.getByRole("link", { name: /办理归还/ }).click();
    await heading(page, /^归还入库/);
    await expectNoAxeViolations(page, "return form");
    await page.getByRole("radio", { name: "完好" }).check();
    await page.getByRole("button", { name: "确认归还入库" }).click();
    await page.getByRole("status").filter({ hasText: "已归还入库" }).waitFor();
    for (const view of ["overdue", "dueSoon", "returned", "fittings"]) {
      await page.goto(`/admin/devices/loans?view=${view}`);
      await expectNoAxeViolations(page, `loans ${view}`);
    }
    expect(consoleErrors(page).filter((e) => !/status of 400/.test(e))).toEqual([]);

    // The full phone was shown, so the admin sees the view in the audit log.
    await signInContext(context, "admin");
    await page.goto("/admin/audit");
    const log = await page.locator("table").textContent();
    expect(log).toContain("devices.request.view");
    expect(log).toContain("devices.checkout");
    await context.close();
  });

  it("intake, units, repair, stocktake with a reason, ledger and CSV exports", async () => {
    const context = await newContext(browser);
    await signInContext(context, "lending");
    const page = await context.newPage();

    await page.goto("/admin/devices/intake");
    await waitForHydration(page);
    await expectNoAxeViolations(page, "intake");
    // The device picker is searchable (React Aria ComboBox, tests/e2e/react-aria.test.ts).
    await page.getByRole("combobox", { name: "器具" }).fill("取物");
    await page.getByRole("option", { name: "取物器", exact: true }).click();
    await page.getByRole("radio", { name: "佛冈县借用点" }).check();
    await page.getByRole("spinbutton", { name: "数量" }).fill("2");
    await page.getByRole("textbox", { name: "来源说明" }).fill("2026年捐赠");
    await page.getByRole("button", { name: "确认入库" }).click();
    await page.getByRole("status").filter({ hasText: "已入库 2 件" }).waitFor();
    await expectNoAxeViolations(page, "units");

    await page.getByRole("row").filter({ hasText: "佛冈县借用点" }).getByRole("link").first().click();
    await heading(page, /^器具 FJ/);
    await expectNoAxeViolations(page, "unit");
    await page.getByRole("radio", { name: "送修（暂停借出）" }).check();
    await page.getByRole("group", { name: "改为" }).waitFor();
    await page.locator("#status-reason").fill("轮子松动");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("status").filter({ hasText: "已保存" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("维修中");

    await page.goto("/admin/devices/stocktake?location=fogang-point");
    await expectNoAxeViolations(page, "stocktake");
    const reacher = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "取物器", exact: true }) });
    const stock = Number(await reacher.getByRole("cell").first().textContent());
    await page.getByRole("spinbutton", { name: "取物器的清点数量" }).fill(String(stock - 1));
    await page.getByRole("button", { name: "核对差异" }).click();
    await page.getByRole("status").filter({ hasText: "1 种器具的清点数量和台账不一致" }).waitFor();
    await page.getByRole("button", { name: "记录盘点" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").textContent()).toContain("清点数量和台账不一致，请填写差异原因");
    await expectNoAxeViolations(page, "stocktake with errors");
    await page.getByRole("textbox", { name: "差异原因" }).fill("一件取物器丢失");
    await page.getByRole("button", { name: "记录盘点" }).click();
    await page.getByRole("status").filter({ hasText: "盘点已记录" }).waitFor();
    await page.goto("/admin/devices/stocktake?location=fogang-point");
    expect(Number(await page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "取物器", exact: true }) }).getByRole("cell").first().textContent())).toBe(stock - 1);

    await page.goto("/admin/devices/ledger?kind=adjustment");
    await expectNoAxeViolations(page, "ledger");
    expect(await page.locator("main").textContent()).toContain("一件取物器丢失");

    const ledger = await context.request.get("/admin/devices/export/ledger");
    expect(ledger.status()).toBe(200);
    expect(ledger.headers()["content-type"]).toContain("text/csv");
    expect(await ledger.text()).toMatch(/^\uFEFF序号,时间,类型/);
    const loans = await context.request.get("/admin/devices/export/loans");
    expect(await loans.text()).toContain("138****");
    expect(await loans.text()).not.toMatch(/1[3-9]\d{9}/);

    await page.goto("/en/admin/devices");
    await heading(page, "Device lending");
    await expectNoAxeViolations(page, "/en/admin/devices");
    await context.close();
  });

  it("staff without the lending role get 403", async () => {
    const context = await newContext(browser);
    await signInContext(context, "cinema");
    const response = await context.request.get("/admin/devices", { maxRedirects: 0 });
    expect(response.status()).toBe(403);
    await context.close();
  });
});
