import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDocument, getStoredDocument } from "~/modules/content/documents.server";
import { openDatabase, type Connection } from "~/modules/db/index.server";
import { testNoticeMeta } from "../fixtures/test-notice";
import { startPortal, type PortalServer } from "../support/portal-server";

/**
 * Live re-indexing (issue 16, item 4), with the real server and two workers on one SQLite file: a document changed
 * through the content module (no console yet) is on its page, found by the search and cited by the assistant within
 * seconds, with no restart, in every worker; unpublished, it is gone from all three again.
 */
const id = "live-chess-contest-notice";
const meta = testNoticeMeta(id, {
  title: "关于举办2026年清远市盲人象棋比赛的通知",
  titleEn: "Notice of the 2026 Qingyuan chess contest for blind people",
  audience: ["visual"],
  summary: "市残联于2026年12月20日在市残疾人综合服务中心举办盲人象棋比赛，12月15日前报名。",
  summaryEn: "The Federation holds a chess contest for blind people on 20 December 2026; sign up by 15 December.",
});
const body =
  "## 一、比赛时间和地点\n\n盲人象棋比赛于2026年12月20日上午9时在清远市残疾人综合服务中心举行。\n\n" +
  "## 二、怎样报名\n\n12月15日前拨打0763-3362221报名，视力残疾人持残疾人证可以参加。\n";
const question = "盲人象棋比赛什么时候举行？";

describe("live re-indexing", () => {
  let portal: PortalServer;
  let conn: Connection;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-live-"));
    const url = `file:${path.join(dir, "portal.sqlite")}`;
    portal = await startPortal({ DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: "0", SKIP_BUILD: "1", WEB_CONCURRENCY: "2", CORPUS_POLL_MS: "300" });
    conn = openDatabase(url);
  });
  afterAll(async () => {
    await conn?.db.destroy();
    await portal?.stop();
  });

  /** What one worker answers now: the page's status, whether the search lists it, whether the assistant cites it. */
  async function seen() {
    const page = await fetch(`${portal.url}/policies/${id}`);
    const search = await (await fetch(`${portal.url}/search?q=${encodeURIComponent("盲人象棋比赛")}`)).text();
    const chat = await (
      await fetch(`${portal.url}/api/v1/chat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question }) })
    ).json();
    await page.arrayBuffer();
    return {
      page: page.status,
      search: search.includes(`/policies/${id}`),
      cited: (chat.citations as Array<{ url: string }>).some((c) => c.url.includes(`/policies/${id}`)),
    };
  }

  /** Waits until six answers in a row (both workers, several times each) are `expected`. */
  async function everyWorkerShows(expected: Awaited<ReturnType<typeof seen>>, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    let streak = 0;
    let last: Awaited<ReturnType<typeof seen>> | null = null;
    while (streak < 6) {
      last = await seen();
      streak = JSON.stringify(last) === JSON.stringify(expected) ? streak + 1 : 0;
      if (Date.now() > deadline) throw new Error(`not seen within ${timeoutMs} ms: ${JSON.stringify(last)}\n${portal.output().slice(-2000)}`);
    }
  }

  it("a new document is on its page, found by the search and cited by the assistant within seconds, without a restart", async () => {
    expect(await seen()).toEqual({ page: 404, search: false, cited: false });
    const started = Date.now();
    const saved = await saveDocument(conn.db, { meta, body }, { userId: null });
    expect(saved.ok).toBe(true);
    await everyWorkerShows({ page: 200, search: true, cited: true });
    expect(Date.now() - started).toBeLessThan(20_000);
    const html = await (await fetch(`${portal.url}/policies/${id}`)).text();
    expect(html).toContain("关于举办2026年清远市盲人象棋比赛的通知");
    expect(portal.output()).toContain('"msg":"corpus re-indexed"');
  });

  it("a changed document shows its new text; unpublished, it leaves the page, the search and the answers", async () => {
    const current = (await getStoredDocument(conn.db, id))!;
    const changed = await saveDocument(
      conn.db,
      { meta: { ...meta, title: "关于举办2026年清远市盲人象棋比赛的通知（改期）" }, body, expectedRevision: current.revision },
      { userId: null },
    );
    expect(changed.ok).toBe(true);
    const deadline = Date.now() + 20_000;
    let streak = 0;
    while (streak < 6) {
      const html = await (await fetch(`${portal.url}/policies/${id}`)).text();
      streak = html.includes("（改期）") ? streak + 1 : 0;
      if (Date.now() > deadline) throw new Error("the changed title did not show");
    }
    const unpublished = await saveDocument(conn.db, { meta: { ...meta, title: "关于举办2026年清远市盲人象棋比赛的通知（改期）" }, body, published: false }, { userId: null });
    expect(unpublished.ok).toBe(true);
    await everyWorkerShows({ page: 404, search: false, cited: false });
  });
});
