import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { JSDOM } from "jsdom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
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

/**
 * The server's HTML of `ui` on the page at `url`, inside a data router as the pages have (links, forms, the
 * locale read from the URL, the navigation state the error summary reads). The language follows the URL (/en…);
 * `rootData` is the root loader's data.
 */
export async function routeRendered(ui: ReactElement, url = "/", { rootData }: { rootData?: unknown } = {}): Promise<HTMLElement> {
  // The one route is the root route, so what reads the root loader's data (display preferences) gets `rootData`.
  const element = translated(ui, url.startsWith("/en") ? "en" : "zh-CN");
  const handler = createStaticHandler([{ id: "root", path: "*", element, loader: () => rootData ?? null }]);
  const context = await handler.query(new Request(`http://localhost${url}`));
  if (context instanceof Response) throw new Error("unexpected response");
  const html = renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
  return new JSDOM(`<!doctype html><html><body>${html}</body></html>`).window.document.body;
}

/** What describes a control to a screen reader: the text of each element its `aria-describedby` names, " | " between. */
export const describedBy = (control: Element): string =>
  (control.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => control.ownerDocument.getElementById(id)?.textContent)
    .join(" | ");

/** A description list as it is read: each term with its description. */
export const descriptionPairs = (root: Element): Array<[string | null, string | null | undefined]> =>
  [...root.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
