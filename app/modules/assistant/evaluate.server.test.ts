import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { caseCategories, loadCases } from "./evaluate.server";

function casesFile(lines: unknown[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cases-")), "cases.jsonl");
  fs.writeFileSync(file, lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n");
  return file;
}

describe("case files", () => {
  it("reads the contract's fields plus category and history", () => {
    const file = casesFile([
      { id: "a1", category: "followup", q: "那护理补贴呢？", history: ["生活补贴给谁？"], expect: "answer", must: [["护理补贴"]] },
      { id: "a2", category: "personal", q: "我的电话 13812345678", locale: "zh-CN", expect: "any", must_not: ["13812345678"] },
    ]);
    expect(loadCases(file).map((c) => [c.id, c.category, c.history ?? null])).toEqual([
      ["a1", "followup", ["生活补贴给谁？"]],
      ["a2", "personal", null],
    ]);
  });

  it.each([
    ["an unknown category", { id: "x", category: "chitchat", q: "你好", expect: "refuse" }, "category"],
    ["no category", { id: "x", q: "你好", expect: "refuse" }, "category"],
    ["an unknown field", { id: "x", category: "formal", q: "你好", expect: "refuse", note: "?" }, "note"],
    ["an empty must group", { id: "x", category: "formal", q: "你好", expect: "answer", must: [[]] }, "must"],
  ])("refuses a line with %s, naming the file and line", (_name, line, mention) => {
    const file = casesFile([{ id: "ok", category: "formal", q: "两项补贴是什么", expect: "answer" }, line]);
    expect(() => loadCases(file)).toThrow(new RegExp(`cases\\.jsonl:2: .*${mention}`));
  });

  it("refuses an id used twice", () => {
    const c = { id: "same", category: "formal", q: "两项补贴是什么", expect: "answer" };
    expect(() => loadCases(casesFile([c, c]))).toThrow(/id "same" repeats/);
  });

  it("knows the issue's twelve categories", () => {
    expect(caseCategories).toHaveLength(12);
  });
});
