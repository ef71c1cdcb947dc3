import path from "node:path";
import { formatSummary, loadCases, runEval } from "~/modules/assistant/evaluate.server";
import { ensureAssistantIndex, type AssistantIndex } from "~/modules/assistant/vector-index.server";

/**
 * The question sets, graded as `npm run eval:chat` grades them (through askAssistant, the API's code path):
 * at least 95% on the tuning part and on the repository's copy of the development set.
 */
const fixture = (name: string) => path.resolve("tests/fixtures/chat-eval", `${name}.jsonl`);

let index: AssistantIndex;
beforeAll(async () => {
  index = (await ensureAssistantIndex()).index;
}, 120_000);

describe("assistant question sets", () => {
  it("passes at least 95% of the tuning part (≥ 80 cases, with refusals and personal data)", async () => {
    const cases = loadCases(fixture("tuning"));
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(cases.filter((c) => c.expect === "refuse").length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => c.must_not?.length).length).toBeGreaterThanOrEqual(10);
    const summary = await runEval("tuning", cases, index);
    console.log(formatSummary(summary));
    expect(summary.passRate).toBeGreaterThanOrEqual(0.95);
    // Personal numbers are never echoed, whatever the expectation.
    expect(summary.results.filter((r) => r.why.some((w) => w.startsWith("contains forbidden")))).toEqual([]);
  }, 120_000);

  it("passes at least 95% of the development set", async () => {
    const summary = await runEval("dev", loadCases(fixture("dev")), index);
    console.log(formatSummary(summary));
    expect(summary.passRate).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
