import { sql } from "kysely";
import { getConnection } from "~/modules/db/index.server";
import { indexStatus } from "~/modules/search/index-status.server";

/** GET /api/v1/health (CONTRACTS.md): the database answers and which index is loaded. */
export async function loader() {
  const { db, kind } = getConnection();
  await sql`select 1`.execute(db);
  return { status: "ok", database: kind, index: await indexStatus() };
}
