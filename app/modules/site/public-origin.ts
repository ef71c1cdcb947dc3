/**
 * The site's public origin (`PUBLIC_ORIGIN`, e.g. `https://access.qingyuan.gov.cn`): what canonical and hreflang
 * links, sitemap.xml and robots.txt use for absolute addresses. It is configuration, not the request's Host: a
 * cached page (docs/decisions/0008) must not carry whatever Host a client sent. Unset (or not an http(s) URL),
 * pages link root-relative and sitemap.xml/robots.txt use the origin the request came to.
 */
type Env = Record<string, string | undefined>;

export function publicOrigin(env: Env = process.env): string | null {
  const value = env.PUBLIC_ORIGIN?.trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}
