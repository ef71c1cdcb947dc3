import path from "node:path";
import { pathToFileURL } from "node:url";

export interface BuiltRoute {
  id: string;
  /** The full path pattern without the optional locale: "cinema/:screeningId/book/:draftId/contact". */
  pattern: string;
  hasAction: boolean;
  hasLoader: boolean;
  /** A resource route (no page): the JSON API, exports, calendar files. */
  resource: boolean;
  /** The route module's `handle` (page title, the staff role an admin page needs). */
  handle: unknown;
}

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  module: { loader?: unknown; action?: unknown; default?: unknown; ErrorBoundary?: unknown; handle?: unknown };
}

/**
 * Every route of the built portal but the root (the same manifest the server runs), each page once: the second
 * registration of a page module at `/:lang/…` (id `lang/…`, remix.config.js) is the same module at the /en twin.
 */
export async function builtRoutes(): Promise<BuiltRoute[]> {
  const build = await import(/* @vite-ignore */ pathToFileURL(path.resolve("build/server/index.js")).href);
  const routes = build.routes as Record<string, ManifestRoute>;
  const fullPath = (id: string): string => {
    const route = routes[id];
    const own = route.path ?? "";
    return route.parentId ? [fullPath(route.parentId), own].filter(Boolean).join("/") : own;
  };
  return Object.values(routes)
    .filter((r) => r.id !== "root" && !r.id.startsWith("lang/"))
    .map((r) => ({
      id: r.id,
      pattern: fullPath(r.id).replace(/^:lang\?\/?/, ""),
      hasAction: typeof r.module.action === "function",
      hasLoader: typeof r.module.loader === "function",
      resource: !r.module.default && !r.module.ErrorBoundary,
      handle: r.module.handle,
    }));
}

/** A concrete URL for a route pattern: each `:param` from `values`, else `fallback`; `*` becomes "probe". */
export function fillPattern(pattern: string, values: Record<string, string>, fallback = "probe"): string {
  return `/${pattern}`.replace(/:(\w+)\??/g, (_m, name: string) => values[name] ?? fallback).replace(/\*$/, "probe");
}
