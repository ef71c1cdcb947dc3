import { robotsTxt, sitemapXml } from "./sitemap.server";

describe("sitemap.xml", () => {
  const xml = sitemapXml(
    [
      { path: "/", lastmod: null },
      { path: "/policies/living-allowance-guide", lastmod: "2026-11-20" },
    ],
    "https://access.example.gov.cn",
  );

  it("lists every page in both languages, each with its alternates and x-default", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">')).toBe(true);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      "https://access.example.gov.cn/",
      "https://access.example.gov.cn/en",
      "https://access.example.gov.cn/policies/living-allowance-guide",
      "https://access.example.gov.cn/en/policies/living-allowance-guide",
    ]);
    expect(xml.match(/<xhtml:link rel="alternate" hreflang="x-default" href="https:\/\/access.example.gov.cn\/policies\/living-allowance-guide"\/>/g)).toHaveLength(2);
    expect(xml.match(/hreflang="en" href="https:\/\/access.example.gov.cn\/en"/g)).toHaveLength(2);
  });

  it("dates a page by its review where known", () => {
    expect(xml.match(/<lastmod>2026-11-20<\/lastmod>/g)).toHaveLength(2);
    expect(xml.match(/<lastmod>/g)).toHaveLength(2);
  });

  it("escapes what XML would read as markup", () => {
    expect(sitemapXml([{ path: "/cinema?ad=1&cc=1", lastmod: null }], "http://x")).toContain("<loc>http://x/cinema?ad=1&amp;cc=1</loc>");
  });
});

describe("robots.txt", () => {
  it("allows the public pages, keeps crawlers out of the staff console and the API, and names the sitemap", () => {
    expect(robotsTxt("https://access.example.gov.cn").split("\n")).toEqual([
      "User-agent: *",
      "Allow: /",
      "Disallow: /admin",
      "Disallow: /en/admin",
      "Disallow: /api/",
      "",
      "Sitemap: https://access.example.gov.cn/sitemap.xml",
      "",
    ]);
  });
});
