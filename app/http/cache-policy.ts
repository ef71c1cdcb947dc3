import { stripLocale } from "~/i18n/config";

/**
 * Which answers must never be kept by a browser or a shared cache (docs/security.md, "Caching"): the staff
 * console, sign-in, every step of a booking, application, sign-up or waiting list, every page that looks a
 * reference up or shows one, the assistant's conversation and eligibility answers, and the personal-data API.
 * They get `Cache-Control: no-store`; so does every answer to a submission (any method but GET and HEAD).
 * Public pages (policies, guides, the cinema programme, the catalogue …) keep their caching as it is.
 */
const personalPaths: RegExp[] = [
  /^\/admin(\/|$)/,
  /^\/(login|logout)(\/|$)/,
  /^\/cinema\/booking(\/|$)/,
  /^\/cinema\/[^/]+\/(book|waiting-list)(\/|$)/,
  /^\/devices\/request(\/|$)/,
  /^\/devices\/[^/]+\/apply(\/|$)/,
  /^\/library\/(apply|status)(\/|$)/,
  /^\/activities\/signup(\/|$)/,
  /^\/activities\/[^/]+\/signup(\/|$)/,
  /^\/assistant(\/|$)/,
  /^\/feedback\/sent(\/|$)/,
  /^\/api\/v1\/(bookings|loan-requests|chat)(\/|$)/,
  /^\/api\/v1\/screenings\/[^/]+\/bookings(\/|$)/,
];

/** The page a URL path belongs to: without the locale prefix, and without single fetch's `.data` suffix. */
function pagePath(pathname: string): string {
  const path = pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
  return path.startsWith("/api/") ? path : stripLocale(path);
}

export function isPersonalPath(pathname: string): boolean {
  const path = pagePath(pathname);
  return personalPaths.some((pattern) => pattern.test(path));
}

/** The Cache-Control the edge sets on an answer, or null to leave the route's own. */
export function cacheControlFor(method: string, pathname: string): string | null {
  return method !== "GET" && method !== "HEAD" ? "no-store" : isPersonalPath(pathname) ? "no-store" : null;
}
