import { describe, expect, it } from "vitest";
import { maskConsoleOutput, maskForLog } from "./log.server";

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

  it("through console: every line is masked, whoever writes it", () => {
    const written: string[] = [];
    const fake = { log: (s: string) => written.push(s), info: (s: string) => written.push(s), warn: (s: string) => written.push(s), error: (s: string) => written.push(s), debug: (s: string) => written.push(s), trace: (s: string) => written.push(s) } as unknown as Console;
    maskConsoleOutput(fake);
    maskConsoleOutput(fake);
    fake.warn("phone %s in %o", "138-1234-5678", { card: "6222 0212 3456 7890 123" });
    fake.error(new Error("id 44180219900101123X"));
    expect(written[0]).toBe("phone 138****5678 in { card: '***************0123' }");
    expect(written[1]).toMatch(/^Error: id \*{14}123X\n/);
    expect(written).toHaveLength(2);
  });
});
