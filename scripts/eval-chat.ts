// `npm run eval:chat`: grades the question sets in tests/fixtures/chat-eval/ (the tuning part, the held-out part
// and the repository's copies of the development sets) through the assistant module — the same code path as
// POST /api/v1/chat — and prints retrieval recall@5, the pass rate, latency and the confidence calibration.
// Exits non-zero when any set passes fewer than 95% of its cases.
import fs from "node:fs";
import path from "node:path";
import { ensureAssistantIndex } from "../app/modules/assistant/vector-index.server";
import { formatSummary, loadCases, runEval } from "../app/modules/assistant/evaluate.server";

const target = 0.95;
const sets = ["tuning", "held-out", "dev", "residents-dev"].map((name) => ({
  name: `${name} (tests/fixtures/chat-eval/${name}.jsonl)`,
  file: path.resolve("tests/fixtures/chat-eval", `${name}.jsonl`),
}));

const { index, dir } = await ensureAssistantIndex();
console.log(`index: ${index.manifest.documents} documents, ${index.manifest.chunks} chunks, ${index.manifest.dimensions} dimensions (${index.source === "disk" ? "loaded from" : "built into"} ${path.relative(process.cwd(), dir)})`);
let failed = false;
for (const set of sets) {
  if (!fs.existsSync(set.file)) {
    console.log(`${set.name}: file not found, skipped`);
    continue;
  }
  const summary = await runEval(set.name, loadCases(set.file), index);
  console.log(formatSummary(summary));
  if (summary.passRate < target) failed = true;
}
if (failed) {
  console.error(`✗ below the ${target * 100}% target`);
  process.exit(1);
}
console.log(`✓ every set at or above ${target * 100}%`);
