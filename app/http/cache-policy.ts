import { stripLocale } from "~/i18n/config";
import { personalNumbers } from "~/modules/privacy/mask";

/**
 * Which answers must never be kept by a browser or a shared cache (docs/security.md, "Caching"): the staff
 * console, sign-in, every step of a booking, application, sign-up or waiting list, every page that looks a
 * reference up or shows one, the assistant's conversation and eligibility answers, and the personal-data API.
 * They get `Cache-Control: no-store`; so does every answer to a submission (any method but GET and HEAD).
 * Public content pages (policies, guides, the cinema programme, the catalogue …) are cached as `publicPageCaching`
 * says, in the process (page-cache.server.ts) and by browsers and shared caches, with a strong ETag.
 */
const personalPaths: RegExp[] = [
  /^\/admin(\/|$)/,
  /^\/(login|logout)(\/|$)/,
  /^\/cinema\/(booking|offer)(\/|$)/,
  /^\/cinema\/[^/]+\/(book|waiting-list)(\/|$)/,
  /^\/devices\/(request|renew)(\/|$)/,
  /^\/devices\/[^/]+\/apply(\/|$)/,
  /^\/library\/(apply|status)(\/|$)/,
  /^\/home-modification\/(apply|status)(\/|$)/,
  /^\/activities\/(signup|offer)(\/|$)/,
  /^\/activities\/[^/]+\/signup(\/|$)/,
  /^\/assistant(\/|$)/,
  /^\/feedback\/sent(\/|$)/,
  /^\/withdraw(\/|$)/,
  /^\/api\/v1\/(bookings|loan-requests|chat)(\/|$)/,
  /^\/api\/v1\/screenings\/[^/]+\/bookings(\/|$)/,
];

/** The page a URL path belongs to: without the locale prefix, and without single fetch's `.data` suffix. */
function pagePath(pathname: string): string {
  const path = pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
  return path.startsWith("/api/") ? path : stripLocale(path);
}

/**
 * Public content pages: their HTML depends only on the URL (path, query, host), the language (in the path) and the
 * display preferences (the signed `display` cookie), and holds nothing of the person asking. Forms (feedback,
 * settings), lookups and every step of a flow are not here; neither is single fetch's `.data` (not cached), nor
 * search: its URL is whatever a resident typed, a certificate or phone number included, which no cache should keep.
 */
const publicPagePaths: RegExp[] = [
  /^\/$/,
  /^\/(policies|guides|cinema|devices|activities|associations|contact|accessibility|figures|library|home-modification)$/,
  /^\/(policies|cinema|devices|activities)\/[^/]+$/,
  // The Atom feed of notices and changed documents: built from the corpus, the same for everyone.
  /^\/feeds\/policies\.xml$/,
];

/** The caching headers of a public content page: stored, but asked again every time (a change shows at once). */
export const publicPageCaching = {
  "Cache-Control": "public, no-cache",
  // The display preferences live in a cookie; the compressed and plain bodies are different representations.
  Vary: "Accept-Encoding, Cookie",
} as const;

/** Whether a GET of this path is a public content page (never a personal one, whatever the patterns say). */
export function isPublicPage(pathname: string): boolean {
  if (pathname.endsWith(".data") || pathname.startsWith("/api/") || isPersonalPath(pathname)) return false;
  const path = stripLocale(pathname);
  return publicPagePaths.some((pattern) => pattern.test(path));
}

export function isPersonalPath(pathname: string): boolean {
  const path = pagePath(pathname);
  return personalPaths.some((pattern) => pattern.test(path));
}

/**
 * Whether the query string carries a personal number (a resident typed a certificate or phone number into the
 * search box, say): such an answer is never stored, whatever the page.
 */
export function queryCarriesPersonalNumber(search: string): boolean {
  if (search.length <= 1) return false;
  const values = [...new URLSearchParams(search).values()].join(" ");
  return personalNumbers(values).length > 0;
}

/** The Cache-Control the edge sets on an answer, or null to leave the route's own. */
export function cacheControlFor(method: string, pathname: string, search = ""): string | null {
  if (method !== "GET" && method !== "HEAD") return "no-store";
  return isPersonalPath(pathname) || queryCarriesPersonalNumber(search) ? "no-store" : null;
}
