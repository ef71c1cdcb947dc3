import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startPortal, type PortalServer } from "../support/portal-server";
import { baseURL } from "./browser";
import { sitePages, withLocale } from "./site-pages";
import { sessionCookie } from "./staff";

/**
 * Found by search engines (issue 18, item 5): every public page in both languages describes itself in its own
 * language, names its canonical address and its twin; sitemap.xml lists those pages and nothing a search engine
 * must not index; staff, step, lookup and search pages say noindex; robots.txt keeps crawlers out of /admin and
 * /api. Addresses are root-relative unless PUBLIC_ORIGIN is set: the cached HTML never carries the request's Host.
 */
type Locale = "zh-CN" | "en";
const descriptionMax: Record<Locale, number> = { "zh-CN": 120, en: 160 };
const han = /\p{Script=Han}/gu;
const latin = /[A-Za-z]/g;

const get = (url: string, init: RequestInit = {}, base = baseURL()) => fetch(new URL(url, base), { redirect: "manual", ...init });

async function documentOf(url: string, init: RequestInit = {}, base = baseURL()) {
  const response = await get(url, init, base);
  return { response, document: new JSDOM(await response.text()).window.document };
}

const localeOf = (path: string): Locale => (path === "/en" || path.startsWith("/en/") || path.startsWith("/en?") ? "en" : "zh-CN");
const neutralOf = (path: string) => (localeOf(path) === "en" ? path.slice(3) || "/" : path);

interface SitemapUrl {
  loc: string;
  lastmod: string | null;
  alternates: Record<string, string>;
}

async function readSitemap(base = baseURL(), init: RequestInit = {}): Promise<{ response: Response; urls: SitemapUrl[] }> {
  const response = await get("/sitemap.xml", init, base);
  // jsdom's XML parser throws on a document that is not well-formed.
  const xml = new JSDOM(await response.text(), { contentType: "application/xml" }).window.document;
  const urls = [...xml.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url")].map((url) => ({
    loc: url.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc")[0]?.textContent ?? "",
    lastmod: url.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "lastmod")[0]?.textContent ?? null,
    alternates: Object.fromEntries(
      [...url.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link")].map((link) => [link.getAttribute("hreflang"), link.getAttribute("href")]),
    ),
  }));
  return { response, urls };
}

/** What a page tells search engines about itself. */
function headOf(document: Document) {
  const attr = (selector: string, name: string) => [...document.querySelectorAll(selector)].map((el) => el.getAttribute(name) ?? "");
  return {
    descriptions: attr('meta[name="description"]', "content"),
    canonicals: attr('link[rel="canonical"]', "href"),
    robots: attr('meta[name="robots"]', "content"),
    alternates: Object.fromEntries([...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute("hreflang"), l.getAttribute("href")])),
  };
}

let sitemap: SitemapUrl[];
let sitemapResponse: Response;
beforeAll(async () => {
  ({ response: sitemapResponse, urls: sitemap } = await readSitemap());
});

describe("sitemap.xml", () => {
  it("is XML that lists the public pages in both languages, each with both twins and x-default", () => {
    expect(sitemapResponse.status).toBe(200);
    expect(sitemapResponse.headers.get("content-type")).toMatch(/^application\/xml/);
    const origin = new URL(baseURL()).origin;
    const paths = sitemap.map((u) => u.loc.slice(origin.length));
    for (const url of sitemap) expect(url.loc.startsWith(`${origin}/`), url.loc).toBe(true);
    for (const path of ["/", "/policies", "/guides", "/cinema", "/devices", "/library", "/activities", "/associations", "/figures", "/contact", "/accessibility", "/assistant", "/policies/disability-protection-law", "/policies/living-allowance-guide", "/policies/contact-federation", "/devices/manual-wheelchair", "/devices/bte-hearing-aid"]) {
      expect(paths, path).toContain(path);
      expect(paths, path).toContain(withLocale(path, "en"));
    }
    expect(paths.some((p) => /^\/cinema\/[^/]+$/.test(p)), "a screening").toBe(true);
    expect(new Set(paths).size, "no page twice").toBe(paths.length);
    for (const { loc, alternates } of sitemap) {
      const neutral = neutralOf(loc.slice(origin.length));
      expect(alternates, loc).toEqual({ "zh-CN": origin + neutral, en: origin + withLocale(neutral, "en"), "x-default": origin + neutral });
    }
  });

  it("dates each policy page by its review and lists nothing staff-only: no example activity, no staff, step or search page", () => {
    const origin = new URL(baseURL()).origin;
    const guide = sitemap.find((u) => u.loc === `${origin}/policies/living-allowance-guide`);
    expect(guide?.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const paths = sitemap.map((u) => neutralOf(u.loc.slice(origin.length)));
    expect(paths.filter((p) => p.includes("example"))).toEqual([]);
    expect(paths.filter((p) => /^\/(admin|login|logout|search|api)(\/|$)|\/(book|apply|signup|waiting-list|status|request|booking|sent)(\/|$)/.test(p))).toEqual([]);
  });
});

describe("every public page, in both languages", () => {
  it("has one description in its language, a canonical address of its own, hreflang links to its twin, and no noindex", async () => {
    const origin = new URL(baseURL()).origin;
    for (const { loc } of sitemap) {
      const path = loc.slice(origin.length);
      const locale = localeOf(path);
      const { response, document } = await documentOf(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("x-robots-tag"), path).toBeNull();
      const head = headOf(document);
      expect(head.robots, path).toEqual([]);
      expect(head.descriptions, `${path}: one description`).toHaveLength(1);
      const [description] = head.descriptions;
      expect(description.trim(), path).not.toBe("");
      expect([...description].length, `${path}: ${description}`).toBeLessThanOrEqual(descriptionMax[locale]);
      const hanCount = description.match(han)?.length ?? 0;
      const latinCount = description.match(latin)?.length ?? 0;
      if (locale === "zh-CN") expect(hanCount, `${path} in Chinese: ${description}`).toBeGreaterThan(latinCount);
      else expect(latinCount, `${path} in English: ${description}`).toBeGreaterThan(hanCount * 4);
      // Root-relative: PUBLIC_ORIGIN is unset here, and the request's Host never goes into a cached page.
      const neutral = neutralOf(path);
      expect(head.canonicals, path).toEqual([path]);
      expect(head.alternates, path).toEqual({ "zh-CN": neutral, en: withLocale(neutral, "en"), "x-default": neutral });
    }
  });

  it("differ in their descriptions: each describes itself, not the site", async () => {
    const origin = new URL(baseURL()).origin;
    const seen = new Map<string, string>();
    for (const { loc } of sitemap) {
      const path = loc.slice(origin.length);
      const [description] = headOf((await documentOf(path)).document).descriptions;
      // The screenings of one film share its synopsis; their descriptions say when each one is.
      expect(seen.get(description), `${path} has the description of ${seen.get(description)}`).toBeUndefined();
      seen.set(description, path);
    }
  });

  it("keeps its query in the canonical address and in its twins (a filtered list is its own page)", async () => {
    const { document } = await documentOf("/en/policies?type=regulation&topic=subsidy");
    const head = headOf(document);
    expect(head.canonicals).toEqual(["/en/policies?type=regulation&topic=subsidy"]);
    expect(head.alternates["zh-CN"]).toBe("/policies?type=regulation&topic=subsidy");
    expect(head.descriptions).toHaveLength(1);
  });
});

describe("pages a search engine must not index", () => {
  const expectNoindex = async (url: string, init: RequestInit = {}, status = 200) => {
    const { response, document } = await documentOf(url, init);
    expect(response.status, url).toBe(status);
    expect(response.headers.get("x-robots-tag"), url).toBe("noindex");
    const head = headOf(document);
    expect(head.robots, url).toEqual(["noindex"]);
    expect(head.canonicals, `${url}: no canonical`).toEqual([]);
  };

  it("sign-in, lookups of a booking or request, search results and the pages after a submission", async () => {
    for (const locale of ["zh-CN", "en"] as const) {
      for (const path of ["/login", "/logout", "/cinema/booking", "/devices/request", "/library/status", "/activities/signup", "/search", "/search?q=残疾证怎么办", "/devices?q=放大", "/feedback/sent?ref=YJ-2345-6789", "/assistant/eligibility/certificate"]) {
        await expectNoindex(withLocale(path, locale));
      }
    }
  });

  it("every step of a booking and of a device request", async () => {
    const origin = new URL(baseURL()).origin;
    const screening = sitemap.map((u) => u.loc.slice(origin.length)).find((p) => /^\/cinema\/[^/]+$/.test(p))!;
    const device = "/devices/manual-wheelchair";
    for (const start of [screening, device]) {
      const started = await get(start, { method: "POST", body: new URLSearchParams() });
      expect([302, 303], start).toContain(started.status);
      const step = started.headers.get("location")!;
      expect(step, start).toMatch(/\/(book|apply)\//);
      expect(started.headers.get("x-robots-tag"), `${start}: the answer to a post`).toBeNull();
      await expectNoindex(step);
    }
  });

  it("staff pages, their exports, and the not-found page", async () => {
    const cookie = await sessionCookie("admin");
    await expectNoindex("/admin", { headers: { Cookie: cookie } });
    await expectNoindex("/en/admin/audit", { headers: { Cookie: cookie } });
    const stranger = await get("/admin");
    expect(stranger.status).toBe(302);
    expect(stranger.headers.get("x-robots-tag")).toBe("noindex");
    const csv = await get("/admin/audit/export", { headers: { Cookie: cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("x-robots-tag")).toBe("noindex");
    const missing = await documentOf("/no-such-page");
    expect(missing.response.status).toBe(404);
    expect(headOf(missing.document).robots).toEqual(["noindex"]);
  });

  it("are all the pages of the page suite that are not in the sitemap", async () => {
    const origin = new URL(baseURL()).origin;
    const listed = new Set(sitemap.map((u) => u.loc.slice(origin.length)));
    for (const { path, status } of sitePages) {
      const { response, document } = await documentOf(path);
      expect(response.status, path).toBe(status ?? 200);
      const noindex = headOf(document).robots.includes("noindex");
      // A filtered list is indexed with its query, but the sitemap lists only the list itself.
      const page = path.includes("?") && !/[?&]q=/.test(path) ? path.slice(0, path.indexOf("?")) : path;
      expect({ path, listed: listed.has(page) }, path).toEqual({ path, listed: !noindex });
    }
  });
});

describe("robots.txt", () => {
  it("answers plain text: crawl the public pages, not /admin or /api, and here is the sitemap", async () => {
    const response = await get("/robots.txt");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const lines = (await response.text()).split("\n");
    expect(lines).toContain("User-agent: *");
    expect(lines).toContain("Disallow: /admin");
    expect(lines).toContain("Disallow: /en/admin");
    expect(lines).toContain("Disallow: /api/");
    expect(lines).toContain(`Sitemap: ${new URL(baseURL()).origin}/sitemap.xml`);
  });
});

describe("absolute addresses", () => {
  let proxied: PortalServer;
  let configured: PortalServer;
  beforeAll(async () => {
    // Two more instances on the suite's database (they share its secrets, as instances of one portal do).
    const env = { DATABASE_URL: inject("databaseUrl"), RATE_LIMIT_PER_MINUTE: "0", SKIP_BUILD: "1" };
    [proxied, configured] = await Promise.all([
      startPortal({ ...env, TRUST_PROXY: "1", PUBLIC_ORIGIN: undefined }),
      startPortal({ ...env, PUBLIC_ORIGIN: "https://access.example.gov.cn/" }),
    ]);
  }, 240_000);
  afterAll(async () => {
    await proxied?.stop();
    await configured?.stop();
  });

  // With its port: without one the edge keeps the port of the Host header, as @remix-run/express did.
  const forwarded = { "X-Forwarded-Host": "portal.example.org:443", "X-Forwarded-Proto": "https" };

  it("without PUBLIC_ORIGIN, sitemap.xml and robots.txt name the origin a trusted proxy says the client used", async () => {
    const { urls } = await readSitemap(proxied.url, { headers: forwarded });
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.every((u) => u.loc.startsWith("https://portal.example.org/"))).toBe(true);
    const robots = await (await get("/robots.txt", { headers: forwarded }, proxied.url)).text();
    expect(robots).toContain("Sitemap: https://portal.example.org/sitemap.xml");
  });

  it("without PUBLIC_ORIGIN, a page links root-relative whatever Host it was asked under (the page cache keeps its bytes)", async () => {
    const first = await documentOf("/en/policies", { headers: forwarded }, proxied.url);
    const head = headOf(first.document);
    expect(head.canonicals).toEqual(["/en/policies"]);
    expect(head.alternates).toEqual({ "zh-CN": "/policies", en: "/en/policies", "x-default": "/policies" });
    expect(first.document.head.innerHTML).not.toContain("portal.example.org");
  });

  it("with PUBLIC_ORIGIN, pages, sitemap.xml and robots.txt use it", async () => {
    const { document } = await documentOf("/en/policies/living-allowance-guide", {}, configured.url);
    const head = headOf(document);
    expect(head.canonicals).toEqual(["https://access.example.gov.cn/en/policies/living-allowance-guide"]);
    expect(head.alternates).toEqual({
      "zh-CN": "https://access.example.gov.cn/policies/living-allowance-guide",
      en: "https://access.example.gov.cn/en/policies/living-allowance-guide",
      "x-default": "https://access.example.gov.cn/policies/living-allowance-guide",
    });
    const { urls } = await readSitemap(configured.url);
    expect(urls.every((u) => u.loc.startsWith("https://access.example.gov.cn/"))).toBe(true);
    expect(await (await get("/robots.txt", {}, configured.url)).text()).toContain("Sitemap: https://access.example.gov.cn/sitemap.xml");
  });
});
