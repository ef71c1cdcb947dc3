// `npm run eval:chat`: grades the question sets in tests/fixtures/chat-eval/ — the tuning part, the held-out
// part, the repository's copies of the development sets and the tuning backlog (not yet at the target) —
// through the assistant module (the same code path as POST /api/v1/chat) and prints, per set: pass rate, recall@5, answer and refusal precision, invented facts,
// echoed personal numbers, latency, the confidence calibration, a per-category table, the follow-ups asked
// with and without their earlier turns, and the ablation (BM25
// only, vectors only, hybrid: pass rate and recall@5 per category). Exits non-zero when any set passes fewer
// than 95% of its cases (hybrid).
//
//   npm run eval:chat                      everything
//   npm run eval:chat -- --set tuning      one set (repeatable)
//   npm run eval:chat -- --no-ablation     hybrid only
//   npm run eval:chat -- --show-held-out   also list the held-out part's failing questions (the evaluator only:
//                                          the held-out part is measured, never tuned on)
// EMBEDDINGS=ollama:<model> / openai:<model> measures that embedding model with the same harness.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadCases } from "../app/modules/assistant/eval-cases.server";
import { formatAblation, formatSummary } from "../app/modules/assistant/eval-report";
import { runEval, type EvalSummary } from "../app/modules/assistant/evaluate.server";
import { retrievalModes } from "../app/modules/assistant/retrieve.server";
import { ensureAssistantIndex } from "../app/modules/assistant/vector-index.server";

const target = 0.95;
const allSets = ["tuning", "held-out", "dev", "residents-dev", "tuning-backlog"];
/**
 * tuning-backlog.jsonl, when there is one: the tuning part's newest cases while they do not pass yet (written
 * blind, split at random, their held-out share already in held-out.jsonl): measured and listed, not held to the
 * target, moved into tuning.jsonl once the tuning part with them passes 95%.
 */
const ungated = new Set(["tuning-backlog"]);
const { values } = parseArgs({
  options: {
    set: { type: "string", multiple: true },
    "no-ablation": { type: "boolean", default: false },
    "show-held-out": { type: "boolean", default: false },
  },
});
const chosen = values.set?.length ? values.set : allSets;
const unknown = chosen.filter((s) => !allSets.includes(s));
if (unknown.length) {
  console.error(`unknown set(s): ${unknown.join(", ")} (sets: ${allSets.join(", ")})`);
  process.exit(2);
}

const { index, dir } = await ensureAssistantIndex();
console.log(
  `index: ${index.manifest.documents} documents, ${index.manifest.chunks} chunks, ${index.manifest.dimensions} dimensions, embeddings ${index.manifest.embeddings} ` +
    `(${index.source === "disk" ? "loaded from" : "built into"} ${path.relative(process.cwd(), dir)})`,
);
let failed = false;
const ablations: Array<[string, EvalSummary[]]> = [];
for (const name of chosen) {
  const file = path.resolve("tests/fixtures/chat-eval", `${name}.jsonl`);
  if (!fs.existsSync(file)) {
    console.log(`${name}: ${path.relative(process.cwd(), file)} not found, skipped`);
    continue;
  }
  const cases = loadCases(file);
  const hybrid = await runEval(name, cases, index);
  const hidden = name === "held-out" && !values["show-held-out"];
  console.log(formatSummary(hybrid, { failures: !hidden }));
  if (hybrid.passRate < target && !ungated.has(name)) failed = true;
  // The control for follow-ups: the same questions without their earlier turns (what the history adds).
  const followups = cases.filter((c) => c.history?.length);
  if (followups.length) {
    const alone = await runEval(name, followups.map(({ history: _history, ...c }) => c), index);
    const withHistory = hybrid.results.filter((r) => followups.some((c) => c.id === r.id)).filter((r) => r.pass).length;
    console.log(`  follow-ups: ${withHistory}/${followups.length} pass after their earlier turns, ${alone.passed}/${followups.length} asked alone`);
  }
  if (!values["no-ablation"]) {
    const others: EvalSummary[] = [];
    for (const mode of retrievalModes.filter((m) => m !== "hybrid")) others.push(await runEval(name, cases, index, { retrievalMode: mode }));
    ablations.push([name, [...others, hybrid]]);
  }
}
for (const [name, summaries] of ablations) console.log(`\n${formatAblation(name, summaries)}`);
if (failed) {
  console.error(`\n✗ below the ${target * 100}% target`);
  process.exit(1);
}
console.log(`\n✓ every set at or above ${target * 100}%`);
