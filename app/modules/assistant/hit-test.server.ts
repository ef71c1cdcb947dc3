import { z } from "zod";
import type { Locale } from "~/i18n/config";
import type { AnswerView } from "./answer-view";
import { askAssistant, InvalidQuestion, type AskOptions, type ChatReply, type Citation, type Decision } from "./assistant.server";
import { guardQuestion, maxQuestionLength, type AnswerStatus, type PersonalDataKind } from "./guards";
import { minimumConfidence } from "./retrieve.server";

/**
 * The editors' retrieval test (issue 16, item 6; MaxKB's "hit test"): a question asked as the public would ask it,
 * with what the assistant would answer and why — how it read the question, the sections each channel found with
 * their ranks and scores, the grounding gate's verdict against `minimumConfidence`. Nothing is stored, remembered
 * or counted: no database, no conversation, no metric of public answers (askAssistant's `countMetrics: false`).
 */

/** The page's query string (`?q=…&lang=…&prev=…`): a GET form, so a test can be bookmarked and linked to. */
export const hitTestQuerySchema = z.object({
  // raw: cleaned, masked and measured by the assistant's guards (guards.ts)
  q: z.string().optional(),
  lang: z.enum(["zh-CN", "en"]).optional().catch(undefined),
  // raw: as q
  prev: z.string().optional(),
  /** "1": the question had personal numbers, masked by a redirect (maskedQuery). */
  hidden: z.literal("1").optional().catch(undefined),
});

export type HitTestField = "q" | "prev";
export interface HitTestError {
  field: HitTestField;
  code: "required" | "tooLong";
  max: number;
}

export interface HitTestTerm {
  term: string;
  weight: number;
  /** In the clause that asks (not the story). */
  asked: boolean;
  offTopic: boolean;
  /** Whether the best passages say it (null when the gate did not judge it). */
  found: boolean | null;
}

export interface HitTestSection {
  rank: number;
  key: number;
  /** "困难残疾人生活补贴申请指南 · 一、谁可以申请". */
  title: string;
  /** Locale-neutral link to the section. */
  url: string;
  /** The document and its section's anchor (null: the document's overview). */
  docId: string;
  anchor: string | null;
  bm25: { rank: number; score: number } | null;
  vector: { rank: number; cosine: number } | null;
  fused: number;
  /** Query terms the section matched (BM25). */
  terms: string[];
  /** One of the passages the grounding gate judged. */
  judged: boolean;
  /** Quoted in the answer. */
  cited: boolean;
}

/** What the page shows about one question. Every question in it is masked. */
export interface HitTestReport {
  question: string;
  previous: string | null;
  locale: Locale;
  personalData: PersonalDataKind[];
  status: AnswerStatus;
  answered: boolean;
  /** The answer as the public page renders it. */
  view: AnswerView;
  citations: Citation[];
  decidedBy: Decision;
  guardRule: string | null;
  /** How the question was read; null when it never reached retrieval. */
  understanding: {
    /** Folded, typos repaired. */
    text: string;
    /** What was searched. */
    query: string;
    repairs: Array<{ from: string; to: string }>;
    /** Everyday or English words read as the corpus's terms (the glossary). */
    glossary: Array<{ from: string; to: string }>;
    /** The story's words left out of the search. */
    narrative: string[];
    keyTerms: HitTestTerm[];
  } | null;
  sections: HitTestSection[];
  /** The grounding gate: its score against the threshold, the key terms found and missing. */
  grounding: { confidence: number; threshold: number; passes: boolean; found: string[]; missing: string[] } | null;
  ms: number;
}

export type HitTestOutcome = { ok: true; report: HitTestReport } | { ok: false; errors: HitTestError[] };

/** Turns a reply (and the masked question with what the guards found) into what the page shows. */
export function hitTestReport(reply: ChatReply, input: { question: string; previous: string | null; locale: Locale; personalData: PersonalDataKind[] }): HitTestReport {
  const { trace, view } = reply;
  const retrieval = trace.retrieval;
  const cited = new Set(view.passages.map((p) => p.key));
  const judged = new Set(retrieval?.grounding.keys ?? []);
  const found = new Set(retrieval?.grounding.found ?? []);
  const missing = new Set(retrieval?.grounding.missing ?? []);
  const sections: HitTestSection[] = (retrieval?.hits ?? []).map((hit, i) => ({
    rank: i + 1,
    key: hit.chunk.key,
    title: hit.chunk.citation ? `${hit.chunk.docTitle} · ${hit.chunk.citation}` : hit.chunk.docTitle,
    url: hit.chunk.url,
    docId: hit.chunk.docId,
    anchor: hit.chunk.anchor,
    bm25: hit.lexicalRank === null ? null : { rank: hit.lexicalRank, score: hit.lexicalScore ?? 0 },
    vector: hit.vectorRank === null ? null : { rank: hit.vectorRank, cosine: hit.cosine },
    fused: hit.score,
    terms: hit.terms,
    judged: judged.has(hit.chunk.key),
    cited: cited.has(hit.chunk.key),
  }));
  const understanding = retrieval
    ? {
        text: retrieval.understanding.text,
        query: retrieval.understanding.query,
        repairs: retrieval.understanding.repairs.map((r) => ({ from: r.from, to: r.to })),
        glossary: retrieval.expanded.expansions.filter((e) => e.variant !== e.canonical).map((e) => ({ from: e.variant, to: e.canonical })),
        narrative: retrieval.understanding.narrative,
        keyTerms: retrieval.understanding.keyTerms.map((k) => ({
          term: k.term,
          weight: k.weight,
          asked: k.asked,
          offTopic: Boolean(k.offTopic),
          found: found.has(k.term) ? true : missing.has(k.term) ? false : null,
        })),
      }
    : null;
  return {
    question: input.question,
    previous: input.previous,
    locale: input.locale,
    personalData: input.personalData,
    status: reply.status,
    answered: reply.status === "answered",
    view,
    citations: reply.citations,
    decidedBy: trace.decidedBy,
    guardRule: trace.guardRule,
    understanding,
    sections,
    grounding: retrieval
      ? {
          confidence: retrieval.confidence,
          threshold: minimumConfidence,
          passes: retrieval.hits.length > 0 && retrieval.confidence >= minimumConfidence,
          found: retrieval.grounding.found,
          missing: retrieval.grounding.missing,
        }
      : null,
    ms: Math.round(trace.ms),
  };
}

/** The field errors of an empty or too long question (the guards' own measure), or none. */
function fieldErrors(field: HitTestField, text: string, required: boolean): HitTestError[] {
  const guard = guardQuestion(text);
  if (guard.ok) return [];
  if (guard.status === "empty") return required ? [{ field, code: "required", max: maxQuestionLength }] : [];
  return [{ field, code: "tooLong", max: maxQuestionLength }];
}

type TestOptions = Pick<AskOptions, "index" | "chatModel" | "now" | "llmTimeoutMs">;

/**
 * Asks the assistant as the public page would (the earlier question first, when given, as the conversation's
 * previous turn), without storing or counting anything, and reports why it answers or refuses.
 */
export async function runHitTest(input: { question: string; locale: Locale; previous?: string | null }, options: TestOptions = {}): Promise<HitTestOutcome> {
  const previousText = input.previous ?? "";
  const errors = [...fieldErrors("q", input.question, true), ...fieldErrors("prev", previousText, false)];
  if (errors.length) return { ok: false, errors };
  const ask: AskOptions = { ...options, db: null, countMetrics: false };
  try {
    const prevGuard = guardQuestion(previousText);
    const history = prevGuard.ok ? [(await askAssistant({ question: previousText, locale: input.locale }, { ...ask, history: [] })).turn] : [];
    const reply = await askAssistant({ question: input.question, locale: input.locale }, { ...ask, history });
    const guard = guardQuestion(input.question);
    const masked = guard.ok ? guard.masked : "";
    return {
      ok: true,
      report: hitTestReport(reply, {
        question: masked,
        previous: prevGuard.ok ? prevGuard.masked : null,
        locale: input.locale,
        personalData: guard.ok ? guard.personalData : [],
      }),
    };
  } catch (error) {
    // The guards above already refused these; kept for safety should their measures ever differ.
    if (error instanceof InvalidQuestion) return { ok: false, errors: [{ field: "q", code: error.code === "empty" ? "required" : "tooLong", max: error.max }] };
    throw error;
  }
}

/** The masked form of a question (what a page may show of it). */
export function maskedQuestion(text: string | undefined): string {
  if (!text) return "";
  const guard = guardQuestion(text);
  return guard.ok ? guard.masked : "";
}

/**
 * The query's questions masked, when either carries a personal number (the page redirects there, so no full number
 * stays in its address, links or history); null when there is none to hide.
 */
export function maskedQuery(query: { q?: string; prev?: string }): { q: string; prev: string } | null {
  const found = [query.q, query.prev].some((text) => {
    const guard = text ? guardQuestion(text) : null;
    return Boolean(guard?.ok && guard.personalData.length);
  });
  return found ? { q: maskedQuestion(query.q), prev: maskedQuestion(query.prev) } : null;
}
