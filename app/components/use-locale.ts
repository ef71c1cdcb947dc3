import { useLocation } from "@remix-run/react";
import { localeFromPathname, localePath, type Locale } from "~/i18n/config";

/** The page's locale (from its URL) and a helper that turns a locale-neutral path into this locale's path. */
export function useLocale(): { locale: Locale; href: (path: string) => string } {
  const { pathname } = useLocation();
  const locale = localeFromPathname(pathname);
  return { locale, href: (path: string) => localePath(path, locale) };
}
