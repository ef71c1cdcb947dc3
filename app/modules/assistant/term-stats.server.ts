import type { AssistantIndex } from "./vector-index.server";

/**
 * Per-index statistics the gate and the coverage figure need. Token statistics come from the lexical index,
 * which counts them when it is built (title, heading path, text, document number, and the questions people ask
 * that a chunk answers: the editors' word that the section answers them): each token's document frequency, and
 * whether a chunk has a token. The chunks' folded texts (for words jieba segments differently) are made once
 * per index, on first use.
 */

interface TextStats {
  texts: string[];
  /** All chunk texts joined (for "does the corpus say this anywhere"). */
  all: string;
}

const cache = new WeakMap<AssistantIndex, TextStats>();

/**
 * The corpus is simplified Chinese already (normalize.server.test.ts checks that OpenCC leaves it unchanged), so
 * its texts fold with NFKC and lower case alone: at 100 000 chunks OpenCC would cost seconds for nothing.
 */
const foldCorpusText = (text: string) => text.normalize("NFKC").toLowerCase();

function stats(index: AssistantIndex): TextStats {
  let s = cache.get(index);
  if (!s) {
    const texts = index.lexical.chunks.map((chunk) => foldCorpusText(`${chunk.title} ${chunk.headingPath} ${chunk.text} ${chunk.docNumber} ${chunk.questions}`));
    s = { texts, all: texts.join("\n") };
    cache.set(index, s);
  }
  return s;
}

/** Whether a chunk has an index token. */
export function chunkHasToken(index: AssistantIndex, key: number, token: string): boolean {
  return index.lexical.chunkHas(key, token);
}

/** Whether a chunk says a word: Chinese as a substring of its folded text (no word boundaries), others as a token. */
export function chunkSays(index: AssistantIndex, key: number, word: string): boolean {
  if (/\p{Script=Han}/u.test(word)) return stats(index).texts[key].includes(word);
  return index.lexical.chunkHas(key, word);
}

/** Whether any chunk says the word (a corpus word that jieba segments differently is still the corpus's). */
export function corpusSays(index: AssistantIndex, word: string): boolean {
  return index.lexical.hasTerm(word) || (/\p{Script=Han}/u.test(word) && stats(index).all.includes(word));
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
  const n = index.lexical.chunks.length;
  return Math.log((1 + n) / (1 + index.lexical.documentFrequency(term))) + 1;
}
