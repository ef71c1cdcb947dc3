import { caseCategories } from "./eval-cases.server";
import type { EvalSummary, Precision, Tally } from "./evaluate.server";

/**
 * The evaluation's printout (`npm run eval:chat`, the test's log): one summary line a set, its calibration,
 * a per-category table, the failing cases (unless hidden: the held-out part's questions are never printed for
 * the engineers who tune), and the ablation table (pass rate and recall@5 per category for each retrieval mode).
 */

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ratio = (n: number, d: number) => (d ? `${pct(n / d)} (${n}/${d})` : "–");
const precision = (p: Precision) => ratio(p.correct, p.given);
const cell = (n: number, d: number) => (d ? pct(n / d) : "–");

export interface FormatOptions {
  /** List the failing cases with their questions (default true; false for the held-out part). */
  failures?: boolean;
}

export function formatSummary(s: EvalSummary, options: FormatOptions = {}): string {
  const lines = [
    `${s.name}${s.retrievalMode === "hybrid" ? "" : ` [${s.retrievalMode}]`}: pass ${ratio(s.passed, s.total)}, recall@5 ${ratio(s.recalled, s.recallCases)}, ` +
      `answer precision ${precision(s.answerPrecision)}, refusal precision ${precision(s.refusalPrecision)}, ` +
      `invented facts ${s.inventions}, personal numbers echoed ${s.echoes}, latency p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`,
    `  calibration: lowest answerable confidence ${s.calibration.answerMin?.toFixed(3) ?? "–"}, ` +
      `highest raw confidence of an off-corpus refusal ${s.calibration.offCorpusMax?.toFixed(3) ?? "–"} ` +
      `(${s.calibration.offCorpusBelow[0]}/${s.calibration.offCorpusBelow[1]} below the threshold without the guards), ` +
      `answerable below the threshold ${s.calibration.answerBelow[0]}/${s.calibration.answerBelow[1]}, threshold ${s.calibration.threshold}` +
      (s.calibration.midpoint === null ? " (this set's scores overlap)" : ` (midpoint of this set ${s.calibration.midpoint.toFixed(3)})`),
    `  ${"category".padEnd(12)} ${"cases".padStart(5)}  ${"pass".padStart(6)}  ${"recall@5".padStart(8)}`,
    ...caseCategories
      .filter((c) => s.byCategory[c])
      .map((c) => {
        const t = s.byCategory[c] as Tally;
        return `  ${c.padEnd(12)} ${String(t.total).padStart(5)}  ${cell(t.passed, t.total).padStart(6)}  ${cell(t.recalled, t.recallCases).padStart(8)}`;
      }),
  ];
  const failing = s.results.filter((r) => !r.pass);
  if (options.failures ?? true) {
    for (const r of failing) lines.push(`  ✗ ${r.id} [${r.category}] ${r.q} → ${r.status}: ${r.why.join("; ")}`);
  } else if (failing.length) {
    lines.push(`  (${failing.length} failing case(s) not listed: this part is measured, never tuned on)`);
  }
  return lines.join("\n");
}

/** Pass rate and recall@5 per category, one column pair per retrieval mode (the summaries of one set). */
export function formatAblation(title: string, summaries: EvalSummary[]): string {
  const width = 17;
  const head = `  ${"".padEnd(18)}` + summaries.map((s) => s.retrievalMode.padEnd(width)).join("").trimEnd();
  const sub = `  ${"".padEnd(18)}` + summaries.map(() => `${"pass".padEnd(8)}${"rec@5".padEnd(width - 8)}`).join("").trimEnd();
  const row = (label: string, tally: (s: EvalSummary) => Tally | undefined) =>
    `  ${label.padEnd(18)}` +
    summaries
      .map((s) => {
        const t = tally(s);
        return t ? `${cell(t.passed, t.total).padEnd(8)}${cell(t.recalled, t.recallCases).padEnd(width - 8)}` : "".padEnd(width);
      })
      .join("").trimEnd();
  const first = summaries[0];
  const rows = caseCategories
    .filter((c) => first?.byCategory[c])
    .map((c) => row(`${c} (${first.byCategory[c]?.total})`, (s) => s.byCategory[c]));
  const all = (s: EvalSummary): Tally => ({
    total: s.total,
    passed: s.passed,
    recallCases: s.recallCases,
    recalled: s.recalled,
  });
  return [`ablation — ${title}`, head, sub, ...rows, row(`all (${first?.total ?? 0})`, all)].join("\n");
}
