import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, tabTo, waitForHydration } from "./browser";

/**
 * What axe cannot see about focus (issue 19): a focus indicator in forced colours, the error summary scrolled
 * into view when it takes focus, and a repeated error announced like the first one.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** The focused element's box is inside the viewport: a sighted keyboard or magnifier user sees where focus is. */
async function focusedIsInViewport(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight && box.bottom > 0;
  });
}

const outlineOf = (target: Locator) =>
  target.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });

describe("focus in forced colours (Windows high contrast)", () => {
  it("every focused link and button shows an outline, and the current page stands out in the navigation", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.emulateMedia({ forcedColors: "active" });
    await page.goto("/contact");
    const nav = page.getByRole("navigation", { name: "主导航" });
    for (const target of [nav.getByRole("link", { name: "政策法规" }), page.getByRole("button", { name: "大字" }), page.getByRole("link", { name: "English" })]) {
      await tabTo(page, target);
      const outline = await outlineOf(target);
      expect(outline.style, await target.textContent() ?? "").not.toBe("none");
      expect(outline.width).toBeGreaterThanOrEqual(2);
    }
    const lookOf = (name: string) =>
      nav.getByRole("link", { name }).evaluate((el) => {
        const style = getComputedStyle(el);
        return `${style.borderBottomColor} ${style.fontWeight} ${style.textDecorationLine}`;
      });
    expect(await lookOf("联系我们")).not.toBe(await lookOf("政策法规"));
    expect(await lookOf("政策法规")).toBe(await lookOf("办事指南"));
    await context.close();
  });
});

describe("the error summary, with JavaScript", () => {
  it("is scrolled into view when it takes focus, and takes focus again when the same errors come back", async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 600 } });
    const page = await context.newPage();
    await page.goto("/feedback");
    await waitForHydration(page);
    const send = page.getByRole("button", { name: "提交留言" });
    await tabTo(page, send);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
    await expect.poll(() => focusedIsInViewport(page)).toBe(true);

    // The same empty form again: the person is told again, not left on the button in silence.
    await send.focus();
    await page.waitForFunction(() => document.activeElement?.tagName === "BUTTON");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
    await expect.poll(() => focusedIsInViewport(page)).toBe(true);
    expect(await page.getByRole("group", { name: "提交前请修改以下问题" }).getByRole("link").allTextContents()).toEqual([
      "请选择留言类型",
      "请填写留言内容",
    ]);
    await context.close();
  });

  it("a second wrong password on the sign-in page is announced like the first", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/login");
    await waitForHydration(page);
    for (let attempt = 0; attempt < 2; attempt++) {
      await page.getByRole("textbox", { name: "用户名" }).fill("nobody-here");
      await page.getByLabel("密码", { exact: true }).fill("wrong-password-123");
      await page.getByRole("button", { name: "登录" }).focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
      await expect.poll(() => focusedIsInViewport(page)).toBe(true);
    }
    await context.close();
  });
});

describe("nothing typed is lost on a failed sign-in (WCAG 3.3.7)", () => {
  it("without JavaScript the user name stays in the form, the password does not; an empty form asks for both", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByRole("button", { name: "登录" }).click();
    await page.locator(".error-summary").filter({ hasText: "请输入用户名和密码" }).waitFor();
    await page.getByRole("textbox", { name: "用户名" }).fill("someone-else");
    await page.getByLabel("密码", { exact: true }).fill("wrong-password-123");
    await page.getByRole("button", { name: "登录" }).click();
    await page.locator(".error-summary").filter({ hasText: "用户名或密码不正确" }).waitFor();
    expect(await page.getByRole("textbox", { name: "用户名" }).inputValue()).toBe("someone-else");
    expect(await page.getByLabel("密码", { exact: true }).inputValue()).toBe("");
    await context.close();
  });
});
