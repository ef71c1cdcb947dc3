import fs from "node:fs";
import path from "node:path";
import { loadCorpus, splitFrontMatter } from "./corpus.server";
import { renderMarkdown } from "./markdown.server";
import {
  chineseToNumber,
  markdownToPlainText,
  parseHeadingLabel,
  parseMarkdownStructure,
  parsePlainTextStructure,
  slugify,
  type Section,
} from "./structure";

const knowledge = path.resolve("knowledge");
const fulltextBody = splitFrontMatter(
  fs.readFileSync(path.join(knowledge, "notices/cdpf-rectification-report-2025-fulltext.txt"), "utf8"),
).body;

const byAnchor = (sections: Section[], anchor: string) => sections.find((s) => s.anchor === anchor);

describe("Chinese numerals", () => {
  it.each([
    ["一", 1],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十一", 21],
    ["九十九", 99],
    ["一百", 100],
    ["一百零五", 105],
    ["一百一十", 110],
    ["两千零一", 2001],
    ["零", 0],
    ["〇", 0],
    ["12", 12],
  ])("%s → %d", (text, value) => {
    expect(chineseToNumber(text)).toBe(value);
  });

  it("rejects what is not a numeral", () => {
    expect(chineseToNumber("补贴")).toBeNull();
    expect(chineseToNumber("")).toBeNull();
  });
});

describe("Markdown as plain text", () => {
  it("keeps a bulleted list a list: every item but the last ends in ；, as Chinese writes one", () => {
    const text = markdownToPlainText("投诉之前，先准备好这些：\n\n- 把经过写下来。\n- 保留证据。\n- 带上残疾人证。\n\n请打电话。");
    expect(text).toBe("投诉之前，先准备好这些：\n把经过写下来；\n保留证据；\n带上残疾人证。\n请打电话。");
    // A single item, an item without closing punctuation and a paragraph keep their own.
    expect(markdownToPlainText("- 只有一条。\n\n一段话。")).toBe("只有一条。\n一段话。");
    expect(markdownToPlainText("- 电话：0763-3362221\n- 地址：凤鸣路1号")).toBe("电话：0763-3362221\n地址：凤鸣路1号");
  });
});

describe("heading labels", () => {
  it("recognises each numbering style", () => {
    expect(parseHeadingLabel("第十二条　谁是残疾人")).toMatchObject({ kind: "article", number: 12, label: "第十二条", rest: "谁是残疾人" });
    expect(parseHeadingLabel("第二章　康复")).toMatchObject({ kind: "chapter", number: 2, rest: "康复" });
    expect(parseHeadingLabel("第一编 总则")).toMatchObject({ kind: "part", number: 1 });
    expect(parseHeadingLabel("第三节 补贴")).toMatchObject({ kind: "section", number: 3 });
    expect(parseHeadingLabel("一、补贴对象")).toMatchObject({ kind: "item1", number: 1, label: "一、", rest: "补贴对象" });
    expect(parseHeadingLabel("（二）申请材料")).toMatchObject({ kind: "item2", number: 2, label: "（二）" });
    expect(parseHeadingLabel("3.提交申请")).toMatchObject({ kind: "item3", number: 3, label: "3." });
    expect(parseHeadingLabel("4．审核")).toMatchObject({ kind: "item3", number: 4 });
    expect(parseHeadingLabel("常见问题")).toMatchObject({ kind: "heading", number: null, label: "" });
  });

  it("does not take a decimal number or a year for an item number", () => {
    expect(parseHeadingLabel("3.5万元的补助").kind).toBe("heading");
    expect(parseHeadingLabel("2024年10月起").kind).toBe("heading");
  });
});

describe("plain-text official full text (巡察整改进展情况的通报)", () => {
  const { preamble, sections } = parsePlainTextStructure(fulltextBody);

  it("keeps the title block and opening paragraph as the preamble", () => {
    expect(preamble).toContain("第五轮巡察整改进展情况的通报");
    expect(preamble).toContain("根据市委统一部署");
  });

  it("finds the 一、 二、 三、 parts with readable anchors", () => {
    expect(sections.filter((s) => s.kind === "item1").map((s) => s.anchor)).toEqual(["s-1", "s-2", "s-3"]);
    const first = byAnchor(sections, "s-1");
    expect(first?.heading).toBe("一、市残联党组履行巡察整改主体责任情况");
    expect(first?.text).toContain("成立了由党组书记任组长");
    expect(first?.level).toBe(1);
  });

  it("nests （一） under 二、 and 1. under （一）", () => {
    const group = byAnchor(sections, "s-2-1");
    expect(group?.heading).toBe("（一）关于巡察发现问题整改方面");
    expect(group?.level).toBe(2);
    const item = byAnchor(sections, "s-2-1-1");
    expect(item?.label).toBe("1.");
    expect(item?.title).toBe("推动出台《清远市扶助残疾人实施办法》");
    expect(item?.level).toBe(3);
    expect(item?.path).toEqual([
      "二、巡察整改工作任务的落实情况",
      "（一）关于巡察发现问题整改方面",
      "1.推动出台《清远市扶助残疾人实施办法》",
    ]);
    expect(item?.text).toContain("一是加强研究部署");
  });

  it("keeps the running numbers of items in later groups", () => {
    expect(byAnchor(sections, "s-2-2-8")?.title).toBe("全面落实残疾人“两项补贴”政策");
    expect(byAnchor(sections, "s-2-2-11")?.title).toBe("充分发挥广东辅助器具粤北区域中心的引领示范作用");
    expect(byAnchor(sections, "s-2-4-20")?.title).toBe("严格落实全面从严治党主体责任");
    expect(sections.filter((s) => s.kind === "item3")).toHaveLength(20);
  });

  it("splits an item's short title from the text that follows on the same line", () => {
    const item = byAnchor(sections, "s-3-1");
    expect(item?.title).toBe("提高政治站位，坚持不懈强化思想武装");
    expect(item?.text).toMatch(/^全面贯彻落实党的二十大/);
    expect(item?.citation).toBe("（一）提高政治站位，坚持不懈强化思想武…");
  });

  it("gives short citation labels", () => {
    expect(byAnchor(sections, "s-2")?.citation).toBe("二、巡察整改工作任务的落实情况");
    expect(byAnchor(sections, "s-2-1-2")?.citation).toBe("2.规范办文流程");
  });

  it("gives every section a unique anchor", () => {
    const anchors = sections.map((s) => s.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
  });
});

describe("plain-text law", () => {
  const law = [
    "中华人民共和国某某法",
    "第一章　总　　则",
    "第一条　为了保障残疾人的权利，制定本法。",
    "第二条　有下列情形之一的，依法处理：",
    "（一）拒绝招收残疾学生的；",
    "（二）歧视残疾人的。",
    "第二章　康复",
    "第一节　一般规定",
    "第十五条　国家保障残疾人享有康复服务的权利。",
    "第三条规定的事项另行规定。",
  ].join("\n");
  const { sections } = parsePlainTextStructure(law);

  it("structures by 章/节/条 and keeps （一） clauses inside their article", () => {
    expect(sections.map((s) => s.anchor)).toEqual(["ch-1", "art-1", "art-2", "ch-2", "ch-2-sec-1", "art-15"]);
    expect(sections[0].heading).toBe("第一章 总则");
    expect(sections[2].text).toContain("（一）拒绝招收残疾学生的；");
    expect(sections[2].citation).toBe("第二条");
    expect(sections[5].path).toEqual(["第二章 康复", "第一节 一般规定", "第十五条"]);
  });

  it("treats 第X条 in running text as prose", () => {
    expect(sections[5].text).toContain("第三条规定的事项另行规定。");
  });
});

describe("Markdown structure", () => {
  it("nests ### articles under ## chapters with art-/ch- anchors and heading paths", () => {
    const { sections } = parseMarkdownStructure("## 第二章　康复\n\n引言\n\n### 第十五条　享有康复服务的权利\n\n残疾人有权得到[康复](/policies/x)服务。\n");
    expect(sections.map((s) => s.anchor)).toEqual(["ch-2", "art-15"]);
    expect(sections[1].path).toEqual(["第二章 康复", "第十五条 享有康复服务的权利"]);
    expect(sections[1].citation).toBe("第十五条");
    expect(sections[1].text).toBe("残疾人有权得到康复服务。");
  });

  it("falls back to a readable slug and keeps anchors unique", () => {
    const { sections } = parseMarkdownStructure("## 常见问题\n\n## 常见问题\n\n## 一、申请\n\n### （二）材料\n\n#### 1. 身份证\n\n## Contact us!\n");
    expect(sections.map((s) => s.anchor)).toEqual(["常见问题", "常见问题-2", "s-1", "s-1-2", "s-1-2-1", "contact-us"]);
    expect(slugify("？？")).toBe("section");
  });

  it("ignores # lines inside fenced code", () => {
    const { sections } = parseMarkdownStructure("## 一、说明\n\n```\n## 不是标题\n```\n");
    expect(sections).toHaveLength(1);
  });
});

describe("the real corpus", () => {
  const corpus = loadCorpus(knowledge);

  it("gives every section of every document a unique anchor", () => {
    for (const doc of corpus.documents) {
      const anchors = doc.sections.map((s) => s.anchor);
      expect(new Set(anchors).size, doc.id).toBe(anchors.length);
    }
  });

  it("renders each Markdown heading with the id its section got from the structure parser", () => {
    for (const doc of corpus.documents.filter((d) => d.format === "markdown")) {
      const html = renderMarkdown(doc.body, parseMarkdownStructure(doc.body));
      const ids = [...html.matchAll(/<h[2-6] id="([^"]+)"/g)].map((m) => m[1]);
      expect(ids, doc.id).toEqual(doc.sections.map((s) => s.anchor));
    }
  });

  it("anchors the articles of the protection law by their numbers", () => {
    const law = corpus.documents.find((d) => d.id === "disability-protection-law");
    expect(law?.html).toContain('<h2 id="ch-2">');
    expect(law?.html).toMatch(/<h3 id="art-15">第十五条/);
    expect(law?.sections.find((s) => s.anchor === "art-2")?.path).toEqual(["第一章 总则", "第二条 谁是残疾人"]);
  });
});
