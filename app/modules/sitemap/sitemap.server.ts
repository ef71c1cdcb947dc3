import type { Kysely } from "kysely";
import { htmlLang, localePath, locales } from "~/i18n/config";
import { listUpcomingActivities } from "~/modules/centre/index.server";
import { listUpcomingScreenings } from "~/modules/cinema/index.server";
import { getCorpus, type Corpus } from "~/modules/content/index.server";
import type { Database } from "~/modules/db/index.server";
import { listDeviceTypes } from "~/modules/lending/index.server";
import { escapeXml } from "~/modules/shared/xml";

/**
 * sitemap.xml (issue 18, item 5): every public page, locale-neutral, each given in both languages with its
 * alternates. The public pages are the sections below and what the public sees of the content: every policy
 * document and guide (dated by its review), the upcoming screenings, the device catalogue and the published,
 * upcoming activities (the seed's examples are staff-only and never listed). Staff, step, lookup and search
 * pages are not public pages (http/search-indexing.server.ts); tests/e2e/seo.test.ts checks that none is here.
 */
export interface SitemapPage {
  /** Locale-neutral path: "/policies/living-allowance-guide". */
  path: string;
  /** The content's review date (YYYY-MM-DD), where known. */
  lastmod: string | null;
}

/** The section pages, each with an intro line of its own as its description. */
export const sectionPaths = [
  "/",
  "/policies",
  "/guides",
  "/cinema",
  "/devices",
  "/library",
  "/home-modification",
  "/activities",
  "/associations",
  "/figures",
  "/assistant",
  "/assistant/eligibility",
  "/contact",
  "/accessibility",
  "/feedback",
  "/settings",
] as const;

export async function sitemapPages(db: Kysely<Database>, corpus: Corpus = getCorpus(), now = new Date()): Promise<SitemapPage[]> {
  const [screenings, devices, activities] = await Promise.all([
    listUpcomingScreenings(db, {}, now),
    listDeviceTypes(db),
    listUpcomingActivities(db, {}, now),
  ]);
  return [
    ...sectionPaths.map((path) => ({ path, lastmod: null })),
    ...corpus.documents.map((doc) => ({ path: `/policies/${encodeURIComponent(doc.id)}`, lastmod: doc.reviewed ?? null })),
    ...screenings.map((s) => ({ path: `/cinema/${encodeURIComponent(s.id)}`, lastmod: null })),
    ...devices.map((d) => ({ path: `/devices/${encodeURIComponent(d.id)}`, lastmod: null })),
    ...activities.map((a) => ({ path: `/activities/${encodeURIComponent(a.id)}`, lastmod: null })),
  ];
}

/** The sitemap protocol's document, with xhtml:link alternates (zh-CN, en, x-default) on every URL. */
export function sitemapXml(pages: SitemapPage[], origin: string): string {
  const href = (path: string) => escapeXml(origin + path);
  const urls = pages.flatMap(({ path, lastmod }) => {
    const alternates = [
      ...locales.map((l) => `    <xhtml:link rel="alternate" hreflang="${htmlLang(l)}" href="${href(localePath(path, l))}"/>`),
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${href(path)}"/>`,
    ];
    return locales.map((l) =>
      ["  <url>", `    <loc>${href(localePath(path, l))}</loc>`, ...(lastmod ? [`    <lastmod>${escapeXml(lastmod)}</lastmod>`] : []), ...alternates, "  </url>"].join("\n"),
    );
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/** robots.txt: everything public may be crawled; the staff console and the JSON API may not. */
export function robotsTxt(origin: string): string {
  return [
    "User-agent: *",
    "Allow: /",
    `Disallow: /admin`,
    `Disallow: ${localePath("/admin", "en")}`,
    // The JSON API has no /en twin: its language is the client's (docs/contracts.md).
    "Disallow: /api/",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ].join("\n");
}
