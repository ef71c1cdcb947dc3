import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";

/**
 * Remix answers a page request by matching its URL against the whole route table four times (the server's own
 * match, the static handler's query, the React render and the client manifest), and react-router 6 flattens,
 * ranks and compiles every branch of the table on each of those matches: with ~170 branches that was most of the
 * time a page took (docs/benchmarks.md). React Router 7 caches the branches (remix-run/react-router#14967);
 * Remix 2 has no such cache and no hook for one.
 *
 * So each request is handed to a Remix handler over the part of the table that can match its URL: a route whose
 * path starts with a static segment (`cinema/…`) can only match URLs whose first segment is that one, a route
 * that starts with the language segment followed by a static one (`:lang/cinema/…`) only URLs whose second
 * segment is that one; every other route (the root, index and pathless routes, splats) is in every part, and
 * every ancestor of a route in a part is in it too. Matching within a part gives the same routes, in the same
 * order, with the same params, as matching the whole table, for the URL and for each of its parent paths (which
 * the client manifest also matches); route-partition.server.test.ts checks this for every route of the table.
 * Fog-of-war manifest requests (`/__manifest`), which match paths given in the query, use the whole table.
 */

export type RouteEntry = Pick<ServerBuild["routes"][string], "id" | "parentId" | "path" | "index" | "caseSensitive">;
type Reach = { kind: "everywhere" } | { kind: "first" | "second"; segment: string };

const isStatic = (segment: string) => !segment.startsWith(":") && segment !== "*" && !segment.endsWith("?");
const isParam = (segment: string) => segment.startsWith(":") && !segment.endsWith("?");

/** The route's full path: its own path under its ancestors' paths. */
export function fullPath(routes: Record<string, RouteEntry>, route: RouteEntry): string {
  const parts: string[] = [];
  for (let r: RouteEntry | undefined = route; r; r = r.parentId ? routes[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
  return parts.join("/");
}

/** Which URLs the route can match at all, by their first or second segment (react-router ignores case). */
function reachOf(path: string): Reach {
  const [first, second] = path.split("/").filter(Boolean);
  if (first !== undefined && isStatic(first)) return { kind: "first", segment: first.toLowerCase() };
  if (first !== undefined && isParam(first) && second !== undefined && isStatic(second)) return { kind: "second", segment: second.toLowerCase() };
  return { kind: "everywhere" };
}

/** A URL's first two segments as react-router compares them: decoded, lower-cased. */
function urlSegments(pathname: string): string[] {
  return pathname
    .split("/")
    .filter(Boolean)
    .slice(0, 2)
    .map((segment) => {
      try {
        return decodeURIComponent(segment).toLowerCase();
      } catch {
        return segment.toLowerCase();
      }
    });
}

/** The pathnames Remix matches for a request's pathname: itself, and for a single-fetch data request the page's. */
export function matchedPathnames(pathname: string): string[] {
  if (!pathname.endsWith(".data")) return [pathname];
  return [pathname, pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/")];
}

export interface RouteTablePartition {
  /** The ids of the routes that can match this pathname (and its parent paths), or null for the whole table. */
  routeIdsFor(pathname: string): { key: string; ids: Set<string> } | null;
}

export function partitionRouteTable(routes: Record<string, RouteEntry>): RouteTablePartition {
  const everywhere = new Set<string>();
  const byFirst = new Map<string, Set<string>>();
  const bySecond = new Map<string, Set<string>>();
  const withAncestors = (id: string, into: Set<string>) => {
    for (let r: RouteEntry | undefined = routes[id]; r; r = r.parentId ? routes[r.parentId] : undefined) into.add(r.id);
  };
  for (const route of Object.values(routes)) {
    const reach = reachOf(fullPath(routes, route));
    if (reach.kind === "everywhere") {
      withAncestors(route.id, everywhere);
      continue;
    }
    const groups = reach.kind === "first" ? byFirst : bySecond;
    const group = groups.get(reach.segment) ?? new Set<string>();
    groups.set(reach.segment, group);
    withAncestors(route.id, group);
  }
  const cache = new Map<string, Set<string>>();
  return {
    routeIdsFor(pathname) {
      if (pathname === "/__manifest") return null;
      const keys = new Set<string>();
      for (const p of matchedPathnames(pathname)) {
        const [first, second] = urlSegments(p);
        if (first !== undefined && byFirst.has(first)) keys.add(`1/${first}`);
        if (second !== undefined && bySecond.has(second)) keys.add(`2/${second}`);
      }
      const key = [...keys].sort().join(" ");
      let ids = cache.get(key);
      if (!ids) {
        ids = new Set(everywhere);
        for (const k of keys) for (const id of (k.startsWith("1/") ? byFirst : bySecond).get(k.slice(2))!) ids.add(id);
        cache.set(key, ids);
      }
      return { key, ids };
    },
  };
}

/** The build with only the given routes, in the server's table and in the manifest the page is rendered with. */
function partOfBuild(build: ServerBuild, ids: Set<string>): ServerBuild {
  const keep = <T>(table: Record<string, T>) => Object.fromEntries(Object.entries(table).filter(([id]) => ids.has(id)));
  return { ...build, routes: keep(build.routes), assets: { ...build.assets, routes: keep(build.assets.routes) } };
}

/** Remix's request handler, run over the part of the route table that can match each request (see above). */
export function createPartitionedRequestHandler(build: ServerBuild, mode?: string) {
  const whole = createRequestHandler(build, mode);
  // The segments above are counted from the site's root; under a basename the whole table is matched, as before.
  if (build.basename && build.basename !== "/") return whole;
  const partition = partitionRouteTable(build.routes);
  const handlers = new Map<string, ReturnType<typeof createRequestHandler>>();
  return (request: Request, context?: AppLoadContext) => {
    const part = partition.routeIdsFor(new URL(request.url).pathname);
    if (!part) return whole(request, context);
    let handler = handlers.get(part.key);
    if (!handler) {
      handler = createRequestHandler(partOfBuild(build, part.ids), mode);
      handlers.set(part.key, handler);
    }
    return handler(request, context);
  };
}
