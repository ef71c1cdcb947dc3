import { methodNotAllowed } from "~/http/api.server";
import { sql } from "kysely";
import { getConnection } from "~/modules/db/index.server";
import { indexStatus } from "~/modules/search/index-status.server";

/** GET /api/v1/health (CONTRACTS.md): the database answers and which index is loaded. */
export async function loader() {
  const { db, kind } = getConnection();
  await sql`select 1`.execute(db);
  return { status: "ok", database: kind, index: await indexStatus() };
}

/** Read-only: other methods get the JSON error shape (CONTRACTS.md), not a bare 405. */
export const action = methodNotAllowed;
