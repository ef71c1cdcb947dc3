import MiniSearch, { type SearchResult as MiniResult } from "minisearch";
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
import { TypoRepairer, type RepairResult } from "./typo-repair.server";

/**
 * BM25 keyword search over the corpus. The unit of indexing is a chunk: one "overview" chunk per document
 * (title, English title, summaries, easy-read lines, steps, text before the first heading) and one chunk per
 * section (heading path + the section's own text). Hits are grouped by document for the result list; the
 * best sections become snippets that link to their anchors.
 */

export interface Chunk {
  /** Position in the index's chunk list (MiniSearch id). */
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
/** Weight of a document's 1st, 2nd, 3rd … best chunk in its score. */
const chunkWeights = [1, 0.35, 0.15, 0.05];

export interface LexicalIndexInfo {
  documents: number;
  chunks: number;
  /** ISO time the index was built. */
  builtAt: string;
  buildMs: number;
}

function overviewText(doc: PolicyDocument): string {
  return [
    doc.summary,
    doc.titleEn,
    doc.summaryEn,
    ...(doc.easyRead ?? []),
    ...(doc.steps ?? []).map((s) => `${s.title}：${s.text}`),
    doc.issuer,
    doc.preamble,
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
      text: overviewText(doc),
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
  private readonly mini: MiniSearch<Chunk>;
  /** Every index token with how often it occurs (the vocabulary typos are repaired against). */
  private readonly vocabulary = new Map<string, number>();
  private repairer: TypoRepairer | undefined;

  constructor(documents: PolicyDocument[]) {
    warmSegmenter(); // the dictionary load is not part of the index build time
    const started = performance.now();
    this.mini = new MiniSearch<Chunk>({
      idField: "key",
      fields: ["title", "headingPath", "text", "docNumber", "questions"],
      storeFields: [],
      tokenize: (text) => {
        const tokens = tokenize(text);
        for (const t of tokens) this.vocabulary.set(t, (this.vocabulary.get(t) ?? 0) + 1);
        return tokens;
      },
      processTerm: (term) => term,
      searchOptions: { tokenize: (text) => text.split(" ").filter(Boolean), processTerm: (term) => term },
    });
    for (const doc of documents) {
      this.documents.set(doc.id, doc);
      this.chunks.push(...chunksOf(doc, this.chunks.length));
    }
    this.mini.addAll(this.chunks);
    const buildMs = performance.now() - started;
    this.info = { documents: documents.length, chunks: this.chunks.length, builtAt: new Date().toISOString(), buildMs };
  }

  /** Whether a token occurs in the index. */
  hasTerm(term: string): boolean {
    return this.vocabulary.has(term);
  }

  /**
   * Homophone typos repaired against this index's words and the glossary (残急人两项补帖 → 残疾人两项补贴).
   * The repairer is built on first use (≈ the pinyin of every index word once).
   */
  repairTypos(text: string): RepairResult {
    if (!this.repairer) {
      const words = new Map(this.vocabulary);
      for (const term of glossaryTerms()) {
        for (const word of [term.canonical, ...term.variants]) words.set(normalize(word), Number.MAX_SAFE_INTEGER);
      }
      this.repairer = new TypoRepairer({ words, isDictionaryWord, isFunctionWord, segment: segmentWords });
    }
    return this.repairer.repair(text);
  }

  /** BM25 hits at chunk level, best first (the same scoring as `search`, before grouping by document). */
  private hits(expanded: ExpandedQuery, type?: DocType): MiniResult[] {
    if (!expanded.terms.length) return [];
    const added = new Set(expanded.addedTokens);
    const sub = new Set(expanded.subTerms);
    return this.mini.search(expanded.terms.join(" "), {
      boost: { ...fieldBoosts },
      boostTerm: (term) => (added.has(term) ? expansionBoost : 1) * (sub.has(term) ? subTermBoost : 1),
      prefix: (term) => /^[a-z]{5,}$/.test(term),
      combineWith: "OR",
      ...(type ? { filter: (r: MiniResult) => this.chunks[r.id as number].type === type } : {}),
    });
  }

  /**
   * Chunk-level BM25 (for the assistant's hybrid retrieval): the best `limit` chunks (default 20, at most
   * 200) with their score and the query terms each matched. `chunks[hit.key]` is the chunk.
   */
  searchChunks(query: string, options: { limit?: number; type?: DocType } = {}): ChunkHit[] {
    const limit = Math.min(200, Math.max(1, Math.floor(options.limit ?? 20)));
    return this.hits(expandQuery(query.slice(0, 500)), options.type)
      .slice(0, limit)
      .map((hit) => ({ key: hit.id as number, score: hit.score, terms: hit.terms }));
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

    const hits = this.hits(expanded, options.type);

    const byDoc = new Map<string, MiniResult[]>();
    for (const hit of hits) {
      const docId = this.chunks[hit.id as number].docId;
      const list = byDoc.get(docId);
      if (list) list.push(hit);
      else byDoc.set(docId, [hit]);
    }
    const ranked = [...byDoc.entries()]
      .map(([docId, list]) => ({
        docId,
        list,
        score: list.reduce((sum, hit, i) => sum + hit.score * (chunkWeights[i] ?? 0), 0),
      }))
      .sort((a, b) => b.score - a.score || a.docId.localeCompare(b.docId));

    const results = ranked.slice(offset, offset + limit).map(({ docId, list, score }) => {
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
  private snippetsFor(hits: MiniResult[], max: number): SearchSnippet[] {
    if (!max) return [];
    const withText = hits.filter((h) => this.chunks[h.id as number].text);
    const sections = withText.filter((h) => this.chunks[h.id as number].anchor !== null);
    const chosen = (sections.length ? sections : withText).slice(0, max);
    return chosen.map((hit) => {
      const chunk = this.chunks[hit.id as number];
      const doc = this.documents.get(chunk.docId) as PolicyDocument;
      const text = chunk.anchor === null ? doc.summary : chunk.text;
      return { anchor: chunk.anchor, heading: chunk.heading, html: highlight(text, hit.terms) };
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

/** Forget the app's index (tests; after the corpus was reloaded). */
export function resetLexicalIndex(): void {
  index = undefined;
}

/** Keyword search over the app's corpus. */
export function search(query: string, options: SearchOptions = {}): SearchResponse {
  return getLexicalIndex().search(query, options);
}
