import { tokenize } from "~/modules/search/index.server";
import { foldText } from "~/modules/search/normalize.server";
import type { AssistantIndex } from "./vector-index.server";

/**
 * Per-index statistics the gate and the coverage figure need, computed once per index: each chunk's tokens and
 * folded text (title, heading path, text, document number, and the questions people ask that it answers: the
 * editors' word that the section answers them), and each token's document frequency.
 */

interface TermStats {
  df: Map<string, number>;
  n: number;
  tokens: Array<Set<string>>;
  texts: string[];
  /** All chunk texts joined (for "does the corpus say this anywhere"). */
  all: string;
}

const cache = new WeakMap<AssistantIndex, TermStats>();

function stats(index: AssistantIndex): TermStats {
  let s = cache.get(index);
  if (!s) {
    const df = new Map<string, number>();
    const tokens: Array<Set<string>> = [];
    const texts: string[] = [];
    for (const chunk of index.lexical.chunks) {
      const text = `${chunk.title} ${chunk.headingPath} ${chunk.text} ${chunk.docNumber} ${chunk.questions}`;
      const own = new Set(tokenize(text));
      tokens.push(own);
      texts.push(foldText(text));
      for (const term of own) df.set(term, (df.get(term) ?? 0) + 1);
    }
    s = { df, n: index.lexical.chunks.length, tokens, texts, all: texts.join("\n") };
    cache.set(index, s);
  }
  return s;
}

/** The index tokens of one chunk. */
export function chunkTokens(index: AssistantIndex, key: number): Set<string> {
  return stats(index).tokens[key];
}

/** Whether a chunk says a word: Chinese as a substring of its folded text (no word boundaries), others as a token. */
export function chunkSays(index: AssistantIndex, key: number, word: string): boolean {
  if (/\p{Script=Han}/u.test(word)) return stats(index).texts[key].includes(word);
  return stats(index).tokens[key].has(word);
}

/** Whether any chunk says the word (a corpus word that jieba segments differently is still the corpus's). */
export function corpusSays(index: AssistantIndex, word: string): boolean {
  const s = stats(index);
  return s.df.has(word) || (/\p{Script=Han}/u.test(word) && s.all.includes(word));
}

/** Whether a chunk's folded text matches a pattern. */
export function chunkMatches(index: AssistantIndex, key: number, pattern: RegExp): boolean {
  return pattern.test(stats(index).texts[key]);
}

/** Whether any chunk's folded text matches a pattern. */
export function corpusMatches(index: AssistantIndex, pattern: RegExp): boolean {
  return pattern.test(stats(index).all);
}

/** idf of an index token over the index's chunks (unknown words get the highest). */
export function termIdf(index: AssistantIndex, term: string): number {
  const { df, n } = stats(index);
  return Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1;
}
