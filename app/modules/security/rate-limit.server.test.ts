import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { hitRateLimit, rateLimitPerMinute } from "./rate-limit.server";

describe("rate limit", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
  });
  afterAll(async () => conn.db.destroy());

  it("allows the limit, refuses the next post, and opens again in the next minute", async () => {
    const now = Date.UTC(2026, 10, 26, 9, 0, 10);
    for (let i = 0; i < 3; i++) {
      expect((await hitRateLimit(conn.db, "feedback", "1.2.3.4", { limit: 3, now })).allowed).toBe(true);
    }
    const refused = await hitRateLimit(conn.db, "feedback", "1.2.3.4", { limit: 3, now });
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await hitRateLimit(conn.db, "feedback", "5.6.7.8", { limit: 3, now })).allowed).toBe(true);
    expect((await hitRateLimit(conn.db, "feedback", "1.2.3.4", { limit: 3, now: now + 60_000 })).allowed).toBe(true);
  });

  it("is off when the limit is 0, and reads RATE_LIMIT_PER_MINUTE", async () => {
    expect(rateLimitPerMinute({ RATE_LIMIT_PER_MINUTE: "0" })).toBe(0);
    expect(rateLimitPerMinute({ RATE_LIMIT_PER_MINUTE: "5" })).toBe(5);
    expect(rateLimitPerMinute({})).toBe(20);
    for (let i = 0; i < 50; i++) expect((await hitRateLimit(conn.db, "chat", "x", { limit: 0 })).allowed).toBe(true);
  });
});
