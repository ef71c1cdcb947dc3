import { useLocation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { localeFromPathname, switchLocalePath, htmlLang } from "~/i18n/config";

/** Link to this same page in the other language. A full page load, so the new language's text is fetched. */
export function LanguageSwitch() {
  const { t } = useT();
  const { pathname, search } = useLocation();
  const target = localeFromPathname(pathname) === "en" ? "zh-CN" : "en";
  return (
    <a
      className="language-switch"
      href={switchLocalePath(pathname, search, target)}
      hrefLang={htmlLang(target)}
      lang={htmlLang(target)}
      title={t("language.otherHint")}
    >
      {t("language.otherName")}
    </a>
  );
}
