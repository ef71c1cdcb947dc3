import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  getDocument,
  latestNotices,
  listDocuments,
  loadCorpus,
  relatedDocuments,
  type Corpus,
} from "./corpus.server";

const knowledge = path.resolve("knowledge");
const corpus = loadCorpus(knowledge);

function fixtureCorpus(files: Record<string, string>): Corpus {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return loadCorpus(dir);
}

const doc = (id: string, type: string, extra: string) =>
  [
    "---",
    `id: ${id}`,
    `title: 标题${id}`,
    `titleEn: Title ${id}`,
    `type: ${type}`,
    "issuer: 清远市残疾人联合会",
    "status: current",
    "source: https://www.gdqy.gov.cn/",
    "reviewed: 2026-11-26",
    "topics: [subsidy]",
    "audience: [everyone]",
    "summary: 摘要。",
    "summaryEn: Summary.",
    extra,
    "---",
    "",
    "## 一、内容",
    "",
    "正文。",
    "",
  ].join("\n");

describe("loading the real corpus", () => {
  it("loads every document without errors", () => {
    expect(corpus.errors).toEqual([]);
    expect(corpus.documents.length).toBeGreaterThanOrEqual(40);
    const types = new Set(corpus.documents.map((d) => d.type));
    expect([...types].sort()).toEqual(["faq", "guide", "notice", "regulation"]);
  });

  it("parses the plain-text full text alongside the Markdown documents", () => {
    const fulltext = getDocument("cdpf-rectification-report-2025-fulltext", corpus);
    expect(fulltext?.format).toBe("text");
    expect(fulltext?.path).toBe("notices/cdpf-rectification-report-2025-fulltext.txt");
    expect(fulltext?.html).toContain('<h4 id="s-2-1-1">1.推动出台《清远市扶助残疾人实施办法》</h4>');
    // The official title block is not repeated under the page's h1.
    expect(fulltext?.html).not.toContain("<p>第五轮巡察整改进展情况的通报</p>");
  });

  it("gives each document a URL, plain text and a content hash", () => {
    const guide = getDocument("living-allowance-guide", corpus);
    expect(guide?.url).toBe("/policies/living-allowance-guide");
    expect(guide?.plainText).toContain("一、谁可以申请");
    expect(guide?.plainText).not.toContain("](/policies/");
    expect(guide?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(guide?.steps?.[0].title).toBe("申请");
  });
});

describe("validation while loading", () => {
  it("leaves out a document whose front matter breaks the schema and says why", () => {
    const result = fixtureCorpus({
      "guides/good.md": doc("good", "guide", ""),
      "guides/bad.md": doc("bad", "guide", "topics: [nonsense]").replace("topics: [subsidy]\n", ""),
    });
    expect(result.documents.map((d) => d.id)).toEqual(["good"]);
    expect(result.errors).toEqual([expect.objectContaining({ path: "guides/bad.md", rule: "schema", message: expect.stringContaining("topics[0]") })]);
  });
});

describe("questions people ask", () => {
  it("puts each anchor's questions on its section and _doc's on the document; empty lists elsewhere", () => {
    const questions = ["questions:", "  _doc:", "    zh: [这个文件讲什么]", "  s-1:", "    zh: [我能领吗, 谁能申请这个]", "    en: [Can I get it?]"].join("\n");
    const result = fixtureCorpus({ "guides/q.md": doc("q", "guide", questions).replace("正文。", "正文。\n\n## 二、去哪里办\n\n正文。") });
    expect(result.errors).toEqual([]);
    const [document] = result.documents;
    expect(document.questions).toEqual({ zh: ["这个文件讲什么"], en: [] });
    expect(document.sections.map((s) => [s.anchor, s.questions])).toEqual([
      ["s-1", { zh: ["我能领吗", "谁能申请这个"], en: ["Can I get it?"] }],
      ["s-2", { zh: [], en: [] }],
    ]);
  });

  it("keeps the document but reports questions for an anchor it does not have", () => {
    const result = fixtureCorpus({ "guides/q.md": doc("q", "guide", "questions: {art-9: {zh: [第九条说什么]}}") });
    expect(result.documents.map((d) => d.id)).toEqual(["q"]);
    expect(result.errors).toEqual([expect.objectContaining({ rule: "questions", message: expect.stringContaining("art-9") })]);
  });

  it("gives every section of the real corpus a questions field", () => {
    for (const d of corpus.documents) {
      expect(d.questions).toEqual({ zh: expect.any(Array), en: expect.any(Array) });
      for (const s of d.sections) expect(s.questions).toEqual({ zh: expect.any(Array), en: expect.any(Array) });
    }
  });
});

describe("page queries", () => {
  it("lists newest issued first, undated last, and pages the result", () => {
    const all = listDocuments({ pageSize: 100 }, corpus);
    expect(all.total).toBe(corpus.documents.length);
    const dates = all.items.map((d) => d.issued ?? "");
    const dated = dates.filter(Boolean);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.indexOf("")).toBe(dated.length); // all undated after all dated

    const page2 = listDocuments({ pageSize: 10, page: 2 }, corpus);
    expect(page2.items.map((d) => d.id)).toEqual(all.items.slice(10, 20).map((d) => d.id));
    expect(page2.pageCount).toBe(Math.ceil(all.total / 10));
    expect(listDocuments({ pageSize: 10, page: 999 }, corpus).page).toBe(page2.pageCount);
  });

  it("filters by type, topic and audience", () => {
    const guides = listDocuments({ type: "guide", topic: "subsidy", pageSize: 100 }, corpus);
    expect(guides.items.map((d) => d.id)).toEqual(expect.arrayContaining(["living-allowance-guide", "nursing-allowance-guide"]));
    expect(guides.items.every((d) => d.type === "guide" && d.topics.includes("subsidy"))).toBe(true);
    const employers = listDocuments({ audience: "employers", pageSize: 100 }, corpus);
    expect(employers.items.every((d) => d.audience.includes("employers"))).toBe(true);
    expect(listDocuments({ type: "faq", topic: "employment", audience: "speech" }, corpus)).toMatchObject({ total: 0, page: 1, pageCount: 1 });
  });

  it("finds related documents: the listed ones first, then guides on the same topic, at most five", () => {
    const law = getDocument("disability-protection-law", corpus)!;
    const related = relatedDocuments(law, corpus);
    expect(related.length).toBe(5);
    expect(related.map((d) => d.id)).toEqual(law.related!.slice(0, 5));
    const fund = getDocument("employment-security-fund", corpus)!;
    const ids = relatedDocuments(fund, corpus).map((d) => d.id);
    expect(ids).not.toContain(fund.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("returns the latest notices", () => {
    const notices = latestNotices(3, corpus);
    expect(notices).toHaveLength(3);
    expect(notices.every((n) => n.type === "notice")).toBe(true);
    expect(notices[0].issued! >= (notices[1].issued ?? "")).toBe(true);
  });

  it("answers undefined for an unknown id", () => {
    expect(getDocument("no-such-document", corpus)).toBeUndefined();
  });
});
