import { pinyin } from "pinyin-pro";
import { glossaryTerms, segmentWords, tagWords, tokenizeWords, type LexicalIndex } from "~/modules/search/index.server";
import { isFunctionWord } from "~/modules/search/segment.server";
import { foldText } from "~/modules/search/normalize.server";
import type { TypoRepair } from "~/modules/search/typo-repair.server";
import { getPhrases, type Phrases } from "./phrases.server";

/**
 * Question understanding before retrieval, one step after the other, each kept as data or a well-kept library:
 *
 * 1. masked personal numbers out (they are not words to search for);
 * 2. the characters folded: full-width → half-width (NFKC), traditional → simplified (OpenCC), lower case;
 * 3. homophone typos repaired against the corpus's own words (pinyin: 残急→残疾, 补帖→补贴, 申情→申请), and the
 *    A-not-A question said as 是否 (违不违法 → 是否违法);
 * 4. narrative filler left out (knowledge/phrasebook.yaml: 我妈, 好几年, 听说, 点样 …), so a long story is
 *    searched, and judged by the grounding gate, by what it asks about.
 *
 * 5. the key terms separated out: the words of the clause that asks (吗, 怎么, 哪 …: phrasebook `questionWords`)
 *    weigh fully, the story's clauses lightly; nouns weigh more than verbs, pronouns, numerals and adverbs
 *    (jieba's parts of speech). The grounding gate (grounding.server.ts) judges these.
 *
 * Colloquial words are mapped to the corpus's terms by the glossary during retrieval (search module: 借书→借阅,
 * 瘫痪在床→长期照护); the gate counts a word as found when its glossary term is.
 */

export interface Understanding {
  /** The masked question, as stored. */
  masked: string;
  /** Folded, with typos repaired (what the question means, in the corpus's characters). */
  text: string;
  repairs: TypoRepair[];
  /** The narrative phrases left out of the search. */
  narrative: string[];
  /** What retrieval searches: `text` without masked numbers and narrative filler. */
  query: string;
  /** The question's own words that say what it is about, with how much each counts (before idf). */
  keyTerms: KeyTerm[];
}

export interface KeyTerm {
  /** An index token ("护理补贴", "wheelchair"), or a single-character noun the index does not keep ("药"). */
  term: string;
  /** Part of speech × clause: 1 for a noun in the clause that asks, down to 0.15 × 0.15. */
  weight: number;
  /** In the clause that asks (not the story). */
  asked: boolean;
  /** A place name (jieba's ns: 宁波, 广州): where the person is, a circumstance rather than a topic. */
  place?: boolean;
  /** A phrase of a topic the assistant does not cover (phrasebook `offTopic`) in the clause that asks. */
  offTopic?: boolean;
}

/** Weight of a word by its part of speech (jieba's tags). */
export function partOfSpeechWeight(tag: string): number {
  if (/^(ns|nt)/.test(tag)) return 0.6; // places and organisations: where the person is, rarely what is asked
  if (/^(n|vn|an|j|i|l|eng)/.test(tag)) return 1;
  if (/^(v|a|x)/.test(tag)) return 0.6;
  return 0.15; // r pronoun, m numeral, q measure, d adverb, t time, f locality, s place, p, c, u, y, e, o, z, b …
}

/**
 * A word jieba's dictionary lacks and its HMM guessed (tagged x): "我能", "还会", "算边", "更重" join a function
 * character to the next one, and say no more than their weakest character does ("我能怎么维权" asks about 维权). A name
 * it guesses (霍金) keeps a noun's weight: each of its characters is one.
 */
function guessedWordWeight(word: string): number {
  if (!/^\p{Script=Han}{2,}$/u.test(word)) return partOfSpeechWeight("x");
  return Math.min(...[...word].map((char) => partOfSpeechWeight(tagWords(char)[0]?.tag ?? "x")));
}

/** A single character is a weaker clue to a topic than a word. */
export const singleWeight = 0.5;

/** Weight of a story clause's words against the clause that asks. */
export const storyWeight = 0.15;

/** Where a clause ends: punctuation, a line break, and a space between Chinese words (how people type on a phone). */
const clauseEnd = /(?<=[，。！？；,!?;\n]|\.\s)|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u;

/** Words that go somewhere (去景区, 下去景区): after another verb they say what for, not what is asked. */
const goingWords = new Set(["去", "到", "下去", "过去"]);

function clauseTerms(clause: string, weight: number, asked: boolean, actions: Set<string> = new Set(), lightVerbs: Set<string> = new Set()): KeyTerm[] {
  const out: KeyTerm[] = [];
  let previous = "";
  // "残疾证借给我哥去景区用一下行不": after a verb that says what is asked (借给), the place one goes to (景区) is what
  // for, a circumstance like a place name. Not after a light verb ("拿残疾证去银行办卡": 拿 says nothing; the bank is
  // what is asked), and not with no verb before it ("坐轮椅的去景区有没有免费").
  let acted = false;
  let going = false;
  for (const { word, tag } of tagWords(clause)) {
    const purpose = going && /^n/.test(tag);
    going = acted && goingWords.has(word);
    if (/^v/.test(tag) && !goingWords.has(word) && !lightVerbs.has(word)) acted = true;
    // "25个人的小公司": jieba reads 25 / 个人, but 个 counts the number before it ("25 people"), it is no 个人 (a person).
    const countsPrevious = word.startsWith("个") && /^[\d一二两三四五六七八九十百千几]+$/u.test(previous);
    previous = word;
    if (countsPrevious || !/[\p{L}\p{N}]/u.test(word)) continue;
    // "有装" in "哪里有装", "税有" in "税有优惠吗": jieba's guess joins a function character (有, 能, 是) to a word's; the
    // function character says nothing, the rest is the word (装, 税), weighed as a single character (never more than
    // the guess would: "他算" stays as weak as its weakest character). (Not 还: "还书" returns a book.)
    const rest = tag === "x" && /^\p{Script=Han}{2,3}$/u.test(word) ? [...word].filter((c) => !isFunctionWord(c) || c === "还").join("") : word;
    if (rest !== word) {
      if (rest && [...rest].length === 1) {
        const restTag = tagWords(rest)[0]?.tag ?? "x";
        out.push({ term: rest, weight: Math.min(guessedWordWeight(word), partOfSpeechWeight(restTag) * singleWeight) * weight, asked });
      } else if (rest) for (const term of tokenizeWords(rest)) out.push({ term, weight: guessedWordWeight(word) * weight, asked });
      continue;
    }
    const tokens = tokenizeWords(word);
    // A single character jieba calls a noun is a topic too (药, 腿), though the index does not keep it; so is one
    // that says what is to be done (修, 捐: phrasebook `actions`).
    const single = !tokens.length && [...word].length === 1 && (/^n/.test(tag) || actions.has(word)) && /\p{Script=Han}/u.test(word);
    const terms = single ? [word] : tokens;
    // (An action weighs as the verb it is: it is what is asked, not a clue to the topic.)
    const discount = single && !actions.has(word) ? singleWeight : 1;
    const place = /^ns/.test(tag) || purpose ? { place: true } : {};
    const speech = purpose ? partOfSpeechWeight("ns") : tag === "x" ? guessedWordWeight(word) : partOfSpeechWeight(tag);
    for (const term of terms) out.push({ term, weight: speech * weight * discount, asked, ...place });
  }
  return out;
}

/**
 * A question's clauses, each without its narrative filler, and whether it is one that asks (with a question word
 * and a word of its own) or one that tells the story. With no such clause, the last one with words asks.
 */
export function questionClauses(text: string, phrases: Phrases): Array<{ clause: string; own: string; asking: boolean; frame?: boolean }> {
  const clauses = text.split(clauseEnd).map((c) => c.trim()).filter(Boolean);
  const own = clauses.map((c) => phrases.narrative.remove(c));
  const terms = own.map((c) => clauseTerms(c, 1, true));
  // (A place is no subject of its own: "……还没办证，能在广州办吗？" asks where to get what the clause before names.)
  const counts = terms.map((t) => t.filter((term) => !term.place).length);
  const markers = clauses.map((c, i) => {
    // ("总不能专门坐车回英德吧？" asks nothing: it expects "no" and tells the story.)
    if (phrases.rhetorical?.test(own[i])) return [];
    const words = phrases.questionWords.find(phrases.notQuestions.remove(c));
    return words.length || !phrases.questionEndings?.test(c) ? words : ["不"];
  });
  // In a text that marks its questions (？), a clause that does not end with one and whose only question word is 几
  // tells the story: "楼下几间铺头……，我已经撞过几次。想投诉，应该点做？" counts shops and times, it asks nothing.
  const marked = clauses.some((c) => /[？?]$/.test(c));
  let asking = markers.map((m, i) => m.length > 0 && !(marked && !/[？?]$/.test(clauses[i]) && m.every((w) => w === "几")));
  // A message that asks nothing at all tells what happened ("我妈上个月走了，她生前一直领着护理补贴"): all of it is what
  // the person wants answered. (One whose question words were all discounted still asks with its last clause.)
  // ("我是三级肢体残疾，想借个轮椅" asks with its wish: the last clause, as before.)
  const statement = !marked && markers.every((m) => !m.length) && !own.some((c) => phrases.wishes?.test(c));
  if (!asking.some(Boolean)) asking = clauses.map((_, i) => statement || i === clauses.length - 1);
  // A clause that asks with no word of its own ("……是真的吗", "应该怎么做？") asks about the clause before it.
  const bare = asking.map((a, i) => a && counts[i] === 0);
  asking = asking.map((a, i) => (a && terms[i].length > 0) || (counts[i] > 0 && bare[i + 1] === true));
  if (!asking.some(Boolean)) {
    const last = counts.reduce((at, n, i) => (n > 0 ? i : at), -1);
    asking = clauses.map((_, i) => i === last);
  }
  // A clause saying what the person wants, just before the one that asks, is part of the question: "想找个按摩的
  // 工作，残联能介绍吗" asks about the job ("我想……" with its subject, 我, as filler: wishes match at the start).
  const wish = phrases.wishes;
  if (wish) asking = asking.map((a, i) => a || (asking[i + 1] === true && counts[i] > 0 && wish.test(own[i])));
  // (`frame`: a clause that asks with no word of its own, "要带啥？": what it asks about the topic, said elsewhere.)
  return clauses.map((clause, i) => ({ clause, own: own[i], asking: asking[i], ...(bare[i] && !terms[i].length ? { frame: true } : {}) }));
}

/**
 * The key terms of a question: the clause that asks at full weight, the story's clauses at `storyWeight`.
 * Off-topic phrases in the clause that asks (残疾人可以买彩票吗 → 彩票) are key terms of their own.
 */
export function keyTermsOf(text: string, phrases: Phrases): KeyTerm[] {
  const parts = questionClauses(text, phrases);
  const clauses = parts.map((p) => p.clause);
  const asking = parts.map((p) => p.asking);
  const out = parts.flatMap(({ own, asking }) => clauseTerms(own, asking ? 1 : storyWeight, asking, phrases.actions, phrases.lightVerbs));
  for (const [i, clause] of clauses.entries()) {
    if (!asking[i]) continue;
    for (const phrase of phrases.offTopic.find(clause)) out.push({ term: phrase.toLowerCase(), weight: 1, asked: true, offTopic: true });
  }
  // One entry per term, at its highest weight.
  const best = new Map<string, KeyTerm>();
  for (const t of out) if ((best.get(t.term)?.weight ?? -1) < t.weight || t.offTopic) best.set(t.term, t);
  return [...best.values()];
}

const maskedNumber = /\*{3,}[\dXx]{0,4}|\d{3}\*{4}\d{4}/g;

export interface UnderstandOptions {
  phrases?: Phrases;
}

/** Per glossary (the segmenter's: files and console entries), built once. */
const soundsByGlossary = new WeakMap<object, Map<string, string[]>>();
/** The glossary's Chinese terms of three or four characters, by their toneless pinyin. */
function glossarySounds(): Map<string, string[]> {
  const terms = glossaryTerms();
  let termSounds = soundsByGlossary.get(terms);
  if (!termSounds) {
    termSounds = new Map();
    soundsByGlossary.set(terms, termSounds);
    for (const term of terms) {
      for (const word of [term.canonical, ...term.variants]) {
        if (!/^\p{Script=Han}{3,4}$/u.test(word)) continue;
        const key = pinyin(word, { toneType: "none", type: "array", v: true }).join(" ");
        termSounds.set(key, [...(termSounds.get(key) ?? []), word]);
      }
    }
  }
  return termSounds;
}

/**
 * A homophone typo that is itself a word (生火补贴: 生火 is in the dictionary, so the corpus repair leaves it):
 * a run of three or four characters the index does not know, that sounds exactly like a glossary term and
 * differs from it in one character, is that term (生火补贴 → 生活补贴). Only glossary terms, whole
 * sounds, one character: a real phrase rarely sounds like one of them.
 */
export function repairTermTypos(text: string, lexical: Pick<LexicalIndex, "hasTerm">): { text: string; repairs: TypoRepair[] } {
  const sounds = glossarySounds();
  const repairs: TypoRepair[] = [];
  const out = text.replace(/\p{Script=Han}{3,}/gu, (run) => {
    const chars = [...run];
    const syllables = pinyin(run, { toneType: "none", type: "array", v: true });
    // Where jieba's words start and end, and how long the word holding each character is.
    const words = tagWords(run).map((w) => w.word);
    if (syllables.length !== chars.length || words.join("") !== run) return run;
    const starts = new Set<number>();
    const wordLength: number[] = [];
    let at = 0;
    for (const word of words) {
      starts.add(at);
      for (const _ of word) wordLength.push([...word].length);
      at += [...word].length;
    }
    starts.add(at);
    for (const length of [4, 3]) {
      for (let i = 0; i + length <= chars.length; i++) {
        // Whole words only (小孩自 cuts through 自闭症), and the character changed is inside a word of two or more
        // (生火 → 生活): a character standing alone (是残联 → 市残联) is the corpus repair's business, with its guards.
        if (!starts.has(i) || !starts.has(i + length)) continue;
        const piece = chars.slice(i, i + length).join("");
        if (lexical.hasTerm(piece)) continue;
        const target = (sounds.get(syllables.slice(i, i + length).join(" ")) ?? []).find((word) => {
          const changed = [...word].map((c, j) => (c === chars[i + j] ? -1 : i + j)).filter((j) => j >= 0);
          return changed.length === 1 && wordLength[changed[0]] >= 2;
        });
        if (target) {
          repairs.push({ from: piece, to: target });
          chars.splice(i, length, ...target);
        }
      }
    }
    return chars.join("");
  });
  return { text: out, repairs };
}

/** Years people name by where they are from now (今年, next year): how many years from the current one. */
const relativeYears: Array<[RegExp, number]> = [
  [/今年|\bthis year\b/i, 0],
  [/明年|\bnext year\b/i, 1],
  [/去年|\blast year\b/i, -1],
  [/后年/, 2],
  [/前年/, -2],
];

/** A question for a date ("几号", "哪天", "when"). */
const asksDate = /哪天|哪一天|几月|几号|什么时候|什么日子|日期|\bwhen\b|\bwhat date\b|\bwhich day\b/i;

/**
 * "今年的助残日是几号" asks about a year the corpus writes as a number (2026年的全国助残日是5月17日): a question for
 * a date gets the year it names ("今年" → "今年（2026年）"), counted in China's time. Other questions are left as
 * they are (a story's "去年中风" is no date asked for).
 */
export function withAbsoluteYears(question: string, now: Date = new Date()): string {
  if (!asksDate.test(question)) return question;
  const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(now));
  let out = question;
  for (const [pattern, offset] of relativeYears) {
    out = out.replace(pattern, (word) => (/\p{Script=Han}/u.test(word) ? `${word}（${year + offset}年）` : `${word} (${year + offset})`));
  }
  return out;
}

/**
 * The everyday A-not-A question of a two-character word said as 是否 ("违不违法" → "是否违法", "收不收费" → "是否收费",
 * "要不要先约" → "是否要先约"): otherwise the segmenter cuts a half-word ("违不") that no passage says and the
 * grounding gate counts it missing. (A whole one-character A-not-A, "行不行", stays: nothing is cut.)
 */
export function withoutAnotA(text: string): string {
  // Only a two-character dictionary word that ends the question (违法？, 收费吗): "能不能领", "算不算进去" are
  // one-character verbs with more after them.
  return text.replace(/(\p{Script=Han})不\1(?=(\p{Script=Han})(?:[^\p{Script=Han}]|[吗呢啊呀哦]|$))/gu, (whole, first: string, next: string) =>
    segmentWords(first + next).length === 1 ? `是否${first}` : whole,
  );
}

export function understandQuestion(masked: string, lexical: LexicalIndex, options: UnderstandOptions = {}): Understanding {
  const phrases = options.phrases ?? getPhrases();
  const folded = foldText(masked.replace(maskedNumber, " "));
  const corpusRepaired = lexical.repairTypos(folded);
  const termRepaired = repairTermTypos(corpusRepaired.text, lexical);
  const text = withoutAnotA(termRepaired.text);
  const repairs = [...corpusRepaired.repairs, ...termRepaired.repairs];
  const narrative = phrases.narrative.find(text);
  let query = phrases.narrative.remove(text).replace(/\s+/g, " ").trim();
  // A question that is nothing but narrative ("谢谢你") is searched as typed: the gate will judge it.
  if (!/[\p{L}\p{N}]/u.test(query)) query = text.trim();

  return { masked, text, repairs, narrative, query, keyTerms: keyTermsOf(text, phrases) };
}
