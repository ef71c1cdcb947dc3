import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDocument, getStoredDocument } from "~/modules/content/documents.server";
import { openDatabase, type Connection } from "~/modules/db/index.server";
import { chessNotice } from "../fixtures/test-notice";
import { documentSeen, freshDocNumber, removeNewIndexesLater, untilSeenEverywhere, type DocumentSeen } from "../support/live-corpus";
import { startPortal, type PortalServer } from "../support/portal-server";

/**
 * Live re-indexing (issue 16, item 4), with the real server and two workers on one SQLite file: a document changed
 * through the content module (no console yet) is on its page, found by the search and cited by the assistant within
 * seconds, with no restart, in every worker; unpublished, it is gone from all three again.
 */
const id = "live-chess-contest-notice";
const { meta: notice, body, question, words } = chessNotice(id);
// Its own index each run: the test sees one built while the portal serves, not one an earlier run saved.
const meta = { ...notice, docNumber: freshDocNumber() };
const removeIndexes = removeNewIndexesLater();

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
    removeIndexes();
  });

  const seen = () => documentSeen(portal.url, id, words, question);
  const everyWorkerShows = (expected: DocumentSeen) => untilSeenEverywhere(seen, expected, 20_000, () => portal.output().slice(-2000));

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
    const title = async () => (await (await fetch(`${portal.url}/policies/${id}`)).text()).includes("（改期）");
    await untilSeenEverywhere(title, true);
    const unpublished = await saveDocument(conn.db, { meta: { ...meta, title: "关于举办2026年清远市盲人象棋比赛的通知（改期）" }, body, published: false }, { userId: null });
    expect(unpublished.ok).toBe(true);
    await everyWorkerShows({ page: 404, search: false, cited: false });
  });
});
