// `npm run index` (and `npm start` when the corpus changed): builds the assistant's knowledge index — chunks,
// BM25 and the HNSWLib vector store with its embeddings model — into data/index/<corpus-hash>/, unless an index
// for this exact corpus is already there. Older index directories are removed. The corpus is the database's
// published documents (what the server serves) once the database holds them, else the files of knowledge/.
import fs from "node:fs";
import path from "node:path";
import { getCorpus, type Corpus } from "../app/modules/content/corpus.server";
import { corpusVersion, loadDatabaseCorpus } from "../app/modules/content/documents.server";
import { databaseKind, defaultDatabaseUrl, openDatabase, sqliteFilename } from "../app/modules/db/connection.server";
import { parseEmbeddingsSetting } from "../app/modules/assistant/embeddings.server";
import { chatModelFromEnv } from "../app/modules/assistant/llm.server";
import { ensureAssistantIndex } from "../app/modules/assistant/vector-index.server";

try {
  // Fail early, with the package to install, when EMBEDDINGS or CHAT_MODEL names a provider that is missing.
  parseEmbeddingsSetting(process.env.EMBEDDINGS);
  await chatModelFromEnv();
  const corpus = (await databaseCorpus()) ?? getCorpus();
  if (corpus.errors.length) console.warn(`knowledge: ${corpus.errors.length} document(s) left out; run npm run knowledge:check`);
  const started = performance.now();
  const { index, dir } = await ensureAssistantIndex(process.cwd(), corpus);
  const m = index.manifest;
  const verb = index.source === "disk" ? "up to date" : `built in ${m.buildMs} ms`;
  console.log(
    `index ${m.hash}: ${m.documents} documents, ${m.chunks} chunks, ${m.dimensions}-dimension ${m.embeddings} embeddings — ${verb} ` +
      `(${path.relative(process.cwd(), dir)}, ${Math.round(performance.now() - started)} ms in all)`,
  );
  // A running portal's re-index (app/modules/content/live.server.ts) keeps the others: a worker may be loading one.
  const parent = path.dirname(dir);
  for (const entry of process.argv.includes("--keep-others") ? [] : fs.readdirSync(parent)) {
    const full = path.join(parent, entry);
    if (full !== dir) fs.rmSync(full, { recursive: true, force: true });
  }
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(1);
}

/** The database's corpus when there is a database (never created here) holding documents; else null. */
async function databaseCorpus(): Promise<Corpus | null> {
  const url = process.env.DATABASE_URL || defaultDatabaseUrl;
  if (databaseKind(url) === "sqlite" && !fs.existsSync(sqliteFilename(url))) return null;
  const conn = openDatabase(url);
  try {
    return (await corpusVersion(conn.db)) > 0 ? await loadDatabaseCorpus(conn.db) : null;
  } catch {
    // Not set up yet (no content tables): the files.
    return null;
  } finally {
    await conn.db.destroy();
  }
}
