import fs from "node:fs";
import path from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import type { Embeddings } from "@langchain/core/embeddings";
import { defaultKnowledgeDir, getCorpus, type Corpus, type PolicyDocument } from "~/modules/content/corpus.server";
import type { DocType } from "~/modules/content/taxonomy";
import { buildLexicalIndex, overviewText, segmenterOf, withSegmenter, type LexicalIndex } from "~/modules/search/index.server";
import {
  LocalLsaEmbeddings,
  LsaModel,
  parseEmbeddingsSetting,
  remoteEmbeddings,
  type LsaModelJson,
} from "./embeddings.server";
import { corpusHash, embeddingsId, glossaryEntries, hashCorpusEntries, INDEX_CODE_VERSION, indexDirFor } from "./index-hash.mjs";
import { articleAndNote } from "./passage-structure";

/**
 * The assistant's knowledge index: one chunk per document overview and per section (the structure the
 * content module parsed: 章/节/条, 一、（一）1.), each keeping its document, heading path, anchor, citation
 * label and URL; the search module's BM25 index over the same chunks; and a LangChain HNSWLib vector store
 * of their embeddings, saved to data/index/<corpus-hash>/ and loaded from there while the hash matches.
 */

export interface AssistantChunk {
  /** Position in the chunk list = the lexical index's chunk key = the vector store's label. */
  key: number;
  docId: string;
  docTitle: string;
  docTitleEn: string;
  docType: DocType;
  /** null for the document's overview chunk (its summary). */
  anchor: string | null;
  /** Headings from the top of the document down to this section. */
  headingPath: string[];
  /** Citation label: "第十五条", "一、谁可以申请"; "" for the overview. */
  citation: string;
  /** Locale-neutral link: /policies/<id>#<anchor> (no anchor for the overview). */
  url: string;
  /** The text an answer may quote: the section's own text, or the document summary. */
  text: string;
  /** English summary of the document (overview chunks), for English leads. */
  textEn: string;
  /** The questions people ask that the section (or the document) answers, zh then en. */
  questions: string[];
  /**
   * What a citation of this chunk may quote: for a regulation's article, the article's own words without the
   * site's notes after it ("在清远怎么申请：…"), which are in `note`; for every other chunk, `text`.
   */
  article: string;
  note: string;
}

export interface IndexManifest {
  hash: string;
  codeVersion: string;
  embeddings: string;
  builtAt: string;
  buildMs: number;
  documents: number;
  chunks: number;
  dimensions: number;
}

export interface AssistantIndex {
  chunks: AssistantChunk[];
  documents: Map<string, PolicyDocument>;
  lexical: LexicalIndex;
  store: HNSWLib;
  embeddings: Embeddings;
  manifest: IndexManifest;
  /** "disk" when loaded from data/index, "built" when built by this process. */
  source: "disk" | "built";
  /** The chunk of a document section (or the overview with anchor null). */
  chunkAt(docId: string, anchor: string | null): AssistantChunk | undefined;
  /** The chunks of one document, in order. */
  chunksOf(docId: string): AssistantChunk[];
}

const embeddingDimensions = 160;

/** The chunks of a corpus, aligned with the lexical index's chunk list. */
export function assistantChunks(lexical: LexicalIndex): AssistantChunk[] {
  return lexical.chunks.map((chunk) => {
    const doc = lexical.documents.get(chunk.docId) as PolicyDocument;
    const section = chunk.anchor === null ? undefined : doc.sections.find((s) => s.anchor === chunk.anchor);
    const text = chunk.anchor === null ? overviewText(doc) : chunk.text;
    const parts = doc.type === "regulation" && chunk.anchor !== null ? articleAndNote(text) : { article: text, note: "" };
    return {
      key: chunk.key,
      docId: doc.id,
      docTitle: doc.title,
      docTitleEn: doc.titleEn,
      docType: doc.type,
      anchor: chunk.anchor,
      headingPath: section ? section.path : [],
      citation: chunk.citation,
      url: chunk.anchor === null ? doc.url : `${doc.url}#${chunk.anchor}`,
      text,
      textEn: chunk.anchor === null ? doc.summaryEn : "",
      questions: chunk.questions ? chunk.questions.split("\n") : [],
      article: parts.article,
      note: parts.note,
    };
  });
}

/** What the embeddings see of a chunk: document title, heading path, the questions people ask, and the text. */
export function embeddingText(chunk: AssistantChunk): string {
  return [chunk.docTitle, ...chunk.headingPath, ...chunk.questions, chunk.text].join("\n");
}

async function embeddingsFor(setting: string, chunks: AssistantChunk[], saved?: LsaModelJson): Promise<Embeddings> {
  const parsed = parseEmbeddingsSetting(setting);
  if (parsed.provider !== "local") return remoteEmbeddings(parsed);
  const model = saved ? LsaModel.fromJSON(saved) : LsaModel.fit(chunks.map(embeddingText), embeddingDimensions);
  return new LocalLsaEmbeddings(model);
}

function finish(
  lexical: LexicalIndex,
  chunks: AssistantChunk[],
  store: HNSWLib,
  embeddings: Embeddings,
  manifest: IndexManifest,
  source: "disk" | "built",
): AssistantIndex {
  // hnswlib's default ef (10) is too small for a good top-50; searching 200 candidates is still fast.
  store.index.setEf(200);
  const byAnchor = new Map(chunks.map((c) => [`${c.docId}#${c.anchor ?? ""}`, c]));
  const byDoc = new Map<string, AssistantChunk[]>();
  for (const c of chunks) {
    const list = byDoc.get(c.docId);
    if (list) list.push(c);
    else byDoc.set(c.docId, [c]);
  }
  return {
    chunks,
    documents: lexical.documents,
    lexical,
    store,
    embeddings,
    manifest,
    source,
    chunkAt: (docId, anchor) => byAnchor.get(`${docId}#${anchor ?? ""}`),
    chunksOf: (docId) => byDoc.get(docId) ?? [],
  };
}

/**
 * The hash that names a corpus's saved index: of its files for a corpus read from knowledge/, of its documents' texts
 * and the glossary files for one read from the database (the same hash while the database holds what the files do).
 */
export function corpusIndexHash(corpus: Corpus, setting: string = embeddingsId()): string {
  const dir = corpus.dir || defaultKnowledgeDir();
  if (corpus.origin !== "database") return corpusHash(dir, setting);
  // The console's glossary mappings (when there are any) name a new index: they change how the corpus is segmented.
  const consoleGlossary = corpus.glossary?.digest ? [{ rel: "glossary (console)", digest: corpus.glossary.digest }] : [];
  return hashCorpusEntries([...corpus.documents.map((d) => ({ rel: d.path, digest: d.hash })), ...glossaryEntries(dir), ...consoleGlossary], setting);
}

export interface BuildOptions {
  /** EMBEDDINGS setting (default: the environment). */
  embeddings?: string;
  /** The hash to record (default: computed from the knowledge directory). */
  hash?: string;
  /** A fitted local model to reuse instead of fitting one on this corpus (benchmarks). */
  model?: LsaModel;
}

/** Builds the index in memory (no disk), segmented with the corpus's glossary. */
export function buildAssistantIndex(corpus: Corpus = getCorpus(), options: BuildOptions = {}): Promise<AssistantIndex> {
  return withSegmenter(segmenterOf(corpus.glossary), () => buildIndex(corpus, options));
}

async function buildIndex(corpus: Corpus, options: BuildOptions): Promise<AssistantIndex> {
  const setting = options.embeddings ?? embeddingsId();
  const started = performance.now();
  const lexical = buildLexicalIndex(corpus);
  const chunks = assistantChunks(lexical);
  const embeddings = options.model ? new LocalLsaEmbeddings(options.model) : await embeddingsFor(setting, chunks);
  const vectors = await embeddings.embedDocuments(chunks.map(embeddingText));
  const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: vectors[0]?.length ?? embeddingDimensions });
  await store.addVectors(
    vectors,
    chunks.map((c) => new Document({ pageContent: c.text, metadata: { key: c.key, docId: c.docId, anchor: c.anchor } })),
  );
  const buildMs = performance.now() - started;
  const manifest: IndexManifest = {
    hash: options.hash ?? corpusIndexHash(corpus, setting),
    codeVersion: INDEX_CODE_VERSION,
    embeddings: setting,
    builtAt: new Date().toISOString(),
    buildMs: Math.round(buildMs),
    documents: corpus.documents.length,
    chunks: chunks.length,
    dimensions: vectors[0]?.length ?? 0,
  };
  return finish(lexical, chunks, store, embeddings, manifest, "built");
}

/** Saves an index under `dir` atomically (a temporary directory renamed into place; manifest last). */
export async function saveAssistantIndex(index: AssistantIndex, dir: string): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await index.store.save(tmp);
  if (index.embeddings instanceof LocalLsaEmbeddings) {
    fs.writeFileSync(path.join(tmp, "model.json"), JSON.stringify(index.embeddings.model.toJSON()));
  }
  fs.writeFileSync(path.join(tmp, "manifest.json"), JSON.stringify(index.manifest, null, 2));
  try {
    fs.renameSync(tmp, dir);
  } catch {
    // Another process saved the same index first: theirs is as good as ours.
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Loads a saved index for this corpus (its lexical part segmented with the corpus's glossary), or null when it is missing or does not fit the corpus. */
export function loadAssistantIndex(dir: string, corpus: Corpus = getCorpus()): Promise<AssistantIndex | null> {
  return withSegmenter(segmenterOf(corpus.glossary), () => loadIndex(dir, corpus));
}

async function loadIndex(dir: string, corpus: Corpus): Promise<AssistantIndex | null> {
  const manifestFile = path.join(dir, "manifest.json");
  if (!fs.existsSync(manifestFile)) return null;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as IndexManifest;
  const lexical = buildLexicalIndex(corpus);
  const chunks = assistantChunks(lexical);
  if (manifest.chunks !== chunks.length || manifest.codeVersion !== INDEX_CODE_VERSION) return null;
  const modelFile = path.join(dir, "model.json");
  const saved = fs.existsSync(modelFile) ? (JSON.parse(fs.readFileSync(modelFile, "utf8")) as LsaModelJson) : undefined;
  const embeddings = await embeddingsFor(manifest.embeddings, chunks, saved);
  const store = await HNSWLib.load(dir, embeddings);
  return finish(lexical, chunks, store, embeddings, manifest, "disk");
}

export interface EnsureResult {
  index: AssistantIndex;
  dir: string;
}

/**
 * The index for the current corpus: loaded from data/index/<hash>/ when it is there, otherwise built and
 * saved. `root` is the repository (default: the working directory).
 */
export async function ensureAssistantIndex(root: string = process.cwd(), corpus: Corpus = getCorpus()): Promise<EnsureResult> {
  const setting = embeddingsId();
  const hash = corpusIndexHash(corpus, setting);
  const dir = indexDirFor(root, hash);
  try {
    const loaded = await loadAssistantIndex(dir, corpus);
    if (loaded) return { index: loaded, dir };
  } catch (error) {
    console.warn(`assistant index at ${dir} could not be loaded (${(error as Error).message}); rebuilding`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const index = await buildAssistantIndex(corpus, { embeddings: setting, hash });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  await saveAssistantIndex(index, dir);
  return { index, dir };
}

let current: Promise<AssistantIndex> | undefined;

/** The app's index, once per process. */
export function getAssistantIndex(): Promise<AssistantIndex> {
  if (!current) {
    current = ensureAssistantIndex().then((r) => r.index);
    current.catch(() => {
      current = undefined;
    });
  }
  return current;
}

/** Forget the app's index (tests; after the corpus changed). */
export function resetAssistantIndex(): void {
  current = undefined;
}

/** Use this index for the app (tests, benchmarks). */
export function setAssistantIndex(index: AssistantIndex): void {
  current = Promise.resolve(index);
}
