import { methodNotAllowed } from "~/http/api.server";
import { openApiDocument } from "~/modules/api/openapi.server";

/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 document of /api/v1 (app/modules/api/openapi.server.ts; read as
 * docs/api.md). The same for everyone and changed only by a release, so caches may keep it five minutes.
 */
export function loader() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}

/** Read-only: other methods get the JSON error shape (docs/contracts.md), not a bare 405. */
export const action = methodNotAllowed;
