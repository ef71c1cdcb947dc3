import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Connection } from "~/modules/db/index.server";
import { acceptsConnections as accepts, startPortal, type PortalServer } from "../support/portal-server";
import { bookLastSeatsAtOnce, lendLastUnitAtOnce, staffCookie } from "../support/races";
// `fetch` checks every /api/ answer against the OpenAPI document the portal serves (tests/support/openapi-check.ts).
import { checkedFetch as fetch } from "../support/openapi-check";

/**
 * `npm start` with two workers (node:cluster) on one SQLite file in WAL mode: the race tests hold across
 * processes, a cached public page is never older than a write another worker made, a worker that dies is
 * replaced, and SIGTERM lets an in-flight request finish and closes the database.
 */
async function waitFor(condition: () => boolean | Promise<boolean>, tries = 300): Promise<void> {
  for (let i = 0; !(await condition()); i++) {
    if (i >= tries) throw new Error("condition not met");
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The status of a GET on a connection of its own. */
function freshGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on("error", reject);
  });
}

describe("npm start with two workers on one SQLite file", () => {
  let dir: string;
  let file: string;
  let portal: PortalServer;
  let conn: Connection | undefined;
  const workers = () =>
    execFileSync("ps", ["-o", "pid=", "--ppid", String(portal.child.pid)], { encoding: "utf8" })
      .split("\n")
      .map((s) => Number(s.trim()))
      .filter(Boolean);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-workers-"));
    file = path.join(dir, "portal.sqlite");
    portal = await startPortal({ DATABASE_URL: `file:${file}`, RATE_LIMIT_PER_MINUTE: "0", SKIP_BUILD: "1", WEB_CONCURRENCY: "2" });
    conn = openDatabase(`file:${file}`);
  }, 240_000);

  afterAll(async () => {
    await conn?.db.destroy();
    await portal?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs two worker processes that both answer", async () => {
    expect(workers()).toHaveLength(2);
    expect(portal.output()).toContain("2 workers");
  });

  it("both workers give a public page the same bytes and ETag, so a revalidation answers 304 on either", async () => {
    const first = await fetch(`${portal.url}/en/policies`, { headers: { "Accept-Encoding": "identity" } });
    const etag = first.headers.get("etag")!;
    const again = await Promise.all(Array.from({ length: 8 }, () => fetch(`${portal.url}/en/policies`, { headers: { "Accept-Encoding": "identity" } })));
    expect(new Set(again.map((r) => r.headers.get("etag")))).toEqual(new Set([etag]));
    const revalidated = await Promise.all(Array.from({ length: 8 }, () => fetch(`${portal.url}/en/policies`, { headers: { "Accept-Encoding": "identity", "If-None-Match": etag } })));
    expect(revalidated.map((r) => r.status)).toEqual(Array(8).fill(304));
  });

  it("200 parallel bookings for the last 20 seats over both workers: exactly 20 confirmed, no seat twice", async () => {
    // Both workers cache the screening's page while it has seats left.
    const { screenings } = await (await fetch(`${portal.url}/api/v1/screenings`)).json();
    const page = `${portal.url}/en/cinema/${screenings[screenings.length - 1].id}`;
    const before = await Promise.all(Array.from({ length: 6 }, () => fetch(page).then((r) => r.text())));
    for (const html of before) expect(html).toMatch(/\b[1-9]\d* seats left/);
    const race = await bookLastSeatsAtOnce([portal.url], conn!.db);
    expect(race.otherStatuses).toEqual([]);
    expect(race.created).toBe(20);
    expect(race.conflicts).toBe(180);
    expect(race.distinctSeats).toBe(20);
    expect(race.leftAfter).toBe(0);
    // Whichever worker answers, the programme says the screening is full: no cached copy from before the race.
    expect(page.endsWith(race.screeningId)).toBe(true);
    const pages = await Promise.all(Array.from({ length: 6 }, () => fetch(page).then((r) => r.text())));
    for (const html of pages) expect(html).not.toMatch(/\b[1-9]\d* seats left/);
  }, 120_000);

  it("twelve staff lending the last unit at once over both workers: one loan, the others told it is gone", async () => {
    const cookie = await staffCookie(portal.url, { DATABASE_URL: `file:${file}` }, "race-lending", "lending");
    const race = await lendLastUnitAtOnce([portal.url], conn!.db, cookie);
    expect(race.otherStatuses).toEqual([]);
    expect(race.checkedOut).toBe(1);
    expect(race.refused).toBe(11);
    expect(race.loans).toBe(1);
  }, 120_000);

  it("a worker that dies is replaced, and the other answers meanwhile", async () => {
    const [first] = workers();
    process.kill(first!, "SIGKILL");
    await waitFor(() => portal.output().includes(`worker ${first} stopped (SIGKILL); starting another`));
    // While it is being replaced the other worker answers (on a new connection: one kept alive to the killed worker
    // is reset, as it would be for any client).
    expect(await freshGet(`${portal.url}/api/v1/health`)).toBe(200);
    for (let i = 0; workers().filter((pid) => pid !== first).length < 2; i++) {
      expect(i, portal.output()).toBeLessThan(200);
      await new Promise((r) => setTimeout(r, 100));
    }
    const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(`${portal.url}/policies`)));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
  }, 60_000);

  it("SIGTERM: a request in flight is answered, then the workers close the database and the portal exits 0", async () => {
    await conn!.db.destroy();
    conn = undefined;
    const { port } = new URL(portal.url);
    const body = new URLSearchParams({ topic: "other", message: "关机前送达的留言" }).toString();
    const socket = net.connect(Number(port), "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    let answer = "";
    socket.on("data", (d) => (answer += d));
    const closed = new Promise((r) => socket.once("close", r));
    socket.write(
      `POST /feedback HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    // A worker has the request (it invites the body) ...
    await waitFor(() => answer.startsWith("HTTP/1.1 100 Continue"));
    const exited = new Promise<number | null>((r) => portal.child.once("exit", (code) => r(code)));
    portal.child.kill("SIGTERM");
    // ... and the portal has stopped taking connections while that request is still waiting for its body.
    await waitFor(async () => !(await accepts(Number(port))));
    socket.end(body);
    await closed;
    expect(answer).toMatch(/^HTTP\/1.1 100 Continue\r\n\r\nHTTP\/1.1 302 Found\r\n/);
    expect(await exited).toBe(0);
    // Every connection closed cleanly: the last one folded the write-ahead log back into the file.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const after = openDatabase(`file:${file}`);
    try {
      const rows = await after.db.selectFrom("feedback").select("message").execute();
      expect(rows.map((r) => r.message)).toContain("关机前送达的留言");
    } finally {
      await after.db.destroy();
    }
  }, 60_000);
});
