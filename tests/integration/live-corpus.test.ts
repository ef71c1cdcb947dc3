import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAssistantIndex, getAssistantIndex, resetAssistantIndex } from "~/modules/assistant/vector-index.server";
import { corpusHash } from "~/modules/assistant/index-hash.mjs";
import { getCorpus, resetCorpusCache } from "~/modules/content/corpus.server";
import { importKnowledge, loadDatabaseCorpus, saveDocument } from "~/modules/content/documents.server";
import { startCorpusSync, type CorpusSync } from "~/modules/content/live.server";
import type { Connection } from "~/modules/db/index.server";
import { resetLexicalIndex, search } from "~/modules/search/lexical.server";
import { chessNotice } from "../fixtures/test-notice";
import { createTestDb } from "../support/test-db";

/**
 * Live re-indexing in one process (content/live.server.ts), on SQLite and PostgreSQL: the process serves the
 * database's corpus, a change is built once (whoever else asks at the same moment waits for that build) and swapped in
 * — pages, search and assistant together. The browser tests (live-reindex, multi-instance) do it with real servers.
 */
describe("the corpus a process serves follows the database", () => {
  let conn: Connection;
  let root: string;
  let builds = 0;
  const syncs: CorpusSync[] = [];
  // What the child process does in production (scripts/build-index.ts), here in process to count the builds.
  const build = async (at: string) => {
    builds++;
    await ensureAssistantIndex(at, await loadDatabaseCorpus(conn.db));
    return true;
  };

  beforeAll(async () => {
    conn = await createTestDb();
    await importKnowledge(conn.db, path.resolve("knowledge"));
    root = fs.mkdtempSync(path.join(os.tmpdir(), "qy-live-corpus-"));
    // The index `npm start` built for the files (here: the repository's, built if missing), as a start finds it.
    const hash = corpusHash(path.resolve("knowledge"));
    const saved = path.join(process.cwd(), "data", "index", hash);
    if (!fs.existsSync(path.join(saved, "manifest.json"))) await ensureAssistantIndex(process.cwd());
    fs.cpSync(saved, path.join(root, "data", "index", hash), { recursive: true });
  });
  afterAll(async () => {
    for (const sync of syncs) sync.stop();
    resetCorpusCache();
    resetLexicalIndex();
    resetAssistantIndex();
    await conn.db.destroy();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("serves the database's documents from the start, with the index the files already have", async () => {
    syncs.push(await startCorpusSync(() => conn, { root, intervalMs: 3_600_000, build }));
    expect(getCorpus().origin).toBe("database");
    expect(getCorpus().documents).toHaveLength(fs.readdirSync("knowledge", { recursive: true }).filter((f) => /\.(md|txt)$/.test(String(f))).length);
    expect(syncs[0]!.version()).toBe(1);
    expect(builds).toBe(0);
  });

  it("a saved document is built once, however many processes ask at once, and swapped into pages, search and assistant", async () => {
    // A second process (a worker) following the same database.
    syncs.push(await startCorpusSync(() => conn, { root, intervalMs: 3_600_000, build }));
    const { meta, body, words } = chessNotice("live-corpus-chess");
    expect((await saveDocument(conn.db, { meta, body }, { userId: null })).ok).toBe(true);
    const before = getCorpus();
    await Promise.all(syncs.map((s) => s.refresh()));
    expect(builds).toBe(1);
    expect(syncs.map((s) => s.version())).toEqual([2, 2]);
    expect(getCorpus()).not.toBe(before);
    expect(getCorpus().documents.some((d) => d.id === meta.id)).toBe(true);
    expect(search(words).results[0]?.id).toBe(meta.id);
    expect((await getAssistantIndex()).chunksOf(meta.id).length).toBeGreaterThan(0);

    // Unpublished: gone from all three; its corpus is the files' again, whose index is saved: nothing to build.
    expect((await saveDocument(conn.db, { meta, body, published: false }, { userId: null })).ok).toBe(true);
    await Promise.all(syncs.map((s) => s.refresh()));
    expect(builds).toBe(1);
    expect(getCorpus().documents.some((d) => d.id === meta.id)).toBe(false);
    expect(search(words).results.some((r) => r.id === meta.id)).toBe(false);
    expect((await getAssistantIndex()).chunksOf(meta.id)).toEqual([]);
    // It builds an index (~3 s alone; longer when the machine is busy).
  }, 60_000);
});
