import type { TFunction } from "i18next";
import type { Kysely } from "kysely";
import type { Database } from "~/modules/db/schema";
import { expandQuery } from "~/modules/search/index.server";
import type { AnswerView, NextStep } from "./answer-view";
import { asksForAmount } from "./compose.server";
import { priorTurnOf, type PriorTurn } from "./conversation";
import { resolveQuestion, type ResolvedQuestion, type ResolveOptions } from "./dialog.server";
import { composeEligibilityAnswer } from "./eligibility-answer.server";
import type { PersonalDataKind } from "./guards";
import { termIdf, type Retrieval, type RetrievedChunk } from "./retrieve.server";
import { statesDecisiveFact } from "./stated-facts";
import type { AssistantIndex } from "./vector-index.server";

/**
 * Where the conversation meets the answer: the rules' answer when a question (or the conversation) says who is
 * asking and asks "can I get it"; next steps that fit what the person said; the page's history rebuilt from
 * the stored, masked turns.
 */

export interface DialogContext {
  masked: string;
  index: AssistantIndex;
  t: TFunction;
  personalData: PersonalDataKind[];
}

/**
 * The eligibility answer, or null when the question is not one for the rules: it must ask whether someone can
 * get a benefit the rules cover, and the conversation must have said something about the person. A question
 * for an amount is not (the corpus states none; the amount refusal answers it).
 */
export function dialogAnswer(resolved: ResolvedQuestion, { masked, index, t, personalData }: DialogContext): AnswerView | null {
  if (!resolved.eligibility || !resolved.schemes || !statesDecisiveFact(resolved.facts)) return null;
  if (asksForAmount(masked)) return null;
  return composeEligibilityAnswer({ facts: resolved.facts, asked: resolved.schemes, index, t, personalData });
}

const certificateGuide = "/policies/disability-certificate-guide";

/**
 * "下一步" that fits: someone who has a 残疾人证 (said so, or named a grade, which is on it) is not sent to the
 * certificate guide, unless the question is about the certificate itself.
 */
export function fitNextSteps(steps: NextStep[], resolved: ResolvedQuestion): NextStep[] {
  const { facts } = resolved;
  const holds = facts.certificate === "yes" || (facts.certificate === undefined && facts.grades !== undefined);
  const aboutCertificate = resolved.topic.some((w) => /残疾人?证|残证|certificate/.test(w));
  if (!holds || aboutCertificate) return steps;
  return steps.filter((s) => s.href !== certificateGuide);
}

/** Words the corpus uses (a word it never uses is no topic a follow-up could be about: "批下来"). */
export function knownWords(index: AssistantIndex): (word: string) => boolean {
  const unknown = termIdf(index, "\u0000");
  return (word) => termIdf(index, word) < unknown;
}

/** How many sections of the earlier answer's document a follow-up puts first. */
const withinSections = 3;

/**
 * A follow-up on the same topic ("要带什么材料？" after "残疾人证怎么办理？") is first looked up in the
 * document the earlier answer cited: its best-matching sections (BM25 on the follow-up's own words) go before
 * what the whole-corpus retrieval found. The confidence stays the whole retrieval's.
 */
export function preferEarlierDocs(index: AssistantIndex, retrieval: Retrieval, resolved: ResolvedQuestion): Retrieval {
  if (!resolved.preferDocs.length) return retrieval;
  const wanted = new Set(resolved.preferDocs);
  const inside: RetrievedChunk[] = index.lexical
    .searchChunks(resolved.within, { limit: 200 })
    .filter((h) => wanted.has(index.chunks[h.key].docId) && index.chunks[h.key].anchor !== null)
    .slice(0, withinSections)
    .map((h, i) => ({ chunk: index.chunks[h.key], score: h.score, lexicalRank: i + 1, vectorRank: null, cosine: 0, terms: h.terms }));
  if (!inside.length) return retrieval;
  const keys = new Set(inside.map((h) => h.chunk.key));
  // The topic is the earlier answer's; what needs covering is what the follow-up asks of it, in words the
  // corpus uses ("多久", not "批下来").
  const known = knownWords(index);
  const words = [...new Set(expandQuery(resolved.within).tokens)].filter(known);
  const found = new Set(inside.flatMap((h) => h.terms));
  const total = words.reduce((sum, w) => sum + termIdf(index, w), 0);
  const covered = words.filter((w) => found.has(w)).reduce((sum, w) => sum + termIdf(index, w), 0);
  const confidence = Math.max(retrieval.confidence, total ? covered / total : 0);
  return { ...retrieval, confidence, hits: [...inside, ...retrieval.hits.filter((h) => !keys.has(h.chunk.key))] };
}

/** The sections an answer from the rules cites (for the trace's retrieved list). */
export function ruleSections(view: AnswerView): Array<{ docId: string; anchor: string | null }> {
  if (!view.eligibility) return [];
  return view.passages.map((p) => {
    const [docId, anchor] = p.url.replace(/^\/policies\//, "").split("#");
    return { docId, anchor: anchor ?? null };
  });
}

/** How many earlier turns a question is read against. */
export const historyTurns = 10;

/**
 * The conversation so far as PriorTurns, oldest first, rebuilt from `chat_questions` (masked questions and
 * their stored answers) exactly as askAssistant built each reply's `turn`.
 */
export async function conversationTurns(
  db: Kysely<Database>,
  conversationId: string,
  options: ResolveOptions & { limit?: number } = {},
): Promise<PriorTurn[]> {
  const rows = await db
    .selectFrom("chat_questions")
    .select(["id", "question", "answer"])
    .where("conversation_id", "=", conversationId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? historyTurns)
    .execute();
  const turns: PriorTurn[] = [];
  for (const row of rows.reverse()) {
    const cached = turnCache.get(row.id);
    if (cached) {
      turns.push(cached);
      continue;
    }
    let view: AnswerView;
    try {
      view = JSON.parse(row.answer) as AnswerView;
    } catch {
      continue;
    }
    const turn = priorTurnOf(row.question, view, resolveQuestion(row.question, turns, options));
    rememberTurn(row.id, turn);
    turns.push(turn);
  }
  return turns;
}

/**
 * Turns by their stored id: a stored turn never changes, so each is resolved once (when it is asked, or when
 * a conversation is first read after a restart).
 */
const turnCache = new Map<string, PriorTurn>();
const turnCacheSize = 5000;

export function rememberTurn(id: string, turn: PriorTurn) {
  if (turnCache.size >= turnCacheSize) turnCache.delete(turnCache.keys().next().value as string);
  turnCache.set(id, turn);
}
