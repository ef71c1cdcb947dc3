import { askAssistant, retrievalQuery, type ChatReply } from "./assistant.server";
import { hotline } from "./compose.server";
import type { PriorTurn } from "./conversation";
import { caseCategories, type CaseCategory, type EvalCase } from "./eval-cases.server";
import { echoedPersonalNumbers, inventedFacts, type StatedFact } from "./eval-checks";
import { guardQuestion } from "./guards";
import { minimumConfidence, retrieve, type RetrievalMode } from "./retrieve.server";
import type { AssistantIndex } from "./vector-index.server";

/**
 * Grading of the question sets (docs/contracts.md "Question sets"): a case passes when `grounded` fits `expect`,
 * answers carry citations, every `must` group has one alternative in the answer or a citation's title/quote,
 * and no `must_not` text is in the answer. On top of the contract, for every case: no personal number of the
 * question is echoed in any spelling, and the answer states no amount, phone number, date or time that its
 * cited passages do not state; for eligibility and follow-up cases, the answer's own words (not only a
 * quote) say each `must`. A case with `history` asks its earlier questions first, in one conversation.
 * Used by `npm run eval:chat` and tests/integration/chat-eval.test.ts, through askAssistant — the same code
 * path as the API.
 */

export interface CaseResult {
  id: string;
  category: CaseCategory;
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
  /** The question's personal numbers the reply repeats (masked). */
  echoed: string[];
  /** Amounts, phones, dates and times the answer states that no cited passage states. */
  invented: StatedFact[];
  ms: number;
}

export interface Tally {
  total: number;
  passed: number;
  /** Answerable cases with `must` groups, and how many of them the top five retrieved chunks cover. */
  recallCases: number;
  recalled: number;
}

export interface Precision {
  /** Replies of this kind (answers: grounded; refusals: not grounded). */
  given: number;
  /** …that the case wanted (answers: expect answer/any and the case passes; refusals: expect refuse/any and passes). */
  correct: number;
}

export interface EvalSummary {
  name: string;
  retrievalMode: RetrievalMode;
  total: number;
  passed: number;
  passRate: number;
  /** Over cases expecting an answer that have `must` groups. */
  recallAt5: number;
  recallCases: number;
  recalled: number;
  byCategory: Partial<Record<CaseCategory, Tally>>;
  answerPrecision: Precision;
  refusalPrecision: Precision;
  /** Cases whose reply repeats a personal number of the question, and whose answer states an unsupported fact. */
  echoes: number;
  inventions: number;
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
    /** Answerable cases that reached the gate and scored below the threshold, of all that reached it. */
    answerBelow: [number, number];
    /**
     * Where this set would put the threshold: halfway between the highest off-corpus score and the lowest
     * answerable one, when they do not overlap (null when they do). Only the tuning part's is a calibration.
     */
    midpoint: number | null;
    threshold: number;
  };
}

export interface EvalOptions {
  /** Retrieval channels for the ablation (default hybrid). */
  retrievalMode?: RetrievalMode;
}

export function gradeReply(c: Pick<EvalCase, "expect" | "must" | "must_not">, reply: Pick<ChatReply, "grounded" | "answer" | "citations">): string[] {
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

/** Categories whose `must` the answer's own words have to say (not only a quote): the point of the category. */
const ownWordsCategories = new Set<CaseCategory>(["eligibility", "followup"]);

/**
 * The answer's own words: the plain-text answer without the quoted passages (as quoted, “…”) and, from the list of
 * sources on, the titles of their sources. A first sentence that says the same as a whole quote is still the
 * answer's own, and so is a lead that names the law it states ("《残疾预防和残疾人康复条例》第二十六条：…"), though a
 * source's title says the same.
 */
export function answerWithoutQuotes(reply: Pick<ChatReply, "answer" | "citations">): string {
  const without = (text: string, cited: string[]) =>
    cited
      .filter(Boolean)
      .sort((a, b) => b.length - a.length)
      .reduce((rest, c) => rest.split(c).join(""), text);
  const quotes = reply.citations.map((c) => c.quote && `“${c.quote}”`);
  const titles = reply.citations.map((c) => c.title);
  // The sources' list starts at its first line ("1. “…”——title").
  const at = reply.answer.search(/(?:^|\n)1\. “/);
  if (at < 0) return without(reply.answer, [...quotes, ...titles]);
  return without(reply.answer.slice(0, at), quotes) + without(reply.answer.slice(at), [...quotes, ...titles]);
}

/** The texts a reply's facts may come from: each cited passage, and the summaries of the documents it cites. */
export function citedSources(reply: Pick<ChatReply, "citations">, index: AssistantIndex): string[] {
  const texts: string[] = [];
  for (const citation of reply.citations) {
    const m = /^\/policies\/([^#?/]+)(?:#(.+))?$/.exec(citation.url);
    if (!m) continue;
    const chunk = index.chunkAt(m[1], m[2] ?? null);
    const overview = index.chunkAt(m[1], null);
    texts.push(citation.title, citation.quote);
    for (const c of [chunk, overview]) if (c) texts.push(c.docTitle, c.docTitleEn, c.citation, c.text, c.textEn);
  }
  return texts;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Asks a case's question (after its history, in one conversation), as the API would. */
/**
 * The day the question sets are graded as of: their "今年" is 2026 (the corpus states 2026's dates), whatever
 * the clock of the machine that runs them says.
 */
export const evaluationDate = new Date("2026-12-02T04:00:00Z");

export async function askCase(c: EvalCase, index: AssistantIndex, options: EvalOptions): Promise<ChatReply> {
  const locale = c.locale ?? "zh-CN";
  const history: PriorTurn[] = [];
  for (const earlier of c.history ?? []) {
    const reply = await askAssistant(
      { question: earlier, locale },
      { index, chatModel: null, retrievalMode: options.retrievalMode, history: [...history], now: evaluationDate },
    );
    history.push(reply.turn);
  }
  return askAssistant({ question: c.q, locale }, { index, chatModel: null, retrievalMode: options.retrievalMode, history, now: evaluationDate });
}

export async function runEval(name: string, cases: EvalCase[], index: AssistantIndex, options: EvalOptions = {}): Promise<EvalSummary> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const reply = await askCase(c, index, options);
    const why = gradeReply(c, reply);
    const everything = [reply.answer, ...reply.citations.flatMap((x) => [x.title, x.quote])].join("\n");
    if (ownWordsCategories.has(c.category) && reply.grounded) {
      // The issue asks an eligibility answer to name each benefit that fits, and a follow-up's first sentence to
      // answer it (from the earlier turn): a quote or a source's title that happens to mention the thing does
      // not count here (docs/contracts.md's grading above accepts them; this is on top of it).
      const own = answerWithoutQuotes(reply);
      for (const group of c.must ?? []) {
        if (group.some((alt) => reply.answer.includes(alt) || reply.citations.some((x) => x.quote.includes(alt))) && !group.some((alt) => own.includes(alt))) {
          why.push(`only a quote or a source's title says one of: ${group.join(" | ")}`);
        }
      }
    }
    const echoed = echoedPersonalNumbers([...(c.history ?? []), c.q].join("\n"), everything);
    if (echoed.length) why.push(`echoes a personal number (${echoed.join(", ")})`);
    const invented = inventedFacts(reply.answer, citedSources(reply, index), [hotline]);
    if (invented.length) why.push(`states what no cited passage says: ${invented.map((f) => f.text).join(", ")}`);
    let recalled: boolean | null = null;
    if (c.expect === "answer" && c.must?.length) {
      const top = reply.trace.retrieved.slice(0, 5).map((r) => index.chunkAt(r.docId, r.anchor));
      const text = top.map((chunk) => (chunk ? `${chunk.docTitle}\n${chunk.citation}\n${chunk.text}\n${chunk.textEn}` : "")).join("\n");
      recalled = c.must.every((group) => group.some((alt) => text.includes(alt)));
    }
    let rawConfidence: number | null = reply.trace.confidence;
    const guard = guardQuestion(c.q);
    if (rawConfidence === null && guard.ok) {
      rawConfidence = (await retrieve(index, retrievalQuery(guard.masked), { limit: 12, retrievalMode: options.retrievalMode })).confidence;
    }
    results.push({
      id: c.id,
      category: c.category,
      q: c.q,
      expect: c.expect,
      pass: why.length === 0,
      why,
      grounded: reply.grounded,
      status: reply.status,
      confidence: reply.trace.confidence,
      rawConfidence,
      recalled,
      echoed,
      invented,
      ms: reply.trace.ms,
    });
  }
  return summarize(name, options.retrievalMode ?? "hybrid", results);
}

function summarize(name: string, retrievalMode: RetrievalMode, results: CaseResult[]): EvalSummary {
  const passed = results.filter((r) => r.pass).length;
  const recall = results.filter((r) => r.recalled !== null);
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const byCategory: Partial<Record<CaseCategory, Tally>> = {};
  for (const category of caseCategories) {
    const of = results.filter((r) => r.category === category);
    if (!of.length) continue;
    byCategory[category] = {
      total: of.length,
      passed: of.filter((r) => r.pass).length,
      recallCases: of.filter((r) => r.recalled !== null).length,
      recalled: of.filter((r) => r.recalled).length,
    };
  }
  const answers = results.filter((r) => r.grounded);
  const refusals = results.filter((r) => !r.grounded);
  const answerConf = results.filter((r) => r.expect === "answer" && r.confidence !== null).map((r) => r.confidence as number);
  const offCorpus = results.filter(
    (r) => r.expect === "refuse" && (r.status === "off_topic" || (r.status === "no_content" && r.rawConfidence !== null && r.rawConfidence < minimumConfidence)),
  );
  const offConf = offCorpus.map((r) => r.rawConfidence ?? 0);
  const answerMin = answerConf.length ? Math.min(...answerConf) : null;
  const offCorpusMax = offConf.length ? Math.max(...offConf) : null;
  return {
    name,
    retrievalMode,
    total: results.length,
    passed,
    passRate: results.length ? passed / results.length : 0,
    recallAt5: recall.length ? recall.filter((r) => r.recalled).length / recall.length : 0,
    recallCases: recall.length,
    recalled: recall.filter((r) => r.recalled).length,
    byCategory,
    answerPrecision: { given: answers.length, correct: answers.filter((r) => r.expect !== "refuse" && r.pass).length },
    refusalPrecision: { given: refusals.length, correct: refusals.filter((r) => r.expect !== "answer" && r.pass).length },
    echoes: results.filter((r) => r.echoed.length).length,
    inventions: results.filter((r) => r.invented.length).length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    results,
    calibration: {
      answerMin,
      offCorpusMax,
      offCorpusBelow: [offConf.filter((x) => x < minimumConfidence).length, offConf.length],
      answerBelow: [answerConf.filter((x) => x < minimumConfidence).length, answerConf.length],
      midpoint: answerMin !== null && offCorpusMax !== null && offCorpusMax < answerMin ? (answerMin + offCorpusMax) / 2 : null,
      threshold: minimumConfidence,
    },
  };
}
