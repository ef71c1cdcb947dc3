import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkKnowledge, formatCheckReport, type CheckRule } from "./check";

const front = (fields: Record<string, string>) => {
  const base: Record<string, string> = {
    id: "a-guide",
    title: "测试指南",
    titleEn: "Test guide",
    type: "guide",
    issuer: "清远市残疾人联合会",
    status: "current",
    reviewed: "2026-11-26",
    topics: "[subsidy]",
    audience: "[everyone]",
    summary: "摘要。",
    summaryEn: "Summary.",
  };
  const merged = { ...base, ...fields };
  return ["---", ...Object.entries(merged).filter(([, v]) => v !== "").map(([k, v]) => `${k}: ${v}`), "---", ""].join("\n");
};

const goodBody = "## 一、谁可以申请\n\n见[生活补贴](/policies/b-guide#s-1)和[影院](/cinema)。\n";
/** Questions people ask for a guide's section `s-1` (three in each language, as knowledge:check requires). */
const questionsFor = (anchor: string, n = 3, prefix = "") =>
  `{${anchor}: {zh: [${Array.from({ length: n }, (_, i) => `${prefix}我能不能办第${i + 1}种`).join(", ")}], en: [${Array.from({ length: n }, (_, i) => `${prefix}can I get number ${i + 1}`).join(", ")}]}}`;
const bGuide = front({ id: "b-guide", title: "另一个指南", questions: questionsFor("s-1") }) + "## 一、内容\n\n正文。\n";
const glossary = "terms:\n  - canonical: 残疾人证\n    variants: [残疾证]\n";

/** Writes a small knowledge tree; `files` override or add to a valid baseline. */
function check(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "knowledge-"));
  const all: Record<string, string> = {
    "guides/a-guide.md": front({ questions: questionsFor("s-1", 3, "甲") }) + goodBody,
    "guides/b-guide.md": bGuide,
    "glossary.yaml": glossary,
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return checkKnowledge(dir);
}

const rules = (report: ReturnType<typeof check>): CheckRule[] => report.errors.map((e) => e.rule);

describe("knowledge check", () => {
  it("passes the real corpus", () => {
    const report = checkKnowledge(path.resolve("knowledge"));
    expect(formatCheckReport(report)).toContain("✓ no errors");
    expect(report.errors).toEqual([]);
    expect(report.documents).toBeGreaterThanOrEqual(40);
  });

  it("passes the valid baseline fixture", () => {
    expect(check({}).errors).toEqual([]);
  });

  it("passes a document with one article repealed, replaced by an article of another document", () => {
    const repealed = "[{anchor: s-1, repealed: 2026-11-01, note: 本条已废止，见另一个指南。, noteEn: Repealed; see the other guide., supersededBy: b-guide#s-1}]";
    const report = check({ "guides/a-guide.md": front({ questions: questionsFor("s-1", 3, "甲"), repealedArticles: repealed }) + goodBody });
    expect(report.errors).toEqual([]);
  });

  it("accepts a repealed document that names its (existing) replacement, or says why in its change note", () => {
    const replaced = check({ "guides/a-guide.md": front({ status: "repealed", supersededBy: "b-guide" }) + goodBody });
    const explained = check({ "guides/a-guide.md": front({ status: "repealed", changed: "2026-11-20", changeNote: "已被新办法取代。", changeNoteEn: "Replaced by new rules." }) + goodBody });
    for (const report of [replaced, explained]) expect(rules(report).filter((r) => r === "superseded-missing" || r === "repealed-unexplained")).toEqual([]);
  });

  it.each<[string, Record<string, string>, CheckRule, string]>([
    ["a schema error", { "guides/a-guide.md": front({ summary: "" , topics: "[]" }) + goodBody }, "schema", "topics"],
    ["a bad audience", { "guides/a-guide.md": front({ audience: "[martians]" }) + goodBody }, "schema", "audience"],
    ["an over-long summary", { "guides/a-guide.md": front({ summary: "长".repeat(201) }) + goodBody }, "schema", "summary"],
    ["a change dated before the document was issued", { "guides/a-guide.md": front({ issued: "2020-01-01", changed: "2019-12-31", changeNote: "改了", changeNoteEn: "Changed" }) + goodBody }, "schema", "changed: must not be before `issued`"],
    ["a change note without its date", { "guides/a-guide.md": front({ changeNote: "改了", changeNoteEn: "Changed" }) + goodBody }, "schema", "changed: is required"],
    ["a change date without its English note", { "guides/a-guide.md": front({ changed: "2025-01-01", changeNote: "改了" }) + goodBody }, "schema", "changeNoteEn"],
    ["an id that is not the file name", { "guides/a-guide.md": front({ id: "other-id" }) + goodBody }, "id-filename", "other-id"],
    ["a document in the wrong folder", { "faq/c-guide.md": front({ id: "c-guide" }) + goodBody }, "folder-type", "guides/"],
    ["a duplicate id", { "guides/sub/b-guide.md": bGuide }, "duplicate-id", "b-guide"],
    ["a regulation without a source", { "regulations/a-law.md": front({ id: "a-law", type: "regulation" }) + goodBody }, "schema", "source"],
    ["a notice without a source", { "notices/a-notice.md": front({ id: "a-notice", type: "notice" }) + goodBody }, "schema", "source"],
    ["a link to a missing document", { "guides/a-guide.md": front({}) + "## 一、内容\n\n见[这里](/policies/missing-doc)。\n" }, "broken-link", "missing-doc"],
    ["an English link to a missing document", { "guides/a-guide.md": front({}) + "## 一、内容\n\n[x](/en/policies/nope)\n" }, "broken-link", "nope"],
    ["a link to a missing anchor", { "guides/a-guide.md": front({}) + "## 一、内容\n\n[x](/policies/b-guide#art-99)\n" }, "broken-anchor", "art-99"],
    ["a link to an unknown page", { "guides/a-guide.md": front({}) + "## 一、内容\n\n[x](/shop)\n" }, "unknown-page", "/shop"],
    ["a relative link", { "guides/a-guide.md": front({}) + "## 一、内容\n\n[x](b-guide.md)\n" }, "bad-link", "b-guide.md"],
    ["a related id that does not exist", { "guides/a-guide.md": front({ related: "[b-guide, ghost]" }) + goodBody }, "related-missing", "ghost"],
    ["a replacement that does not exist", { "guides/a-guide.md": front({ status: "repealed", supersededBy: "ghost-guide" }) + goodBody }, "superseded-missing", "ghost-guide"],
    ["a repealed document that says neither what replaced it nor why", { "guides/a-guide.md": front({ status: "repealed" }) + goodBody }, "repealed-unexplained", "supersededBy"],
    ["a repealed article that is not in the document", { "guides/a-guide.md": front({ questions: questionsFor("s-1", 3, "甲"), repealedArticles: "[{anchor: s-7, repealed: 2026-11-01, note: 废止。}]" }) + goodBody }, "repealed-article", "s-7"],
    ["a repealed article without a note", { "guides/a-guide.md": front({ questions: questionsFor("s-1", 3, "甲"), repealedArticles: "[{anchor: s-1, repealed: 2026-11-01}]" }) + goodBody }, "schema", "note"],
    ["a repealed article replaced by an article that does not exist", { "guides/a-guide.md": front({ questions: questionsFor("s-1", 3, "甲"), repealedArticles: "[{anchor: s-1, repealed: 2026-11-01, note: 废止。, supersededBy: b-guide#s-9}]" }) + goodBody }, "superseded-missing", "s-9"],
    ["an h1 in the body", { "guides/a-guide.md": front({}) + "# 标题\n\n## 一、内容\n" }, "h1-in-body", "# 标题"],
    ["a skipped heading level", { "guides/a-guide.md": front({}) + "## 一、内容\n\n#### 细节\n" }, "heading-jump", "细节"],
    ["articles out of order", { "guides/a-guide.md": front({}) + "## 第二条 内容\n\n文字。\n\n## 第一条 细节\n\n文字。\n" }, "article-order", "第一条 细节"],
    ["an underlined heading", { "guides/a-guide.md": front({}) + "## 一、内容\n\n细节\n---\n" }, "heading-syntax", "##"],
    ["a body without sections", { "guides/a-guide.md": front({}) + "只有一段话。\n" }, "no-sections", "##"],
    ["a full text without structure", { "notices/a-text.txt": front({ id: "a-text", type: "notice", source: "https://www.gdqy.gov.cn/" }) + "只有一段话。\n" }, "no-sections", "一、"],
    ["missing front matter", { "guides/c-guide.md": "## 一、内容\n" }, "front-matter", "---"],
    ["a variant in two glossary entries", { "glossary.yaml": glossary + "  - canonical: 残疾人证件\n    variants: [残疾证]\n" }, "glossary", "残疾证"],
    ["a malformed glossary", { "glossary.yaml": "terms:\n  - variants: [x]\n" }, "glossary", "canonical"],
    ["a phrase listed twice in the phrasebook", { "phrasebook.yaml": "narrative: [听说]\ndomain: [听说]\n" }, "phrasebook", "听说"],
    ["a malformed phrasebook", { "phrasebook.yaml": "narrative: 听说\n" }, "phrasebook", "narrative"],
    ["a wish listed twice in the phrasebook", { "phrasebook.yaml": "wishes: [想, 想]\n" }, "phrasebook", "wishes"],
    ["questions for a section that does not exist", { "guides/a-guide.md": front({ questions: questionsFor("s-9") }) + goodBody }, "questions", "s-9"],
    ["questions that are not a list", { "guides/a-guide.md": front({ questions: "{s-1: {zh: 问题}}" }) + goodBody }, "schema", "questions"],
    ["a question that copies the heading", { "guides/a-guide.md": front({ questions: "{s-1: {zh: [谁可以申请？]}}" }) + goodBody }, "question-copy", "谁可以申请"],
    ["a guide section without questions", { "guides/a-guide.md": front({}) + goodBody }, "questions-missing", "#s-1"],
    ["a question listed twice", { "guides/a-guide.md": front({ questions: "{_doc: {zh: [能领吗]}, s-1: {zh: [能领吗？]}}" }) + goodBody }, "question-duplicate", "_doc"],
  ])("catches %s", (_name, files, rule, mention) => {
    const report = check(files);
    expect(report.ok).toBe(false);
    expect(rules(report)).toContain(rule);
    const issue = report.errors.find((e) => e.rule === rule)!;
    expect(issue.message).toContain(mention);
    expect(formatCheckReport(report)).toContain(`[${rule}]`);
  });

  it("reports the line in the file", () => {
    const report = check({ "guides/a-guide.md": front({ questions: questionsFor("s-1") }) + "## 一、内容\n\n见[这里](/policies/missing-doc)。\n" });
    expect(report.errors[0].line).toBe(17);
  });

  it("accepts app pages, English links, anchors and https links", () => {
    const body =
      "## 一、内容\n\n[a](/devices) [b](/en/policies/b-guide) [c](#s-1) [d](https://www.gov.cn/) [e](/cinema/abc) [f](tel:0763-3362221) [g](/en)\n";
    expect(check({ "guides/a-guide.md": front({ questions: questionsFor("s-1") }) + body }).errors).toEqual([]);
  });

  it("warns, without failing, on http:// links", () => {
    const report = check({ "guides/a-guide.md": front({ questions: questionsFor("s-1") }) + "## 一、内容\n\n[x](http://example.org/)\n" });
    expect(report.ok).toBe(true);
    expect(report.warnings.map((w) => w.rule)).toEqual(["insecure-link"]);
  });

  it("counts a guide's questions per ## section, a ### subsection's for its parent, in each language", () => {
    const body = "## 一、谁可以申请\n\n正文。\n\n### 1. 新办\n\n正文。\n\n## 二、去哪里办\n\n正文。\n";
    const questions = "{s-1: {zh: [能办吗, 谁能办], en: [can I apply, who can apply, is it for me]}, s-1-1: {zh: [第一次办证怎么弄]}, s-2: {zh: [在哪办]}}";
    const report = check({ "guides/a-guide.md": front({ questions }) + body });
    expect(report.ok).toBe(false);
    const missing = report.errors.filter((i) => i.rule === "questions-missing").map((i) => i.message);
    expect(missing).toHaveLength(2);
    expect(missing.every((m) => m.includes("#s-2"))).toBe(true);
    expect(missing.some((m) => m.includes("1 zh"))).toBe(true);
    expect(missing.some((m) => m.includes("0 en"))).toBe(true);
  });
});
