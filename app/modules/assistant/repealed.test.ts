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

/**
 * One repealed article of a document in force (front matter repealedArticles): the assistant no longer cites it, and
 * still cites its neighbours in the same document.
 */
describe("a repealed article and the assistant", () => {
  const id = "repealed-article-contests";
  const body =
    "## 第一条 盲人象棋比赛\n\n盲人象棋比赛于2026年12月20日在清远市残疾人综合服务中心举行，视力残疾人持残疾人证报名。\n\n" +
    "## 第二条 聋人围棋比赛\n\n聋人围棋比赛于2026年12月27日在清远市残疾人综合服务中心举行，听力残疾人发短信报名。\n\n" +
    "## 第三条 轮椅篮球比赛\n\n轮椅篮球比赛于2027年1月10日在清远市体育馆举行，肢体残疾人打电话报名。\n";
  const meta = {
    ...chessNotice(id).meta,
    title: "关于举办2026年清远市残疾人棋类和篮球比赛的通知",
    repealedArticles: [{ anchor: "art-2", repealed: "2026-12-01", note: "聋人围棋比赛取消。", noteEn: "The go contest for deaf people is cancelled." }],
  };
  let index: AssistantIndex;
  beforeAll(async () => {
    const corpus = getCorpus();
    const { document, errors } = parseDocumentSource(`notices/${id}.md`, documentText(meta, body, null));
    if (!document) throw new Error(`the fixture does not parse: ${JSON.stringify(errors)}`);
    expect(document.sections.map((s) => [s.anchor, s.repeal?.note ?? null])).toEqual([
      ["art-1", null],
      ["art-2", "聋人围棋比赛取消。"],
      ["art-3", null],
    ]);
    index = await buildAssistantIndex({ ...corpus, documents: [...corpus.documents, document] }, { embeddings: "local" });
  }, 60_000);

  const cited = async (question: string) => (await retrieve(index, question)).hits.filter((h) => h.chunk.docId === id).map((h) => h.chunk.anchor);

  it("is never cited, though the search still finds it", async () => {
    expect(index.lexical.searchChunks("聋人围棋比赛", { limit: 5 }).some((h) => index.chunks[h.key]!.anchor === "art-2")).toBe(true);
    expect(await cited("聋人围棋比赛什么时候举行？")).not.toContain("art-2");
  });

  it("its neighbours are still cited", async () => {
    expect(await cited("盲人象棋比赛什么时候举行？")).toContain("art-1");
    expect(await cited("轮椅篮球比赛在哪里举行？")).toContain("art-3");
  });
});
