/**
 * Cross-site request forgery at the edge (docs/security.md, "CSRF"). Every request that can change something
 * (any method but GET and HEAD, whatever its URL form: a document post, `?_data=`, `.data`, a resource route,
 * `/api/v1`) is judged on what the browser says about where it comes from:
 *
 * - `Sec-Fetch-Site` when the browser sends it: only `same-origin` and `none` (the person's own action) pass;
 *   `same-site` (another port or subdomain of this host) and `cross-site` are foreign.
 * - Otherwise `Origin`: it must name this host (and port). `null` (sandboxed frames, cross-site redirects) and
 *   anything unparsable are foreign. When the request is known to have come over TLS, an `http:` origin is
 *   foreign too (a page on the plain-http twin of the site).
 * - Neither header: not a browser (curl, partner apps, the test suite, monitoring). Every browser the portal
 *   supports sends at least one of them on a cross-site submission, and a forged request needs a victim's
 *   browser, so these are allowed.
 */
export type OriginVerdict = "same-origin" | "not-a-browser" | "foreign";

export interface RequestSite {
  /** The Host the request was sent to (or the trusted X-Forwarded-Host), with its port if any. */
  host: string;
  /** True when the request came over TLS (directly or through a trusted proxy). */
  secure: boolean;
}

export function isSafeMethod(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

/** "Example.org:80" as the URL standard writes it for the given scheme ("example.org"); null when unparsable. */
function normalHost(host: string, protocol: "http:" | "https:"): string | null {
  try {
    const url = new URL(`${protocol}//${host}`);
    return url.username || url.password || url.pathname !== "/" ? null : url.host;
  } catch {
    return null;
  }
}

export function judgeOrigin(headers: Headers, site: RequestSite): OriginVerdict {
  const fetchSite = headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (fetchSite) return fetchSite === "same-origin" || fetchSite === "none" ? "same-origin" : "foreign";

  const origin = headers.get("origin")?.trim() ?? null;
  if (origin === null) return "not-a-browser";
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return "foreign";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "foreign";
  if (site.secure && parsed.protocol !== "https:") return "foreign";
  // The origin is serialised as scheme://host[:port]; anything more is not an Origin header a browser sends.
  if (origin.replace(/\/$/, "") !== parsed.origin) return "foreign";
  return normalHost(site.host, parsed.protocol) === parsed.host ? "same-origin" : "foreign";
}
