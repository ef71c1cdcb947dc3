import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentFiles, loadCorpus, splitFrontMatter } from "~/modules/content/corpus.server";
import {
  corpusVersion,
  exportKnowledge,
  getStoredDocument,
  importKnowledge,
  loadDatabaseCorpus,
  saveDocument,
} from "~/modules/content/documents.server";
import type { DocumentMeta } from "~/modules/content/schema";
import type { Connection } from "~/modules/db/index.server";
import { testNoticeMeta } from "../fixtures/test-notice";
import { createTestDb } from "../support/test-db";

/**
 * The policy corpus in the database (issue 16, item 1), on SQLite and on PostgreSQL: knowledge/ imported and exported
 * again is the same files byte for byte, the corpus the portal builds from the rows is the corpus of the files, and
 * a change made through the module reaches the files as that change alone.
 */
const knowledge = path.resolve("knowledge");
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "qy-knowledge-"));
const copyKnowledge = () => {
  const dir = tempDir();
  fs.cpSync(knowledge, dir, { recursive: true });
  return dir;
};
const files = (dir: string) => Object.fromEntries(documentFiles(dir).map((rel) => [rel, fs.readFileSync(path.join(dir, rel), "utf8")]));
const metaOf = (text: string) => splitFrontMatter(text).data as DocumentMeta;

describe("documents in the database", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
  });
  afterAll(async () => conn.db.destroy());

  it("imports every document of knowledge/, once", async () => {
    const report = await importKnowledge(conn.db, knowledge);
    expect(report.errors).toEqual([]);
    expect(report.added).toHaveLength(documentFiles(knowledge).length);
    expect(report.corpusVersion).toBe(1);
    const again = await importKnowledge(conn.db, knowledge);
    expect(again).toMatchObject({ unchanged: true, added: [], updated: [], corpusVersion: 1 });
  });

  it("round-trips without loss: import → export gives the files of knowledge/ byte for byte", async () => {
    const out = tempDir();
    const report = await exportKnowledge(conn.db, out);
    expect(report.removed).toEqual([]);
    expect(files(out)).toEqual(files(knowledge));
    // Exporting over the seed itself changes nothing.
    const seed = copyKnowledge();
    expect((await exportKnowledge(conn.db, seed)).written).toEqual([]);
  });

  it("builds the same corpus from the rows as from the files: the same documents, hashes and order", async () => {
    const fromFiles = loadCorpus(knowledge);
    const fromDb = await loadDatabaseCorpus(conn.db, knowledge);
    expect(fromDb.errors).toEqual([]);
    expect(fromDb.documents.map((d) => d.path)).toEqual(fromFiles.documents.map((d) => d.path));
    expect(fromDb.documents).toEqual(fromFiles.documents);
  });

  it("a change through the module is a new version, raises the corpus version and reaches the file as that change alone", async () => {
    const before = (await getStoredDocument(conn.db, "living-allowance-guide"))!;
    const meta = { ...before.meta, summary: `${before.meta.summary}（已更新）`, reviewed: "2026-12-01" };
    const saved = await saveDocument(conn.db, { meta, body: before.body, expectedRevision: before.revision }, { userId: null });
    expect(saved).toMatchObject({ ok: true, revision: before.revision + 1, corpusVersion: 2 });
    expect(await corpusVersion(conn.db)).toBe(2);
    const versions = await conn.db.selectFrom("content_document_versions").selectAll().where("document_id", "=", "living-allowance-guide").orderBy("revision").execute();
    expect(versions.map((v) => v.origin)).toEqual(["seed", "staff"]);

    const out = tempDir();
    const report = await exportKnowledge(conn.db, out);
    expect(report.written.filter((p) => p.includes("living-allowance"))).toEqual(["guides/living-allowance-guide.md"]);
    const original = fs.readFileSync(path.join(knowledge, "guides/living-allowance-guide.md"), "utf8").split("\n");
    const exported = fs.readFileSync(path.join(out, "guides/living-allowance-guide.md"), "utf8").split("\n");
    const changedLines = exported.map((line, i) => (line === original[i] ? null : line)).filter(Boolean);
    expect(exported).toHaveLength(original.length);
    expect(changedLines).toEqual([`reviewed: 2026-12-01`, `summary: ${meta.summary}`]);
    // Every other document is exported unchanged.
    const { "guides/living-allowance-guide.md": _changed, ...rest } = files(out);
    const { "guides/living-allowance-guide.md": _original, ...seedRest } = files(knowledge);
    expect(rest).toEqual(seedRest);
  });

  it("refuses a document that breaks a rule of the files, and a save over a newer revision", async () => {
    const doc = (await getStoredDocument(conn.db, "nursing-allowance-guide"))!;
    const bad = await saveDocument(conn.db, { meta: { ...doc.meta, reviewed: "2026-13-01", topics: [] }, body: doc.body }, { userId: null });
    expect(bad.ok).toBe(false);
    expect(bad.ok === false && bad.reason === "invalid" && bad.errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^reviewed: /), expect.stringMatching(/^topics: /)]),
    );
    const anchor = await saveDocument(conn.db, { meta: { ...doc.meta, questions: { "s-99": { zh: ["问"], en: [] } } }, body: doc.body }, { userId: null });
    expect(anchor.ok === false && anchor.reason === "invalid" && anchor.errors[0]?.rule).toBe("questions");
    const stale = await saveDocument(conn.db, { meta: doc.meta, body: doc.body, expectedRevision: doc.revision - 1 }, { userId: null });
    expect(stale).toEqual({ ok: false, reason: "conflict", currentRevision: doc.revision });
    expect(await corpusVersion(conn.db)).toBe(2);
  });

  it("a document made in the console (no file yet) is exported as a valid file that imports back to the same fields", async () => {
    const meta = testNoticeMeta("roundtrip-test-notice", { related: ["contact-federation"] });
    const body = "## 一、内容\n\n通知的内容。\n";
    expect((await saveDocument(conn.db, { meta, body }, { userId: null })).ok).toBe(true);
    const out = tempDir();
    await exportKnowledge(conn.db, out);
    const text = fs.readFileSync(path.join(out, "notices/roundtrip-test-notice.md"), "utf8");
    expect(text).toContain("related: [contact-federation]\n");
    expect(metaOf(text)).toEqual(meta);
    expect(text.endsWith(`---\n${body}`)).toBe(true);

    const fresh = await createTestDb();
    try {
      expect((await importKnowledge(fresh.db, out)).errors).toEqual([]);
      expect((await getStoredDocument(fresh.db, meta.id))?.meta).toEqual(meta);
      const again = tempDir();
      await exportKnowledge(fresh.db, again);
      expect(files(again)).toEqual(files(out));
    } finally {
      await fresh.db.destroy();
    }
  });

  it("a start after knowledge/ changed imports the change; a document edited in the console since keeps the console's text", async () => {
    const seed = copyKnowledge();
    const edit = (rel: string, from: RegExp, to: string) => {
      const file = path.join(seed, rel);
      const text = fs.readFileSync(file, "utf8");
      expect(text).toMatch(from);
      fs.writeFileSync(file, text.replace(from, to));
    };
    // (Whatever date the guide was last reviewed on.)
    const reviewedLine = /^reviewed: \d{4}-\d{2}-\d{2}$/m;
    edit("guides/nursing-allowance-guide.md", reviewedLine, "reviewed: 2026-11-30");
    // Edited in the console by the test above: the seed's change to it is not imported over it.
    edit("guides/living-allowance-guide.md", reviewedLine, "reviewed: 2026-11-29");
    fs.rmSync(path.join(seed, "faq/blind-bus-faq.md"));
    const version = await corpusVersion(conn.db);
    const report = await importKnowledge(conn.db, seed);
    expect(report).toMatchObject({ unchanged: false, updated: ["nursing-allowance-guide"], kept: ["living-allowance-guide"], withdrawn: ["blind-bus-faq"], errors: [] });
    expect(report.corpusVersion).toBe(version + 1);
    expect((await getStoredDocument(conn.db, "nursing-allowance-guide"))?.meta.reviewed).toBe("2026-11-30");
    expect((await getStoredDocument(conn.db, "living-allowance-guide"))?.meta.reviewed).toBe("2026-12-01");
    const corpus = await loadDatabaseCorpus(conn.db, seed);
    expect(corpus.documents.some((d) => d.id === "blind-bus-faq")).toBe(false);
    expect(corpus.documents.some((d) => d.id === "roundtrip-test-notice")).toBe(true);

    // The export removes the file of a document no longer published, never one the database does not know.
    const out = copyKnowledge();
    fs.writeFileSync(path.join(out, "faq/work-in-progress.md"), "---\nid: work-in-progress\n---\n");
    const exported = await exportKnowledge(conn.db, out);
    expect(exported.removed).toEqual(["faq/blind-bus-faq.md"]);
    expect(fs.existsSync(path.join(out, "faq/work-in-progress.md"))).toBe(true);
  });
});
