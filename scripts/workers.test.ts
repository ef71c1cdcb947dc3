import os from "node:os";
import { describe, expect, it } from "vitest";
import { workerCount } from "./workers.mjs";

describe("WEB_CONCURRENCY", () => {
  it("unset or empty: one worker per core; a whole number: that many", () => {
    expect(workerCount({})).toBe(os.availableParallelism());
    expect(workerCount({ WEB_CONCURRENCY: " " })).toBe(os.availableParallelism());
    expect(workerCount({ WEB_CONCURRENCY: "1" })).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: "3" })).toBe(3);
  });

  it("anything else stops the start with a message naming the value", () => {
    for (const value of ["0", "-2", "1.5", "two", "Infinity"]) expect(() => workerCount({ WEB_CONCURRENCY: value }), value).toThrow(`WEB_CONCURRENCY="${value}"`);
  });
});
