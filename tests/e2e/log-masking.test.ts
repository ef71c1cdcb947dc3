import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asciiDigits } from "~/modules/privacy/numbers";
import { logLines } from "../support/log-lines";
import { startPortal, type PortalServer } from "../support/portal-server";

/**
 * Every log line is masked (issue 12, item 4): requests that make the server log an error, with personal
 * numbers in them as people type them, leave only masked numbers in the server's output. A portal of its own,
 * so that its output can be read.
 */
describe("the server's log", () => {
  let portal: PortalServer;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-log-"));
    portal = await startPortal({ DATABASE_URL: `file:${path.join(dir, "portal.sqlite")}`, RATE_LIMIT_PER_MINUTE: "0", SKIP_BUILD: "1" });
  }, 180_000);
  afterAll(async () => {
    await portal?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("says what went wrong, with the personal numbers in the request masked", async () => {
    const before = portal.output().length;
    // A form posted to a page that takes none (405), a phone in the URL with spaces.
    const posted = await fetch(`${portal.url}/policies/138%201234%205678`, { method: "POST", body: new URLSearchParams({ a: "1" }) });
    expect(posted.status).toBe(405);
    // A data request for a route id that is an ID number in full-width digits with a lowercase x (403).
    const id = encodeURIComponent("４４１８０２１９９００１０１１２３ｘ");
    const data = await fetch(`${portal.url}/guides?_data=routes/${id}`);
    expect(data.status).toBe(403);
    // Wait for both lines to be written: the server logs before it answers, but through a pipe (the second
    // request's access line comes after its error line).
    const answered = () => logLines(portal.output().slice(before)).some((line) => line.msg === "request" && line.status === 403);
    for (let i = 0; i < 100 && !answered(); i++) await new Promise((r) => setTimeout(r, 50));

    const log = portal.output().slice(before);
    // Log lines are JSON (docs/contracts.md, "Logs and metrics"): the messages, as they were before, are in `msg`.
    const messages = logLines(log)
      .map((line) => line.msg ?? "")
      .join("\n");
    expect(messages).toContain('405 Method Not Allowed: You made a POST request to "/policies/138****5678"');
    expect(messages).toContain('403 Forbidden: Route "routes/**************123X" does not match URL "/guides"');
    const lines = log.split("\n").filter((line) => /\/policies\/|routes\//.test(line));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) for (const number of ["13812345678", "44180219900101123"]) expect(asciiDigits(line)).not.toContain(number);
  });
});
