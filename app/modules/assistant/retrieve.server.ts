import type { LevyBand } from "./levy";
import { chunkWeights, expandQuery, tokenizeWords, type ExpandedQuery } from "~/modules/search/index.server";
import { fuseRanks, rrfK, typeBoosts } from "./fusion";
import { askedTermShare, askedTermWeight } from "./asked-terms.server";
import { groundingOf, type Grounding } from "./grounding.server";
import { chunkHasToken, termIdf } from "./term-stats.server";
import { getPhrases } from "./phrases.server";
import { questionClauses, understandQuestion, type Understanding } from "./understand.server";
import type { AssistantChunk, AssistantIndex } from "./vector-index.server";

/**
 * Hybrid retrieval: the question understood first (understand.server.ts), then BM25 ranks (search module, chunk
 * level) and vector ranks (HNSWLib over the local LSA embeddings) fused by reciprocal-rank fusion (k = 60),
 * gently re-weighted by document type, and the grounding gate's score (grounding.server.ts) as the confidence
 * that the passages found are about what the question asks.
 */

export interface RetrievedChunk {
  chunk: AssistantChunk;
  /** Fused score (RRF × type boost). */
  score: number;
  /** 1-based ranks in each list, null when the chunk was not in it. */
  lexicalRank: number | null;
  vectorRank: number | null;
  /** The chunk's BM25 score, null when BM25 did not rank it. */
  lexicalScore: number | null;
  /** Cosine similarity of the chunk to the question (0 when unknown). */
  cosine: number;
  /** Query terms the chunk matched (BM25). */
  terms: string[];
}

export interface Retrieval {
  /** The question as asked (masked). */
  question: string;
  /**
   * What a follow-up that borrowed only its topic asks itself ("换一本新的要不要钱" after "有效期是几年"): the kind
   * of fact it wants (a duration, a date) is read from these words, not from the borrowed topic's. Unset otherwise.
   */
  asks?: string;
  /** What the question asks about its topic (dialog-phrases.ts `aspectPhrases` keys: "materials", "where" …). */
  aspects?: string[];
  /** People the question is not about (盲人, when a follow-up asks the same of 聋人): their sections come last. */
  otherPeople?: string[];
  /** The topic a follow-up borrowed ("辅具" for "借多久要还"): sections that do not say it come after those that do. */
  topic?: string[];
  /** The levy band an employer's counts put it in (levy.ts): the sentence that states it answers first. */
  levyBand?: LevyBand;
  /** What happened in the case, told by an earlier turn (去世): the sentence that says it answers first. */
  caseEvents?: string[];
  understanding: Understanding;
  expanded: ExpandedQuery;
  hits: RetrievedChunk[];
  /** The grounding gate's score (grounding.score), compared with `minimumConfidence`. */
  confidence: number;
  grounding: Grounding;
  /**
   * A diagnostic kept from the first version of the gate: the idf-weighted share of all the query's words (or
   * their glossary terms) that any of the retrieved chunks contains. It punishes every word of a story.
   * (So is the LSA cosine: on short off-topic questions it is too noisy to threshold.)
   */
  coverage: number;
  bestCosine: number;
  ms: number;
}

export interface RetrieveOptions {
  /** Fused hits to return (default 8). */
  limit?: number;
  /** Candidates taken from each list before fusion (default 40). */
  candidates?: number;
  /** Re-weight by document type (default true). */
  typeBoost?: boolean;
  /** Which channels rank the chunks (default "hybrid"); "bm25" and "vector" are the ablation's single channels. */
  retrievalMode?: RetrievalMode;
}

/** The retrieval channels: both fused (the default), or one alone (the evaluation's ablation). */
export const retrievalModes = ["hybrid", "bm25", "vector"] as const;
export type RetrievalMode = (typeof retrievalModes)[number];

/**
 * The grounding gate's threshold, calibrated on the tuning questions (`npm run eval:chat` prints the figures it
 * rests on): between the highest score of an off-corpus question that reaches retrieval and the lowest of an
 * answerable one. See docs/decisions/0005.
 */
export const minimumConfidence = 0.42;

/** The question as the vector side sees it: its words plus the glossary's canonical terms (English → 中文). */
export function vectorQueryText(expanded: ExpandedQuery): string {
  const canonical = [...new Set(expanded.expansions.map((e) => e.canonical))];
  return [expanded.query, ...canonical].join(" ");
}

const canonicalWords = new Map<string, string[]>();
function tokenizeWordsCached(term: string): string[] {
  let words = canonicalWords.get(term);
  if (!words) {
    words = tokenizeWords(term);
    canonicalWords.set(term, words);
  }
  return words;
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Documents ranked by their best chunks' BM25 scores: docId → rank (1-based), the best 20. */
function documentRanks(index: AssistantIndex, hits: Array<{ key: number; score: number }>): Map<string, number> {
  const scores = new Map<string, number[]>();
  for (const hit of hits) {
    const docId = index.chunks[hit.key].docId;
    const list = scores.get(docId);
    if (list) list.push(hit.score);
    else scores.set(docId, [hit.score]);
  }
  const ranked = [...scores.entries()]
    .map(([docId, list]) => ({ docId, score: list.reduce((sum, x, i) => sum + x * (chunkWeights[i] ?? 0), 0) }))
    .sort((a, b) => b.score - a.score || a.docId.localeCompare(b.docId))
    .slice(0, 20);
  return new Map(ranked.map((d, i) => [d.docId, i + 1]));
}

/**
 * Weights in the fusion, tuned on the tuning questions (docs/benchmarks.md has the ablation): BM25's chunk list
 * 1; the vector list 0.25 (on the 252 tuning questions: 0 → pass 97.6%, recall@5 94.9%; 0.25 → 98.0%, 96.0%;
 * 0.5 → 98.0%, 94.9%; 1 → 97.2%, 94.3%: above a quarter it pushes good BM25 hits out of the top five as often as
 * it brings a missed one in); the sections-of-the-best-documents list 0.5; the document-level BM25 term 1.
 */
export const fusionWeights = { lexical: 1, vector: 0.25, inside: 0.5, document: 1 } as const;
const documentWeight = fusionWeights.document;

/**
 * Weight in the BM25 query of a word only the story says ("我是外地户口，在清远住了三年，可以在这边办残疾证吗": 外地, 户口,
 * 三年 against 办残疾证): it still finds the section about the person's case, but the clause that asks leads. Tuned on
 * the tuning questions (1 → 462/475, 0.7 → 463, 0.5 and 0.3 → 463 with recall@5 two lower; held-out unchanged).
 */
export const storyTermWeight = 0.7;

/** Down-weights the words of the story's clauses that the clause that asks does not repeat; undefined for no story. */
function storyTermBoost(text: string): ((term: string) => number) | undefined {
  const clauses = questionClauses(text, getPhrases());
  const asking = clauses.filter((c) => c.asking).map((c) => c.own).join("，");
  const story = clauses.filter((c) => !c.asking).map((c) => c.own).join("，");
  if (!story) return undefined;
  return (term) => (story.includes(term) && !asking.includes(term) ? storyTermWeight : 1);
}

/**
 * Retrieves the passages for a question as a person asked it (masked): it is understood first (folded, typos
 * repaired, the story's filler left out), searched, and the grounding gate judges its key terms.
 */
export async function retrieve(index: AssistantIndex, question: string, options: RetrieveOptions = {}): Promise<Retrieval> {
  const started = performance.now();
  const limit = options.limit ?? 8;
  const candidates = Math.min(options.candidates ?? 40, index.chunks.length);
  const mode = options.retrievalMode ?? "hybrid";
  const useLexical = mode !== "vector";
  const useVector = mode !== "bm25";
  const understanding = understandQuestion(question, index.lexical);
  const query = understanding.query;
  const expanded = expandQuery(query);

  // A repealed document stays on its page and in the search, marked so, but is never an answer's source: the
  // assistant does not cite what is no longer in force (issue 16, item 2). Nor a repealed article of a document
  // in force (front matter repealedArticles; its subsections go with it): its neighbours still answer.
  const inForce = (key: number) => {
    const chunk = index.chunks[key];
    const doc = index.documents.get(chunk.docId);
    if (doc?.status === "repealed") return false;
    return chunk.anchor === null || !doc?.sections.some((s) => s.anchor === chunk.anchor && s.repeal !== null);
  };
  // One BM25 pass: the best chunks, and (from the best 200) a ranking of documents.
  const lexicalAll = useLexical ? index.lexical.searchChunks(query, { limit: 200, termBoost: storyTermBoost(understanding.text) }).filter((h) => inForce(h.key)) : [];
  const lexical = lexicalAll.slice(0, candidates);
  const queryVector = useVector ? await index.embeddings.embedQuery(vectorQueryText(expanded)) : [];
  const hasVector = queryVector.some((v) => v !== 0);
  const vector = hasVector ? (await index.store.similaritySearchVectorWithScore(queryVector, candidates)).filter(([doc]) => inForce(doc.metadata.key as number)) : [];

  const lexicalKeys = lexical.map((h) => h.key);
  const vectorKeys = vector.map(([doc]) => doc.metadata.key as number);
  const cosineOf = new Map<number, number>(vector.map(([doc, distance]) => [doc.metadata.key as number, 1 - distance]));
  const termsOf = new Map(lexical.map((h) => [h.key, h.terms]));
  const boost = options.typeBoost === false ? () => 1 : (key: number) => typeBoosts[index.chunks[key].docType] ?? 1;
  // Document-level BM25 (title, summaries and all sections together) as a third opinion: a section of the
  // document the question is about outranks a look-alike section elsewhere ("材料" of the certificate guide,
  // not of the nursing-allowance guide, for "申请残疾人证要带什么材料").
  const docRank = documentRanks(index, lexicalAll);
  const docBoost = (key: number) => {
    const rank = docRank.get(index.chunks[key].docId);
    return rank === undefined ? 0 : documentWeight / (rrfK + rank);
  };
  // Sections of the three best documents, by similarity to the question: the right section of the right
  // document is a candidate even when it shares no word with the question (材料 → 身份证、户口本、照片).
  const topDocs = [...docRank.keys()].slice(0, 3);
  const insideKeys = hasVector && useLexical
    ? topDocs
        .flatMap((docId) => index.chunksOf(docId).filter((c) => c.anchor !== null && inForce(c.key)))
        .map((c) => ({ key: c.key, sim: dot(queryVector, index.store.index.getPoint(c.key) as number[]) }))
        .sort((a, b) => b.sim - a.sim)
        .slice(0, 10)
        .map((x) => x.key)
    : [];
  for (const key of insideKeys) if (!cosineOf.has(key)) cosineOf.set(key, dot(queryVector, index.store.index.getPoint(key) as number[]));
  const saysAsked = askedTermShare(index, understanding.keyTerms);
  const fused = fuseRanks([lexicalKeys, vectorKeys, insideKeys], rrfK, boost, [fusionWeights.lexical, fusionWeights.vector, fusionWeights.inside])
    .map(({ item, score }) => ({ item, score: score + docBoost(item) * boost(item) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit * 2)
    // Among the best, a section that says more of what the clause that asks names goes first ("我妈上个月走了，她生前
    // 一直领着护理补贴": 去世 and 护理补贴, not 护理补贴 alone).
    .map(({ item, score }) => ({ item, score: score * (1 - askedTermWeight + askedTermWeight * saysAsked(item)) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);

  const hits: RetrievedChunk[] = fused.map(({ item: key, score }) => {
    let cosine = cosineOf.get(key);
    if (cosine === undefined && hasVector) {
      cosine = dot(queryVector, index.store.index.getPoint(key) as number[]);
    }
    const li = lexicalKeys.indexOf(key);
    const vi = vectorKeys.indexOf(key);
    // A chunk BM25 did not rank still contains some of the question's terms: the coverage below counts them.
    return {
      chunk: index.chunks[key],
      score,
      lexicalRank: li < 0 ? null : li + 1,
      vectorRank: vi < 0 ? null : vi + 1,
      lexicalScore: li < 0 ? null : lexical[li].score,
      cosine: cosine ?? 0,
      terms: termsOf.get(key) ?? expanded.terms.filter((t) => chunkHasToken(index, key, t)),
    };
  });

  // Coverage: the question's own words (not their sub-words), weighted by idf, found in the best chunks;
  // a colloquial or English word counts as found when its glossary term is.
  const own = [...new Set(expanded.tokens)];
  const wanted = own.filter((t) => !own.some((other) => other !== t && other.includes(t)));
  const found = new Set(hits.flatMap((h) => h.terms));
  let total = 0;
  let covered = 0;
  for (const term of wanted) {
    const w = termIdf(index, term);
    total += w;
    const viaGlossary = expanded.expansions.some(
      (e) => e.variant.includes(term) && tokenizeWordsCached(e.canonical).some((c) => found.has(c)),
    );
    if (found.has(term) || viaGlossary) covered += w;
  }
  const coverage = total ? covered / total : 0;
  const bestCosine = hits.slice(0, 3).reduce((m, h) => Math.max(m, h.cosine), 0);
  const grounding = groundingOf(understanding, { expanded, hits }, index);
  return {
    question,
    understanding,
    expanded,
    hits,
    confidence: grounding.score,
    grounding,
    coverage,
    bestCosine,
    ms: performance.now() - started,
  };
}
