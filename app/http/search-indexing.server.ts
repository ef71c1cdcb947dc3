import { stripLocale } from "~/i18n/config";
import { isPersonalPath, queryCarriesPersonalNumber } from "./cache-policy";

/**
 * Which answers a search engine may index (issue 18, item 5). Not: the staff console and sign-in, every step,
 * check and confirmation of a booking, request, application or sign-up, every lookup that shows a person's
 * booking or request (the personal pages of cache-policy.ts, which are never stored either), search results
 * (`/search`, and any list filtered by words someone typed: `?q=`), a URL whose query carries a personal number,
 * and the JSON API. The assistant's two entrances are public pages: their conversation and answers live in a
 * cookie, never in the URL. Pages answer `X-Robots-Tag: noindex` (the edge) and `<meta name="robots">` (root.tsx);
 * robots.txt keeps crawlers out of /admin and /api altogether, and sitemap.xml lists only indexable pages.
 */
const publicEntrances: RegExp[] = [/^\/assistant$/, /^\/assistant\/eligibility$/];

export function isIndexable(pathname: string, search = ""): boolean {
  if (pathname === "/api" || pathname.startsWith("/api/") || pathname.endsWith(".data")) return false;
  const path = stripLocale(pathname);
  if (/^\/search(\/|$)/.test(path)) return false;
  if (isPersonalPath(pathname) && !publicEntrances.some((pattern) => pattern.test(path))) return false;
  if (queryCarriesPersonalNumber(search)) return false;
  return !new URLSearchParams(search).get("q")?.trim();
}

/** The header that keeps a search engine from indexing an answer, HTML or not (a CSV export, a calendar file). */
export const noindexHeader = ["X-Robots-Tag", "noindex"] as const;
