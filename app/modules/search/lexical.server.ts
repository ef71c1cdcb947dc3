import { getCorpus, type Corpus, type PolicyDocument } from "~/modules/content/corpus.server";
import { escapeHtml } from "~/modules/content/markdown.server";
import type { DocType } from "~/modules/content/taxonomy";
import {
  expandQuery,
  glossaryTerms,
  isDictionaryWord,
  isFunctionWord,
  normalize,
  segmentWords,
  tokenize,
  warmSegmenter,
  type ExpandedQuery,
  type QueryExpansion,
} from "./segment.server";
import { Bm25Index, type Bm25Hit, type Bm25QueryTerm } from "./bm25.server";
import { TypoRepairer, type RepairResult } from "./typo-repair.server";

/**
 * BM25 keyword search over the corpus. The unit of indexing is a chunk: one "overview" chunk per document
 * (title, English title, summaries, easy-read lines, steps, text before the first heading) and one chunk per
 * section (heading path + the section's own text). Hits are grouped by document for the result list; the
 * best sections become snippets that link to their anchors.
 */

export interface Chunk {
  /** Position in the index's chunk list (the BM25 index's document id). */
  key: number;
  docId: string;
  type: DocType;
  /** null for the overview chunk (links to the top of the document). */
  anchor: string | null;
  /** The section heading ("第十五条 享有康复服务的权利"), or the document title for the overview chunk. */
  heading: string;
  /** Citation label of the section ("第十五条"), "" for the overview chunk. */
  citation: string;
  /** Indexed fields. */
  title: string;
  headingPath: string;
  text: string;
  docNumber: string;
  /** The questions people ask that this section (or, for the overview, the document) answers, zh and en. */
  questions: string;
}

/** One chunk-level BM25 hit (`LexicalIndex.searchChunks`). */
export interface ChunkHit {
  /** Index into `LexicalIndex.chunks`. */
  key: number;
  score: number;
  /** The index terms the chunk matched. */
  terms: string[];
}

export interface SearchSnippet {
  /** Section anchor for `${url}#${anchor}`; null = the document's summary (no anchor). */
  anchor: string | null;
  heading: string;
  /** Escaped text with matched terms highlighted (`<span class="search-hit">`). Safe to render as HTML. */
  html: string;
}

export interface SearchResult {
  id: string;
  title: string;
  titleEn: string;
  type: DocType;
  /** Locale-neutral: /policies/<id> (the page adds /en). */
  url: string;
  summary: string;
  summaryEn: string;
  score: number;
  snippets: SearchSnippet[];
}

export interface SearchResponse {
  query: string;
  /** Documents that matched (before limit/offset). */
  total: number;
  results: SearchResult[];
  /** Glossary words the query was widened with (for "also searched for 残疾人证"). */
  expansions: QueryExpansion[];
}

export interface SearchOptions {
  /** Default 10, at most 50. */
  limit?: number;
  /** Default 0. */
  offset?: number;
  type?: DocType;
  /** Snippets per result, default 2. */
  snippets?: number;
}

/**
 * Field boosts: a match in the title counts three times a match in the text. The questions people ask (editors'
 * words for what residents type) are a field of their own, so a match there adds to the section's match in its
 * text; weighed like the text (1.5–3 lifted FAQs whose every question repeats a common word, and cost recall on
 * the tuning questions).
 */
export const fieldBoosts = { title: 3, headingPath: 2, text: 1, docNumber: 3, questions: 1 } as const;
/** Glossary expansions count a little less than the words the person typed. */
export const expansionBoost = 0.6;
/** Sub-words of a longer query word (不见 in 看不见) add recall, not weight. */
export const subTermBoost = 0.3;
/**
 * Weight of a document's 1st, 2nd, 3rd … best chunk in its score: the search page's ranking of documents, and the
 * assistant's BM25 document ranks (assistant/retrieve.server.ts), alike.
 */
export const chunkWeights: readonly number[] = [1, 0.35, 0.15, 0.05];

export interface LexicalIndexInfo {
  documents: number;
  chunks: number;
  /** ISO time the index was built. */
  builtAt: string;
  buildMs: number;
}

/**
 * A document's overview, the text of its first chunk (anchor null): the summary, the easy-read lines and the steps.
 * The search index's overview also holds the words people search a document by that are no passage to quote or
 * embed (`forSearch`: the English title and summary, the issuer, the preamble); the assistant's overview chunk
 * (assistant/vector-index.server.ts) is the passage alone.
 */
export function overviewText(doc: PolicyDocument, { forSearch = false } = {}): string {
  return [
    doc.summary,
    ...(forSearch ? [doc.titleEn, doc.summaryEn] : []),
    ...(doc.easyRead ?? []),
    ...(doc.steps ?? []).map((s) => `${s.title}：${s.text}`),
    ...(forSearch ? [doc.issuer, doc.preamble] : []),
  ]
    .filter(Boolean)
    .join("\n");
}

/** The questions people ask, zh then en, one a line. */
function questionText(questions: { zh: string[]; en: string[] } | undefined): string {
  return questions ? [...questions.zh, ...questions.en].join("\n") : "";
}

export function chunksOf(doc: PolicyDocument, start: number): Chunk[] {
  const chunks: Chunk[] = [
    {
      key: start,
      docId: doc.id,
      type: doc.type,
      anchor: null,
      heading: doc.title,
      citation: "",
      title: doc.title,
      headingPath: "",
      text: overviewText(doc, { forSearch: true }),
      docNumber: doc.docNumber ?? "",
      questions: questionText(doc.questions),
    },
  ];
  for (const section of doc.sections) {
    chunks.push({
      key: start + chunks.length,
      docId: doc.id,
      type: doc.type,
      anchor: section.anchor,
      heading: section.heading,
      citation: section.citation,
      title: "",
      headingPath: section.path.join(" "),
      text: section.text,
      docNumber: "",
      questions: questionText(section.questions),
    });
  }
  return chunks;
}

export class LexicalIndex {
  readonly chunks: Chunk[] = [];
  readonly documents = new Map<string, PolicyDocument>();
  readonly info: LexicalIndexInfo;
  private readonly bm25: Bm25Index;
  /** Each chunk's document, as a position in `docIds`. */
  private readonly docOf: Int32Array;
  private readonly docIds: string[];
  /** Each document's place in id order (ties of score are broken by id). */
  private readonly docRank: Int32Array;
  private repairer: TypoRepairer | undefined;

  constructor(documents: PolicyDocument[]) {
    warmSegmenter(); // the dictionary load is not part of the index build time
    const started = performance.now();
    for (const doc of documents) {
      this.documents.set(doc.id, doc);
      this.chunks.push(...chunksOf(doc, this.chunks.length));
    }
    this.docIds = [...this.documents.keys()];
    const ordinal = new Map(this.docIds.map((id, i) => [id, i]));
    this.docOf = Int32Array.from(this.chunks, (c) => ordinal.get(c.docId) as number);
    this.docRank = new Int32Array(this.docIds.length);
    [...this.docIds.keys()].sort((a, b) => this.docIds[a].localeCompare(this.docIds[b])).forEach((doc, rank) => (this.docRank[doc] = rank));
    this.bm25 = new Bm25Index(
      this.chunks as unknown as Array<Record<string, string>>,
      Object.entries(fieldBoosts).map(([name, boost]) => ({ name, boost })),
      tokenize,
    );
    const buildMs = performance.now() - started;
    this.info = { documents: documents.length, chunks: this.chunks.length, builtAt: new Date().toISOString(), buildMs };
  }

  /** Whether a token occurs in the index. */
  hasTerm(term: string): boolean {
    return this.bm25.hasTerm(term);
  }

  /** In how many chunks a token occurs (any field): the term statistics, computed when the index was built. */
  documentFrequency(term: string): number {
    return this.bm25.documentFrequency(term);
  }

  /** Whether a chunk has the token (any field). */
  chunkHas(key: number, term: string): boolean {
    return this.bm25.has(key, term);
  }

  /**
   * Homophone typos repaired against this index's words and the glossary (残急人两项补帖 → 残疾人两项补贴).
   * The repairer is built on first use (≈ the pinyin of every index word once).
   */
  repairTypos(text: string): RepairResult {
    if (!this.repairer) {
      const words = new Map(this.bm25.counts);
      for (const term of glossaryTerms()) {
        for (const word of [term.canonical, ...term.variants]) words.set(normalize(word), Number.MAX_SAFE_INTEGER);
      }
      this.repairer = new TypoRepairer({ words, isDictionaryWord, isFunctionWord, segment: segmentWords });
    }
    return this.repairer.repair(text);
  }

  /** The BM25 query of an expanded query: its terms, boosted as glossary additions and sub-words are. */
  private queryOf(expanded: ExpandedQuery): Bm25QueryTerm[] {
    const added = new Set(expanded.addedTokens);
    const sub = new Set(expanded.subTerms);
    return expanded.terms
      .filter(Boolean)
      .map((term) => ({ term, boost: (added.has(term) ? expansionBoost : 1) * (sub.has(term) ? subTermBoost : 1), prefix: /^[a-z]{5,}$/.test(term) }));
  }

  private typeFilter(type?: DocType): ((id: number) => boolean) | undefined {
    return type ? (id: number) => this.chunks[id].type === type : undefined;
  }

  /**
   * Chunk-level BM25 (for the assistant's hybrid retrieval): the best `limit` chunks (default 20, at most
   * 200) with their score and the query terms each matched. `chunks[hit.key]` is the chunk.
   */
  searchChunks(query: string, options: { limit?: number; type?: DocType; termBoost?: (term: string) => number } = {}): ChunkHit[] {
    const limit = Math.min(200, Math.max(1, Math.floor(options.limit ?? 20)));
    const termBoost = options.termBoost;
    const bm25Query = this.queryOf(expandQuery(query.slice(0, 500))).map((q) => (termBoost ? { ...q, boost: q.boost * termBoost(q.term) } : q));
    if (!bm25Query.length) return [];
    return this.bm25
      .search(bm25Query, { limit, accept: this.typeFilter(options.type) })
      .map((hit) => ({ key: hit.id, score: hit.score, terms: this.bm25.matchedTerms(hit.id, bm25Query) }));
  }

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const limit = Math.min(50, Math.max(1, Math.floor(options.limit ?? 10)));
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const perResult = Math.max(0, Math.floor(options.snippets ?? 2));
    // Typos repaired first (残急人 → 残疾人); a repair is shown like a glossary word ("也搜索了：残疾人").
    const typed = query.slice(0, 200).trim();
    const { text, repairs } = this.repairTypos(normalize(typed));
    const expanded = expandQuery(text);
    const expansions = [
      ...repairs.map((r) => ({ variant: r.from, canonical: r.to })),
      ...expanded.expansions.filter((e) => e.variant !== normalize(e.canonical)),
    ];
    if (!expanded.terms.length) return { query: typed, total: 0, results: [], expansions };

    const bm25Query = this.queryOf(expanded);
    if (!bm25Query.length) return { query: typed, total: 0, results: [], expansions };
    const { ids, scores } = this.bm25.scoreAll(bm25Query, this.typeFilter(options.type));

    // A document's score: its best sections', weighted (chunkWeights), best first. Kept per document in a
    // typed array (a query at 100 000 chunks matches most of them).
    const width = chunkWeights.length;
    const top = new Float64Array(this.docIds.length * width);
    const count = new Uint8Array(this.docIds.length);
    const matchedDocs: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const doc = this.docOf[ids[i]];
      const score = scores[i];
      const at = doc * width;
      let n = count[doc];
      if (n === 0) matchedDocs.push(doc);
      if (n === width && score <= top[at + width - 1]) continue;
      // Insert in descending order (ties after the equal ones).
      let j = n < width ? n : width - 1;
      while (j > 0 && top[at + j - 1] < score) {
        top[at + j] = top[at + j - 1];
        j--;
      }
      top[at + j] = score;
      if (n < width) count[doc] = ++n;
    }
    const ranked = matchedDocs
      .map((doc) => {
        let score = 0;
        for (let i = 0; i < count[doc]; i++) score += top[doc * width + i] * chunkWeights[i];
        return { doc, docId: this.docIds[doc], score };
      })
      .sort((a, b) => b.score - a.score || this.docRank[a.doc] - this.docRank[b.doc]);
    const page = ranked.slice(offset, offset + limit);
    // The page's documents' matching sections, best first (ties: the order the index met them).
    const onPage = new Map(page.map((r) => [r.docId, [] as Array<Bm25Hit & { terms: () => string[] }>]));
    for (let i = 0; i < ids.length; i++) {
      const list = onPage.get(this.docIds[this.docOf[ids[i]]]);
      if (!list) continue;
      const id = ids[i];
      list.push({ id, score: scores[i], terms: () => this.bm25.matchedTerms(id, bm25Query) });
    }
    for (const list of onPage.values()) list.sort((a, b) => b.score - a.score);

    const results = page.map(({ docId, score }) => {
      const list = onPage.get(docId) ?? [];
      const doc = this.documents.get(docId) as PolicyDocument;
      return {
        id: doc.id,
        title: doc.title,
        titleEn: doc.titleEn,
        type: doc.type,
        url: doc.url,
        summary: doc.summary,
        summaryEn: doc.summaryEn,
        score: Math.round(score * 1000) / 1000,
        snippets: this.snippetsFor(list, perResult),
      };
    });
    return { query: typed, total: ranked.length, results, expansions };
  }

  /** The best-scoring sections with text (the summary if only the overview matched). */
  private snippetsFor(hits: Array<Bm25Hit & { terms: () => string[] }>, max: number): SearchSnippet[] {
    if (!max) return [];
    const withText = hits.filter((h) => this.chunks[h.id].text);
    const sections = withText.filter((h) => this.chunks[h.id].anchor !== null);
    const chosen = (sections.length ? sections : withText).slice(0, max);
    return chosen.map((hit) => {
      const chunk = this.chunks[hit.id];
      const doc = this.documents.get(chunk.docId) as PolicyDocument;
      const text = chunk.anchor === null ? doc.summary : chunk.text;
      return { anchor: chunk.anchor, heading: chunk.heading, html: highlight(text, hit.terms()) };
    });
  }
}

/**
 * How a search term is highlighted in an excerpt: a span styled like a highlighter (app.css `.search-hit`),
 * not a <mark>. Chromium and Firefox expose <mark> with the role "mark", and NVDA (its "highlighted" document
 * formatting, on by default) says "突出显示" before and "突出显示结束" after every one, JAWS and VoiceOver
 * likewise: a result with five hits of "残疾" is read as a string of announcements around the words. A screen
 * reader user has typed the words and hears the results in the order of relevance; the highlight only helps the
 * eye find them, so it is visual only (bold, underlined, a background; system colours in forced colours).
 */
export const searchHitClass = "search-hit";

/**
 * An excerpt of `text` (about `width` characters) around the densest cluster of `terms`, HTML-escaped,
 * with each occurrence highlighted (see `searchHitClass`). Highlights are never nested or split.
 */
export function highlight(text: string, terms: string[], width = 120): string {
  const flat = text.replace(/\s*\n\s*/g, " ").trim();
  const lower = normalizeForMatch(flat);
  const words = [...new Set(terms.map((t) => normalizeForMatch(t)).filter((t) => t.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  // Occurrences, longest term first at each position, not overlapping.
  const covered = new Uint8Array(lower.length);
  const spans: { start: number; end: number; term: string }[] = [];
  for (const term of words) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) {
      let free = true;
      for (let i = at; i < at + term.length; i++) if (covered[i]) free = false;
      if (!free) continue;
      for (let i = at; i < at + term.length; i++) covered[i] = 1;
      spans.push({ start: at, end: at + term.length, term });
    }
  }
  spans.sort((a, b) => a.start - b.start);

  // Window with the most distinct terms (ties: the earliest).
  let windowStart = 0;
  if (flat.length > width && spans.length) {
    let best = -1;
    for (const span of spans.slice(0, 200)) {
      const start = Math.max(0, Math.min(span.start - Math.floor(width / 5), flat.length - width));
      const distinct = new Set(spans.filter((s) => s.start >= start && s.end <= start + width).map((s) => s.term)).size;
      if (distinct > best) {
        best = distinct;
        windowStart = start;
      }
    }
  }
  const windowEnd = Math.min(flat.length, windowStart + width);

  let html = windowStart > 0 ? "…" : "";
  let cursor = windowStart;
  for (const span of spans) {
    if (span.start < windowStart || span.end > windowEnd) continue;
    html += escapeHtml(flat.slice(cursor, span.start));
    html += `<span class="${searchHitClass}">${escapeHtml(flat.slice(span.start, span.end))}</span>`;
    cursor = span.end;
  }
  html += escapeHtml(flat.slice(cursor, windowEnd));
  if (windowEnd < flat.length) html += "…";
  return html;
}

/** Lower case without changing string length (so offsets map back onto the original text). */
function normalizeForMatch(text: string): string {
  return [...text].map((c) => {
    const n = c.normalize("NFKC").toLowerCase();
    return n.length === c.length ? n : c.toLowerCase().length === c.length ? c.toLowerCase() : c;
  }).join("");
}

// ---------------------------------------------------------------------------------------------------------
// The app's index: built from getCorpus() on first use, once per process.

let index: LexicalIndex | undefined;

export function buildLexicalIndex(corpus: Corpus = getCorpus()): LexicalIndex {
  return new LexicalIndex(corpus.documents);
}

export function getLexicalIndex(): LexicalIndex {
  if (!index) index = buildLexicalIndex();
  return index;
}

/** Size and build time of the app's index, or null before it was first used. */
export function lexicalIndexInfo(): LexicalIndexInfo | null {
  return index?.info ?? null;
}

/** Use this index for the app from now on (a new corpus, built beside the current one: content/live.server.ts). */
export function setLexicalIndex(next: LexicalIndex): void {
  index = next;
}

/** Forget the app's index (tests; after the corpus was reloaded). */
export function resetLexicalIndex(): void {
  index = undefined;
}

/** Keyword search over the app's corpus. */
export function search(query: string, options: SearchOptions = {}): SearchResponse {
  return getLexicalIndex().search(query, options);
}
