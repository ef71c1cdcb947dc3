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
  [/^\/contact(\/|$)/, ["contact"]],
  [/^\/accessibility(\/|$)/, ["accessibility"]],
  [/^\/feedback(\/|$)/, ["feedback"]],
  [/^\/settings(\/|$)/, ["settings"]],
  [/^\/(policies|guides|search)(\/|$)/, ["policies", "search"]],
  [/^\/cinema(\/|$)/, ["cinema"]],
  [/^\/assistant(\/|$)/, ["assistant", "policies"]],
  [/^\/devices(\/|$)/, ["devices"]],
  [/^\/(library|activities|associations|figures)(\/|$)/, ["centre"]],
  [/^\/(login|logout)(\/|$)/, ["login", "logout"]],
  [/^\/admin(\/|$)/, ["admin", "login", "logout", "feedback", "policies", "cinema", "assistant", "devices", "centre"]],
];

export function namespacesFor(pathname: string): string[] {
  const path = stripLocale(pathname);
  const match = byPath.find(([pattern]) => pattern.test(path));
  return [...commonNamespaces, ...(match ? match[1] : [])];
}
