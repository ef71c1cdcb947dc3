import { methodNotAllowed } from "~/http/api.server";
import { getConnection } from "~/modules/db/index.server";
import { checkReadiness } from "~/modules/operations/readiness.server";

/**
 * GET /api/v1/ready (docs/contracts.md): readiness. 200 `{ status: "ready", … }` when the database answers a query
 * and the knowledge index is loaded; 503 `{ status: "not_ready", missing: [...] , … }` otherwise. Never cached.
 * /api/v1/health stays the liveness answer.
 */
export async function loader() {
  const { ready, missing, database, index } = await checkReadiness(getConnection());
  const body = ready ? { status: "ready", database, index } : { status: "not_ready", missing, database, index };
  return Response.json(body, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store", ...(ready ? {} : { "Retry-After": "10" }) } });
}

/** Read-only: other methods get the JSON error shape (docs/contracts.md), not a bare 405. */
export const action = methodNotAllowed;
