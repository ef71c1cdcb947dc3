import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { localeFromPathname } from "~/i18n/config";
import { createTranslator } from "~/i18n/translator";
import { TranslationProvider } from "~/i18n/use-t";

// The page's messages arrive with the root loader's data (app/root.tsx, i18n/namespaces.ts), and the browser
// translates with translator.ts instead of shipping i18next (docs/decisions/0002-browser-translator.md).
// This outer provider only serves the case where the root loader itself failed.
const locale = localeFromPathname(window.location.pathname);
const fallback = createTranslator({}, (key) => console.error(`Missing translation: ${key}`));

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <TranslationProvider t={fallback} locale={locale}>
        <RemixBrowser />
      </TranslationProvider>
    </StrictMode>,
  );
});
