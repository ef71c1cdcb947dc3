import { maskPersonalData, type MaskResult } from "~/modules/privacy/mask";
import { foldText } from "~/modules/search/normalize.server";
import { guardRules, type GuardRule } from "./guard-rules";
import { getPhrases, toPattern } from "./phrases.server";

/**
 * What happens to a question before anything is stored or searched: invisible characters out, a length
 * cap, personal numbers masked (and remembered only as kinds, to tell the person), instruction-injection and
 * off-topic questions recognised (the topic lists are data: knowledge/phrasebook.yaml, read once).
 */

export const maxQuestionLength = 500;

/** Every way a question gets no answer. */
export const noAnswerStatuses = ["no_content", "off_topic", "injection", "too_long", "personal_data_only", "error"] as const;
export type NoAnswerStatus = (typeof noAnswerStatuses)[number];
export type AnswerStatus = "answered" | NoAnswerStatus;

export type PersonalDataKind = MaskResult["found"][number];

/**
 * Format characters (zero-width spaces and joiners, bidi controls, the BOM, soft hyphens, tag characters
 * U+E0000–E007F …: Unicode category Cf) and control characters other than line breaks and tabs. They can
 * hide text from a reviewer or smuggle instructions; they never carry meaning in a question.
 */
const invisible = /[\p{Cf}\u2028\u2029\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;
/** Variation selectors: also invisible, and useless in a question. */
const variationSelectors = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g;

export function stripInvisible(text: string): string {
  return text.replace(invisible, "").replace(variationSelectors, "");
}

/** Invisible characters removed, runs of spaces collapsed, trimmed, NFC. */
export function cleanQuestion(raw: string): string {
  return stripInvisible(raw.normalize("NFC"))
    .replace(/[ \t\u3000]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function questionLength(text: string): number {
  return [...text].length;
}

interface CompiledRule {
  rule: GuardRule;
  groups: RegExp[];
  window: number;
}

const defaultWindow = 40;

function compile(rule: GuardRule): CompiledRule {
  const groups = rule.groups.map((phrases) => {
    const parts = [...new Set(phrases.map((p) => p.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length).map(toPattern);
    return new RegExp(parts.join("|"), "giu");
  });
  return { rule, groups, window: rule.window ?? defaultWindow };
}

let compiled: CompiledRule[] | undefined;

/** Whether every group of the rule has a phrase within its window of a phrase of the first group. */
function matches({ groups, window }: CompiledRule, text: string): boolean {
  const [first, ...others] = groups.map((re) => [...text.matchAll(re)].map((m) => ({ from: m.index, to: m.index + m[0].length })));
  return first.some((f) => others.every((list) => list.some((m) => m.from <= f.to + window && m.to >= f.from - window)));
}

/** The first guard rule (guard-rules.ts) the question matches, or null. */
export function matchingGuardRule(text: string): GuardRule | null {
  compiled ??= guardRules.map(compile);
  // Folded as the rest of the assistant reads a question: half-width, simplified characters, lower case.
  const folded = foldText(text);
  return compiled.find((c) => matches(c, folded))?.rule ?? null;
}

/** An instruction to the assistant, or a request for other people's records (guard-rules.ts). */
export function looksLikeInjection(text: string): boolean {
  return matchingGuardRule(text)?.outcome === "injection";
}

/**
 * A question about a topic the assistant does not cover (knowledge/phrasebook.yaml `offTopic`) that names none
 * of its own (`domain`). One with both goes on to retrieval, where the grounding gate judges its key terms.
 */
export function looksOffTopic(text: string): boolean {
  const { domain, offTopic } = getPhrases();
  const folded = foldText(text);
  return !domain.test(folded) && offTopic.test(folded);
}

/** What is left of a masked question without its masked numbers and punctuation. */
function withoutMaskedNumbers(masked: string): string {
  return masked
    .replace(/\*{3,}[\dXx]{0,4}|\d{3}\*{4}\d{4}/g, " ")
    .replace(/[\p{P}\p{S}\s]+/gu, " ")
    .trim();
}

/** Words that carry no question by themselves ("我的手机号是…，身份证…"). */
const fillerOnly =
  /^(?:我的?|你的?|是|号码?|手机号?|电话号?码?|联系电话|身份证号?|残疾人?证号?|银行卡号?|卡号|证号|my|is|number|phone|mobile|id|card|bank|certificate|and|the|登记|谢谢|请|您好|你好|\s)*$/i;

/** Why a question gets no search: an instruction or other people's data, a fact no policy text states, an off-topic question, only numbers. */
export type GuardRefusal = "injection" | "no_content" | "off_topic" | "personal_data_only";

export type GuardResult =
  | { ok: false; status: "too_long" | "empty"; length: number }
  | {
      ok: true;
      /** Cleaned and masked: the only form of the question that is stored, logged or searched. */
      masked: string;
      personalData: PersonalDataKind[];
      /** Set when the question gets no search at all. */
      refusal: GuardRefusal | null;
    };

/**
 * Cleaning drops invisible characters and collapses spaces, so a question may be longer before it than after;
 * but not this much longer. Past this the question is refused before any work on the whole text.
 */
const maxRawLength = maxQuestionLength * 8;

export function guardQuestion(raw: string): GuardResult {
  if (raw.length > maxRawLength) return { ok: false, status: "too_long", length: raw.length };
  const cleaned = cleanQuestion(raw);
  const length = questionLength(cleaned);
  if (length === 0) return { ok: false, status: "empty", length };
  if (length > maxQuestionLength) return { ok: false, status: "too_long", length };
  const { text: masked, found } = maskPersonalData(cleaned);
  let refusal: GuardRefusal | null = null;
  const rule = matchingGuardRule(masked);
  if (rule) refusal = rule.outcome;
  else if (found.length && fillerOnly.test(withoutMaskedNumbers(masked))) refusal = "personal_data_only";
  else if (looksOffTopic(masked)) refusal = "off_topic";
  return { ok: true, masked, personalData: found, refusal };
}
