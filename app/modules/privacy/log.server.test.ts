import { describe, expect, it } from "vitest";
import { maskForLog } from "./log.server";

describe("log lines", () => {
  it("mask an error's message and stack", () => {
    const line = maskForLog(new Error("lookup failed for １３８ ００１３ ８０００ / 441802199001011234"));
    expect(line).toContain("Error: lookup failed for 138****8000 / **************1234");
    expect(line).toMatch(/\n\s+at /);
  });

  it("say what a route error response wraps, masked, in one line", () => {
    const response = { status: 405, statusText: "Method Not Allowed", internal: true, data: "", error: new Error('You made a POST request to "/policies/13800138000"') };
    expect(maskForLog(response)).toBe('405 Method Not Allowed: You made a POST request to "/policies/138****8000"');
  });

  it("read percent-encoded URLs decoded, so a number in a URL is masked too", () => {
    expect(maskForLog("GET /cinema/138%201234%205678?q=%EF%BC%91%EF%BC%93%EF%BC%98%EF%BC%90%EF%BC%90%EF%BC%91%EF%BC%93%EF%BC%98%EF%BC%90%EF%BC%90%EF%BC%90 %E0%A4")).toBe(
      "GET /cinema/138****5678?q=138****8000 %E0%A4",
    );
  });
});
