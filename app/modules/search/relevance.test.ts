import fs from "node:fs";
import path from "node:path";
import { getLexicalIndex, search } from "./lexical.server";

/**
 * Relevance over tests/fixtures/search-queries.jsonl: a query hits when one of its expected documents is
 * in the top 3. The bar is 95%.
 */
interface Case {
  q: string;
  expect: string[];
}

const cases: Case[] = fs
  .readFileSync(path.resolve("tests/fixtures/search-queries.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Case);

describe("search relevance", () => {
  // The index is built before the queries are timed: built inside the first one, it can pass the test's 5 s on a
  // loaded machine.
  beforeAll(() => {
    getLexicalIndex();
  }, 60_000);

  it("puts an expected document in the top 3 for at least 95% of the fixture queries", () => {
    const misses: string[] = [];
    let first = 0;
    for (const c of cases) {
      const top = search(c.q, { limit: 3, snippets: 0 }).results.map((r) => r.id);
      if (c.expect.includes(top[0])) first++;
      if (!top.some((id) => c.expect.includes(id))) misses.push(`  ${c.q} → expected ${c.expect.join(" | ")}, got ${top.join(", ") || "nothing"}`);
    }
    const hitRate = (cases.length - misses.length) / cases.length;
    console.log(
      `search relevance: top-3 hit rate ${(hitRate * 100).toFixed(1)}% (${cases.length - misses.length}/${cases.length}), ` +
        `top-1 ${((first / cases.length) * 100).toFixed(1)}%` +
        (misses.length ? `\nmisses:\n${misses.join("\n")}` : ""),
    );
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(hitRate).toBeGreaterThanOrEqual(0.95);
  });
});
