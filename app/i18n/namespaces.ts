import { stripLocale } from "./config";

/**
 * Which top-level keys of the locale files a page needs in the browser. The server renders with every
 * message; the browser gets only these (through the root loader), so a page's JavaScript budget does not grow
 * with every other feature's text. A key outside them is logged as an error in the browser, and the browser
 * suite fails on console errors, so a missing namespace cannot go unnoticed.
 */
export const commonNamespaces = [
  "site",
  "skipLink",
  "nav",
  "header",
  "language",
  "breadcrumb",
  "announce",
  "footer",
  "errors",
  "fields",
  "service",
  "pagination",
] as const;

const byPath: Array<[RegExp, string[]]> = [
  [/^\/$/, ["home"]],
  [/^\/contact(\/|$)/i, ["contact"]],
  [/^\/accessibility(\/|$)/i, ["accessibility"]],
  [/^\/feedback(\/|$)/i, ["feedback", "withdrawLinks"]],
  [/^\/settings(\/|$)/i, ["settings"]],
  [/^\/(policies|guides|search)(\/|$)/i, ["policies", "search"]],
  [/^\/cinema(\/|$)/i, ["cinema", "withdrawLinks"]],
  [/^\/assistant(\/|$)/i, ["assistant", "policies"]],
  [/^\/devices(\/|$)/i, ["devices", "withdrawLinks"]],
  [/^\/(library|activities|associations|figures)(\/|$)/i, ["centre", "withdrawLinks"]],
  [/^\/home-modification(\/|$)/i, ["homeMod", "centre", "withdrawLinks"]],
  [/^\/withdraw(\/|$)/i, ["withdraw", "centre", "feedback"]],
  [/^\/(login|logout)(\/|$)/i, ["login", "logout"]],
  [/^\/admin(\/|$)/i, ["admin", "login", "logout", "feedback", "policies", "cinema", "assistant", "devices", "centre", "messages", "homeMod"]],
];

/** (Case-insensitive, as the route matching is: /CINEMA/ is the cinema page and needs its messages.) */
export function namespacesFor(pathname: string): string[] {
  const path = stripLocale(pathname);
  const match = byPath.find(([pattern]) => pattern.test(path));
  return [...commonNamespaces, ...(match ? match[1] : [])];
}
