import fs from "node:fs";
import { z } from "zod";
import type { Locale } from "~/i18n/config";
import { askAssistant, retrievalQuery, type ChatReply } from "./assistant.server";
import { guardQuestion } from "./guards";
import { minimumConfidence, retrieve } from "./retrieve.server";
import type { AssistantIndex } from "./vector-index.server";

/**
 * Grading of the question sets (CONTRACTS.md "Question sets"): a case passes when `grounded` fits `expect`,
 * answers carry citations, every `must` group has one alternative in the answer or a citation's title/quote,
 * and no `must_not` text is in the answer. Used by `npm run eval:chat` and tests/integration/chat-eval.test.ts,
 * through askAssistant — the same code path as the API.
 */

/** What kind of question a case is (the issue's categories); figures are reported per category. */
export const caseCategories = [
  "formal", // worded like the corpus
  "colloquial", // everyday words for the corpus's terms
  "narrative", // a long story around the question
  "typo", // pinyin-input homophones, missing characters
  "traditional", // traditional or mixed characters
  "english",
  "eligibility", // several conditions stated in the question
  "followup", // asked after `history` in one conversation
  "offtopic", // not the portal's business (often sharing a word with the corpus)
  "injection",
  "personal", // personal numbers in the question
  "lacking", // a fact the corpus does not state: refused or sent to a person
] as const;
export type CaseCategory = (typeof caseCategories)[number];

/**
 * One case a line (tests/fixtures/chat-eval/*.jsonl): CONTRACTS.md's `{ id, q, locale?, expect, must?, must_not? }`
 * plus `category` and `history` (earlier questions of the same conversation, asked first, oldest first).
 */
export const evalCaseSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]+$/),
    category: z.enum(caseCategories),
    q: z.string().trim().min(1),
    locale: z.enum(["zh-CN", "en"]).optional(),
    history: z.array(z.string().trim().min(1)).min(1).optional(),
    expect: z.enum(["answer", "refuse", "any"]),
    must: z.array(z.array(z.string().min(1)).min(1)).optional(),
    must_not: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type EvalCase = z.infer<typeof evalCaseSchema> & { locale?: Locale };

export interface CaseResult {
  id: string;
  q: string;
  expect: EvalCase["expect"];
  pass: boolean;
  why: string[];
  grounded: boolean;
  status: string;
  confidence: number | null;
  /** Retrieval confidence as if no guard had stopped the question (calibration of the threshold). */
  rawConfidence: number | null;
  /** Answerable cases: every must group found in the top-5 retrieved chunks. null otherwise. */
  recalled: boolean | null;
  ms: number;
}

export interface EvalSummary {
  name: string;
  total: number;
  passed: number;
  passRate: number;
  /** Over cases expecting an answer that have `must` groups. */
  recallAt5: number;
  recallCases: number;
  p50: number;
  p95: number;
  results: CaseResult[];
  /** Confidence of answerable cases (lowest) and of refusals that reached retrieval (highest). */
  calibration: {
    answerMin: number | null;
    /** Highest raw confidence of an off-corpus refusal (off-topic, or no content). */
    offCorpusMax: number | null;
    /** Off-corpus refusals whose raw confidence is below the threshold, of all off-corpus refusals. */
    offCorpusBelow: [number, number];
    threshold: number;
  };
}

/** Reads a case file; throws naming the file and line when a line is not a valid case or an id repeats. */
export function loadCases(file: string): EvalCase[] {
  const cases: EvalCase[] = [];
  const ids = new Set<string>();
  fs.readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch (error) {
        throw new Error(`${file}:${i + 1}: not JSON (${(error as Error).message})`);
      }
      const parsed = evalCaseSchema.safeParse(data);
      if (!parsed.success) {
        throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".") || "case"}: ${x.message}`).join("; ")}`);
      }
      if (ids.has(parsed.data.id)) throw new Error(`${file}:${i + 1}: id "${parsed.data.id}" repeats`);
      ids.add(parsed.data.id);
      cases.push(parsed.data);
    });
  return cases;
}

export function gradeReply(c: EvalCase, reply: Pick<ChatReply, "grounded" | "answer" | "citations">): string[] {
  const why: string[] = [];
  if (c.expect === "answer" && !reply.grounded) why.push("expected an answer, got grounded: false");
  if (c.expect === "refuse" && reply.grounded) why.push("expected a refusal, got an answer");
  if (c.expect === "answer" && reply.grounded && reply.citations.length === 0) why.push("answer without citations");
  const haystack = [reply.answer, ...reply.citations.flatMap((x) => [x.title, x.quote])].join("\n");
  if (reply.grounded || c.expect === "answer") {
    for (const group of c.must ?? []) {
      if (!group.some((alt) => haystack.includes(alt))) why.push(`missing one of: ${group.join(" | ")}`);
    }
  }
  for (const text of c.must_not ?? []) if (reply.answer.includes(text)) why.push(`contains forbidden "${text}"`);
  return why;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function runEval(name: string, cases: EvalCase[], index: AssistantIndex): Promise<EvalSummary> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const reply = await askAssistant({ question: c.q, locale: c.locale ?? "zh-CN" }, { index, chatModel: null });
    const why = gradeReply(c, reply);
    let recalled: boolean | null = null;
    if (c.expect === "answer" && c.must?.length) {
      const top = reply.trace.retrieved.slice(0, 5).map((r) => index.chunkAt(r.docId, r.anchor));
      const text = top.map((chunk) => (chunk ? `${chunk.docTitle}\n${chunk.citation}\n${chunk.text}\n${chunk.textEn}` : "")).join("\n");
      recalled = c.must.every((group) => group.some((alt) => text.includes(alt)));
    }
    let rawConfidence: number | null = reply.trace.confidence;
    const guard = guardQuestion(c.q);
    if (rawConfidence === null && guard.ok) rawConfidence = (await retrieve(index, retrievalQuery(guard.masked), { limit: 12 })).confidence;
    results.push({
      id: c.id,
      rawConfidence,
      q: c.q,
      expect: c.expect,
      pass: why.length === 0,
      why,
      grounded: reply.grounded,
      status: reply.status,
      confidence: reply.trace.confidence,
      recalled,
      ms: reply.trace.ms,
    });
  }
  const passed = results.filter((r) => r.pass).length;
  const recall = results.filter((r) => r.recalled !== null);
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const answerConf = results.filter((r) => r.expect === "answer" && r.confidence !== null).map((r) => r.confidence as number);
  const offCorpus = results.filter(
    (r) => r.expect === "refuse" && (r.status === "off_topic" || (r.status === "no_content" && r.rawConfidence !== null && r.rawConfidence < minimumConfidence)),
  );
  const offConf = offCorpus.map((r) => r.rawConfidence ?? 0);
  return {
    name,
    total: results.length,
    passed,
    passRate: results.length ? passed / results.length : 0,
    recallAt5: recall.length ? recall.filter((r) => r.recalled).length / recall.length : 0,
    recallCases: recall.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    results,
    calibration: {
      answerMin: answerConf.length ? Math.min(...answerConf) : null,
      offCorpusMax: offConf.length ? Math.max(...offConf) : null,
      offCorpusBelow: [offConf.filter((x) => x < minimumConfidence).length, offConf.length],
      threshold: minimumConfidence,
    },
  };
}

export function formatSummary(s: EvalSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${s.name}: pass ${pct(s.passRate)} (${s.passed}/${s.total}), retrieval recall@5 ${pct(s.recallAt5)} (${s.recallCases} answerable cases), ` +
      `latency p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`,
    `  calibration: lowest answerable confidence ${s.calibration.answerMin?.toFixed(3) ?? "–"}, ` +
      `highest raw confidence of an off-corpus refusal ${s.calibration.offCorpusMax?.toFixed(3) ?? "–"} ` +
      `(${s.calibration.offCorpusBelow[0]}/${s.calibration.offCorpusBelow[1]} below the threshold without the guards), threshold ${s.calibration.threshold}`,
  ];
  for (const r of s.results.filter((x) => !x.pass)) lines.push(`  ✗ ${r.id} ${r.q} → ${r.status}: ${r.why.join("; ")}`);
  return lines.join("\n");
}
