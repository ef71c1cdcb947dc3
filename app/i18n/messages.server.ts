import type { Locale } from "./config";
import { messagesByLocale } from "./i18n.server";
import { namespacesFor } from "./namespaces";

/** The messages a page's browser code needs (see namespaces.ts). */
export function pageMessages(locale: Locale, pathname: string): Record<string, unknown> {
  const all = messagesByLocale[locale] as Record<string, unknown>;
  return Object.fromEntries(namespacesFor(pathname).filter((ns) => ns in all).map((ns) => [ns, all[ns]]));
}
