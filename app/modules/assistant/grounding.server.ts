import { tokenize, tokenizeWords } from "~/modules/search/index.server";
import type { ExpandedQuery } from "~/modules/search/index.server";
import { plainAspectPhrases } from "./dialog-phrases";
import { getPhrases } from "./phrases.server";
import { subjectPhrases } from "./eligibility-phrases";
import { extractFacts } from "./stated-facts";
import { chunkMatches, chunkSays, corpusMatches, corpusSays, termIdf } from "./term-stats.server";
import { partOfSpeechWeight, type Understanding } from "./understand.server";
import type { AssistantIndex } from "./vector-index.server";

/**
 * The grounding gate: do the passages the retrieval found say something about what the question asks? It judges
 * the question's key terms (understand.server.ts), not every token. Each key term weighs idf × part of speech ×
 * clause (the clause that asks counts fully, the story lightly); a noun of the clause that asks that the corpus
 * never uses, and that is no glossary word, weighs double (a verb 1.5×): it is what the question is about, and
 * nothing here is about it. The score is the share of that weight found in the best passage together with one or
 * two of the next best (each with its document's title and summary), at its highest. A word counts as found when it, or its
 * glossary term, is in the passage, and half when only a part of it is (坐轮椅 → 轮椅) or when it is a two-character
 * abbreviation the passage writes out (社保 → 社会保险). Words that are the form of the question (几张, 哪条路) weigh
 * little: the passages need not repeat how a thing was asked.
 *
 * So a long story with a clear question about a subsidy scores high (the story weighs little, the question's
 * words are in the nursing-allowance guide), and an off-topic question that shares a common word with the
 * corpus ("残疾人奥运会下一届在哪里举办") scores low: 奥运会 is in no passage and weighs most.
 */

export interface Grounding {
  /** 0…1, compared with `minimumGrounding`. */
  score: number;
  /** The passages (chunk keys) that scored best; empty when nothing was retrieved. */
  keys: number[];
  /** Key terms found in them, and missing (for the trace and the evaluation). */
  found: string[];
  missing: string[];
}

/** Passages (best fused first) the gate looks at: the best one, with one or two of the next five. */
export const groundingCandidates = 6;
/** Extra weight of a noun of the clause that asks that the corpus and the glossary do not know. */
export const unknownTopicWeight = 2;
/**
 * …and of a verb there that they do not know (聋人可以开车吗, 残疾人结婚有补贴吗: what is asked about the topic).
 * Less than a noun's: a resident's everyday verb (跟着迁) is more often just phrasing.
 */
export const unknownPredicateWeight = 1.5;
/**
 * Weight of a word of the story that the corpus never uses and the glossary does not know (工伤, 请假, 一趟 in "前段时间出了
 *工伤……请假回去一趟很麻烦"): a person's life told in words a policy corpus has no reason to use. Against the passages'
 * words it tells nothing either way; the words of the clause that asks still weigh fully, unknown ones double.
 */
export const untoldStoryWeight = 0.3;
/**
 * Weight of a word for who the person is (盲人, 聋人: a disability category) in the clause that asks, when that clause
 * also asks about something else: "盲人怎么用微信" asks about 微信, and a passage about blind people's bus fares says
 * nothing about it. (0.5 on the tuning questions: unchanged scores, and this kind of question is refused.)
 */
export const personWeight = 0.5;
/** Credit for a term only part of which is found (坐轮椅 → 轮椅). */
export const partCredit = 0.5;
/**
 * Weight of a word that is the form of the question rather than its topic (几张, 哪条路, 多少钱, 几时: a question
 * word of the phrasebook inside it), and of a bare number (2026, an area code left by a masked phone): the passages
 * need not repeat how a thing was asked, only what about.
 */
export const questionFormWeight = 0.2;

/** A verb's weight in the clause that asks (understand.server.ts: part of speech). */
const verbWeight = partOfSpeechWeight("v");

interface WeighedTerm {
  term: string;
  weight: number;
  /** The term and its glossary terms' words: full credit. */
  whole: string[];
  /** Parts of them that are not everyday corpus words: half credit. */
  parts: string[];
  /** A two-character word the corpus lacks, as the abbreviation of a longer one (社保 → 社会保险): half credit. */
  abbreviation: RegExp | null;
}

/** 社保 → 社…保: the characters in order, at most two between them (残联 → 残疾人联合会, 医保 → 医疗保险). */
export function abbreviationOf(term: string): RegExp | null {
  const chars = [...term];
  if (chars.length !== 2 || !chars.every((c) => /\p{Script=Han}/u.test(c))) return null;
  return new RegExp(`${chars[0]}[\\p{Script=Han}]{1,2}${chars[1]}`, "u");
}

function weigh(understanding: Pick<Understanding, "keyTerms">, expanded: ExpandedQuery, index: AssistantIndex): WeighedTerm[] {
  const common = (word: string) => termIdf(index, word) < termIdf(index, "申请");
  const rarest = termIdf(index, "\u0000");
  const { questionWords } = getPhrases();
  const isPerson = (term: string) => extractFacts(term).category !== undefined;
  const asksMore = understanding.keyTerms.some((o) => o.asked && o.weight >= 0.5 && !isPerson(o.term) && !questionWords.test(o.term));
  return understanding.keyTerms.map((t) => {
    if (t.offTopic) return { term: t.term, weight: unknownTopicWeight * rarest, whole: [t.term], parts: [], abbreviation: null };
    const glossary = expanded.expansions.filter((e) => e.variant === t.term || e.variant.includes(t.term) || t.term.includes(e.variant));
    const whole = [t.term, ...glossary.flatMap((e) => tokenizeWords(e.canonical))];
    // Parts count only for glossary words (坐轮椅 → 轮椅): a part of a word the corpus lacks (结婚登记 → 登记) is no clue.
    const parts = glossary.length
      ? [...new Set(whole.flatMap((w) => tokenize(w)))].filter((p) => !whole.includes(p) && [...p].length > 1 && !common(p))
      : [];
    // (English words are left at their weight: the corpus is Chinese, and its English summaries are short.)
    const han = /\p{Script=Han}/u.test(t.term);
    // (A glossary word that only means another question word, 什么地方 → 哪里, is a form too; so is one only a part of
    // which the glossary maps, 多少钱 with 钱 → 费用: the whole still asks how much.)
    const form =
      (han && questionWords.test(t.term) && glossary.every((e) => questionWords.test(e.canonical) || e.variant !== t.term)) || /^\d+$/.test(t.term);
    const unsaid = !glossary.length && han && !form && !corpusSays(index, t.term);
    const abbreviation = unsaid ? abbreviationOf(t.term) : null;
    const abbreviated = abbreviation !== null && corpusMatches(index, abbreviation);
    const unknown = t.asked && t.weight >= 1 && unsaid && !abbreviated;
    const unknownVerb = t.asked && !t.place && t.weight >= verbWeight && t.weight < 1 && unsaid && !abbreviated;
    // (A place the corpus does not name, 宁波, is where the person is: it weighs as a story's word, wherever it is.)
    const untold = (!t.asked || t.place === true) && unsaid && !abbreviated;
    const person = asksMore && t.asked && isPerson(t.term) ? personWeight : 1;
    const weight =
      person * t.weight * termIdf(index, t.term) * (unknown ? unknownTopicWeight : unknownVerb ? unknownPredicateWeight : 1) * (form ? questionFormWeight : 1) * (untold ? untoldStoryWeight : 1);
    return { term: t.term, weight, whole, parts, abbreviation: abbreviated ? abbreviation : null };
  });
}

export function groundingOf(
  understanding: Pick<Understanding, "keyTerms">,
  retrieval: { expanded: ExpandedQuery; hits: Array<{ chunk: { key: number } }> },
  index: AssistantIndex,
): Grounding {
  const terms = weigh(understanding, retrieval.expanded, index);
  const total = terms.reduce((s, t) => s + t.weight, 0);
  let best: Grounding = { score: 0, keys: [], found: [], missing: terms.map((t) => t.term) };
  if (!total) return best;
  const hits = retrieval.hits.slice(0, groundingCandidates).map((h) => h.chunk.key);
  // The best passage with one of the next, or two of them: a story's question and its circumstances are often
  // answered in neighbouring sections (who can apply, and what to bring).
  const pairs = hits.length > 1 ? hits.slice(1).map((k) => [hits[0], k]) : [hits];
  for (let i = 1; i < hits.length; i++) for (let j = i + 1; j < hits.length; j++) pairs.push([hits[0], hits[i], hits[j]]);
  for (const pair of pairs) {
    const keys = [...new Set(pair.flatMap((k) => [k, index.chunkAt(index.chunks[k].docId, null)?.key ?? k]))];
    const says = (word: string) => keys.some((key) => chunkSays(index, key, word));
    const found: string[] = [];
    const missing: string[] = [];
    let covered = 0;
    for (const t of terms) {
      if (t.whole.some(says)) {
        covered += t.weight;
        found.push(t.term);
      } else if (t.parts.some(says) || (t.abbreviation && keys.some((key) => chunkMatches(index, key, t.abbreviation as RegExp)))) {
        covered += t.weight * partCredit;
        found.push(t.term);
      } else missing.push(t.term);
    }
    if (covered / total > best.score) best = { score: covered / total, keys: pair, found, missing };
  }
  return best;
}

/** Who the person is (奶奶, 孩子, 邻居): no passage need name them; "委托他人代办" answers "奶奶能帮忙去办吗". */
const familyWords = new Set(Object.values(subjectPhrases).flatMap((phrases) => phrases.filter((p): p is string => typeof p === "string")));

/**
 * The Chinese nouns of the clause that asks, typed as the corpus would write them or unknown to it, that none of
 * the given passages says ("有没有轮椅位" when no passage mentions 轮椅): what the answer should own up to not
 * knowing. Everyday words the glossary maps (瞎子, 坐轮椅) are covered by their terms' meaning and left out, and
 * so are question words (哪几种, 几个月, 由谁来), the words that name what is asked (期限, 受理机关: the answer states a
 * time or an office, not the word) and English (the passages are Chinese).
 */
export function unsaidTerms(
  understanding: Pick<Understanding, "keyTerms" | "text">,
  expanded: ExpandedQuery,
  index: AssistantIndex,
  keys: number[],
  max = 3,
): string[] {
  // An everyday word the glossary maps is said when its term is (瞎子 by 盲人), not otherwise (创业 without 自主创业).
  const termsOf = new Map<string, string[]>();
  for (const e of expanded.expansions) {
    if (e.variant !== e.canonical.toLowerCase()) termsOf.set(e.variant, [...(termsOf.get(e.variant) ?? []), e.canonical]);
  }
  const said = plainAspectPhrases.filter((phrase) => understanding.text.includes(phrase));
  const aspectWord = (term: string) => said.some((phrase) => phrase.includes(term));
  const asked = new Set(
    understanding.keyTerms
      .filter(
        (t) =>
          t.asked && t.weight >= 1 && !t.offTopic && /^\p{Script=Han}{2,}$/u.test(t.term) && !/[哪几多什怎啥谁]/u.test(t.term) && !aspectWord(t.term) && !familyWords.has(t.term),
      )
      .map((t) => t.term),
  );
  const says = (word: string) => keys.some((key) => chunkSays(index, key, word));
  const saysTerm = (word: string) => (termsOf.get(word) ?? []).some((canonical) => says(canonical) || tokenizeWords(canonical).some(says));
  return weigh(understanding, expanded, index)
    .filter((t) => asked.has(t.term) && !t.whole.some(says) && !t.parts.some(says) && !saysTerm(t.term))
    .map((t) => t.term)
    .slice(0, max);
}
