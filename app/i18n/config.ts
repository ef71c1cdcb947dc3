/**
 * Locales and locale-aware paths. Chinese (zh-CN) is the default and has no prefix;
 * English pages are the same paths under /en (docs/contracts.md, "URLs").
 */
export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";

/** The URL prefix of each locale ("" for the default). */
const prefixes: Record<Locale, string> = { "zh-CN": "", en: "/en" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The locale a pathname belongs to: `/en` and `/en/...` are English, everything else Chinese. */
export function localeFromPathname(pathname: string): Locale {
  return pathname === "/en" || pathname.startsWith("/en/") ? "en" : defaultLocale;
}

/** The pathname without its locale prefix, always starting with "/". */
export function stripLocale(pathname: string): string {
  if (localeFromPathname(pathname) === "en") {
    const rest = pathname.slice(3);
    return rest === "" ? "/" : rest;
  }
  return pathname || "/";
}

/** A locale-neutral path ("/policies") turned into the path of the given locale ("/en/policies"). */
export function localePath(path: string, locale: Locale): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  const prefix = prefixes[locale];
  if (!prefix) return clean;
  if (clean === "/") return prefix;
  if (clean.startsWith("/?") || clean.startsWith("/#")) return prefix + clean.slice(1);
  return prefix + clean;
}

/** The same page in another locale, keeping the query string. */
export function switchLocalePath(pathname: string, search: string, target: Locale): string {
  return localePath(stripLocale(pathname), target) + (search || "");
}

/** The `lang` attribute value of each locale. */
export function htmlLang(locale: Locale): string {
  return locale === "en" ? "en" : "zh-CN";
}
