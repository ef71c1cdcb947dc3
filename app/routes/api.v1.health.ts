import { methodNotAllowed } from "~/http/api.server";
import { getConnection } from "~/modules/db/index.server";
import { checkStorage } from "~/modules/db/storage-health.server";
import { indexStatus } from "~/modules/search/index-status.server";

/**
 * GET /api/v1/health (docs/contracts.md): the database answers and which index is loaded. When the database cannot
 * take writes (full, read-only, unreachable, or a storage failure in the last minute) the answer is 503 with
 * `status: "degraded"` and what is wrong, so a load balancer or monitor sees it (docs/security.md, "Failures").
 */
export async function loader() {
  const connection = getConnection();
  const [storage, index] = await Promise.all([checkStorage(connection), indexStatus()]);
  // A Response, not a raw object: Remix warns on every start about raw objects from resource routes.
  if (storage.ok) return Response.json({ status: "ok", database: connection.kind, index });
  const { problem, code, since } = storage;
  return Response.json(
    { status: "degraded", database: connection.kind, index, storage: { problem, code, since } },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "30" } },
  );
}

/** Read-only: other methods get the JSON error shape (docs/contracts.md), not a bare 405. */
export const action = methodNotAllowed;
