import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { JSDOM } from "jsdom";
import en from "~/i18n/locales/en.json";
import zhCN from "~/i18n/locales/zh-CN.json";
import { createTranslator } from "~/i18n/translator";
import { TranslationProvider } from "~/i18n/use-t";
import type { Locale } from "~/i18n/config";

/**
 * Shared components tested beside themselves (app/components/*.test.tsx): rendered in the page's translations,
 * once as the server sends them (the page without JavaScript) and once as React renders them in a browser (jsdom).
 */
export function translated(ui: ReactElement, locale: Locale = "zh-CN"): ReactElement {
  const t = createTranslator(locale === "en" ? en : zhCN, locale, (key) => {
    throw new Error(`missing translation: ${key}`);
  });
  return (
    <TranslationProvider t={t} locale={locale}>
      {ui}
    </TranslationProvider>
  );
}

/** The server's HTML of `ui`, parsed: what a browser without JavaScript shows and posts. */
export function serverRendered(ui: ReactElement, locale: Locale = "zh-CN"): HTMLElement {
  const html = renderToString(translated(ui, locale));
  return new JSDOM(`<!doctype html><html><body><form>${html}</form></body></html>`).window.document.body;
}
