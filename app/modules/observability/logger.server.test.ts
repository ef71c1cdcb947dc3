import { describe, expect, it } from "vitest";
import { asciiDigits } from "~/modules/privacy/numbers";
import { logLevel } from "./log-lines.mjs";
import { createLogger, routeConsoleToLogger } from "./logger.server";
import { runWithRequestId } from "./request-context.server";

/** A logger whose lines are collected, parsed. */
function collected() {
  const lines: string[] = [];
  const logger = createLogger({ write: (line: string) => lines.push(line) });
  return { logger, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("the server's log lines", () => {
  it("are one JSON object a line, with the level's name, an ISO time, the pid and the message", () => {
    const { logger, lines, entries } = collected();
    logger.info("ready");
    logger.warn({ workers: 2 }, "started %d of %d", 2, 2);
    expect(lines.every((line) => line.endsWith("\n") && !line.slice(0, -1).includes("\n"))).toBe(true);
    expect(entries()).toEqual([
      { level: "info", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), pid: process.pid, msg: "ready" },
      expect.objectContaining({ level: "warn", workers: 2, msg: "started 2 of 2" }),
    ]);
  });

  it("carry the id of the request they were written for, and none outside a request", async () => {
    const { logger, entries } = collected();
    logger.info("before");
    await runWithRequestId("req-0123456789", async () => {
      await new Promise((r) => setTimeout(r, 1));
      logger.info("inside, after an await");
    });
    expect(entries().map((e) => [e.msg, e.requestId])).toEqual([
      ["before", undefined],
      ["inside, after an await", "req-0123456789"],
    ]);
  });

  it("mask personal numbers in the message and in every field, however deep; an error is its masked stack", () => {
    const { logger, lines, entries } = collected();
    logger.error({ phone: "138 1234 5678", nested: { ids: ["44180219900101123X"] }, url: "/x/138%201234%205678" }, "lookup by %s", "13812345678");
    logger.error(new Error("certificate 4418021990010112341 refused"));
    const [fields, error] = entries();
    expect(fields).toMatchObject({ phone: "138****5678", nested: { ids: ["**************123X"] }, url: "/x/138****5678", msg: "lookup by 138****5678" });
    expect(error.msg).toMatch(/^Error: certificate \*+2341 refused\n {4}at /);
    for (const line of lines) for (const number of ["13812345678", "44180219900101123", "4418021990010112341"]) expect(asciiDigits(line)).not.toContain(number);
  });

  it("mask numbers in every spelling, and leave short plain fields as they are", () => {
    const { logger, entries } = collected();
    logger.info({ landline: "(020) 8765 4321", wide: "１３８１２３４５６７８", spoken: "一三八一二三四五六七八", encoded: "%31%33%38%31%32%33%34%35%36%37%38", method: "GET", route: "/cinema/:screeningId", status: "404 Not Found" });
    const [line] = entries();
    for (const field of ["landline", "wide", "spoken", "encoded"]) expect(asciiDigits(String(line[field])), field).not.toMatch(/87654321|13812345678/);
    expect(line).toMatchObject({ method: "GET", route: "/cinema/:screeningId", status: "404 Not Found" });
  });

  it("keep a request id as it is, even when it looks like digits", async () => {
    const { logger, entries } = collected();
    await runWithRequestId("0763-3362221-0000", () => logger.info("x"));
    expect(entries()[0].requestId).toBe("0763-3362221-0000");
  });

  it("take console's place in the server: every console line is a masked log line at its level", () => {
    const { logger, entries } = collected();
    const fake = { log() {}, info() {}, warn() {}, error() {}, debug() {}, trace() {} } as unknown as Console;
    routeConsoleToLogger(logger, fake);
    routeConsoleToLogger(logger, fake);
    fake.warn("phone %s in %o", "138-1234-5678", { card: "6222 0212 3456 7890 123" });
    fake.error(new Error("id 44180219900101123X"));
    fake.log("plain");
    const [warned, failed, logged] = entries();
    expect(warned).toMatchObject({ level: "warn", msg: "phone 138****5678 in { card: '***************0123' }" });
    expect(failed).toMatchObject({ level: "error", msg: expect.stringMatching(/^Error: id \*{14}123X\n/) });
    expect(logged).toMatchObject({ level: "info", msg: "plain" });
    expect(entries()).toHaveLength(3);
  });

  it("are written from LOG_LEVEL up (info when it is unset or names no level)", () => {
    expect(logLevel({})).toBe("info");
    expect(logLevel({ LOG_LEVEL: " Debug " })).toBe("debug");
    expect(logLevel({ LOG_LEVEL: "loud" })).toBe("info");
    expect(logLevel({ LOG_LEVEL: "silent" })).toBe("silent");
  });
});
