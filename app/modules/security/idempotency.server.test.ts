import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { findIdempotentResult, fingerprint, idempotencyKeyLifetimeMs, idempotencyKeyPattern, IdempotencyKeyReused, recordIdempotentResult } from "./idempotency.server";

describe("idempotency keys", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
  });
  afterAll(async () => conn.db.destroy());

  it("fingerprint the input, whatever the order of its fields", () => {
    expect(fingerprint({ a: 1, b: [2, { c: 3, d: "x" }] })).toBe(fingerprint({ b: [2, { d: "x", c: 3 }], a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
    expect(fingerprint({ a: 1, b: undefined })).toBe(fingerprint({ a: 1 }));
    expect(fingerprint({ phone: "13800138000" })).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accept 1 to 255 visible ASCII characters", () => {
    expect(idempotencyKeyPattern.test("5f0c6c1e-8d1b-4f6a-9a51-2b7f1e0c9d3a")).toBe(true);
    for (const bad of ["", " ", "a b", "键", "x".repeat(256), "a\u0000"]) expect(idempotencyKeyPattern.test(bad)).toBe(false);
  });

  it("give back what the first use made, refuse other input, and forget after a day", async () => {
    const now = new Date("2026-12-01T02:00:00Z");
    const claim = { scope: "booking", key: "k-1", fingerprint: fingerprint({ tickets: 2 }) };
    expect(await findIdempotentResult(conn.db, claim, now)).toBeNull();
    await recordIdempotentResult(conn.db, claim, "DY-AAAA-AAAA", now);
    expect(await findIdempotentResult(conn.db, claim, new Date(now.getTime() + 60_000))).toBe("DY-AAAA-AAAA");
    await expect(findIdempotentResult(conn.db, { ...claim, fingerprint: fingerprint({ tickets: 3 }) }, now)).rejects.toBeInstanceOf(IdempotencyKeyReused);
    // Another scope is another key.
    expect(await findIdempotentResult(conn.db, { ...claim, scope: "other" }, now)).toBeNull();
    // The same key a second time is refused by the database itself.
    await expect(recordIdempotentResult(conn.db, claim, "DY-BBBB-BBBB", now)).rejects.toThrow();
    const dayLater = new Date(now.getTime() + idempotencyKeyLifetimeMs);
    expect(await findIdempotentResult(conn.db, { ...claim, fingerprint: fingerprint({ tickets: 3 }) }, dayLater)).toBeNull();
    await recordIdempotentResult(conn.db, claim, "DY-CCCC-CCCC", dayLater);
    expect(await findIdempotentResult(conn.db, claim, dayLater)).toBe("DY-CCCC-CCCC");
  });
});
