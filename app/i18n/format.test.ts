import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format";

describe("date formatting", () => {
  it("writes Chinese dates the Chinese way, in China time", () => {
    expect(formatDate("2026-12-05", "zh-CN")).toBe("2026年12月5日");
    expect(formatDateTime("2026-12-05T06:30:00Z", "zh-CN")).toBe("2026年12月5日星期六 14:30");
  });
  it("writes English dates in words", () => {
    expect(formatDate("2026-12-05", "en")).toBe("5 December 2026");
    expect(formatDateTime("2026-12-05T06:30:00Z", "en")).toBe("Saturday, 5 December 2026, 14:30");
  });
});
