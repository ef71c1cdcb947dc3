import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getCorpus } from "~/modules/content/corpus.server";
import { LsaModel } from "./embeddings.server";
import { corpusHash } from "./index-hash.mjs";
import { retrieve } from "./retrieve.server";
import { buildAssistantIndex, ensureAssistantIndex, loadAssistantIndex, saveAssistantIndex, type AssistantIndex } from "./vector-index.server";

let index: AssistantIndex;
beforeAll(async () => {
  index = (await ensureAssistantIndex()).index;
}, 60_000);

describe("chunks", () => {
  it("has one chunk per document overview and per section, each with its citation and URL", () => {
    const corpus = getCorpus();
    expect(index.chunks.length).toBe(corpus.documents.reduce((n, d) => n + d.sections.length + 1, 0));
    const art = index.chunkAt("disability-protection-law", "art-50");
    expect(art).toMatchObject({ docType: "regulation", citation: "第五十条", url: "/policies/disability-protection-law#art-50" });
    expect(index.chunkAt("living-allowance-guide", null)?.url).toBe("/policies/living-allowance-guide");
  });

  it("chunks the seed report's plain full text by its numbering, keeping the heading path", () => {
    const sections = index.chunks.filter((c) => c.docId === "cdpf-rectification-report-2025-fulltext" && c.anchor);
    expect(sections.length).toBeGreaterThan(10);
    const item = sections.find((c) => c.anchor === "s-2-1-1");
    expect(item?.headingPath.length).toBe(3);
    expect(item?.headingPath[2]).toContain("推动出台《清远市扶助残疾人实施办法》");
    expect(item?.url).toBe("/policies/cdpf-rectification-report-2025-fulltext#s-2-1-1");
    expect(sections.find((c) => c.anchor === "s-2-2-12")?.text).toContain("编藤");
  });
});

describe("local embeddings", () => {
  it("are deterministic, normalised and put related texts closer than unrelated ones", () => {
    const texts = index.chunks.slice(0, 60).map((c) => c.text);
    const a = LsaModel.fit(texts, 24);
    const b = LsaModel.fit(texts, 24);
    expect(Array.from(a.embed("残疾人证怎么办理"))).toEqual(Array.from(b.embed("残疾人证怎么办理")));
    const model = index.embeddings as unknown as { model: LsaModel };
    const v = (t: string) => Array.from(model.model.embed(t));
    const cos = (x: number[], y: number[]) => x.reduce((s, xi, i) => s + xi * y[i], 0);
    const q = v("重度残疾人护理补贴给谁");
    expect(cos(q, q)).toBeCloseTo(1);
    expect(cos(q, v("护理补贴的对象是一级、二级重度残疾人"))).toBeGreaterThan(cos(q, v("无障碍电影口述影像")));
    expect(v("zzzz qqqq").every((x) => x === 0)).toBe(true);
  });

  it("round-trip through JSON", () => {
    const model = (index.embeddings as unknown as { model: LsaModel }).model;
    const copy = LsaModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(Array.from(copy.embed("低保家庭"))).toEqual(Array.from(model.embed("低保家庭")));
  });
});

describe("the saved index", () => {
  it("is named by a hash of the corpus files, the code version and the embeddings setting", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hash-"));
    fs.writeFileSync(path.join(dir, "glossary.yaml"), "terms: []\n");
    const before = corpusHash(dir, "local");
    expect(corpusHash(dir, "local")).toBe(before);
    expect(corpusHash(dir, "ollama:x")).not.toBe(before);
    fs.writeFileSync(path.join(dir, "glossary.yaml"), "terms: [] # changed\n");
    expect(corpusHash(dir, "local")).not.toBe(before);
  });

  it("saves and loads back with the same answers", async () => {
    const built = await buildAssistantIndex(getCorpus(), { embeddings: "local" });
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "index-")), built.manifest.hash);
    await saveAssistantIndex(built, dir);
    expect(fs.existsSync(path.join(dir, "hnswlib.index"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "model.json"))).toBe(true);
    const loaded = await loadAssistantIndex(dir);
    expect(loaded?.source).toBe("disk");
    const q = "重度残疾人护理补贴要求残疾等级是几级？";
    const [x, y] = await Promise.all([retrieve(built, q), retrieve(loaded as AssistantIndex, q)]);
    expect(y.hits.map((h) => h.chunk.key)).toEqual(x.hits.map((h) => h.chunk.key));
    expect(await loadAssistantIndex(path.join(dir, "missing"))).toBeNull();
  }, 60_000);
});

describe("hybrid retrieval", () => {
  it("fuses lexical and vector ranks and finds the article a question is about", async () => {
    const r = await retrieve(index, "盲人坐公交车要钱吗？");
    expect(r.hits[0].chunk.docId).toBe("blind-bus-faq");
    expect(r.hits.some((h) => h.lexicalRank !== null && h.vectorRank !== null)).toBe(true);
    expect(r.confidence).toBeGreaterThan(0.33);
  });

  it("ranks with one channel alone when asked (the ablation's modes)", async () => {
    const q = "盲人坐公交车要钱吗？";
    const bm25 = await retrieve(index, q, { retrievalMode: "bm25" });
    expect(bm25.hits.length).toBeGreaterThan(0);
    expect(bm25.hits.every((h) => h.vectorRank === null)).toBe(true);
    const vector = await retrieve(index, q, { retrievalMode: "vector" });
    expect(vector.hits.length).toBeGreaterThan(0);
    expect(vector.hits.every((h) => h.lexicalRank === null)).toBe(true);
    // The coverage judges the words the chunks contain, whichever channel found them.
    expect(vector.confidence).toBeGreaterThan(0.33);
  });

  it("maps English words to the corpus through the glossary", async () => {
    const r = await retrieve(index, "Can I borrow a wheelchair from the Federation?");
    expect(r.hits.slice(0, 3).map((h) => h.chunk.docId)).toContain("assistive-devices-guide");
  });

  it("gives off-corpus questions a confidence below the threshold", async () => {
    for (const q of ["红烧肉怎么做？", "谁会赢得下一届世界杯？", "推荐几只明天会涨的股票"]) {
      expect((await retrieve(index, q)).confidence, q).toBeLessThan(0.33);
    }
  });
});
