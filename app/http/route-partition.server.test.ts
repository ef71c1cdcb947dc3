import { UNSAFE_defineRoutes as defineRoutes } from "@remix-run/dev";
import { matchRoutes, type AgnosticRouteObject as RouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { localizedRoutes } from "../../remix.config.js";
import { partitionRouteTable } from "./route-partition.server";

type Entry = { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean };

/** The portal's real route table (app/routes.ts, from remix.config.js), with the root, as the server build has it. */
const table: Record<string, Entry> = { root: { id: "root", path: "" }, ...(localizedRoutes(defineRoutes as never) as Record<string, Entry>) };

/** react-router route objects for the given ids, nested as in the table (what Remix builds from a build's routes). */
function routeObjects(ids: Set<string>, parentId?: string): RouteObject[] {
  return Object.values(table)
    .filter((r) => r.parentId === parentId && ids.has(r.id))
    .map((r) => {
      const children = routeObjects(ids, r.id);
      return (r.index ? { id: r.id, path: r.path, index: true } : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children }) as RouteObject;
    });
}

const whole = routeObjects(new Set(Object.keys(table)));
const matched = (routes: RouteObject[], pathname: string) =>
  matchRoutes(routes, pathname)?.map((m) => `${m.route.id} ${JSON.stringify(m.params)}`) ?? null;

/** Every route's own path filled in, without and with /en, plus addresses that are not pages or are odd. */
function addresses(): string[] {
  const fill = (path: string) => path.replace(/:lang/, "en").replace(/:[\w.-]+/g, "x1").replace(/\*/, "a/b");
  const full = (r: Entry): string => [r.parentId && r.parentId !== "root" ? full(table[r.parentId]!) : "", r.path ?? ""].filter(Boolean).join("/");
  const pages = Object.values(table).map((r) => `/${fill(full(r))}`);
  const odd = ["/", "/en", "/xx", "/xx/cinema", "/En/cinema", "/en/CINEMA", "/CINEMA/", "/cinema/", "//cinema", "/c%69nema", "/en/nothing/at/all",
    "/nothing", "/api", "/api/v1/nothing", "/_root.data", "/en.data", "/cinema.data", "/en/cinema.data", "/policies/x.data", "/admin/users.data", "/en/admin",
    "/admin/devices/export/loans", "/figures/table.csv", "/%E4%B8%AD", "/%zz/cinema"]; // (react-router logs that it cannot decode the last one);
  return [...new Set([...pages, ...odd])];
}

/** The paths whose matches also go into the page's client manifest: the URL and each of its parent paths. */
function withParents(pathname: string): string[] {
  const segments = pathname.split("/").filter(Boolean);
  return segments.map((_, i) => `/${segments.slice(0, i + 1).join("/")}`).concat("/");
}

describe("the route table's parts", () => {
  const partition = partitionRouteTable(table as never);

  it("match every address (and its parent paths) to the same routes and params as the whole table", () => {
    const list = addresses();
    expect(list.length).toBeGreaterThan(180);
    for (const url of list) {
      const part = partition.routeIdsFor(url);
      expect(part, url).not.toBeNull();
      const routes = routeObjects(part!.ids);
      const data = url.replace(/\.data$/, "").replace(/^\/_root$/, "/");
      for (const p of new Set([...withParents(url), ...withParents(data)])) expect(matched(routes, p), `${p} (of ${url})`).toEqual(matched(whole, p));
    }
  }, 60_000); // ~1,500 matches over the whole table: seconds on a busy machine

  it("are small: a page's part holds a fraction of the table", () => {
    const size = (url: string) => partition.routeIdsFor(url)!.ids.size;
    const all = Object.keys(table).length;
    expect(all).toBeGreaterThan(160);
    for (const url of ["/", "/en", "/cinema", "/en/cinema/3", "/policies/living-allowance-guide", "/admin/users"]) expect(size(url), url).toBeLessThan(all / 3);
  });

  it("leaves fog-of-war manifest requests, which match any path, to the whole table", () => {
    expect(partition.routeIdsFor("/__manifest")).toBeNull();
  });
});
