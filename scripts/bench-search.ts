// `npm run bench:search`: query latency (p50/p95) and index build time of the lexical search, on the real
// corpus and on a synthetic corpus 100× larger. A measurement, not a test.
import fs from "node:fs";
import path from "node:path";
import { loadCorpus, type PolicyDocument } from "../app/modules/content/corpus.server";
import { LexicalIndex } from "../app/modules/search/lexical.server";
import { warmSegmenter } from "../app/modules/search/segment.server";

const factor = Number(process.env.BENCH_FACTOR ?? 100);
const targetQueries = Number(process.env.BENCH_QUERIES ?? 1000);

const queries: string[] = fs
  .readFileSync(path.resolve("tests/fixtures/search-queries.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { q: string }).q);
const workload = Array.from({ length: Math.ceil(targetQueries / queries.length) }, () => queries).flat().slice(0, targetQueries);

// Word swaps and place names that make each copy's vocabulary and term statistics differ.
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

function synthetic(documents: PolicyDocument[], times: number): PolicyDocument[] {
  const out: PolicyDocument[] = [];
  for (let copy = 0; copy < times; copy++) {
    for (const doc of documents) {
      out.push({
        ...doc,
        id: `${doc.id}-copy-${copy}`,
        title: copy ? vary(doc.title, copy).split("\n")[0] : doc.title,
        summary: vary(doc.summary, copy),
        sections: doc.sections.map((s) => ({ ...s, text: vary(s.text, copy) })),
      });
    }
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Row {
  corpus: string;
  documents: number;
  chunks: number;
  buildMs: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
  heapMb: number;
}

function measure(name: string, documents: PolicyDocument[]): Row {
  const index = new LexicalIndex(documents);
  for (const q of queries) index.search(q); // warm-up
  const times: number[] = [];
  for (const q of workload) {
    const t = performance.now();
    index.search(q, { limit: 10 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    corpus: name,
    documents: index.info.documents,
    chunks: index.info.chunks,
    buildMs: index.info.buildMs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    max: times[times.length - 1],
    heapMb: process.memoryUsage().heapUsed / 2 ** 20,
  };
}

let t = performance.now();
const corpus = loadCorpus(path.resolve("knowledge"));
const loadMs = performance.now() - t;
t = performance.now();
warmSegmenter();
const jiebaMs = performance.now() - t;

const rows = [measure("real", corpus.documents), measure(`synthetic ×${factor}`, synthetic(corpus.documents, factor))];

const f = (n: number, d = 1) => n.toFixed(d);
console.log(`lexical search benchmark: ${workload.length} queries (${queries.length} fixture queries repeated), limit 10, with snippets`);
console.log(`corpus load + render ${f(loadMs, 0)} ms; jieba dictionary + glossary ${f(jiebaMs, 0)} ms (once per process)\n`);
console.log("| corpus | documents | chunks | index build ms | p50 ms | p95 ms | mean ms | max ms | heap MB |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(
    `| ${r.corpus} | ${r.documents} | ${r.chunks} | ${f(r.buildMs, 0)} | ${f(r.p50, 2)} | ${f(r.p95, 2)} | ${f(r.mean, 2)} | ${f(r.max, 1)} | ${f(r.heapMb, 0)} |`,
  );
}
