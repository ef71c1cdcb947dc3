// `npm run bench:chat`: the assistant's figures — index build and load time, p50/p95 answer latency over 500
// questions (extractive mode, through askAssistant), memory, and hybrid-retrieval p95 over a synthetic corpus of
// ~100,000 chunks built in memory from the real one. A measurement, not a test. Target: answer p95 ≤ 50 ms.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { askAssistant } from "../app/modules/assistant/assistant.server";
import type { LsaModel } from "../app/modules/assistant/embeddings.server";
import { loadCases } from "../app/modules/assistant/evaluate.server";
import { retrieve } from "../app/modules/assistant/retrieve.server";
import { buildAssistantIndex, ensureAssistantIndex, loadAssistantIndex, saveAssistantIndex } from "../app/modules/assistant/vector-index.server";
import { getCorpus, type Corpus, type PolicyDocument } from "../app/modules/content/corpus.server";
import { warmSegmenter } from "../app/modules/search/segment.server";

const answers = Number(process.env.BENCH_QUESTIONS ?? 500);
const syntheticTarget = Number(process.env.BENCH_CHUNKS ?? 100_000);
const retrievalQueries = Number(process.env.BENCH_RETRIEVALS ?? 200);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const questions = ["tuning", "dev", "residents-dev"]
  .map((name) => path.resolve("tests/fixtures/chat-eval", `${name}.jsonl`))
  .filter((f) => fs.existsSync(f))
  .flatMap((f) => loadCases(f))
  .map((c) => ({ q: c.q, locale: c.locale ?? ("zh-CN" as const) }));

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, node ${process.version}`);
warmSegmenter();

// 1. Index build (in memory) and load from disk.
const corpus = getCorpus();
let started = performance.now();
const built = await buildAssistantIndex(corpus, { embeddings: "local" });
const buildMs = performance.now() - started;
const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-index-")), built.manifest.hash);
await saveAssistantIndex(built, tmp);
started = performance.now();
await loadAssistantIndex(tmp, corpus);
const loadMs = performance.now() - started;
fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
console.log(
  `index: ${built.manifest.documents} documents, ${built.manifest.chunks} chunks, ${built.manifest.dimensions} dims — build ${buildMs.toFixed(0)} ms, load from disk ${loadMs.toFixed(0)} ms`,
);

// 2. Answer latency over 500 questions (the API's code path, without the database write).
const { index } = await ensureAssistantIndex();
for (const { q, locale } of questions.slice(0, 20)) await askAssistant({ question: q, locale }, { index, chatModel: null }); // warm-up
const times: number[] = [];
for (let i = 0; i < answers; i++) {
  const { q, locale } = questions[i % questions.length];
  const t0 = performance.now();
  await askAssistant({ question: q, locale }, { index, chatModel: null });
  times.push(performance.now() - t0);
}
const memory = process.memoryUsage();
console.log(
  `answers (extractive, ${answers} questions): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ` +
    `max ${Math.max(...times).toFixed(1)} ms — ${percentile(times, 95) <= 50 ? "✓" : "✗"} target p95 ≤ 50 ms; ` +
    `memory rss ${mb(memory.rss)}, heap ${mb(memory.heapUsed)}`,
);

// 3. Retrieval over a synthetic ~100k-chunk corpus: copies of the real documents with word swaps and place
// names, so each copy's statistics differ; embeddings with the model fitted on the real corpus.
const swaps: [string, string][] = [
  ["补贴", "补助"], ["申请", "办理"], ["残疾人", "残障人士"], ["康复", "复健"], ["培训", "训练"],
  ["无障碍", "便利"], ["学校", "学堂"], ["政府", "部门"], ["服务", "帮扶"], ["就业", "工作"],
];
const places = ["清城区", "清新区", "英德市", "连州市", "佛冈县", "阳山县", "连山县", "连南县"];
function vary(text: string, copy: number): string {
  let out = text;
  swaps.forEach(([a, b], bit) => {
    if (copy & (1 << bit)) out = out.split(a).join(b);
  });
  return `${out}\n${places[copy % places.length]}第${copy}号样本`;
}
const perCopy = corpus.documents.reduce((n, d) => n + d.sections.length + 1, 0);
const copies = Math.ceil(syntheticTarget / perCopy);
const documents: PolicyDocument[] = [];
for (let copy = 0; copy < copies; copy++) {
  for (const doc of corpus.documents) {
    documents.push({
      ...doc,
      id: copy ? `${doc.id}-copy-${copy}` : doc.id,
      url: copy ? `/policies/${doc.id}-copy-${copy}` : doc.url,
      summary: copy ? vary(doc.summary, copy) : doc.summary,
      sections: doc.sections.map((s) => ({ ...s, text: copy ? vary(s.text, copy) : s.text })),
    });
  }
}
const synthetic: Corpus = { dir: corpus.dir, documents, errors: [] };
console.log(`synthetic corpus: ${documents.length} documents, ${documents.length ? copies * perCopy : 0} chunks — building (BM25, embeddings, HNSW)…`);
started = performance.now();
const progress = setInterval(() => console.log(`  … ${((performance.now() - started) / 1000).toFixed(0)} s, rss ${mb(process.memoryUsage().rss)}`), 15_000);
const model = (index.embeddings as unknown as { model: LsaModel }).model;
const big = await buildAssistantIndex(synthetic, { embeddings: "local", model, hash: "synthetic" });
clearInterval(progress);
const bigBuild = performance.now() - started;
console.log(`  built in ${(bigBuild / 1000).toFixed(1)} s, rss ${mb(process.memoryUsage().rss)}`);
started = performance.now();
await retrieve(big, "残疾人证怎么办理"); // the first query also computes the term statistics
console.log(`  first query (term statistics) ${(performance.now() - started).toFixed(0)} ms`);
// Where the time goes: the BM25 pass and the vector search on their own.
const lexicalTimes: number[] = [];
const vectorTimes: number[] = [];
for (let i = 0; i < 50; i++) {
  const { q } = questions[i % questions.length];
  let t0 = performance.now();
  big.lexical.searchChunks(q, { limit: 200 });
  lexicalTimes.push(performance.now() - t0);
  const v = await big.embeddings.embedQuery(q);
  t0 = performance.now();
  await big.store.similaritySearchVectorWithScore(v, 40);
  vectorTimes.push(performance.now() - t0);
}
console.log(
  `  parts (50 queries): BM25 p50 ${percentile(lexicalTimes, 50).toFixed(1)} ms, p95 ${percentile(lexicalTimes, 95).toFixed(1)} ms; ` +
    `HNSW k=40 p50 ${percentile(vectorTimes, 50).toFixed(2)} ms, p95 ${percentile(vectorTimes, 95).toFixed(2)} ms`,
);
const retrievalTimes: number[] = [];
for (let i = 0; i < retrievalQueries; i++) {
  const { q } = questions[i % questions.length];
  const t0 = performance.now();
  await retrieve(big, q, { limit: 12 });
  retrievalTimes.push(performance.now() - t0);
}
console.log(
  `retrieval over ${big.chunks.length} chunks (${retrievalQueries} queries): p50 ${percentile(retrievalTimes, 50).toFixed(1)} ms, ` +
    `p95 ${percentile(retrievalTimes, 95).toFixed(1)} ms; memory rss ${mb(process.memoryUsage().rss)}`,
);
