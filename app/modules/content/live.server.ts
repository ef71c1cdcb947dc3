import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { indexDirFor } from "~/modules/assistant/index-hash.mjs";
import { corpusIndexHash, ensureAssistantIndex, setAssistantIndex } from "~/modules/assistant/vector-index.server";
import type { Connection } from "~/modules/db/connection.server";
import { segmenterOf, useSegmenter } from "~/modules/search/index.server";
import { setLexicalIndex } from "~/modules/search/lexical.server";
import { setCorpus, type Corpus } from "./corpus.server";
import { corpusVersion, loadDatabaseCorpus } from "./documents.server";

/**
 * Live re-indexing (issue 16, item 4): every server process serves the corpus of the database's published documents
 * and follows its changes without a restart. The corpus version (content_corpus, raised in the transaction of every
 * change: documents.server.ts) is polled every few seconds — one small query; when it moved, the process reads the
 * published documents, has their assistant index built and saved by a child process (one per machine: a lock file),
 * loads it beside the indexes it serves (readers keep using those meanwhile), then swaps corpus and both indexes in at
 * once. Each worker and each instance polls for itself, so all of them follow (docs/decisions/0012).
 */

export interface CorpusSyncLog {
  info: (fields: object, message: string) => void;
  error: (fields: object, message: string) => void;
}

export interface CorpusSync {
  /** The corpus version this process serves (0: the files, the database has no documents). */
  version: () => number;
  /** Checks the version now and, when it moved, rebuilds and swaps; resolves when this process serves the newest. */
  refresh: () => Promise<void>;
  stop: () => void;
}

/** How often each process asks for the corpus version (CORPUS_POLL_MS; default 2 s). */
export function corpusPollMs(env: Record<string, string | undefined> = process.env): number {
  const ms = Number(env.CORPUS_POLL_MS);
  return Number.isFinite(ms) && ms >= 100 ? ms : 2_000;
}

/** A build lock older than this is a build that died: it is taken over. */
const staleLockMs = 120_000;

/**
 * Builds the index of the database's current corpus in a separate process (`npm run index`'s script, which saves it
 * to data/index/<hash>), so the build's seconds of CPU never hold up this process's readers. True when it succeeded.
 */
export function buildIndexOutOfProcess(root: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/build-index.ts", "--keep-others"], {
      cwd: root,
      env: process.env,
      stdio: "ignore",
    });
    child.once("error", () => resolve(false));
    child.once("exit", (code) => resolve(code === 0));
  });
}

/**
 * Makes sure the corpus's index is saved, building it at most once per machine: the first process to take
 * `data/index/<hash>.lock` has it built out of process (`build`), the others (workers, instances on the same disk)
 * wait for its manifest. False when no saved index came of it (the build failed, or built a newer corpus).
 */
async function savedIndex(root: string, corpus: Corpus, build: (root: string) => Promise<boolean>): Promise<boolean> {
  const dir = indexDirFor(root, corpusIndexHash(corpus));
  const manifest = path.join(dir, "manifest.json");
  const lock = `${dir}.lock`;
  if (fs.existsSync(manifest)) return true;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, "wx"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // Another process is building it.
      while (fs.existsSync(lock) && !fs.existsSync(manifest)) {
        const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
        if (age > staleLockMs) fs.rmSync(lock, { force: true });
        else await sleep(100);
      }
      if (fs.existsSync(manifest)) return true;
      continue;
    }
    try {
      await build(root);
    } finally {
      fs.rmSync(lock, { force: true });
    }
    return fs.existsSync(manifest);
  }
}

/**
 * Builds a corpus's search and assistant indexes beside whatever is served (out of process, then loaded; in this
 * process only when that failed) and swaps all three in together.
 */
async function buildAndSwap(corpus: Corpus, root: string, build: (root: string) => Promise<boolean>): Promise<void> {
  await savedIndex(root, corpus, build);
  // Loaded from disk when saved (the lexical index and the model are rebuilt from the corpus: ~1 s); built here otherwise.
  const { index } = await ensureAssistantIndex(root, corpus);
  const segmenter = segmenterOf(corpus.glossary);
  // The assistant's lexical index is the search module's index of the same corpus: one build serves both. The
  // segmenter of its glossary (the console's mappings) is swapped in with them.
  setLexicalIndex(index.lexical);
  setAssistantIndex(index);
  setCorpus(corpus);
  useSegmenter(segmenter);
}

/**
 * Serves the database's corpus (when it holds documents) and follows it. The first load only reads and parses the
 * documents (the indexes are built on first use, as before); every later change is built beside and swapped in.
 */
export async function startCorpusSync(
  getConnection: () => Connection,
  options: { intervalMs?: number; root?: string; log?: CorpusSyncLog; build?: (root: string) => Promise<boolean> } = {},
): Promise<CorpusSync> {
  const root = options.root ?? process.cwd();
  const log = options.log;
  let served = 0;
  let running: Promise<void> | null = null;
  let stopped = false;

  const build = options.build ?? buildIndexOutOfProcess;
  const initial = await corpusVersion(getConnection().db);
  if (initial > 0) {
    const corpus = await loadDatabaseCorpus(getConnection().db);
    // `npm start` built the files' index; when the database's documents differ from the files (changed through the
    // module since), their index is built once here, out of process, rather than by every worker on first use.
    await savedIndex(root, corpus, build);
    setCorpus(corpus);
    useSegmenter(segmenterOf(corpus.glossary));
    served = initial;
  }

  async function catchUp(): Promise<void> {
    for (;;) {
      const db = getConnection().db;
      const version = await corpusVersion(db);
      if (version === served || version === 0) return;
      const started = performance.now();
      const corpus = await loadDatabaseCorpus(db);
      if (corpus.errors.length) log?.error({ errors: corpus.errors.slice(0, 5) }, `corpus version ${version}: ${corpus.errors.length} document(s) left out`);
      await buildAndSwap(corpus, root, build);
      served = version;
      log?.info({ version, documents: corpus.documents.length, ms: Math.round(performance.now() - started) }, "corpus re-indexed");
    }
  }

  function refresh(): Promise<void> {
    running ??= catchUp().finally(() => (running = null));
    return running;
  }

  const timer = setInterval(() => {
    if (stopped) return;
    refresh().catch((error: Error) => log?.error({ err: error.message }, "corpus re-index failed; the current index stays in use"));
  }, options.intervalMs ?? corpusPollMs());
  timer.unref();

  return {
    version: () => served,
    refresh,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
