import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { hitRateLimit, rateLimitPerMinute, type RateLimitResult } from "./rate-limit.server";

/**
 * New drafts (a booking, device request, library card or sign-up started) per client: `RATE_LIMIT_PER_MINUTE` a
 * minute and five times that an hour (20 and 100 by default), all flows together. A rate limit: off with 0.
 * Drafts hold no seats; the limit keeps their table from being flooded (docs/security.md, "Holds and drafts").
 */
export async function hitDraftLimit(db: Kysely<Database>, client: string, options: { limitPerMinute?: number; now?: number } = {}): Promise<RateLimitResult> {
  const perMinute = options.limitPerMinute ?? rateLimitPerMinute();
  const minute = await hitRateLimit(db, "draft", client, { limit: perMinute, now: options.now });
  if (!minute.allowed) return minute;
  return hitRateLimit(db, "draft-hour", client, { limit: perMinute * 5, windowMs: 60 * 60_000, now: options.now });
}
