import type { AnswerView } from "./answer-view";
import type { EligibilityAnswers, Scheme } from "./eligibility";
import type { AnswerStatus } from "./guards";

/**
 * One earlier turn of a conversation, as the next question sees it. Built from what is stored (the masked
 * question and its answer), so the page (from `chat_questions`) and the evaluation (from `reply.turn`) pass the
 * same thing. Never a personal number: the question is the masked one, and the facts are re-extracted from it.
 * Pure and zod-free.
 */
export interface PriorTurn {
  /** The masked question, as stored. */
  question: string;
  status: AnswerStatus;
  /** Documents the answer cited, best first. */
  docIds: string[];
  /** The benefits the turn was about (the rule it stated, or the schemes its eligibility answer listed). */
  schemes: Scheme[];
  /** What the question itself said about the person (grade, category, 低保 …): never a number. */
  facts: Partial<EligibilityAnswers>;
}

/** Documents named by an answer's citations (/policies/<id>#<anchor>), best first, without repeats. */
export function citedDocIds(view: Pick<AnswerView, "passages">): string[] {
  const ids: string[] = [];
  for (const p of view.passages) {
    const id = /^\/policies\/([^#?/]+)/.exec(p.url)?.[1];
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The turn a reply becomes in the next call's history. */
export function priorTurnOf(question: string, view: AnswerView, facts: Partial<EligibilityAnswers> = {}): PriorTurn {
  const schemes: Scheme[] = view.rule ? [view.rule.scheme] : [];
  return { question, status: view.status, docIds: citedDocIds(view), schemes, facts };
}
