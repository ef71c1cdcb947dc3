import { getCorpus, parseDocumentSource } from "~/modules/content/corpus.server";
import { documentText } from "~/modules/content/source.server";
import { chessNotice } from "../../../tests/fixtures/test-notice";
import { retrieve } from "./retrieve.server";
import { buildAssistantIndex, type AssistantIndex } from "./vector-index.server";

/** A repealed document (issue 16, item 2) stays searchable, marked, but the assistant never takes an answer from it. */
describe("a repealed document and the assistant", () => {
  const chess = chessNotice("repealed-chess-contest");
  let index: AssistantIndex;
  beforeAll(async () => {
    const corpus = getCorpus();
    const meta = { ...chess.meta, status: "repealed" as const };
    const { document } = parseDocumentSource(`notices/${meta.id}.md`, documentText(meta, chess.body, null));
    if (!document) throw new Error("the fixture does not parse");
    index = await buildAssistantIndex({ ...corpus, documents: [...corpus.documents, document] }, { embeddings: "local" });
  }, 60_000);

  it("is in the index (the search finds it) but no retrieved passage comes from it", async () => {
    expect(index.lexical.searchChunks(chess.words, { limit: 5 }).some((h) => index.chunks[h.key]!.docId === chess.meta.id)).toBe(true);
    const retrieval = await retrieve(index, chess.question);
    expect(retrieval.hits.length).toBeGreaterThan(0);
    expect(retrieval.hits.map((h) => h.chunk.docId)).not.toContain(chess.meta.id);
  });
});
