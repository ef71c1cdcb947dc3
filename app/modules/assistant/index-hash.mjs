// The version of the assistant's saved index: a hash of the corpus files (documents and glossary), the
// index code version and the embeddings setting. Plain JavaScript so `scripts/start.mjs` can check it
// without TypeScript (a cheap check before starting the server); the app imports the same function.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Bump when chunking, the embedding model or the saved format changes: every saved index is then stale.
 */
export const INDEX_CODE_VERSION = "assistant-index-7";

const corpusExtensions = new Set([".md", ".markdown", ".txt", ".yaml", ".yml"]);

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith("."))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full) : corpusExtensions.has(path.extname(entry.name).toLowerCase()) ? [full] : [];
    });
}

/** The embeddings setting as it names an index: "local" unless EMBEDDINGS names a provider. */
export function embeddingsId(env = process.env) {
  const value = (env.EMBEDDINGS ?? "").trim();
  return value === "" ? "local" : value;
}

/**
 * sha-256 (hex, first 16 characters) over every corpus file (relative path and bytes, in path order), the
 * code version and the embeddings setting.
 * @param {string} knowledgeDir
 * @param {string} [embeddings]
 * @returns {string}
 */
export function corpusHash(knowledgeDir, embeddings = embeddingsId()) {
  const files = walk(knowledgeDir).map((file) => ({
    rel: path.relative(knowledgeDir, file).split(path.sep).join("/"),
    digest: createHash("sha256").update(fs.readFileSync(file)).digest("hex"),
  }));
  return hashCorpusEntries(files, embeddings);
}

/**
 * The same hash over given entries: a corpus's files by relative path and the sha-256 (hex) of their bytes. A corpus
 * from the database (app/modules/content/documents.server.ts) hashes its documents' texts with the glossary files, so
 * it names the same index as the files it was imported from while it holds what they hold.
 * @param {Array<{ rel: string, digest: string }>} entries
 * @param {string} [embeddings]
 * @returns {string}
 */
export function hashCorpusEntries(entries, embeddings = embeddingsId()) {
  const hash = createHash("sha256");
  hash.update(`${INDEX_CODE_VERSION}\n${embeddings}\n`);
  for (const { rel, digest } of [...entries].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
    hash.update(`${rel}\n`);
    hash.update(digest);
    hash.update("\n");
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * The corpus files that are not documents (glossary.yaml, phrasebook.yaml) under the knowledge directory, as entries.
 * @param {string} knowledgeDir
 * @returns {Array<{ rel: string, digest: string }>}
 */
export function glossaryEntries(knowledgeDir) {
  return walk(knowledgeDir)
    .filter((file) => /\.ya?ml$/i.test(file))
    .map((file) => ({
      rel: path.relative(knowledgeDir, file).split(path.sep).join("/"),
      digest: createHash("sha256").update(fs.readFileSync(file)).digest("hex"),
    }));
}

/** Where the index of a corpus hash is saved (`data/index/<hash>/` under the repository). */
export function indexDirFor(root, hash) {
  return path.join(root, "data", "index", hash);
}

/** True when a complete index for this hash is on disk (its manifest is written last). */
export function indexIsCurrent(root, knowledgeDir, embeddings = embeddingsId()) {
  const dir = indexDirFor(root, corpusHash(knowledgeDir, embeddings));
  return fs.existsSync(path.join(dir, "manifest.json"));
}
