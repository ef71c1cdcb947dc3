import { remixRoutesOptionAdapter } from "@remix-run/routes-option-adapter";
import { localizedRoutes } from "../remix.config.js";

/**
 * The route table (Remix's v3_routeConfig, React Router 7's `routes.ts`): the files in app/routes by the
 * flat-routes convention, each `($lang)` page registered at `/…` and at `/:lang/…` (remix.config.js).
 */
export default remixRoutesOptionAdapter(localizedRoutes);
