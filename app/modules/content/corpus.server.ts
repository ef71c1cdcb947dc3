import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { renderBody } from "./markdown.server";
import { documentMetaSchema, documentQuestionsKey, glossarySchema, type ArticleRepeal, type DocumentMeta, type GlossaryTerm, type SectionQuestions } from "./schema";
import { parseStructure, type BodyFormat, type Section } from "./structure";
import { typeFolders, type AudienceId, type DocStatus, type DocType, type TopicId } from "./taxonomy";

/** A section of a document, with the questions people ask that it answers (front matter `questions:`). */
export interface PolicySection extends Section {
  /** Editors' "questions people ask" for this section; empty lists when none are written. */
  questions: SectionQuestions;
  /**
   * The repeal of this article (front matter `repealedArticles`), or of the article it belongs to (a subsection of a
   * repealed article is repealed with it); null when in force. The page marks it; the assistant never cites it.
   */
  repeal: ArticleRepeal | null;
}

/** One knowledge document, validated and parsed. */
export interface PolicyDocument extends Omit<DocumentMeta, "questions"> {
  /** The page: /policies/<id> (prefix /en for English). */
  url: string;
  format: BodyFormat;
  /** Text before the first heading. */
  preamble: string;
  sections: PolicySection[];
  /** Questions people ask about the document as a whole (front matter `questions: _doc:`); empty when none. */
  questions: SectionQuestions;
  /** Body HTML (headings from h2, anchors = section anchors). Safe to render: raw HTML is escaped. */
  html: string;
  /** The body as plain text (headings and paragraphs), for search and excerpts. */
  plainText: string;
  /** The raw body below the front matter. */
  body: string;
  /** Path relative to the knowledge directory, with forward slashes ("regulations/foo.md"). */
  path: string;
  /** sha256 (hex) of the file's bytes: changes whenever the file does. */
  hash: string;
}

/** The fields a list or card needs: small enough to send to the browser. */
export interface DocumentSummary {
  id: string;
  url: string;
  title: string;
  titleEn: string;
  type: DocType;
  issuer: string;
  docNumber?: string;
  issued?: string;
  effective?: string;
  status: DocStatus;
  topics: TopicId[];
  audience: AudienceId[];
  summary: string;
  summaryEn: string;
}

export type CorpusRule =
  | "read"
  | "front-matter"
  | "schema"
  | "id-filename"
  | "folder-type"
  | "duplicate-id"
  | "location"
  | "glossary"
  | "phrasebook"
  | "questions"
  | "repealed-article";

export interface CorpusError {
  /** Path relative to the knowledge directory. */
  path: string;
  id?: string;
  rule: CorpusRule;
  message: string;
}

export interface Corpus {
  dir: string;
  /** "database": built from the published rows (documents.server.ts); otherwise read from the files in `dir`. */
  origin?: "database";
  documents: PolicyDocument[];
  errors: CorpusError[];
  /**
   * The glossary this corpus is searched with when it is not glossary.yaml alone: the console's approved mappings
   * laid over the files' (a database corpus: glossary.server.ts), with a digest of the console's part (in the index
   * hash; "" when there is none). Undefined: the files' glossary.
   */
  glossary?: { terms: GlossaryTerm[]; digest: string };
}

const documentExtensions: Record<string, BodyFormat> = { ".md": "markdown", ".markdown": "markdown", ".txt": "text" };
const folderTypes = new Map(Object.entries(typeFolders).map(([type, folder]) => [folder, type as DocType]));

/** `<cwd>/knowledge`: the app and scripts run from the repository root. */
export function defaultKnowledgeDir(): string {
  return path.resolve(process.cwd(), "knowledge");
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      if (entry.name.startsWith(".")) return [];
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full) : [full];
    });
}

export interface FrontMatterSplit {
  data: unknown;
  body: string;
}

/** Splits `---\n<yaml>\n---\n<body>`. Throws with a readable message when the block is missing or bad YAML. */
export function splitFrontMatter(source: string): FrontMatterSplit {
  const text = source.replace(/^\uFEFF/, "");
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) throw new Error("the file must start with a front-matter block between two `---` lines");
  let data: unknown;
  try {
    data = parseYaml(m[1]);
  } catch (error) {
    throw new Error(`front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  return { data, body: text.slice(m[0].length) };
}

export function formatZodPath(p: (string | number)[]): string {
  return p.length ? p.map((x) => (typeof x === "number" ? `[${x}]` : x)).join(".").replace(/\.\[/g, "[") : "(front matter)";
}

/** Sections' headings and text, as one plain text. */
function toPlainText(preamble: string, sections: Section[]): string {
  return [preamble, ...sections.map((s) => [s.heading, s.text].filter(Boolean).join("\n"))].filter(Boolean).join("\n\n");
}

/** Loads and validates one file. Returns the document, or the errors that keep it out of the corpus. */
export function loadDocumentFile(dir: string, file: string): { document?: PolicyDocument; errors: CorpusError[] } {
  const rel = path.relative(dir, file).split(path.sep).join("/");
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { errors: [{ path: rel, rule: "read", message: (error as Error).message }] };
  }
  return parseDocumentSource(rel, bytes.toString("utf8"), bytes);
}

/**
 * Validates and parses one document from its text, as it is (or would be) in the file `rel` under the knowledge
 * directory: front matter (documentMetaSchema), id = file name, folder = type, question anchors. The one path by
 * which a document enters a corpus, from a file or from the database (documents.server.ts writes its rows as this
 * text first). `bytes` (the file's, when read from one) only feeds the hash; by default the text's UTF-8.
 */
export function parseDocumentSource(
  rel: string,
  source: string,
  bytes: Buffer = Buffer.from(source, "utf8"),
): { document?: PolicyDocument; meta?: DocumentMeta; errors: CorpusError[] } {
  const extension = path.posix.extname(rel).toLowerCase();
  const format = documentExtensions[extension] ?? "markdown";
  const fileId = path.posix.basename(rel, path.posix.extname(rel));
  const errors: CorpusError[] = [];
  let split: FrontMatterSplit;
  try {
    split = splitFrontMatter(source);
  } catch (error) {
    return { errors: [{ path: rel, rule: "front-matter", message: (error as Error).message }] };
  }
  const parsed = documentMetaSchema.safeParse(split.data);
  if (!parsed.success) {
    const id = typeof (split.data as { id?: unknown })?.id === "string" ? (split.data as { id: string }).id : undefined;
    return {
      errors: parsed.error.issues.map((issue) => ({
        path: rel,
        id,
        rule: "schema" as const,
        message: `${formatZodPath(issue.path)}: ${issue.message}`,
      })),
    };
  }
  const meta = parsed.data;
  if (meta.id !== fileId) {
    errors.push({ path: rel, id: meta.id, rule: "id-filename", message: `id "${meta.id}" must equal the file name "${fileId}"` });
  }
  const folder = rel.split("/")[0];
  const folderType = rel.includes("/") ? folderTypes.get(folder) : undefined;
  if (!(extension in documentExtensions)) {
    errors.push({ path: rel, id: meta.id, rule: "location", message: `documents are ${Object.keys(documentExtensions).join(", ")} files` });
  } else if (!folderType) {
    errors.push({
      path: rel,
      id: meta.id,
      rule: "location",
      message: `documents live in one of the folders ${Object.values(typeFolders).join(", ")}`,
    });
  } else if (folderType !== meta.type) {
    errors.push({
      path: rel,
      id: meta.id,
      rule: "folder-type",
      message: `type "${meta.type}" belongs in ${typeFolders[meta.type]}/, not ${folder}/`,
    });
  }
  if (errors.length) return { errors };

  const structure = parseStructure(split.body, format);
  const { questions: questionMap = {}, ...rest } = meta;
  const anchors = new Set(structure.sections.map((s) => s.anchor));
  for (const key of Object.keys(questionMap)) {
    if (key !== documentQuestionsKey && !anchors.has(key)) {
      errors.push({
        path: rel,
        id: meta.id,
        rule: "questions",
        message: `questions.${key}: no section with this anchor (anchors: ${[...anchors].slice(0, 12).join(", ")}${anchors.size > 12 ? ", …" : ""}; ${documentQuestionsKey} for the whole document)`,
      });
    }
  }
  const repealOf = new Map((meta.repealedArticles ?? []).map((a) => [a.anchor, a]));
  for (const anchor of repealOf.keys()) {
    if (!anchors.has(anchor)) {
      errors.push({ path: rel, id: meta.id, rule: "repealed-article", message: `repealedArticles: no section #${anchor} in this document` });
    }
  }
  // A subsection is repealed with the article above it: the nearest repealed section at a lower level.
  const repeals: Array<ArticleRepeal | null> = [];
  structure.sections.forEach((s, i) => {
    let own = repealOf.get(s.anchor) ?? null;
    for (let j = i - 1, level = s.level; !own && j >= 0 && level > 1; j--) {
      if (structure.sections[j].level < level) {
        level = structure.sections[j].level;
        own = repeals[j];
      }
    }
    repeals.push(own);
  });
  const questionsOf = (key: string): SectionQuestions => {
    const q = questionMap[key];
    return { zh: [...(q?.zh ?? [])], en: [...(q?.en ?? [])] };
  };
  const document: PolicyDocument = {
    ...rest,
    url: `/policies/${meta.id}`,
    format,
    preamble: structure.preamble,
    sections: structure.sections.map((s, i) => ({ ...s, questions: questionsOf(s.anchor), repeal: repeals[i] })),
    questions: questionsOf(documentQuestionsKey),
    html: renderBody(split.body, format, structure, { title: meta.title }),
    plainText: toPlainText(structure.preamble, structure.sections),
    body: split.body,
    path: rel,
    hash: createHash("sha256").update(bytes).digest("hex"),
  };
  return { document, meta, errors };
}

/** Whether a file under the knowledge directory is a document (by its extension; README.md is not). */
export function isDocumentFile(rel: string): boolean {
  const base = path.posix.basename(rel).toLowerCase();
  return path.posix.extname(base) in documentExtensions && base !== "readme.md";
}

/** The document files under `dir`, as paths relative to it (forward slashes), in the order a corpus lists them. */
export function documentFiles(dir: string): string[] {
  return walk(dir)
    .map((file) => path.relative(dir, file).split(path.sep).join("/"))
    .filter(isDocumentFile);
}

/** One document's text and where it is (or would be) under the knowledge directory. */
export interface DocumentSource {
  path: string;
  text: string;
  /** The file's bytes when read from one (the hash is theirs); else the text's UTF-8. */
  bytes?: Buffer;
}

/** A corpus from documents' texts: each validated as parseDocumentSource does; a second use of an id is an error. */
export function corpusFromSources(dir: string, sources: Iterable<DocumentSource | { path: string; errors: CorpusError[] }>): Corpus {
  const documents: PolicyDocument[] = [];
  const errors: CorpusError[] = [];
  const seen = new Map<string, string>();
  for (const source of sources) {
    const result = "errors" in source ? { errors: source.errors, document: undefined } : parseDocumentSource(source.path, source.text, source.bytes);
    errors.push(...result.errors);
    const doc = result.document;
    if (!doc) continue;
    const first = seen.get(doc.id);
    if (first) {
      errors.push({ path: doc.path, id: doc.id, rule: "duplicate-id", message: `id "${doc.id}" is already used by ${first}` });
      continue;
    }
    seen.set(doc.id, doc.path);
    documents.push(doc);
  }
  return { dir, documents, errors };
}

/** Loads every document under `dir` (default <cwd>/knowledge). Invalid files are left out and reported. */
export function loadCorpus(dir: string = defaultKnowledgeDir()): Corpus {
  return corpusFromSources(dir, readDocumentSources(dir));
}

/** The texts of the document files under `dir` (a file that cannot be read is its error). */
export function* readDocumentSources(dir: string): Generator<DocumentSource | { path: string; errors: CorpusError[] }> {
  for (const rel of documentFiles(dir)) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.join(dir, rel));
    } catch (error) {
      yield { path: rel, errors: [{ path: rel, rule: "read", message: (error as Error).message }] };
      continue;
    }
    yield { path: rel, text: bytes.toString("utf8"), bytes };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Glossary

export interface GlossaryLoad {
  terms: GlossaryTerm[];
  errors: CorpusError[];
}

/** knowledge/glossary.yaml, validated (schema; a variant or canonical term in two entries is an error). */
export function loadGlossary(dir: string = defaultKnowledgeDir()): GlossaryLoad {
  const file = path.join(dir, "glossary.yaml");
  const rel = "glossary.yaml";
  if (!fs.existsSync(file)) return { terms: [], errors: [] };
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(file, "utf8"));
  } catch (error) {
    return { terms: [], errors: [{ path: rel, rule: "glossary", message: `not valid YAML: ${(error as Error).message.split("\n")[0]}` }] };
  }
  const parsed = glossarySchema.safeParse(data);
  if (!parsed.success) {
    return {
      terms: [],
      errors: parsed.error.issues.map((i) => ({ path: rel, rule: "glossary" as const, message: `${formatZodPath(i.path)}: ${i.message}` })),
    };
  }
  const errors: CorpusError[] = [];
  const owner = new Map<string, string>();
  for (const term of parsed.data.terms) {
    for (const word of [term.canonical, ...term.variants]) {
      const key = word.trim().toLowerCase();
      const other = owner.get(key);
      if (other !== undefined && other !== term.canonical) {
        errors.push({ path: rel, rule: "glossary", message: `"${word}" appears in the entries "${other}" and "${term.canonical}"` });
      } else if (other !== undefined) {
        errors.push({ path: rel, rule: "glossary", message: `"${word}" is listed twice in the entry "${term.canonical}"` });
      }
      owner.set(key, term.canonical);
    }
  }
  return { terms: parsed.data.terms, errors };
}

// ---------------------------------------------------------------------------------------------------------
// The app's corpus (loaded once per process) and the queries the pages need

let cached: Corpus | undefined;
let active: Corpus | undefined;
let generation = 0;

/**
 * The app's corpus: the one swapped in by setCorpus (the server's, from the database: live.server.ts), else the
 * corpus under <cwd>/knowledge, loaded on first use and kept for the life of the process (scripts, tests).
 */
export function getCorpus(): Corpus {
  if (active) return active;
  if (!cached) {
    cached = loadCorpus();
    if (cached.errors.length) {
      console.warn(
        `knowledge: ${cached.errors.length} problem(s); run \`npm run knowledge:check\`\n` +
          cached.errors.map((e) => `  ${e.path}: ${e.message}`).join("\n"),
      );
    }
  }
  return cached;
}

/** Serve this corpus from now on (a request already running keeps the one it started with). */
export function setCorpus(corpus: Corpus): void {
  active = corpus;
  generation++;
}

/** Raised by every setCorpus and resetCorpusCache: what the cache of rendered pages checks a corpus-built page against. */
export function corpusGeneration(): number {
  return generation;
}

/** Forget the cached corpus (tests, or after an editor changed files). */
export function resetCorpusCache(): void {
  cached = undefined;
  active = undefined;
  generation++;
  byIdCache = new WeakMap();
}

let byIdCache = new WeakMap<Corpus, Map<string, PolicyDocument>>();
function byId(corpus: Corpus): Map<string, PolicyDocument> {
  let map = byIdCache.get(corpus);
  if (!map) {
    map = new Map(corpus.documents.map((d) => [d.id, d]));
    byIdCache.set(corpus, map);
  }
  return map;
}

export function toSummary(doc: PolicyDocument): DocumentSummary {
  return {
    id: doc.id,
    url: doc.url,
    title: doc.title,
    titleEn: doc.titleEn,
    type: doc.type,
    issuer: doc.issuer,
    ...(doc.docNumber ? { docNumber: doc.docNumber } : {}),
    ...(doc.issued ? { issued: doc.issued } : {}),
    ...(doc.effective ? { effective: doc.effective } : {}),
    status: doc.status,
    topics: doc.topics,
    audience: doc.audience,
    summary: doc.summary,
    summaryEn: doc.summaryEn,
  };
}

const collator = new Intl.Collator("zh-CN");

/** Newest `issued` first, undated last, then by title (pinyin order). */
export function compareDocuments(a: PolicyDocument, b: PolicyDocument): number {
  if (a.issued && b.issued && a.issued !== b.issued) return a.issued < b.issued ? 1 : -1;
  if (Boolean(a.issued) !== Boolean(b.issued)) return a.issued ? -1 : 1;
  return collator.compare(a.title, b.title) || a.id.localeCompare(b.id);
}

export interface ListDocumentsOptions {
  type?: DocType;
  topic?: TopicId;
  /** Documents written for this audience (exact: "visual" does not include "everyone"). */
  audience?: AudienceId;
  status?: DocStatus;
  /** 1-based; clamped to [1, pageCount]. Default 1. */
  page?: number;
  /** Default 20, at most 100. */
  pageSize?: number;
}

export interface DocumentPage {
  items: DocumentSummary[];
  total: number;
  /** The page actually returned (after clamping). */
  page: number;
  /** At least 1, also when there are no items. */
  pageCount: number;
  pageSize: number;
}

export function listDocuments(options: ListDocumentsOptions = {}, corpus: Corpus = getCorpus()): DocumentPage {
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 20)));
  const matching = corpus.documents
    .filter(
      (d) =>
        (!options.type || d.type === options.type) &&
        (!options.topic || d.topics.includes(options.topic)) &&
        (!options.audience || d.audience.includes(options.audience)) &&
        (!options.status || d.status === options.status),
    )
    .sort(compareDocuments);
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const requested = Number.isFinite(options.page) ? Math.floor(options.page as number) : 1;
  const page = Math.min(pageCount, Math.max(1, requested));
  const items = matching.slice((page - 1) * pageSize, page * pageSize).map(toSummary);
  return { items, total: matching.length, page, pageCount, pageSize };
}

export function getDocument(id: string, corpus: Corpus = getCorpus()): PolicyDocument | undefined {
  return byId(corpus).get(id);
}

/** Explicit `related` documents first (in their order), then guides sharing a topic; at most `max` (5). */
export function relatedDocuments(doc: PolicyDocument, corpus: Corpus = getCorpus(), max = 5): DocumentSummary[] {
  const map = byId(corpus);
  const picked: PolicyDocument[] = [];
  const taken = new Set([doc.id]);
  for (const id of doc.related ?? []) {
    const other = map.get(id);
    if (other && !taken.has(id)) {
      picked.push(other);
      taken.add(id);
    }
  }
  const shared = (d: PolicyDocument) => d.topics.filter((t) => doc.topics.includes(t)).length;
  const guides = corpus.documents
    .filter((d) => d.type === "guide" && !taken.has(d.id) && shared(d) > 0)
    .sort((a, b) => shared(b) - shared(a) || collator.compare(a.title, b.title));
  return [...picked, ...guides].slice(0, max).map(toSummary);
}

/** The newest `n` notices (by `issued`; undated ones after dated ones). */
export function latestNotices(n = 3, corpus: Corpus = getCorpus()): DocumentSummary[] {
  return corpus.documents
    .filter((d) => d.type === "notice")
    .sort(compareDocuments)
    .slice(0, Math.max(0, n))
    .map(toSummary);
}
