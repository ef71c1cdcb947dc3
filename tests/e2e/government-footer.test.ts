import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPortal, type PortalServer } from "../support/portal-server";
import { launchBrowser, newContext } from "./browser";

/**
 * The government-site identifiers in the footer (issue 19, item 14): none on the shared test portal, which has
 * none configured, and each one on a portal started with them set, in both languages.
 */
let browser: Browser;
let portal: PortalServer;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-footer-"));
  portal = await startPortal({
    DATABASE_URL: `file:${path.join(dir, "portal.sqlite")}`,
    SKIP_BUILD: "1",
    SITE_SPONSOR: "清远市残疾人联合会",
    SITE_IDENTIFIER_CODE: "4418000023",
    SITE_ICP_NUMBER: "粤ICP备12345678号",
    SITE_PUBLIC_SECURITY_NUMBER: "粤公网安备44180202000123号",
    SITE_CONAC_URL: "https://bszs.conac.cn/sitename?method=show&id=TEST",
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the footer's government-site identifiers", () => {
  it("are not shown when none is configured", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/contact");
    const footer = page.getByRole("contentinfo");
    expect(await footer.getByRole("list", { name: "网站信息" }).count()).toBe(0);
    expect(await footer.textContent()).not.toMatch(/主办单位|网站标识码|ICP备|公网安备/);
    await context.close();
  });

  it("are each shown when configured, the filing numbers linked to their registries, Chinese marked on /en", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false, baseURL: portal.url });
    const page = await context.newPage();
    await page.goto("/contact");
    const list = page.getByRole("contentinfo").getByRole("list", { name: "网站信息" });
    expect(await list.getByRole("listitem").allTextContents()).toEqual([
      "主办单位：清远市残疾人联合会",
      "网站标识码：4418000023",
      "粤ICP备12345678号",
      "粤公网安备44180202000123号",
      "党政机关网站标识",
    ]);
    expect(await list.getByRole("link", { name: "粤ICP备12345678号" }).getAttribute("href")).toBe("https://beian.miit.gov.cn/");
    expect(await list.getByRole("link", { name: "粤公网安备44180202000123号" }).getAttribute("href")).toBe(
      "https://beian.mps.gov.cn/#/query/webSearch?code=44180202000123",
    );
    expect(await list.getByRole("link", { name: "党政机关网站标识" }).getAttribute("href")).toBe("https://bszs.conac.cn/sitename?method=show&id=TEST");

    await page.goto("/en/contact");
    const en = page.getByRole("contentinfo").getByRole("list", { name: "About this website" });
    expect(await en.getByRole("listitem").first().textContent()).toBe("Run by: 清远市残疾人联合会");
    expect(await en.getByText("清远市残疾人联合会").getAttribute("lang")).toBe("zh-CN");
    expect(await en.getByRole("link", { name: "粤ICP备12345678号" }).getAttribute("lang")).toBe("zh-CN");
    expect(await en.getByRole("link", { name: "Government website certificate" }).count()).toBe(1);
    await context.close();
  });
});
