import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicOrigin } from "~/modules/site/public-origin";
import { robotsTxt } from "~/modules/sitemap/sitemap.server";

/** /robots.txt: crawl the public pages, not /admin or /api; where the sitemap is (modules/sitemap/sitemap.server.ts). */
export function loader({ request }: LoaderFunctionArgs) {
  const origin = publicOrigin() ?? new URL(request.url).origin;
  return new Response(robotsTxt(origin), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
