import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/modules/db/index.server";
import { publicOrigin } from "~/modules/site/public-origin";
import { sitemapPages, sitemapXml } from "~/modules/sitemap/sitemap.server";

/**
 * /sitemap.xml: every public page in both languages (modules/sitemap/sitemap.server.ts). Not page-cached, so without a
 * configured PUBLIC_ORIGIN it names the origin the request came to (the trusted proxy's host and scheme under
 * TRUST_PROXY, as the edge builds the request's URL).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const origin = publicOrigin() ?? new URL(request.url).origin;
  return new Response(sitemapXml(await sitemapPages(getDb()), origin), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=600" },
  });
}
