/** What the health check reports about the knowledge index. Filled in by the search module once built. */
export interface IndexStatus {
  documents: number;
  chunks: number;
  builtAt: string | null;
}

export async function indexStatus(): Promise<IndexStatus> {
  return { documents: 0, chunks: 0, builtAt: null };
}
