import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { localeFromPathname } from "~/i18n/config";
import { createTranslator } from "~/i18n/translator";
import { TranslationProvider } from "~/i18n/use-t";

// Only the page's own language is downloaded (switching language reloads the document), and the browser
// translates with translator.ts instead of shipping i18next (docs/decisions/0002-browser-translator.md).
const locale = localeFromPathname(window.location.pathname);
const messages = locale === "en" ? import("~/i18n/locales/en.json") : import("~/i18n/locales/zh-CN.json");

void messages.then((module) => {
  const t = createTranslator(module.default);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <TranslationProvider t={t} locale={locale}>
          <RemixBrowser />
        </TranslationProvider>
      </StrictMode>,
    );
  });
});
