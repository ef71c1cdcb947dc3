// The version of the assistant's saved index: a hash of the corpus files (documents and glossary), the
// index code version and the embeddings setting. Plain JavaScript so `scripts/start.mjs` can check it
// without TypeScript (a cheap check before starting the server); the app imports the same function.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Bump when chunking, the embedding model or the saved format changes: every saved index is then stale.
 */
export const INDEX_CODE_VERSION = "assistant-index-5";

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
  const hash = createHash("sha256");
  hash.update(`${INDEX_CODE_VERSION}\n${embeddings}\n`);
  const files = walk(knowledgeDir)
    .map((file) => ({ file, rel: path.relative(knowledgeDir, file).split(path.sep).join("/") }))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  for (const { file, rel } of files) {
    hash.update(`${rel}\n`);
    hash.update(createHash("sha256").update(fs.readFileSync(file)).digest("hex"));
    hash.update("\n");
  }
  return hash.digest("hex").slice(0, 16);
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
