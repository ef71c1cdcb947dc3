import { getCorpus } from "~/modules/content/corpus.server";
import { indexStatus } from "./index-status.server";
import { buildLexicalIndex, chunksOf, highlight, overviewText, search, searchHitClass } from "./lexical.server";

describe("search", () => {
  it("returns documents with their URL, summary and snippets linked to sections", () => {
    const response = search("残疾证丢了怎么办");
    expect(response.total).toBeGreaterThan(0);
    const top = response.results[0];
    expect(top).toMatchObject({ id: "disability-certificate-guide", url: "/policies/disability-certificate-guide", type: "guide" });
    expect(top.summary.length).toBeGreaterThan(0);
    expect(top.snippets.length).toBeGreaterThan(0);
    const doc = getCorpus().documents.find((d) => d.id === top.id)!;
    for (const snippet of top.snippets) {
      expect(doc.sections.map((s) => s.anchor)).toContain(snippet.anchor);
      expect(snippet.html).toContain(`<span class="${searchHitClass}">`);
    }
    expect(response.expansions).toContainEqual({ variant: "残疾证", canonical: "残疾人证" });
  });

  it("finds an article by its number and links the snippet to its anchor", () => {
    const response = search("无障碍环境建设法 第三十条");
    expect(response.results[0].id).toBe("barrier-free-environment-law");
    expect(response.results[0].snippets[0].anchor).toBe("art-30");
  });

  it("filters by type and pages through results", () => {
    const regulations = search("残疾人 补贴", { type: "regulation", limit: 50 });
    expect(regulations.results.every((r) => r.type === "regulation")).toBe(true);
    const all = search("残疾人", { limit: 50 });
    const second = search("残疾人", { limit: 5, offset: 5 });
    expect(second.total).toBe(all.total);
    expect(second.results.map((r) => r.id)).toEqual(all.results.slice(5, 10).map((r) => r.id));
  });

  it("answers an empty result for nothing to search for", () => {
    expect(search("？？ 的")).toMatchObject({ total: 0, results: [] });
    expect(search("")).toMatchObject({ total: 0, results: [] });
  });

  it("searches the plain-text full text by its sections", () => {
    const response = search("手工编藤培训班");
    const fulltext = response.results.find((r) => r.id === "cdpf-rectification-report-2025-fulltext");
    expect(fulltext?.snippets[0].anchor).toBe("s-2-2-12");
  });
});

const hit = (words: string) => `<span class="${searchHitClass}">${words}</span>`;

describe("a document's overview", () => {
  it("is one text for the search index and the assistant: the index's adds the words a document is searched by", () => {
    const doc = getCorpus().documents.find((d) => d.issuer && d.summaryEn && d.steps?.length)!;
    const passage = overviewText(doc);
    const searched = overviewText(doc, { forSearch: true });
    expect(passage.startsWith(doc.summary)).toBe(true);
    expect(passage).toContain(`${doc.steps![0].title}：${doc.steps![0].text}`);
    expect(passage).not.toContain(doc.summaryEn!);
    expect(passage).not.toContain(doc.issuer);
    for (const part of [doc.summary, doc.summaryEn!, doc.issuer, doc.steps![0].text]) expect(searched).toContain(part);
    expect(chunksOf(doc, 0)[0].text).toBe(searched);
  });
});

describe("highlight", () => {
  it("escapes the text and marks each term", () => {
    expect(highlight("申请<补贴>要带残疾人证", ["残疾人证", "补贴"])).toBe(`申请&lt;${hit("补贴")}&gt;要带${hit("残疾人证")}`);
  });

  it("marks the longest term where terms overlap, never nesting highlights", () => {
    expect(highlight("残疾人证", ["残疾", "残疾人证", "残疾人"])).toBe(hit("残疾人证"));
  });

  it("cuts a long text to a window around the matches", () => {
    const text = `${"甲".repeat(300)}护理补贴${"乙".repeat(300)}`;
    const html = highlight(text, ["护理补贴"], 100);
    expect(html.startsWith("…")).toBe(true);
    expect(html.endsWith("…")).toBe(true);
    expect(html).toContain(hit("护理补贴"));
    expect(html.replace(/<span class="search-hit">|<\/span>|…/g, "").length).toBe(100);
  });
});

describe("index status", () => {
  it("reports the documents and chunks of the built index", async () => {
    const status = await indexStatus();
    const corpus = getCorpus();
    expect(status.documents).toBe(corpus.documents.length);
    expect(status.chunks).toBe(corpus.documents.reduce((n, d) => n + d.sections.length + 1, 0));
    expect(Date.parse(status.builtAt ?? "")).not.toBeNaN();
  });

  it("builds a separate index from any corpus", () => {
    const small = buildLexicalIndex({ dir: "", errors: [], documents: getCorpus().documents.slice(0, 2) });
    expect(small.info.documents).toBe(2);
    expect(small.search("残疾人").total).toBeLessThanOrEqual(2);
  });
});

describe("search reads residents' spellings", () => {
  it("finds the same documents for traditional characters and homophone typos, and says what it searched for", () => {
    const plain = search("残疾人证怎么办理");
    const traditional = search("殘疾人證怎麼辦理");
    expect(traditional.results[0]?.id).toBe(plain.results[0]?.id);
    const typo = search("残急人两项补帖怎么申情");
    // Read as the same question spelled right: the same documents, in the same order.
    const spelled = search("残疾人两项补贴怎么申请");
    expect(typo.results.slice(0, 3).map((r) => r.id)).toEqual(spelled.results.slice(0, 3).map((r) => r.id));
    expect(spelled.results.slice(0, 5).map((r) => r.id)).toEqual(expect.arrayContaining(["living-allowance-guide", "two-subsidies-national"]));
    expect(typo.expansions).toEqual(expect.arrayContaining([{ variant: "申情", canonical: "申请" }]));
    expect(typo.query).toBe("残急人两项补帖怎么申情");
  });
});

describe("term weights", () => {
  it("a lighter word ranks the sections that only it matches lower (the story's words against the clause that asks)", () => {
    const index = buildLexicalIndex(getCorpus());
    const q = "户口 跨省通办";
    const rankOf = (boost?: (term: string) => number) =>
      index.searchChunks(q, { limit: 50, termBoost: boost }).findIndex((h) => index.chunks[h.key].anchor === "s-4-8" && index.chunks[h.key].docId === "disability-certificate-guide");
    const scoreOf = (boost?: (term: string) => number) => index.searchChunks(q, { limit: 50, termBoost: boost })[0].score;
    expect(scoreOf((t) => (t === "户口" ? 0.5 : 1))).toBeLessThan(scoreOf());
    expect(rankOf((t) => (t === "户口" ? 0.5 : 1))).toBeLessThanOrEqual(rankOf());
  });
});

describe("questions people ask", () => {
  it("are a field of their own: a match on a question lifts its section", () => {
    const corpus = getCorpus();
    const q = "头一回申领需要揣什么";
    const withQuestion = corpus.documents.map((d) =>
      d.id !== "disability-certificate-guide"
        ? d
        : { ...d, sections: d.sections.map((s) => (s.anchor === "s-2" ? { ...s, questions: { zh: [q], en: [] } } : s)) },
    );
    const rankOf = (documents: typeof corpus.documents) => {
      const index = buildLexicalIndex({ ...corpus, documents });
      const hits = index.searchChunks(q, { limit: 50 });
      return hits.findIndex((h) => index.chunks[h.key].docId === "disability-certificate-guide" && index.chunks[h.key].anchor === "s-2");
    };
    const without = corpus.documents.map((d) => ({ ...d, sections: d.sections.map((s) => ({ ...s, questions: { zh: [], en: [] } })) }));
    expect(rankOf(withQuestion)).toBe(0);
    expect(rankOf(without)).not.toBe(0); // its text shares no word with the question
  });
});
