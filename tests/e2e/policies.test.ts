import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCorpus } from "~/modules/content/index.server";
import { baseURL, launchBrowser, newContext, tabTo, waitForHydration } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("policy library", () => {
  it("every document page opens, and every table-of-contents link lands on its section", async () => {
    for (const doc of getCorpus().documents) {
      for (const prefix of ["", "/en"]) {
        const res = await fetch(`${baseURL()}${prefix}/policies/${doc.id}`);
        expect(res.status, doc.id).toBe(200);
        const html = await res.text();
        const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
        const anchors = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
        const missing = anchors.filter((a) => !ids.has(a));
        expect(missing, `${prefix}/policies/${doc.id}`).toEqual([]);
        // Each page says it is a summary and, for laws and notices, links the official source.
        expect(html).toContain(prefix ? "not the official text" : "不是官方原文");
        if (doc.source) expect(html).toContain(`href="${doc.source}"`);
        // … and says what changed last, or that nothing is recorded since it was first published.
        expect(html).toContain(prefix ? "Last changed: " : "最近更新：");
      }
    }
  });

  it("a citation link opens the page scrolled to that article", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/policies/disability-protection-law#art-50");
    // Next to the review date: the law's last amendment and what it was.
    expect(await page.getByText("最近更新：2018年10月26日：全国人大常委会在一次修改15部法律的决定中修改了本法。", { exact: true }).count()).toBe(1);
    const heading = page.locator("#art-50");
    expect(await heading.textContent()).toMatch(/^第五十条/);
    // The page opens scrolled to the article: wait until it is in view (the document may still be loading).
    await page.waitForFunction(() => {
      const top = document.getElementById("art-50")!.getBoundingClientRect().top;
      return top >= 0 && top < window.innerHeight / 2;
    });
    await context.close();
  });

  it("the guide shows its steps as an ordered list with headings, and an easy-read version", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/policies/living-allowance-guide");
    const steps = page.getByRole("region", { name: "办理步骤" }).or(page.locator("section", { has: page.getByRole("heading", { name: "办理步骤" }) }));
    expect(await steps.getByRole("listitem").count()).toBeGreaterThanOrEqual(4);
    // "第1步", as every step count of the site writes it (issue 19), not "第 1 步".
    expect(await page.getByRole("heading", { name: /^第1步 / }).count()).toBe(1);
    expect(await page.getByRole("heading", { name: /第 \d+ 步/ }).count()).toBe(0);
    expect(await page.getByRole("heading", { name: "易读版" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: /查看官方原文/ }).count()).toBe(1);
    // No change is known for this guide: the page says so, and never makes one up.
    expect(await page.getByText("最近更新：暂无，首次发布", { exact: true }).count()).toBe(1);
    await context.close();
  });

  it("search works without JavaScript: colloquial words find the right guide", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("searchbox", { name: "搜索本站" }).fill("残疾证丢了怎么办");
    await page.getByRole("search").getByRole("button", { name: "搜索" }).click();
    await page.waitForURL(/\/search\?q=/);
    expect(await page.getByRole("status").filter({ hasText: "找到" }).textContent()).toMatch(/^找到 \d+ 份相关文件$/);
    const first = page.locator(".doc-list__item").first();
    expect(await first.getByRole("heading", { level: 2 }).textContent()).toContain("残疾人证");
    expect(await page.title()).toBe("“残疾证丢了怎么办”的搜索结果 - 清远市残联服务门户");
    await context.close();
  });

  it("search hits are highlighted for the eye, and not announced as 突出显示 one by one (also in forced colours)", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/search?q=残疾证怎么办");
    await page.getByRole("status").filter({ hasText: "找到" }).waitFor();
    // What Chromium gives a screen reader: no node of the role "mark" anywhere on the page.
    const cdp = await context.newCDPSession(page);
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: Array<{ role?: { value?: string } }> };
    expect(nodes.length).toBeGreaterThan(50);
    expect(nodes.filter((n) => n.role?.value === "mark").length).toBe(0);
    // What the eye gets: every highlighted word of an excerpt (the smallest elements in the result lists that
    // hold a search word) has a background of its own, unlike the text around it and unlike its own letters.
    const looks = () =>
      page.evaluate(() => {
        const background = (el: Element | null): string => {
          for (; el; el = el.parentElement) {
            const bg = getComputedStyle(el).backgroundColor;
            if (bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent") return bg;
          }
          return "rgb(255, 255, 255)";
        };
        const words = [...document.querySelectorAll("main ol li ul li span *")].filter((el) => el.children.length === 0 && /残疾|证/.test(el.textContent ?? ""));
        return words.map((el) => ({ word: el.textContent, hit: background(el), around: background(el.parentElement), letters: getComputedStyle(el).color }));
      });
    for (const forcedColors of ["none", "active"] as const) {
      await page.emulateMedia({ forcedColors });
      const hits = await looks();
      expect(hits.length, forcedColors).toBeGreaterThan(0);
      for (const h of hits) {
        expect(h.hit, `${forcedColors} ${h.word}`).not.toBe(h.around);
        expect(h.hit, `${forcedColors} ${h.word}`).not.toBe(h.letters);
      }
    }
    await context.close();
  });

  it("English search finds Chinese documents through the glossary", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/en/search?q=wheelchair");
    expect(await page.getByRole("status").filter({ hasText: "matching" }).textContent()).toMatch(/^\d+ matching documents$/);
    expect(await page.locator(".doc-list__item").first().textContent()).toMatch(/辅助器具|assistive/i);
    await context.close();
  });

  it("filters are a plain form; the count of results is announced as a status", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/policies");
    await waitForHydration(page);
    const status = page.getByRole("status").filter({ hasText: "份文件" });
    const countIn = async () => Number((await status.textContent())?.match(/\d+/)?.[0]);
    const all = await countIn();
    await tabTo(page, page.getByRole("combobox", { name: "主题" }));
    await page.keyboard.press("End"); // last topic
    await page.getByRole("combobox", { name: "主题" }).selectOption("subsidy");
    await tabTo(page, page.getByRole("button", { name: "显示结果" }));
    await page.keyboard.press("Enter");
    await page.waitForURL(/topic=subsidy/);
    // The URL changes as the navigation commits; wait until the page shows the filtered list, whose count the
    // status states (the unfiltered page says a count too, so a single read can race the render).
    await expect.poll(countIn).toBeLessThan(all);
    const count = await countIn();
    expect(count).toBeGreaterThan(0);
    expect(await page.locator(".doc-list__item").count()).toBe(Math.min(count, 20));
    await context.close();
  });

  it("unknown documents are a 404, and nothing a person types into search breaks it", async () => {
    expect((await fetch(`${baseURL()}/policies/no-such-doc`)).status).toBe(404);
    for (const q of ["%", "<script>alert(1)</script>", "字".repeat(500), "\u200b\u202e", "OR 1=1 --"]) {
      const res = await fetch(`${baseURL()}/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(await res.text()).not.toContain("<script>alert(1)</script>");
    }
  });
});
