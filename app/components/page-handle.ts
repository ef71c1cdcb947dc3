import type { TFunction } from "i18next";
import type { Locale } from "~/i18n/config";

export interface Crumb {
  label: string;
  /** Locale-neutral path ("/policies"); the last crumb (this page) has none. */
  to?: string;
}

interface HandleArgs {
  t: TFunction;
  /** The route's loader data. */
  data: unknown;
  locale: Locale;
}

/**
 * What a page route tells the shell about itself: its title (the root adds the site name), its description for
 * search engines and the breadcrumb trail after "首页". Kept in `handle` so titles need no loader and work for
 * every page alike.
 */
export interface PageHandle {
  title: (args: HandleArgs) => string;
  /**
   * The page's `<meta name="description">`: its own summary in its language (a policy's summary, a screening's
   * synopsis, a device's description, a section's intro line from the locale file), trimmed by the route with
   * modules/site/meta-description.ts (there, not in the root, so only the pages that describe themselves ship
   * it). Every page a search engine may index has one (tests/e2e/seo.test.ts).
   */
  description?: (args: HandleArgs) => string;
  crumbs?: (args: HandleArgs) => Crumb[];
  /**
   * A feed of this page's news, announced in the head for feed readers (`<link rel="alternate"
   * type="application/atom+xml">`): its locale-neutral path and its title in the page's language.
   */
  feed?: (args: HandleArgs) => { path: string; title: string };
}

export function isPageHandle(handle: unknown): handle is PageHandle {
  return typeof handle === "object" && handle !== null && typeof (handle as PageHandle).title === "function";
}
