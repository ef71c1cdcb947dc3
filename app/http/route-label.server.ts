import { matchRoutes, type RouteObject } from "react-router-dom";
import { fullPath, matchedPathnames, partitionRouteTable, type RouteEntry } from "./route-partition.server";

/**
 * The route a request's URL reaches, as its pattern (`/cinema/:screeningId`, `/:lang/cinema/:screeningId`): the
 * `route` of an access line and of the request metrics. Never the URL itself, which can carry what a person
 * typed, and whose variety would make a metric without end. A single-fetch data request is its page's pattern
 * with `.data`; the not-found catch-all is `/*`; a URL no route matches (not even that) is `(unmatched)`.
 * Matched like Remix matches it, over the part of the table that can match the URL (route-partition.server.ts).
 */
export function createRouteLabeller(routes: Record<string, RouteEntry>): (pathname: string) => string {
  const partition = partitionRouteTable(routes);
  const patterns = new Map(Object.values(routes).map((route) => [route.id, `/${fullPath(routes, route)}`]));
  const objects = (ids: Set<string> | null, parentId?: string): RouteObject[] =>
    Object.values(routes)
      .filter((r) => r.parentId === parentId && (!ids || ids.has(r.id)))
      .map((r) => (r.index ? { id: r.id, path: r.path, index: true } : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: objects(ids, r.id) }));
  const tables = new Map<string, RouteObject[]>();
  // The labels of the pathnames seen lately: a match costs ~0.1 ms, a cached page's whole answer not much more.
  const recent = new Map<string, string>();

  return (pathname) => {
    const known = recent.get(pathname);
    if (known) return known;
    const label = labelOf(pathname);
    if (pathname.length > 200) return label;
    if (recent.size >= recentLimit) recent.clear();
    recent.set(pathname, label);
    return label;
  };

  function labelOf(pathname: string): string {
    if (pathname === "/__manifest") return "/__manifest";
    const part = partition.routeIdsFor(pathname);
    const key = part?.key ?? "";
    let table = tables.get(key);
    if (!table) {
      table = objects(part?.ids ?? null);
      tables.set(key, table);
    }
    const data = pathname.endsWith(".data");
    const page = matchedPathnames(pathname).at(-1)!;
    const leaf = matchRoutes(table, page)?.at(-1)?.route.id;
    if (!leaf) return "(unmatched)";
    return `${patterns.get(leaf) ?? "(unmatched)"}${data ? ".data" : ""}`;
  }
}

/** How many pathnames' labels are kept (each at most 200 characters); then the list starts again, so a crawl of random URLs cannot grow it. */
const recentLimit = 2_000;
