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
const fallback = createTranslator({}, locale, (key) => console.error(`Missing translation: ${key}`));

/**
 * With single fetch, RemixBrowser's first render suspends until it has decoded the page's state from the stream
 * in the HTML, and nothing above it can catch that (the root is the whole document). A key pressed or a click in
 * that moment makes React hydrate synchronously, meet the suspension, and fail with error #345 ("Root did not
 * complete"): on a slow phone, a screen-reader user who starts typing at once hit it. So the state is decoded
 * first: RemixBrowser, called once outside React, starts the decoding and throws its promise before it touches
 * any hook; once that has settled, hydration renders without suspending.
 */
async function decodeRemixState(): Promise<void> {
  const context = (window as unknown as { __remixContext?: { future?: { v3_singleFetch?: boolean }; stream?: unknown } }).__remixContext;
  if (!context?.future?.v3_singleFetch || !context.stream) return;
  try {
    (RemixBrowser as unknown as (props: object) => unknown)({});
  } catch (thrown) {
    if (thrown && typeof (thrown as PromiseLike<unknown>).then === "function") await thrown;
  }
}

void decodeRemixState().then(() => {
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
});
