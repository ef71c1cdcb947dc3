// Remix options. vite.config.ts passes them to the Remix Vite plugin (the plugin never reads this file itself).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";

const appDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), "app");
const routeFileIgnores = ["**/*.test.{ts,tsx}", "**/.*"];

/** The optional language segment of the file names: `($lang).cinema.tsx` serves /cinema and /en/cinema. */
const optionalLang = /^:lang\?(\/|$)/;

/** The id of a route module's second registration, the one with the language segment. */
export const withLangId = (id) => `lang/${id}`;

/**
 * The route table, from the files in app/routes (Remix's flat-routes convention, as before), with every
 * `($lang)` route registered twice from the same module: once without the segment (`/cinema`, Chinese) and
 * once with a required `:lang` segment (`/:lang/cinema`, id `lang/…`; /en is English, any other value a 404 in
 * route-locale.ts). react-router matches the same URLs to the same modules with the same params as with the
 * optional segment, but no longer explodes ~80 optional segments into branches on every match (docs/benchmarks.md).
 */
export function localizedRoutes(defineRoutes) {
  const files = Object.values(flatRoutes(appDirectory, routeFileIgnores));
  const childrenOf = (parentId) => files.filter((r) => (r.parentId ?? "root") === parentId);
  return defineRoutes((route) => {
    const define = (r, withLang) => {
      const options = { id: withLang ? withLangId(r.id) : r.id, index: r.index, caseSensitive: r.caseSensitive };
      let routePath = r.path;
      if (routePath && optionalLang.test(routePath)) routePath = routePath.replace(optionalLang, withLang ? ":lang$1" : "");
      route(routePath, r.file, options, () => childrenOf(r.id).forEach((child) => define(child, withLang)));
    };
    for (const r of childrenOf("root")) {
      define(r, false);
      if (r.path && optionalLang.test(r.path)) define(r, true);
    }
  });
}

/**
 * Every v3 future flag is on (docs/decisions/0010): the route table comes from app/routes.ts (v3_routeConfig),
 * which hands localizedRoutes to Remix through the routes-option adapter, as React Router 7 expects it.
 * @type {import('@remix-run/dev').VitePluginConfig}
 */
export default {
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
    v3_routeConfig: true,
  },
};
