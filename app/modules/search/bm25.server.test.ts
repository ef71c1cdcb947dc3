import fs from "node:fs";
import path from "node:path";
import MiniSearch from "minisearch";
import { loadCases } from "~/modules/assistant/eval-cases.server";
import { Bm25Index } from "./bm25.server";
import { buildLexicalIndex, tokenize } from "./index.server";
import { fieldBoosts } from "./lexical.server";
import { expandQuery } from "./segment.server";

/**
 * The BM25 engine replaced MiniSearch 7 (docs/benchmarks.md says why): it must rank exactly as MiniSearch did, on
 * the questions residents ask (the assistant's question sets) and on the search fixture's queries.
 */

const lexical = buildLexicalIndex();
const mini = new MiniSearch<Record<string, unknown>>({
  idField: "key",
  fields: Object.keys(fieldBoosts),
  storeFields: [],
  tokenize,
  processTerm: (term) => term,
  searchOptions: { tokenize: (text) => text.split(" ").filter(Boolean), processTerm: (term) => term },
});
mini.addAll(lexical.chunks as never);

function miniHits(query: string) {
  const expanded = expandQuery(query.slice(0, 500));
  if (!expanded.terms.length) return [];
  const added = new Set(expanded.addedTokens);
  const sub = new Set(expanded.subTerms);
  return mini
    .search(expanded.terms.join(" "), {
      boost: { ...fieldBoosts },
      boostTerm: (term) => (added.has(term) ? 0.6 : 1) * (sub.has(term) ? 0.3 : 1),
      prefix: (term) => /^[a-z]{5,}$/.test(term),
      combineWith: "OR",
    })
    .slice(0, 20);
}

const dir = path.resolve(__dirname, "../../../tests/fixtures");
const questions = [
  ...["tuning", "dev", "residents-dev"].flatMap((set) => loadCases(path.join(dir, "chat-eval", `${set}.jsonl`)).map((c) => c.q)),
  ...fs
    .readFileSync(path.join(dir, "search-queries.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { q: string }).q),
];

describe("BM25 over typed arrays", () => {
  it("ranks every question as MiniSearch 7 does, with the same scores and matched terms", () => {
    let compared = 0;
    for (const q of questions) {
      const ours = lexical.searchChunks(q, { limit: 20 });
      const theirs = miniHits(q);
      expect(ours.map((h) => h.key), q).toEqual(theirs.map((h) => h.id));
      ours.forEach((h, i) => {
        expect(h.score).toBeCloseTo(theirs[i].score, 9);
        expect([...h.terms].sort()).toEqual([...theirs[i].terms].sort());
      });
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
  });

  it("scores a prefix match below the word itself and multiplies by the number of query terms matched", () => {
    const index = new Bm25Index(
      [{ text: "wheelchair loan" }, { text: "wheelchairs" }, { text: "loan" }],
      [{ name: "text", boost: 1 }],
      (t) => t.split(" "),
    );
    const both = index.search([
      { term: "wheelchair", boost: 1, prefix: true },
      { term: "loan", boost: 1, prefix: false },
    ]);
    expect(both[0].id).toBe(0);
    expect(both).toHaveLength(3);
    const prefix = new Bm25Index([{ text: "wheelchairs" }, { text: "wheelchair" }], [{ name: "text", boost: 1 }], (t) => t.split(" "));
    expect(prefix.search([{ term: "wheelchair", boost: 1, prefix: true }]).map((h) => h.id)).toEqual([1, 0]);
    expect(index.matchedTerms(1, [{ term: "wheelchair", boost: 1, prefix: true }])).toEqual(["wheelchairs"]);
    expect(index.search([{ term: "loan", boost: 1, prefix: false }], { limit: 1, accept: (id) => id !== 0 }).map((h) => h.id)).toEqual([2]);
  });
});
