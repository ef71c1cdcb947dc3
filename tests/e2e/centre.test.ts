import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chinaTimeAhead, createActivity } from "~/modules/centre/index.server";
import { openDatabase } from "~/modules/db/index.server";
import { idCheckCharacter } from "~/modules/lending/certificate";
import { consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration } from "./browser";
import { signInContext } from "./staff";

/**
 * The regional centre in the browser: the library card application and an activity sign-up with the keyboard alone,
 * with and without JavaScript (axe at every step with JavaScript), and every new page in both languages.
 */
let browser: Browser;
/** The seed's example activities are staff-only (issue 19), so the sign-up goes to one that staff published. */
let activityId: string;
const activityTitle = "读屏软件入门培训";
beforeAll(async () => {
  browser = await launchBrowser();
  const conn = openDatabase(inject("databaseUrl"));
  const now = new Date();
  activityId = await createActivity(conn.db, { id: null, username: "e2e-content" }, {
    type: "training",
    associationId: null,
    title: { zh: activityTitle, en: "Screen reader course" },
    summary: { zh: "面向视障人士的小班培训。", en: "A small-group course for visually impaired people." },
    place: { zh: "广东辅助器具粤北区域中心", en: "Guangdong Assistive Devices Yuebei Regional Centre" },
    startsAt: chinaTimeAhead(now, 20, 14, 30),
    durationMinutes: 120,
    capacity: 12,
    waitlistSize: 6,
    accessibility: ["audioDescription", "stepFree", "largePrint"],
    signupOpensAt: new Date(now.getTime() - 86_400_000).toISOString(),
    signupClosesAt: chinaTimeAhead(now, 18, 18, 0),
    status: "published",
  });
  await conn.db.destroy();
});
afterAll(async () => browser?.close());

const first17 = "44180219900315123";
const certificate = `${first17}${idCheckCharacter(first17)}11`;

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name }).waitFor();
async function press(page: Page, javascript: boolean, key = "Enter") {
  await page.keyboard.press(key);
  if (javascript) await page.waitForLoadState("networkidle");
}
async function continueWith(page: Page, javascript: boolean, name = "继续") {
  await tabTo(page, page.getByRole("button", { name }));
  await press(page, javascript);
}

async function applyForCard(page: Page, javascript: boolean, phone: string) {
  const axe = async (label: string) => {
    if (javascript) await expectNoAxeViolations(page, label);
  };
  await page.goto("/library");
  if (javascript) await waitForHydration(page);
  await axe("library");
  expect(await page.locator("main").textContent()).toContain("0763-3362221");
  await continueWith(page, javascript, "开始申请借阅证");
  await heading(page, "您的姓名和手机号码");
  // Empty: the error summary names both fields.
  await continueWith(page, javascript);
  const summary = page.locator(".error-summary");
  await summary.waitFor();
  await expect.poll(() => page.title()).toBe("错误：您的姓名和手机号码 - 清远市残联服务门户");
  expect(await summary.getByRole("link").allTextContents()).toEqual(["请填写姓名", "请填写手机号码"]);
  await axe("contact with errors");
  await tabTo(page, page.getByRole("textbox", { name: "姓名" }));
  await page.keyboard.type("陈静");
  await tabTo(page, page.getByRole("textbox", { name: "手机号码" }), 5);
  await page.keyboard.type(phone);
  await press(page, javascript);

  await heading(page, "您的残疾类别是什么？");
  await axe("disability");
  await tabTo(page, page.getByRole("radio", { name: "视力残疾" }));
  await page.keyboard.press("Space");
  await continueWith(page, javascript);

  await heading(page, "您的残疾人证号（选填）");
  await tabTo(page, page.getByRole("textbox", { name: "残疾人证号" }));
  await page.keyboard.type(certificate);
  await press(page, javascript);

  await heading(page, "您想用哪种方式阅读？");
  await tabTo(page, page.getByRole("radio", { name: "盲文" }));
  await page.keyboard.press("ArrowDown");
  expect(await page.getByRole("radio", { name: "大字" }).isChecked()).toBe(true);
  await continueWith(page, javascript);

  await heading(page, "您想怎样拿到借阅证？");
  await axe("collect");
  await tabTo(page, page.getByRole("radio", { name: "到视障图书馆领取" }));
  await page.keyboard.press("Space");
  await continueWith(page, javascript);

  await heading(page, "提交前请核对您的申请");
  const text = (await page.locator(".check-list").textContent()) ?? "";
  for (const part of ["陈静", phone, "视力残疾", `****************${certificate.slice(-4)}`, "大字", "到视障图书馆领取"]) expect(text).toContain(part);
  expect(text).not.toContain(certificate);
  await axe("check");
  await continueWith(page, javascript, "提交申请");
  await heading(page, "申请已提交");
  const reference = (await page.locator(".reference").textContent()) ?? "";
  expect(reference).toMatch(/^TS-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await axe("done");

  await tabTo(page, page.getByRole("link", { name: "查询借阅证申请进度" }));
  await press(page, javascript);
  await heading(page, "查询借阅证申请进度");
  await tabTo(page, page.getByRole("textbox", { name: "编号" }));
  await page.keyboard.type(reference);
  await tabTo(page, page.getByRole("textbox", { name: "手机号码" }), 5);
  await page.keyboard.type(phone);
  await press(page, javascript);
  await page.getByRole("heading", { level: 2, name: `申请 ${reference}` }).waitFor();
  expect(await page.locator("main").textContent()).toContain("待审核");
  await axe("status");
  return reference;
}

async function signUp(page: Page, javascript: boolean, phone: string) {
  const axe = async (label: string) => {
    if (javascript) await expectNoAxeViolations(page, label);
  };
  await page.goto("/activities");
  if (javascript) await waitForHydration(page);
  await axe("activities");
  await tabTo(page, page.getByRole("link", { name: activityTitle }));
  await press(page, javascript);
  await heading(page, activityTitle);
  await axe("activity");
  await continueWith(page, javascript, "开始报名");
  await heading(page, "您的姓名和手机号码");
  await tabTo(page, page.getByRole("textbox", { name: "姓名" }));
  await page.keyboard.type("周强");
  await tabTo(page, page.getByRole("textbox", { name: "手机号码" }), 5);
  await page.keyboard.type(phone);
  await press(page, javascript);
  await heading(page, "您需要哪些无障碍服务？");
  await axe("needs");
  await tabTo(page, page.getByRole("checkbox", { name: "大字资料" }));
  await page.keyboard.press("Space");
  await continueWith(page, javascript);
  await heading(page, "提交前请核对您的报名");
  expect(await page.locator(".check-list").textContent()).toContain("大字资料");
  await axe("signup check");
  await continueWith(page, javascript, "确认报名");
  await heading(page, "报名成功");
  const reference = (await page.locator(".reference").textContent()) ?? "";
  expect(reference).toMatch(/^HD-/);
  await axe("signup done");
  const ics = await page.request.get(`/activities/${activityId}/calendar.ics`);
  expect(ics.headers()["content-type"]).toContain("text/calendar");

  // Cancel by reference + phone.
  await tabTo(page, page.getByRole("link", { name: "查询或取消报名" }));
  await press(page, javascript);
  await heading(page, "查询或取消报名");
  await tabTo(page, page.getByRole("textbox", { name: "编号" }));
  await page.keyboard.type(reference);
  await tabTo(page, page.getByRole("textbox", { name: "手机号码" }), 5);
  await page.keyboard.type(phone);
  await press(page, javascript);
  await page.getByRole("heading", { level: 2, name: `报名 ${reference}` }).waitFor();
  expect(await page.locator("main").textContent()).toContain("已确认");
  await axe("signup found");
  // Withdraw it: the confirmation step says what goes and what happens next, then it is withdrawn.
  await tabTo(page, page.getByRole("button", { name: "撤回这项报名" }));
  await press(page, javascript);
  await heading(page, `确定撤回 ${reference} 吗？`);
  expect(await page.locator("main").textContent()).toContain("您的名额会先为候补名单上的第一位保留");
  await axe("signup withdraw confirm");
  await tabTo(page, page.getByRole("button", { name: "确定撤回" }));
  await press(page, javascript);
  await heading(page, `${reference} 已撤回`);
  await axe("signup withdrawn");
}

describe("library card application", () => {
  it("keyboard only, with JavaScript, zero axe violations", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await applyForCard(page, true, "13922220001");
    expect(consoleErrors(page).filter((e) => !/status of (400|404)/.test(e))).toEqual([]);
    await context.close();
  });
  it("keyboard only, without JavaScript", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    await applyForCard(await context.newPage(), false, "13922220002");
    await context.close();
  });
});

describe("activity sign-up", () => {
  it("keyboard only, with JavaScript, zero axe violations", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUp(page, true, "13922220003");
    expect(consoleErrors(page).filter((e) => !/status of (400|404)/.test(e))).toEqual([]);
    await context.close();
  });
  it("keyboard only, without JavaScript", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    await signUp(await context.newPage(), false, "13922220004");
    await context.close();
  });
});

describe("every new page in both languages", () => {
  it("has no axe violations", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const path of ["/library", "/library/status", "/activities", `/activities/${activityId}`, "/activities/signup", "/associations", "/figures"]) {
      for (const prefix of ["", "/en"]) {
        const response = await page.goto(prefix + path);
        expect(response?.status(), prefix + path).toBe(200);
        await waitForHydration(page);
        expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
        await expectNoAxeViolations(page, prefix + path);
      }
    }
    const csv = await page.request.get("/en/figures/all.csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("Library cards");
    expect(consoleErrors(page)).toEqual([]);
    await context.close();
  });

  it("staff pages: library cards and activities (role content)", async () => {
    const context = await newContext(browser);
    await signInContext(context, "content");
    const page = await context.newPage();
    for (const path of ["/admin/library", "/admin/activities", "/admin/activities/example-training", "/admin/activities/new/edit", "/en/admin/library"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await waitForHydration(page);
      await expectNoAxeViolations(page, path);
    }
    await context.close();
  });
});
