import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { useLocale } from "./use-locale";
import { LanguageSwitch } from "./LanguageSwitch";
import { LocalLink, LocalNavLink } from "./LocalLink";
import { QuickDisplaySettings } from "./QuickDisplaySettings";

/** The main navigation of the design brief, in this order. */
export const mainNavigation = [
  { to: "/policies", key: "nav.policies" },
  { to: "/guides", key: "nav.guides" },
  { to: "/cinema", key: "nav.cinema" },
  { to: "/devices", key: "nav.devices" },
  { to: "/assistant", key: "nav.assistant" },
  { to: "/contact", key: "nav.contact" },
] as const;

export function SiteHeader() {
  const { t } = useT();
  const { href } = useLocale();
  return (
    <header className="site-header">
      <div className="site-header__top">
        <LocalLink to="/" className="site-name">
          {t("site.name")}
        </LocalLink>
        <div className="site-header__tools">
          <LanguageSwitch />
          <QuickDisplaySettings />
        </div>
        <Form method="get" action={href("/search")} role="search" className="header-search">
          <label htmlFor="header-search-q" className="visually-hidden">
            {t("header.searchLabel")}
          </label>
          <input id="header-search-q" name="q" type="search" />
          <button type="submit">{t("header.searchButton")}</button>
        </Form>
      </div>
      <nav aria-label={t("nav.label")} className="main-nav">
        <ul>
          {mainNavigation.map((item) => (
            <li key={item.to}>
              <LocalNavLink to={item.to} prefetch="intent">
                {t(item.key)}
              </LocalNavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
