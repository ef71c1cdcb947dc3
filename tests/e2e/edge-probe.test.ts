import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresBinDir, startPostgres, type RunningPostgres } from "../support/postgres";
import { startPortal, type PortalServer } from "../support/portal-server";
import { builtRoutes, fillPattern } from "./built-routes";
// `fetch` checks every /api/ answer against the OpenAPI document the portal serves (tests/support/openapi-check.ts).
import { checkedFetch as fetch, checkServed, type ApiAnswer } from "../support/openapi-check";

/**
 * The attack probe of issue 12 against the real server, on SQLite and on PostgreSQL: one 100 MB body, eight
 * parallel 20 MB bodies and a set of malformed bodies to every endpoint that takes a submission (every route of
 * the built manifest with an action, the JSON API included). Throughout, /api/v1/health must answer within a
 * second, and no answer may be a 5xx. Then the database is made to fail for real (SQLite: no room left under
 * SQLITE_MAX_SIZE_MB; PostgreSQL: read-only) and the portal must say 503, name the error and report "degraded".
 * Everything is loopback and bounded; big bodies are generated as streams.
 */
const MB = 1024 * 1024;

/** A body of `bytes` bytes, made as it is sent (never held in memory). */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(chunk.length, bytes - sent);
      sent += n;
      controller.enqueue(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

/** A 100 MB upload with a declared Content-Length (and, if asked, Expect: 100-continue), through node:http. */
function declaredUpload(url: string, bytes: number, expectContinue: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(bytes), ...(expectContinue ? { Expect: "100-continue" } : {}) },
    });
    let written = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (written < bytes && !req.destroyed) {
        written += chunk.length;
        if (!req.write(chunk)) return req.once("drain", pump);
      }
      if (!req.destroyed) req.end();
    };
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on("continue", pump);
    req.on("error", reject);
    if (!expectContinue) pump();
  });
}

interface Malformed {
  name: string;
  type?: string;
  body: string | Uint8Array<ArrayBuffer>;
}

const malformed: Malformed[] = [
  { name: "bad JSON", type: "application/json", body: '{"question": "轮椅", "name":' },
  { name: "JSON of the wrong types", type: "application/json", body: JSON.stringify({ question: 12, name: [], phone: {}, tickets: "9", deviceId: null, locale: 5 }) },
  { name: "JSON nested 5,000 deep", type: "application/json", body: `${"[".repeat(5000)}${"]".repeat(5000)}` },
  { name: "a field nested 3,000 deep", type: "application/json", body: `{"question":${"[".repeat(3000)}${"]".repeat(3000)},"name":{"a":${"{\"a\":".repeat(1000)}1${"}".repeat(1000)}}}` },
  { name: "NUL bytes in JSON", type: "application/json", body: JSON.stringify({ question: "\u0000残疾人证\u0000", name: "张\u0000三", phone: "1380013\u00008000", tickets: 1, deviceId: "manual-wheelchair", disabilityCategory: "physical", note: "\u0000" }) },
  {
    name: "NUL bytes in a form",
    type: "application/x-www-form-urlencoded",
    body: "intent=ask&question=%00%E8%BD%AE%00&topic=other&message=a%00b&name=%E5%BC%A0%00&phone=1380013%008000&contact=%00&username=%00&password=%00%00%00%00%00%00%00%00%00%00%00%00&redirectTo=%00&reference=%00&q=%00",
  },
  { name: "20,000 fields", type: "application/x-www-form-urlencoded", body: "a=1&".repeat(15_000) },
  { name: "4,000 keys of JSON", type: "application/json", body: `{${Array.from({ length: 1400 }, (_, i) => `"k${i}":${i}`).join(",")}}` },
  { name: "JSON sent as text/plain", type: "text/plain", body: '{"question":"轮椅"}' },
  { name: "a form sent as JSON", type: "application/json", body: "topic=other&message=hello" },
  { name: "XML", type: "application/xml", body: "<question>轮椅</question>" },
  { name: "no content type", body: "topic=other&message=hello" },
  { name: "multipart without a boundary", type: "multipart/form-data", body: "--x\r\n" },
  { name: "truncated multipart", type: "multipart/form-data; boundary=XYZ", body: '--XYZ\r\nContent-Disposition: form-data; name="message"\r\n\r\nhello' },
  { name: "multipart with a broken header", type: "multipart/form-data; boundary=XYZ", body: "--XYZ\r\nContent-Disposition\r\n\r\n\r\n--XYZ--" },
  { name: "bytes that are not UTF-8", type: "application/x-www-form-urlencoded", body: new Uint8Array([0x6d, 0x3d, 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xf0, 0x28, 0x8c, 0x28]) },
  { name: "an empty JSON body", type: "application/json", body: "" },
  { name: "a UTF-16 form", type: "application/x-www-form-urlencoded; charset=utf-16", body: "t\u0000o\u0000p\u0000i\u0000c\u0000" },
];

interface Answer {
  what: string;
  status: number;
}

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

/** Polls /api/v1/health every 100 ms until stopped; remembers the slowest answer and any that was not 200. */
function watchHealth(base: string) {
  let stop = false;
  let slowest = 0;
  let polls = 0;
  const bad: string[] = [];
  const done = (async () => {
    while (!stop) {
      const started = performance.now();
      let answer: ApiAnswer | null = null;
      try {
        // Timed without the OpenAPI check (globalThis.fetch); the answer is checked after the clock stops.
        const url = `${base}/api/v1/health`;
        const res = await globalThis.fetch(url, { signal: AbortSignal.timeout(5_000) });
        const text = await res.text();
        if (res.status !== 200) bad.push(`status ${res.status}`);
        answer = { method: "GET", url, status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
      } catch (error) {
        bad.push(String(error));
      }
      slowest = Math.max(slowest, performance.now() - started);
      if (answer) await checkServed(new URL(base).origin, answer);
      polls++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      stop = true;
      await done;
      return { slowest, polls, bad };
    },
  };
}

/** Peak resident memory of a process, from /proc (Linux), in MB. */
function peakRssMb(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
  return line ? Math.round(Number(line[1]) / 1024) : 0;
}

/** Every endpoint that takes a submission, from the built manifest, with real ids (and a draft of every flow). */
async function submissionEndpoints(base: string): Promise<string[]> {
  const routes = (await builtRoutes()).filter((r) => r.hasAction);
  const screenings = (await (await fetch(`${base}/api/v1/screenings`)).json()).screenings as Array<{ id: string }>;
  const devices = (await (await fetch(`${base}/api/v1/devices`)).json()).devices as Array<{ id: string }>;
  const activity = /href="\/activities\/(?!signup)([^"/?#]+)"/.exec(await (await fetch(`${base}/activities`)).text())?.[1];
  const values: Record<string, string> = { screeningId: screenings[0]?.id, id: screenings[0]?.id, deviceId: devices[0]?.id, activityId: activity ?? "probe" };
  const urls = new Set<string>();
  const drafts = new Map<string, string[]>();
  for (const route of routes) {
    const segments = route.pattern.split("/");
    const at = segments.indexOf(":draftId");
    let filled = { ...values };
    if (at > 0) {
      // A flow's first step: posting to its entry page makes a draft and redirects to it.
      const entry = fillPattern(segments.slice(0, at - 1).join("/"), values);
      if (!drafts.has(entry)) {
        const res = await fetch(`${base}${entry}`, { method: "POST", redirect: "manual" });
        drafts.set(entry, new URL(res.headers.get("location") ?? "/", base).pathname.split("/").slice(1));
      }
      const made = drafts.get(entry)!;
      filled = { ...filled, draftId: made[at] ?? "probe", step: made[at + 1] ?? "probe" };
    }
    urls.add(fillPattern(route.pattern, filled));
  }
  return [...urls];
}

const kinds = [{ kind: "sqlite" as const }, ...(postgresBinDir() !== null ? [{ kind: "postgres" as const }] : [])];

describe.each(kinds)("the HTTP edge under attack, on $kind", ({ kind }) => {
  let postgres: RunningPostgres | undefined;
  let dir: string;
  let databaseUrl: string;
  let portal: PortalServer;
  const env = () => ({ DATABASE_URL: databaseUrl, RATE_LIMIT_PER_MINUTE: "0", SKIP_BUILD: "1", TRUST_PROXY: "1" });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-probe-"));
    if (kind === "postgres") {
      postgres = await startPostgres();
      databaseUrl = postgres.adminUrl;
    } else {
      databaseUrl = `file:${path.join(dir, "portal.sqlite")}`;
    }
    portal = await startPortal(env());
  }, 180_000);

  afterAll(async () => {
    await portal?.stop();
    postgres?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("100 MB, 8 × 20 MB and malformed bodies on every endpoint: no 5xx, health within a second throughout, the server still books", async () => {
    const base = portal.url;
    const endpoints = await submissionEndpoints(base);
    expect(endpoints.length).toBeGreaterThan(40);
    expect(endpoints).toEqual(expect.arrayContaining(["/api/v1/chat", "/api/v1/loan-requests", "/feedback", "/login", "/admin/users"]));
    const health = watchHealth(base);
    const answers: Answer[] = [];
    const send = async (what: string, url: string, init: RequestInit & { duplex?: "half" }) => {
      const res = await fetch(`${base}${url}`, { redirect: "manual", ...init });
      await res.arrayBuffer();
      answers.push({ what: `${what} → ${init.method ?? "GET"} ${url}`, status: res.status });
      return res;
    };

    // One 100 MB JSON body to the chat API (it once ended the process), streamed and declared.
    const huge = await send("100 MB", "/api/v1/chat", { method: "POST", headers: { "Content-Type": "application/json" }, body: streamed(100 * MB), duplex: "half" });
    expect(huge.status).toBe(413);
    expect(await declaredUpload(`${base}/api/v1/chat`, 100 * MB, false)).toBe(413);
    expect(await declaredUpload(`${base}/feedback`, 100 * MB, true)).toBe(413);

    // Eight 20 MB bodies at once, to pages and API alike.
    const targets = ["/api/v1/chat", "/feedback", "/api/v1/loan-requests", endpoints.find((u) => u.startsWith("/api/v1/screenings/"))!, "/login", "/assistant", "/settings", "/admin/users"];
    const parallel = await Promise.all(
      targets.map((url) => send("20 MB", url, { method: "POST", headers: { "Content-Type": url.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded" }, body: streamed(20 * MB), duplex: "half" })),
    );
    // 413 each; the staff page sends a stranger to sign in before it would read anything.
    for (const [i, res] of parallel.entries()) expect(res.status, targets[i]).toBe(targets[i] === "/admin/users" ? 302 : 413);

    // Every malformed body to every endpoint (and DELETE where the API takes it).
    const tasks = endpoints.flatMap((url) =>
      malformed.map((m) => () => send(m.name, url, { method: url.startsWith("/api/v1/bookings/") ? "DELETE" : "POST", headers: m.type ? { "Content-Type": m.type } : {}, body: m.body })),
    );
    // Two at a time: the probe is about what each body does, not about load; health must stay quick beside it.
    await pool(tasks, 2);
    // Malformed URLs and methods, too.
    for (const url of ["/%E0%A4%A", "/policies/%00", "/api/v1/%ZZ", "/cinema/%2e%2e/%2e%2e/etc/passwd", "/en/..%2F..%2F"]) await send("odd URL", url, {});
    for (const method of ["PUT", "PATCH", "OPTIONS", "DELETE"]) await send("odd method", "/feedback", { method, body: method === "OPTIONS" ? undefined : "x=1" });

    const { slowest, polls, bad } = await health.stop();
    const serverErrors = answers.filter((a) => a.status >= 500);
    expect(serverErrors).toEqual([]);
    expect(answers.length).toBeGreaterThan(endpoints.length * malformed.length);
    expect(bad).toEqual([]);
    expect(polls).toBeGreaterThan(5);
    expect(slowest).toBeLessThan(1_000);
    console.log(`[probe ${kind}] ${answers.length} requests, ${polls} health checks, slowest ${Math.round(slowest)} ms, server peak RSS ${peakRssMb(portal.child.pid!)} MB`);

    // And it still does its job.
    const booking = await fetch(`${base}/api/v1/screenings/${targets[3].split("/")[4]}/bookings`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "探针之后", phone: "13800138000", tickets: 1 }),
    });
    expect(booking.status).toBe(201);
  }, 120_000);

  it("behind TRUST_PROXY, HSTS comes only over TLS, and the origin check knows the scheme", async () => {
    const get = (headers: Record<string, string>) => fetch(`${portal.url}/`, { headers });
    expect((await get({ "X-Forwarded-Proto": "https" })).headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect((await get({})).headers.get("strict-transport-security")).toBeNull();
    const host = new URL(portal.url).host;
    const postFeedback = (origin: string, proto: string) =>
      fetch(`${portal.url}/feedback`, { method: "POST", redirect: "manual", headers: { Origin: origin, "X-Forwarded-Proto": proto }, body: new URLSearchParams({ topic: "other", message: "代理之后" }) });
    expect((await postFeedback(`https://${host}`, "https")).status).toBe(302);
    // The plain-http twin of a TLS site is another origin.
    expect((await postFeedback(`http://${host}`, "https")).status).toBe(403);
  });

  it("when the database cannot write, writes get 503 (page and API), reads still work, the log names the real error, health is degraded", async () => {
    let undo: () => Promise<void> = async () => {};
    if (kind === "postgres") {
      // As after a failover to a standby: every transaction is read-only (SQLSTATE 25006).
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      await admin.query("ALTER SYSTEM SET default_transaction_read_only = on");
      await admin.query("SELECT pg_reload_conf()");
      await admin.end();
      undo = async () => {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query("ALTER SYSTEM RESET default_transaction_read_only");
        await client.query("SELECT pg_reload_conf()");
        await client.end();
      };
    } else {
      // No room left: the same file under a size cap below its size (SQLite then refuses to grow it).
      await portal.stop();
      portal = await startPortal({ ...env(), SQLITE_MAX_SIZE_MB: "0.001" });
    }
    const base = portal.url;
    /** Sends until the database refuses (PostgreSQL at once; SQLite may first fill free space), at most 40 times. */
    const untilRefused = async (send: () => Promise<Response>, saved: number) => {
      for (let i = 0; i < 40; i++) {
        const res = await send();
        if (res.status === 503) return res;
        expect(res.status).toBe(saved);
        await res.arrayBuffer();
      }
      throw new Error("the database never refused a write");
    };
    const message = "存储测试".repeat(500); // 2,000 characters: more than a page of the database
    const refused = await untilRefused(() => fetch(`${base}/feedback`, { method: "POST", redirect: "manual", body: new URLSearchParams({ topic: "other", message }) }), 302);
    const page = await refused.text();
    expect(page).toContain("<h1>系统暂时无法办理</h1>");
    expect(page).toContain("您提交的内容没有保存");
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(refused.headers.get("cache-control")).toBe("no-store");

    const api = await untilRefused(
      () =>
        fetch(`${base}/api/v1/loan-requests`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Accept-Language": "en" },
          body: JSON.stringify({ deviceId: "manual-wheelchair", name: "张三", phone: "13800138000", disabilityCategory: "physical", note: "字".repeat(500) }),
        }),
      201,
    );
    expect(api.headers.get("retry-after")).toBe("30");
    expect(await api.json()).toEqual({ error: "storage_unavailable", message: "Storage is failing just now; the request was not completed. Try again later." });

    expect((await fetch(`${base}/policies`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/screenings`)).status).toBe(200);

    const health = await fetch(`${base}/api/v1/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "degraded", database: kind, storage: { problem: kind === "postgres" ? "read_only" : "full" } });
    // Readiness stays: the instance still serves reads, so a balancer keeps it (docs/security.md, "Failures").
    const ready = await fetch(`${base}/api/v1/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: { kind, answers: true } });

    const log = portal.output();
    if (kind === "postgres") expect(log).toMatch(/storage failure \(read_only\): .*read-only transaction \[25006\] on PostgreSQL 127\.0\.0\.1:\d+\/postgres during action/);
    else expect(log).toMatch(new RegExp(`storage failure \\(full\\): database or disk is full \\[SQLITE_FULL\\] on SQLite ${databaseUrl.slice(5).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} during action`));
    expect(log).not.toMatch(/cannot rollback/);

    await undo();
    if (kind === "postgres") {
      // Writable again: the next submission is saved (the pool's sessions pick the setting up on reload).
      let saved = 0;
      for (let i = 0; i < 20 && saved !== 302; i++) {
        saved = (await fetch(`${base}/feedback`, { method: "POST", redirect: "manual", body: new URLSearchParams({ topic: "other", message: "恢复之后" }) })).status;
      }
      expect(saved).toBe(302);
    }
  }, 120_000);
});
