import type { EligibilityAnswers, Scheme } from "./eligibility";
import type { AnswerField, Verdict } from "./eligibility-verdicts";
import type { AnswerStatus } from "./guards";

/**
 * The shape of an answer as pages render it (and as a conversation turn stores it). Types only: pages and
 * components import this file, never the server modules.
 */

export interface AnswerPassage {
  /** 1-based number, as the answer refers to it. */
  n: number;
  /** The chunk's key in the index: a citation is a token pointing at a retrieved chunk. */
  key: number;
  /** "《中华人民共和国残疾人保障法》第五十条", "困难残疾人生活补贴申请指南 · 一、谁可以申请". */
  title: string;
  /** Locale-neutral: /policies/<id>#<anchor>. */
  url: string;
  quote: string;
}

export interface NextStep {
  kind: "guide" | "apply" | "eligibility" | "hotline" | "feedback";
  text: string;
  /** Locale-neutral path. */
  href?: string;
}

export interface AnswerView {
  status: AnswerStatus;
  grounded: boolean;
  mode: "extractive" | "llm" | "none";
  /** Sentences before the answer: the personal-data warning. */
  notices: string[];
  lead: string;
  /**
   * What the answer does not know: the question's own words that none of the quoted passages mentions
   * ("引用的资料没有提到：轮椅位"), with a person to ask. Absent from answers stored before it existed.
   */
  caveat?: string;
  /** The items of a list the answer rests on ("视力残疾", "听力残疾" …), from the best passage. */
  points: string[];
  /**
   * A question that asks two things of one service ("去哪办，要带啥"): after the lead and its list, what the
   * service's section for each other thing says (its first sentence or list), with the passage it comes from;
   * and for a message with several questions, the answer to each that the lead does not give.
   * Absent from answers stored before it existed.
   */
  also?: Array<{
    lead: string;
    points: string[];
    /** The passage it rests on (its `n`); 0 for a question of the message that the corpus does not answer. */
    source: number;
    /** The question of the message it answers, when the message asked several (several-questions.server.ts). */
    question?: string;
  }>;
  /** English locale: the English summaries of the cited documents (the corpus's own English text). */
  summaries: Array<{ title: string; text: string; url: string }>;
  /** Generated text (LLM mode) shown after the lead; "" in extractive mode. */
  body: string;
  passages: AnswerPassage[];
  /** The eligibility rule of a subsidy, when the question is about who can get it. */
  rule: { scheme: Scheme; text: string } | null;
  nextSteps: NextStep[];
  /**
   * The guide's easy-read version (its own short sentences), when the answer rests on a guide that has one.
   * Absent from answers stored before it existed.
   */
  easyRead?: { title: string; lines: string[]; href: string } | null;
  /** A follow-up: the earlier topic the question was read with ("重度残疾人护理补贴"). */
  followUp?: string[] | null;
  /** The rules' answer for the person the question describes (absent in answers stored before it existed). */
  eligibility?: EligibilityBlock | null;
}

/** One benefit in an eligibility answer: its verdict, why, and the passages (by number) that say so. */
export interface EligibilityItem {
  scheme: Scheme;
  /** "重度残疾人护理补贴". */
  name: string;
  verdict: Verdict;
  /** "可以申请", "不符合", "要看当地规定" … */
  verdictText: string;
  /** The rules' reasons, or what it still depends on. */
  why: string[];
  /** When one answer decides it: "如果需要长期照护：可以申请". */
  ifs: string[];
  /** Numbers of the passages (AnswerView.passages) the verdict rests on. */
  sources: number[];
}

export interface EligibilityBlock {
  /** What the answer took from the question and the conversation, in words ("肢体残疾", "二级", "低保家庭"). */
  facts: string[];
  items: EligibilityItem[];
  /** The questions that would settle what is still open. */
  unknown: Array<{ field: AnswerField; question: string }>;
  /** The step-by-step check's answers these facts fill in (posted, never put in a URL). */
  prefill: Partial<EligibilityAnswers>;
  /** Said when the verdicts take a valid 残疾人证 for granted. */
  assumption: string | null;
}

