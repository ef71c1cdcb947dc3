import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasRole, type StaffRole } from "~/modules/staff/roles";
import { baseURL, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForNewPage } from "./browser";
import { builtRoutes } from "./built-routes";
import type { StaffFixture } from "./global-setup";
import { sessionCookie, signInContext, staffAccount } from "./staff";

/** Every route under /admin, from the built route manifest (the same one the server runs). */
async function adminRoutes(): Promise<Array<{ id: string; url: string; role: StaffRole | "any" | undefined; hasAction: boolean }>> {
  return (await builtRoutes())
    .filter(({ pattern }) => pattern === "admin" || pattern.startsWith("admin/"))
    .map((r) => ({
      id: r.id,
      url: `/${r.pattern.replace(/:\w+\??/g, "e2e-missing")}`,
      role: (r.handle as { staffRole?: StaffRole | "any" } | undefined)?.staffRole,
      hasAction: r.hasAction,
    }));
}

let routes: Awaited<ReturnType<typeof adminRoutes>>;
const cookies: Partial<Record<StaffFixture, string>> = {};
beforeAll(async () => {
  routes = await adminRoutes();
  for (const who of ["admin", "content", "cinema", "lending"] as const) cookies[who] = await sessionCookie(who);
});

const get = (url: string, cookie?: string) => fetch(`${baseURL()}${url}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
const post = (url: string, cookie?: string) =>
  fetch(`${baseURL()}${url}`, { method: "POST", redirect: "manual", body: new URLSearchParams({ intent: "probe" }), headers: cookie ? { Cookie: cookie } : {} });

describe("staff-only pages", () => {
  it("finds the admin routes and every one declares the role it needs", () => {
    expect(routes.length).toBeGreaterThanOrEqual(6);
    expect(routes.filter((r) => !r.role).map((r) => r.id)).toEqual([]);
  });

  it("send a stranger to the login page, for every admin route, read or write", async () => {
    for (const route of routes) {
      for (const prefix of ["", "/en"]) {
        const res = await get(prefix + route.url);
        expect(res.status, `GET ${prefix}${route.url}`).toBe(302);
        expect(res.headers.get("location"), route.url).toMatch(new RegExp(`^${prefix}/login\\?redirectTo=`));
      }
      if (route.hasAction) {
        const res = await post(route.url);
        expect([302, 303], `POST ${route.url}`).toContain(res.status);
        expect(res.headers.get("location"), route.url).toMatch(/^\/login\?redirectTo=/);
      }
    }
  });

  it("answer 403 to staff without the role, and let staff with it in", async () => {
    for (const route of routes) {
      for (const who of ["content", "cinema", "lending", "admin"] as const) {
        const roles = [who === "admin" ? "admin" : who] as StaffRole[];
        const allowed = hasRole(roles, route.role!);
        const res = await get(route.url, cookies[who]);
        if (allowed) expect([200, 404], `${who} GET ${route.url}`).toContain(res.status);
        else expect(res.status, `${who} GET ${route.url}`).toBe(403);
        if (route.hasAction && !allowed) expect((await post(route.url, cookies[who])).status, `${who} POST ${route.url}`).toBe(403);
      }
    }
  });
});

describe("staff login in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("signs in with the keyboard alone, returns to the page asked for, and every admin area has zero axe violations", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/admin/audit");
    await page.waitForURL(/\/login\?redirectTo=/);
    const { username, password } = staffAccount("admin");
    await tabTo(page, page.getByRole("textbox", { name: "用户名" }));
    await page.keyboard.type(username);
    await page.keyboard.press("Tab");
    await page.keyboard.type(password);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "操作记录" }).waitFor();
    expect(page.url()).toMatch(/\/admin\/audit$/);
    for (const url of ["/admin", "/admin/users", "/admin/audit", "/admin/feedback", "/admin/assistant", "/en/admin"]) {
      await page.goto(url);
      expect(await page.locator("h1").count(), url).toBe(1);
      await expectNoAxeViolations(page, url);
    }
    await context.close();
  });

  it("a wrong password is refused with an announced error; the password never appears in the page", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByRole("textbox", { name: "用户名" }).fill(staffAccount("content").username);
    await page.getByLabel("密码").fill("not the password");
    await waitForNewPage(page, () => page.getByRole("button", { name: "登录" }).click());
    expect(await page.title()).toMatch(/^错误：/);
    expect(await page.locator(".error-summary").textContent()).toContain("用户名或密码不正确");
    expect(await page.content()).not.toContain("not the password");
    await context.close();
  });

  it("staff open a feedback message: the contact is masked in the list, shown in full on the detail page, and the view is audited", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/feedback");
    await page.getByRole("radio", { name: "办事或服务的问题" }).check();
    await page.getByRole("textbox", { name: "您的留言" }).fill("请问辅具借用要多久？");
    await page.getByRole("textbox", { name: "联系方式（选填）" }).fill("13912345678");
    await waitForNewPage(page, () => page.getByRole("button", { name: "提交留言" }).click());
    const reference = (await page.locator(".reference").textContent())!;

    await signInContext(context, "content");
    await page.goto("/admin/feedback");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `查看 ${reference}` }) });
    expect(await row.textContent()).toContain("139****5678");
    expect(await row.textContent()).not.toContain("13912345678");
    await waitForNewPage(page, () => page.getByRole("link", { name: `查看 ${reference}` }).click());
    expect(await page.content()).toContain("13912345678");
    await page.getByRole("radio", { name: "已办结" }).check();
    await waitForNewPage(page, () => page.getByRole("button", { name: "保存" }).click());
    expect(await page.getByRole("status").filter({ hasText: "已保存" }).count()).toBe(1);

    await signInContext(context, "admin");
    await page.goto("/admin/audit");
    const log = await page.locator("table").textContent();
    expect(log).toContain(`feedback ${reference}`);
    expect(log).toContain("feedback.view");
    expect(log).toContain("feedback.update");
    await context.close();
  });

  it("signing out ends the session: the admin pages send the browser back to login", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    await signInContext(context, "cinema");
    const page = await context.newPage();
    await page.goto("/admin");
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/logout\?done=1/);
    await page.goto("/admin");
    await page.waitForURL(/\/login/);
    await context.close();
  });
});
