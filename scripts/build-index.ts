// `npm run index` (and `npm start` when the corpus changed): builds the assistant's knowledge index — chunks,
// BM25 and the HNSWLib vector store with its embeddings model — into data/index/<corpus-hash>/, unless an index
// for this exact corpus is already there. Older index directories are removed.
import fs from "node:fs";
import path from "node:path";
import { getCorpus } from "../app/modules/content/corpus.server";
import { parseEmbeddingsSetting } from "../app/modules/assistant/embeddings.server";
import { chatModelFromEnv } from "../app/modules/assistant/llm.server";
import { ensureAssistantIndex } from "../app/modules/assistant/vector-index.server";

try {
  // Fail early, with the package to install, when EMBEDDINGS or CHAT_MODEL names a provider that is missing.
  parseEmbeddingsSetting(process.env.EMBEDDINGS);
  await chatModelFromEnv();
  const corpus = getCorpus();
  if (corpus.errors.length) console.warn(`knowledge: ${corpus.errors.length} document(s) left out; run npm run knowledge:check`);
  const started = performance.now();
  const { index, dir } = await ensureAssistantIndex(process.cwd(), corpus);
  const m = index.manifest;
  const verb = index.source === "disk" ? "up to date" : `built in ${m.buildMs} ms`;
  console.log(
    `index ${m.hash}: ${m.documents} documents, ${m.chunks} chunks, ${m.dimensions}-dimension ${m.embeddings} embeddings — ${verb} ` +
      `(${path.relative(process.cwd(), dir)}, ${Math.round(performance.now() - started)} ms in all)`,
  );
  const parent = path.dirname(dir);
  for (const entry of fs.readdirSync(parent)) {
    const full = path.join(parent, entry);
    if (full !== dir) fs.rmSync(full, { recursive: true, force: true });
  }
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(1);
}
