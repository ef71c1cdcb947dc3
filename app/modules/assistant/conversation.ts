import type { AnswerView } from "./answer-view";
import type { Scheme } from "./eligibility";
import type { AnswerField } from "./eligibility-verdicts";
import type { AnswerStatus } from "./guards";
import type { StatedFacts } from "./stated-facts";

/**
 * One earlier turn of a conversation, as the next question sees it. Built from what is stored (the masked
 * question and its answer) and the turns before it, so the page (from `chat_questions`) and the evaluation
 * (from `reply.turn`) pass the same thing. Never a personal number: the question is the masked one, and the
 * facts are re-extracted from it. Pure and zod-free.
 */
export interface PriorTurn {
  /** The masked question, as stored. */
  question: string;
  status: AnswerStatus;
  /** Documents the answer cited, best first. */
  docIds: string[];
  /** The benefits the turn was about (the rule it stated, or the schemes its eligibility answer listed). */
  schemes: Scheme[];
  /** What the conversation knows about the person after this turn (grade, category, 低保 …): never a number. */
  facts: StatedFacts;
  /** What the turn was about (its own words or the earlier turn's): a follow-up without a topic takes it. */
  topic: string[];
  /** What it asked about the topic, as words: "那护理补贴呢？" asks it again of a new topic. */
  aspect: string;
  /** Whether it asked who can get a benefit. */
  eligibility: boolean;
  /** What happened in the person's case, told in this turn or an earlier one (caseEvents: 去世, 迁移 …). */
  events?: string[];
  /** The questions the answer asked back ("是否需要长期照护？"): "需要" answers the first. */
  asked: AnswerField[];
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

/** What a question resolved to in its conversation (dialog.server.ts), as far as the next turn needs it. */
export interface TurnContext {
  facts: StatedFacts;
  topic: string[];
  aspect: string;
  schemes: Scheme[] | "all" | null;
  eligibility: boolean;
  /** What happened in the person's case (see PriorTurn.events). */
  events?: string[];
}

/** The Chinese name of each scheme, as a topic a follow-up searches for. */
export const schemeTopic: Record<Scheme, string> = {
  livingAllowance: "困难残疾人生活补贴",
  nursingAllowance: "重度残疾人护理补贴",
  childRehab: "残疾儿童康复救助",
};

/** The turn a reply becomes in the next call's history. */
export function priorTurnOf(question: string, view: AnswerView, context: TurnContext): PriorTurn {
  const listed = view.eligibility?.items.map((i) => i.scheme) ?? [];
  const schemes: Scheme[] = listed.length ? listed : view.rule ? [view.rule.scheme] : Array.isArray(context.schemes) ? context.schemes : [];
  const topic = context.topic.length ? context.topic : schemes.map((s) => schemeTopic[s]);
  return {
    question,
    status: view.status,
    docIds: citedDocIds(view),
    schemes,
    facts: context.facts,
    topic,
    aspect: context.aspect,
    eligibility: context.eligibility,
    events: context.events ?? [],
    asked: view.eligibility?.unknown.map((u) => u.field) ?? [],
  };
}
