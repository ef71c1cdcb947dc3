import { JSDOM } from "jsdom";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launchBrowser, newContext, tabTo } from "./browser";

/**
 * The Atom feed of notices and changed documents (issue 16, item 7), from the real server: its type, an entry
 * that leads to its page, public caching with a strong ETag, and how /policies and the home page announce it.
 */
const atom = "http://www.w3.org/2005/Atom";
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseURL()}${path}`, { headers, redirect: "manual" });

/** The feed parsed back (jsdom's XML parser throws on a document that is not well-formed). */
async function readFeed(path: string) {
  const response = await get(path);
  const document = new JSDOM(await response.text(), { contentType: "application/xml" }).window.document;
  const child = (el: Element, name: string) => [...el.children].find((c) => c.namespaceURI === atom && c.localName === name);
  const entries = [...document.getElementsByTagNameNS(atom, "entry")].map((e) => ({
    id: child(e, "id")?.textContent ?? "",
    title: child(e, "title")?.textContent ?? "",
    updated: child(e, "updated")?.textContent ?? "",
    summary: child(e, "summary")?.textContent ?? "",
    author: child(e, "author")?.textContent?.trim() ?? "",
    link: child(e, "link")?.getAttribute("href") ?? "",
  }));
  return { response, root: document.documentElement, entries, self: [...document.documentElement.children].find((c) => c.localName === "link" && c.getAttribute("rel") === "self")?.getAttribute("href") };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("the Atom feed", () => {
  it("is Atom, newest first, with an entry per notice and changed document that links its page", async () => {
    const { response, root, entries, self } = await readFeed("/feeds/policies.xml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(root.namespaceURI).toBe(atom);
    expect(root.getAttribute("xml:lang")).toBe("zh-CN");
    expect(self).toBe(`${baseURL()}/feeds/policies.xml`);
    const updated = entries.map((e) => e.updated);
    expect(updated).toEqual([...updated].sort().reverse());

    const law = entries.find((e) => e.link === `${baseURL()}/policies/disability-protection-law`)!;
    expect(law).toMatchObject({
      id: law.link,
      title: "中华人民共和国残疾人保障法",
      updated: "2018-10-26T00:00:00+08:00",
      summary: "全国人大常委会在一次修改15部法律的决定中修改了本法。",
      author: "全国人民代表大会常务委员会",
    });
    expect(entries.some((e) => e.link.endsWith("/policies/qingyuan-support-measures-revision")), "a notice").toBe(true);
    expect((await get(new URL(law.link).pathname)).status).toBe(200);
  });

  it("in English at /en/feeds/policies.xml", async () => {
    const { response, root, entries } = await readFeed("/en/feeds/policies.xml");
    expect(response.status).toBe(200);
    expect(root.getAttribute("xml:lang")).toBe("en");
    const law = entries.find((e) => e.link === `${baseURL()}/en/policies/disability-protection-law`)!;
    expect(law.title).toBe("Law of the People's Republic of China on the Protection of Persons with Disabilities");
    expect(law.summary).toMatch(/^Amended by the NPC Standing Committee/);
  });

  it("is cached like a public page: strong ETag, public, no-cache; revalidated, it answers 304", async () => {
    for (const path of ["/feeds/policies.xml", "/en/feeds/policies.xml"]) {
      for (const encoding of ["identity", "gzip"]) {
        const first = await get(path, { "Accept-Encoding": encoding });
        await first.arrayBuffer();
        const etag = first.headers.get("etag")!;
        expect(etag, path).toMatch(/^"[\w.-]+"$/);
        expect(first.headers.get("cache-control"), path).toBe("public, no-cache");
        expect(first.headers.get("vary"), path).toMatch(/Accept-Encoding/);
        const again = await get(path, { "Accept-Encoding": encoding, "If-None-Match": etag });
        expect(again.status, `${path} ${encoding}`).toBe(304);
        expect(await again.text()).toBe("");
      }
    }
  });
});

describe("finding the feed", () => {
  it("/policies announces it to feed readers and links it, reachable with the keyboard, without JavaScript", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/policies");
    const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    expect(await alternate.count()).toBe(1);
    expect(await alternate.getAttribute("href")).toBe("/feeds/policies.xml");
    expect(await alternate.getAttribute("title")).toBe("通知公告和政策更新 - 清远市残联服务门户");
    const link = page.getByRole("link", { name: "订阅更新（Atom）", exact: true });
    expect(await link.getAttribute("href")).toBe("/feeds/policies.xml");
    await tabTo(page, link);

    await page.goto("/en/policies");
    expect(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute("href")).toBe("/en/feeds/policies.xml");
    expect(await page.getByRole("link", { name: "Subscribe to updates (Atom)", exact: true }).getAttribute("href")).toBe("/en/feeds/policies.xml");
    await context.close();
  });

  it("the home page, with the latest notices, announces it too; other pages do not", async () => {
    const head = async (path: string) => new JSDOM(await (await get(path)).text()).window.document.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]');
    expect([...(await head("/"))].map((l) => l.getAttribute("href"))).toEqual(["/feeds/policies.xml"]);
    expect((await head("/cinema")).length).toBe(0);
  });
});
