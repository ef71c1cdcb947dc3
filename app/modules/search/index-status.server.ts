import { getLexicalIndex } from "./lexical.server";

/** What the health check reports about the knowledge index. */
export interface IndexStatus {
  /** Documents in the index. */
  documents: number;
  /** Chunks (one overview per document plus one per section) in the lexical index. */
  chunks: number;
  /** ISO time the index was built (the lexical index; the vector index will report here too). */
  builtAt: string | null;
}

/** Builds the lexical index if this process has not yet, then reports it. */
export async function indexStatus(): Promise<IndexStatus> {
  const { documents, chunks, builtAt } = getLexicalIndex().info;
  return { documents, chunks, builtAt };
}
