import type { Params } from "@remix-run/react";
import type { Locale } from "~/i18n/config";

/**
 * The locale of a `($lang)` route. `/en/...` is English, no prefix is Chinese; any other first segment
 * is not a page of this site, so it is a 404 rather than a Chinese page at a wrong address.
 */
export function routeLocale(params: Params): Locale {
  if (params.lang === undefined) return "zh-CN";
  if (params.lang === "en") return "en";
  throw new Response("Not Found", { status: 404 });
}
