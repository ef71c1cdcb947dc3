import { migrateToLatest, withStartupLock, type Connection, type LockOptions } from "~/modules/db/index.server";
import { purgeExpiredPersonalData } from "~/modules/privacy/retention.server";
import { seedDatabase } from "./seed.server";

export interface Preparation {
  /** Migrations this run applied (none when another instance got there first). */
  applied: string[];
  /** What the seed added, in words ("seed data present" when nothing). */
  seeded: string;
  /** Rows removed or stripped by the retention rules, by rule. */
  purged: Record<string, number>;
}

/**
 * What every instance does to its database before it serves (`npm start` → scripts/db-setup.ts): migrate, seed,
 * and apply the retention period — all under the start-up lock, so instances starting together on one empty
 * database take turns instead of colliding in the seed.
 */
export async function prepareDatabase(conn: Connection, options: LockOptions & { now?: Date } = {}): Promise<Preparation> {
  const now = options.now ?? new Date();
  return withStartupLock(conn, async () => {
    const result = await migrateToLatest(conn.db);
    const applied = result.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
    const seeded = await seedDatabase(conn.db);
    const purged = await purgeExpiredPersonalData(conn.db, { now });
    return { applied, seeded, purged };
  }, options);
}
