import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asciiDigits } from "~/modules/privacy/numbers";
import { logLines, serverLinesOf, type LogLine } from "../support/log-lines";
import { checkedFetch } from "../support/openapi-check";
import { freePort, startPortal, type PortalServer } from "../support/portal-server";

/**
 * What an operator sees (issue 18, item 4): the log is JSON lines, every line written while a request is served
 * carries the id its answer's X-Request-Id says, a lookup's phone never reaches the log; /api/v1/ready says the
 * database and the index are there; the metrics port answers Prometheus text that counts the requests made, added
 * up over both workers. A portal of its own (two workers, behind a "proxy": TRUST_PROXY), so its output can be read.
 */
describe("logs, readiness and metrics", () => {
  let portal: PortalServer;
  let dir: string;
  let metricsUrl: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-obs-"));
    const metricsPort = await freePort();
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    portal = await startPortal({
      DATABASE_URL: `file:${path.join(dir, "portal.sqlite")}`,
      RATE_LIMIT_PER_MINUTE: "0",
      SKIP_BUILD: "1",
      WEB_CONCURRENCY: "2",
      TRUST_PROXY: "1",
      METRICS_PORT: String(metricsPort),
    });
  }, 240_000);
  afterAll(async () => {
    await portal?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The server's lines so far, every one JSON (logLines fails on any other). */
  const lines = (): LogLine[] => logLines(serverLinesOf(portal.output()));

  /** Waits until the access line of every given request id has been written (the log reaches the test through a pipe). */
  async function accessLinesOf(ids: string[]): Promise<LogLine[]> {
    for (;;) {
      const access = lines().filter((line) => line.msg === "request" && ids.includes(line.requestId ?? ""));
      if (access.length >= ids.length) return access;
      await new Promise((resolve) => portal.child.stdout!.once("data", resolve));
    }
  }

  const phone = "13812345678";
  /** The ids the answers of `get` carried. */
  const ids: string[] = [];
  async function get(pathname: string, init?: RequestInit): Promise<Response> {
    const res = await fetch(`${portal.url}${pathname}`, init);
    await res.arrayBuffer();
    const id = res.headers.get("x-request-id");
    expect(id, pathname).toBeTruthy();
    ids.push(id!);
    return res;
  }

  it("writes JSON lines, each line of a request with the id its answer carries, and no phone from a lookup", async () => {
    const page = await get("/policies");
    expect(page.status).toBe(200);
    const again = await get("/policies");
    const lookup = await get(`/api/v1/bookings/DY-7K3Q-M9TD?phone=${phone}`);
    expect(lookup.status).toBe(404);
    const search = await get(`/search?q=${encodeURIComponent("138 1234 5678")}`);
    expect(search.status).toBe(200);
    // A request that makes the server log an error line as well as its access line.
    const posted = await get(`/policies/${phone}`, { method: "POST", body: new URLSearchParams({ a: "1" }) });
    expect(posted.status).toBe(405);
    // Behind the proxy, the proxy's own id is kept when it is a sane token; an odd one is replaced.
    const proxied = await get("/policies", { headers: { "X-Request-Id": "nginx-5f0c9e2a71d3" } });
    expect(proxied.headers.get("x-request-id")).toBe("nginx-5f0c9e2a71d3");
    const odd = await get("/contact", { headers: { "X-Request-Id": `x ${phone}` } });
    expect(odd.headers.get("x-request-id")).not.toContain(phone);

    expect(new Set(ids).size).toBe(ids.length);
    const access = await accessLinesOf(ids);
    const byId = new Map(access.map((line) => [line.requestId, line]));
    expect(byId.get(page.headers.get("x-request-id")!)).toMatchObject({ level: "info", method: "GET", route: "/policies", path: "/policies", status: 200 });
    expect(byId.get(again.headers.get("x-request-id")!)).toMatchObject({ route: "/policies", status: 200 });
    expect(byId.get(lookup.headers.get("x-request-id")!)).toMatchObject({
      route: "/api/v1/bookings/:reference",
      path: "/api/v1/bookings/DY-7K3Q-M9TD?phone=",
      status: 404,
    });
    expect(byId.get(search.headers.get("x-request-id")!)).toMatchObject({ route: "/search", path: "/search?q=" });
    for (const line of access) {
      expect(line).toEqual(expect.objectContaining({ ms: expect.any(Number), bytes: expect.any(Number), client: "127.0.0.0/24" }));
      expect(line.bytes as number).toBeGreaterThan(0);
    }

    // The error line of the refused post carries the id of its answer.
    const postedId = posted.headers.get("x-request-id")!;
    const errorLine = lines().find((line) => line.level === "error" && line.requestId === postedId);
    expect(errorLine?.msg).toContain('You made a POST request to "/policies/138****5678"');

    // Every line written while serving carries a request id that one of the answers carried.
    const served = lines().filter((line) => line.requestId !== undefined);
    expect(served.length).toBeGreaterThanOrEqual(ids.length + 1);
    const health = lines().filter((line) => line.msg === "request" && line.route === "/api/v1/health");
    for (const line of served) expect(ids.includes(line.requestId!) || health.some((h) => h.requestId === line.requestId), JSON.stringify(line)).toBe(true);

    // Nowhere in the output, in any form of its digits.
    expect(asciiDigits(portal.output())).not.toContain(phone);
  });

  it("answers /api/v1/ready with the database and the index, never cached", async () => {
    // (Checked against the OpenAPI document too, as every API answer the suite reads.)
    const res = await checkedFetch(`${portal.url}/api/v1/ready`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toMatchObject({ status: "ready", database: { kind: "sqlite", answers: true } });
    expect(body.index.documents).toBeGreaterThan(0);
    expect(body.index.chunks).toBeGreaterThan(0);
    expect(body.index.assistantChunks).toBeGreaterThan(0);
  });

  it("serves every worker's metrics in the Prometheus format on the metrics port, and nothing on the public one", async () => {
    const before = await fetch(metricsUrl);
    expect(before.status).toBe(200);
    expect(before.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const count = (text: string, route: string, status: number) =>
      Number(new RegExp(`^portal_http_requests_total\\{method="GET",route="${route.replace(/[/:]/g, "\\$&")}",status="${status}"\\} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
    const start = count(await before.text(), "/contact", 200);

    // Ten more requests to one page, spread over both workers (each on a connection of its own).
    const made: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${portal.url}/contact`, { headers: { Connection: "close" } });
      await res.arrayBuffer();
      made.push(res.headers.get("x-request-id")!);
    }
    const access = await accessLinesOf(made);
    expect(new Set(access.map((line) => line.pid)).size, "both workers answered").toBe(2);

    const text = await (await fetch(metricsUrl)).text();
    expect(count(text, "/contact", 200)).toBe(start + 10);
    expect(text).toMatch(/^# TYPE portal_http_request_duration_seconds histogram$/m);
    expect(text).toMatch(/^portal_http_request_duration_seconds_count\{method="GET",route="\/contact"\} \d+$/m);
    expect(text).toMatch(/^# TYPE portal_assistant_answers_total counter$/m);
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    // No URL, query or phone in any label.
    expect(text).not.toContain(phone);
    expect(text).not.toMatch(/route="[^"]*\?/);

    expect((await fetch(`${portal.url}/metrics`)).status).toBe(404);
  });
});
