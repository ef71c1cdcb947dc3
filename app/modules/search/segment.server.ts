import { AsyncLocalStorage } from "node:async_hooks";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { defaultKnowledgeDir, loadGlossary } from "~/modules/content/corpus.server";
import type { GlossaryTerm } from "~/modules/content/schema";
import { foldText } from "./normalize.server";

/**
 * Chinese (and English) segmentation for the search index and queries.
 * One jieba instance per process, with the glossary's Chinese terms added to its dictionary so that
 * 残疾人证, 两项补贴, 粤北区域中心 … stay whole words (cutForSearch still adds their sub-words).
 */

const han = /\p{Script=Han}/u;
const hasWordChar = /[\p{L}\p{N}]/u;

/** Function words and question words that say nothing about a document. */
const zhStopWords = new Set(
  (
    "的 了 吗 呢 吧 啊 呀 嘛 么 是 在 和 与 及 或 也 都 就 还 又 把 被 给 对 从 向 到 为 以 之 其 而 " +
    "这 那 这个 那个 这些 那些 什么 怎么 怎样 怎么样 怎么办 如何 哪 哪个 哪些 多少 几 能 能不能 " +
    "可以 可不可以 会 要 想 有 没有 是不是 有没有 能否 我 你 他 她 它 我们 你们 他们 请问 一下 一个 " +
    "吗 啥 咋 咋办 是否 应该 需不需要 有些 有的 等 等等 去 来 个 些 只能 只好"
  ).split(/\s+/),
);

const enStopWords = new Set(
  (
    "a an the of for to in on at by and or is are be was were been what how can do does did i my me we our you " +
    "your it its this that these those with from as about which who when where why will would should could get " +
    "have has had not no yes please there their them they if so any some he she him his her hers us one ones " +
    "am also just very really much many more most such than then here now want need like know tell us"
  ).split(/\s+/),
);

/** Single Chinese characters that carry meaning on their own in this domain. */
const meaningfulChars = new Set([..."盲聋哑瘸残证税岁级章条"]);

/**
 * The segmenter of one glossary: jieba with the glossary's words, the single characters that carry meaning, and the
 * glossary's matcher for query expansion. The process serves one (`useSegmenter`, swapped in with the corpus it was
 * built for: content/live.server.ts); a caller may run code under another for a while (`withSegmenter`: an index built
 * beside with a pending glossary change), without the requests served meanwhile seeing it.
 */
export interface Segmenter {
  readonly glossary: GlossaryTerm[];
  readonly jieba: Jieba;
  readonly meaningfulSingles: Set<string>;
  /** Glossary words by their first character, longest first. */
  matcher?: Map<string, Entry[]>;
}

let current: Segmenter | undefined;
const scoped = new AsyncLocalStorage<Segmenter>();

/** Jieba user-dictionary frequency for glossary words: high enough to keep them whole. */
const glossaryWordFrequency = 50_000;

function isHanWord(word: string): boolean {
  return han.test(word) && !/\s/.test(word);
}

/** A segmenter for these glossary terms (≈¼ s: jieba's dictionary is loaded again). */
export function createSegmenter(terms: GlossaryTerm[]): Segmenter {
  const jieba = Jieba.withDict(dict);
  const words = new Set<string>();
  const meaningfulSingles = new Set(meaningfulChars);
  for (const term of terms) {
    for (const word of [term.canonical, ...term.variants]) {
      const w = normalize(word);
      if (!isHanWord(w)) continue;
      if ([...w].length === 1) meaningfulSingles.add(w);
      else words.add(w);
    }
  }
  if (words.size) {
    jieba.loadDict(Buffer.from([...words].map((w) => `${w} ${glossaryWordFrequency} n`).join("\n") + "\n"));
  }
  return { glossary: terms, jieba, meaningfulSingles };
}

/** Loads the glossary (knowledge/glossary.yaml unless given) into the shared segmenter. */
export function configureSegmenter(terms?: GlossaryTerm[]): void {
  current = createSegmenter(terms ?? loadGlossary(defaultKnowledgeDir()).terms);
}

/** Serves this segmenter from now on (the process's; a `withSegmenter` scope still sees its own). */
export function useSegmenter(segmenter: Segmenter): void {
  current = segmenter;
}

/** Runs `fn` (and everything it awaits) with this segmenter instead of the process's. */
export function withSegmenter<T>(segmenter: Segmenter, fn: () => T): T {
  return scoped.run(segmenter, fn);
}

const byDigest = new Map<string, Segmenter>();
/**
 * The segmenter of a corpus's glossary (`Corpus.glossary`; undefined: the process's), made once per digest — a swap
 * and the index built for it share one.
 */
export function segmenterOf(glossary: { terms: GlossaryTerm[]; digest: string } | undefined): Segmenter {
  if (!glossary) return active();
  let made = byDigest.get(glossary.digest);
  if (!made) {
    made = createSegmenter(glossary.terms);
    // The served one and the next: two are enough.
    if (byDigest.size >= 2) byDigest.delete(byDigest.keys().next().value as string);
    byDigest.set(glossary.digest, made);
  }
  return made;
}

function active(): Segmenter {
  const inScope = scoped.getStore();
  if (inScope) return inScope;
  if (!current) configureSegmenter();
  return current as Segmenter;
}

function segmenter(): Jieba {
  return active().jieba;
}

/** Loads jieba's dictionary and the glossary now (≈¼ s) rather than on the first query. */
export function warmSegmenter(): void {
  segmenter();
}

/** The glossary the segmenter uses. */
export function glossaryTerms(): GlossaryTerm[] {
  return active().glossary;
}

/** NFKC (full-width → half-width), traditional → simplified and lower case (see normalize.server.ts). */
export function normalize(text: string): string {
  return foldText(text);
}

/** True when jieba's dictionary (with the glossary) has `text` as one word. */
export function isDictionaryWord(text: string): boolean {
  const cut = segmenter().cut(normalize(text), false);
  return cut.length === 1 && cut[0] === normalize(text);
}

/** Function and question words (的, 是, 了, 吗 …): they never carry a topic. */
export function isFunctionWord(word: string): boolean {
  return zhStopWords.has(word);
}

/** Words with their part of speech (jieba's tags: n noun, v verb, r pronoun, m numeral, d adverb, x unknown …). */
export function tagWords(text: string): Array<{ word: string; tag: string }> {
  return segmenter().tag(normalize(text), true);
}

/** jieba's dictionary segmentation (with the glossary), without guessing unknown words: 户口部 → 户口 / 部. */
export function segmentWords(text: string): string[] {
  return segmenter().cut(normalize(text), false);
}

/**
 * A light English stemmer: possessives and plurals ("wheelchairs" → "wheelchair", "allowances" → "allowance",
 * "buses" → "bus", "boxes" → "box").
 */
function stemEnglish(word: string): string {
  let w = word.replace(/['’]s$/, "");
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ss|x|z|ch|sh|us)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Keeps, drops or rewrites one segment. */
function processToken(token: string): string | null {
  const t = token.trim();
  if (!t || !hasWordChar.test(t)) return null;
  if (han.test(t)) {
    if (zhStopWords.has(t)) return null;
    if ([...t].length === 1 && !active().meaningfulSingles.has(t)) return null;
    return t;
  }
  if (/^[a-z][a-z'’-]*$/.test(t)) {
    if (t.length < 2 || enStopWords.has(t)) return null;
    return stemEnglish(t);
  }
  return t; // numbers, codes such as 26341-2010
}

/**
 * Index/query tokens: jieba search-mode segmentation (whole words plus their sub-words), lower case,
 * without punctuation, whitespace, stop words and meaningless single characters. Keeps duplicates
 * (term frequency matters to BM25).
 */
export function tokenize(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const token of segmenter().cutForSearch(normalize(text), true)) {
    const t = processToken(token);
    if (t) out.push(t);
  }
  return out;
}

/** Whole-word tokens (jieba's default mode, no sub-words): "视力残疾" → ["视力残疾"]. */
export function tokenizeWords(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const token of segmenter().cut(normalize(text), true)) {
    const t = processToken(token);
    if (t) out.push(t);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Query expansion with the glossary

export interface QueryExpansion {
  /** What the person typed ("残疾证", "wheelchair"). */
  variant: string;
  /** The corpus's term ("残疾人证", "轮椅"). Equal to `variant` when the canonical term itself was typed. */
  canonical: string;
}

export interface ExpandedQuery {
  /** The query as typed, trimmed. */
  query: string;
  /** Tokens of the query as typed. */
  tokens: string[];
  /** Glossary words found in the query (leftmost-longest, not overlapping). */
  expansions: QueryExpansion[];
  /**
   * Whole-word tokens of the canonical terms that the query's own tokens do not already contain (only the
   * whole terms: their sub-words, such as 残疾 in 视力残疾, are too common to widen a query with).
   */
  addedTokens: string[];
  /** tokens ∪ addedTokens, without duplicates, in order. */
  terms: string[];
  /**
   * Terms that are only part of a longer term of the query (不见 in 看不见, 残疾 in 残疾人证): search mode
   * adds them for recall; a search should weigh them less so one word is not counted twice.
   */
  subTerms: string[];
}

interface Entry {
  word: string;
  canonical: string;
  ascii: boolean;
}

function entries(): Map<string, Entry[]> {
  const state = active();
  if (!state.matcher) {
    const list: Entry[] = [];
    for (const term of glossaryTerms()) {
      for (const word of [term.canonical, ...term.variants]) {
        const w = normalize(word).trim();
        if (w) list.push({ word: w, canonical: term.canonical, ascii: !han.test(w) });
      }
    }
    const byFirst = new Map<string, Entry[]>();
    for (const e of list.sort((a, b) => b.word.length - a.word.length)) {
      const same = byFirst.get(e.word[0]);
      if (same) same.push(e);
      else byFirst.set(e.word[0], [e]);
    }
    state.matcher = byFirst;
  }
  return state.matcher;
}

const asciiWordChar = /[a-z0-9]/;

/**
 * Glossary words in `text` (already normalized), leftmost-longest, non-overlapping; and one that overlaps the word
 * before when the segmenter reads it as a word of the text: "先试坐一下" has 先试 and 试坐, and the word typed is 试坐.
 */
function findGlossaryWords(text: string, words: Set<string>): QueryExpansion[] {
  const found: Array<QueryExpansion & { at: number }> = [];
  const list = entries();
  let i = 0;
  while (i < text.length) {
    const hit = (list.get(text[i]) ?? []).find(
      (e) =>
        text.startsWith(e.word, i) &&
        (!e.ascii ||
          ((i === 0 || !asciiWordChar.test(text[i - 1])) &&
            (i + e.word.length === text.length ||
              !asciiWordChar.test(text[i + e.word.length]) ||
              // plural of an English variant: "wheelchairs", "devices"
              (text[i + e.word.length] === "s" && !asciiWordChar.test(text[i + e.word.length + 1] ?? " "))))),
    );
    const last = found.at(-1);
    const free = !last || last.at + last.variant.length <= i;
    if (hit && (free || (words.has(hit.word) && last.at + last.variant.length < i + hit.word.length))) found.push({ variant: hit.word, canonical: hit.canonical, at: i });
    i++;
  }
  return found.map(({ variant, canonical }) => ({ variant, canonical }));
}

/**
 * Maps colloquial, formal and English words to the corpus's canonical terms (残疾证 → 残疾人证,
 * 盲人 → 视力残疾, "wheelchair" → 轮椅) and keeps the original tokens.
 */
export function expandQuery(q: string): ExpandedQuery {
  const query = q.trim();
  const tokens = tokenize(query);
  const expansions = findGlossaryWords(normalize(query), new Set(tokens));
  const have = new Set(tokens);
  const addedTokens: string[] = [];
  for (const { canonical } of expansions) {
    for (const t of tokenizeWords(canonical)) {
      if (!have.has(t)) {
        have.add(t);
        addedTokens.push(t);
      }
    }
  }
  const terms = [...new Set([...tokens, ...addedTokens])];
  const subTerms = terms.filter((t) => terms.some((other) => other !== t && other.includes(t)));
  return { query, tokens, expansions, addedTokens, terms, subTerms };
}
