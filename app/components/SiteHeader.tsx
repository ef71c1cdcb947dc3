import { Form, useLocation } from "@remix-run/react";
import { CompactMenu } from "./CompactMenu";
import { stripLocale } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { useLocale } from "./use-locale";
import { LanguageSwitch } from "./LanguageSwitch";
import { LocalLink } from "./LocalLink";
import { LargeTextToggle, QuickDisplaySettings } from "./QuickDisplaySettings";

/** The main navigation of the design brief, in this order. */
export const mainNavigation = [
  { to: "/policies", key: "nav.policies" },
  { to: "/guides", key: "nav.guides" },
  { to: "/cinema", key: "nav.cinema" },
  { to: "/devices", key: "nav.devices" },
  { to: "/assistant", key: "nav.assistant" },
  { to: "/contact", key: "nav.contact" },
] as const;

/**
 * The navigation item of the page's section: the one its breadcrumb trail starts with (a guide lives under
 * /policies/… but belongs to 办事指南), else the one its path is under.
 */
function currentSection(pathname: string, section: string | undefined): string | undefined {
  if (section && mainNavigation.some((item) => item.to === section)) return section;
  const path = stripLocale(pathname);
  return mainNavigation.find((item) => path === item.to || path.startsWith(`${item.to}/`))?.to;
}

/**
 * The site name, the language switch and the large-text switch, then the other display settings, the search and
 * the navigation in a menu
 * ("菜单", a native disclosure): open as a bar on a wide screen at normal text size, closed until opened on a narrow
 * screen or with large text, so the page's own content starts on the first screen (issue 19, 适老化).
 */
export function SiteHeader({ section }: { section?: string }) {
  const { t } = useT();
  const { href } = useLocale();
  const current = currentSection(useLocation().pathname, section);
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <LocalLink to="/" className="site-name">
          {t("site.name")}
        </LocalLink>
        <LanguageSwitch />
        <LargeTextToggle />
        <CompactMenu label={t("header.menu")} className="site-menu">
          <QuickDisplaySettings />
          <Form method="get" action={href("/search")} role="search" aria-label={t("header.searchLabel")} className="header-search">
            <label htmlFor="header-search-q" className="visually-hidden">
              {t("header.searchLabel")}
            </label>
            <input id="header-search-q" name="q" type="search" />
            <button type="submit">{t("header.searchButton")}</button>
          </Form>
          <nav aria-label={t("nav.label")} className="main-nav">
            <ul>
              {mainNavigation.map((item) => (
                <li key={item.to}>
                  <LocalLink to={item.to} prefetch="intent" aria-current={item.to === current ? "page" : undefined}>
                    {t(item.key)}
                  </LocalLink>
                </li>
              ))}
            </ul>
          </nav>
        </CompactMenu>
      </div>
    </header>
  );
}
