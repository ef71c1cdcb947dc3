import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";

/** Posts allowed per client and scope each minute; `RATE_LIMIT_PER_MINUTE=0` turns limits off (docs/contracts.md). */
export function rateLimitPerMinute(env: Record<string, string | undefined> = process.env): number {
  const raw = env.RATE_LIMIT_PER_MINUTE;
  if (raw === undefined || raw === "") return 20;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? Math.floor(value) : 20;
}

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Counts one post by `client` in `scope` and says whether it is within the limit. The counters live in the
 * database, so several app instances sharing one database share the limit.
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  scope: string,
  client: string,
  options: { limit?: number; windowMs?: number; now?: number } = {},
): Promise<RateLimitResult> {
  const limit = options.limit ?? rateLimitPerMinute();
  if (limit === 0) return { allowed: true, retryAfterSeconds: 0 };
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now();
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const key = `${scope}:${client}:${windowStart}`;

  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.column("key").doUpdateSet({ count: sql`rate_limits.count + 1` }))
    .returning("count")
    .executeTakeFirstOrThrow();

  // Old windows are useless; drop them now and then rather than on every hit.
  if (row.count === 1 && Math.random() < 0.05) {
    await db.deleteFrom("rate_limits").where("window_start", "<", windowStart - windowMs).execute();
  }
  const allowed = Number(row.count) <= limit;
  return { allowed, retryAfterSeconds: allowed ? 0 : Math.ceil((windowStart + windowMs - now) / 1000) };
}

/** How many hits `client` has in `scope` in the current window, without counting one more. */
export async function rateLimitCount(
  db: Kysely<Database>,
  scope: string,
  client: string,
  options: { windowMs?: number; now?: number } = {},
): Promise<number> {
  const windowMs = options.windowMs ?? 60_000;
  const windowStart = Math.floor((options.now ?? Date.now()) / windowMs) * windowMs;
  const row = await db
    .selectFrom("rate_limits")
    .select("count")
    .where("key", "=", `${scope}:${client}:${windowStart}`)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
