import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicPageCaching } from "~/http/cache-policy";
import { routeLocale } from "~/http/route-locale";
import { getFixedT } from "~/i18n/i18n.server";
import { atomContentType, feedDocuments, policyFeedXml } from "~/modules/content/index.server";
import { publicOrigin } from "~/modules/site/public-origin";

/**
 * /feeds/policies.xml and /en/feeds/policies.xml: the Atom feed of notices and changed documents
 * (modules/content/feed.server.ts). A public page like the others: the edge keeps it in the page cache and answers
 * with a strong ETag, `public, no-cache` and 304 on revalidation (http/cache-policy.ts, ADR 0008).
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  const t = getFixedT(locale);
  const xml = policyFeedXml(feedDocuments(), {
    locale,
    origin: publicOrigin() ?? new URL(request.url).origin,
    title: t("site.feedTitle"),
    subtitle: t("site.feedSubtitle"),
    author: t("site.federation"),
  });
  return new Response(xml, { headers: { "Content-Type": atomContentType, ...publicPageCaching } });
}
