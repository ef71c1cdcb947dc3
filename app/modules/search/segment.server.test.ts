import { expandQuery, tokenize, tokenizeWords } from "./segment.server";

describe("tokenize", () => {
  it("keeps glossary terms whole and adds their sub-words for recall", () => {
    const tokens = tokenize("残疾人证到期了怎么换");
    expect(tokens).toContain("残疾人证");
    expect(tokens).toContain("残疾人");
    expect(tokens).toContain("到期");
    expect(tokenize("粤北区域中心")).toContain("粤北区域中心");
  });

  it("drops punctuation, whitespace, stop words and meaningless single characters", () => {
    const tokens = tokenize("请问，我 怎么 办理？的了吗");
    expect(tokens).toEqual(["办理"]);
    expect(tokenize("看不见的人能领什么补贴")).not.toContain("的");
    expect(tokenize("看不见的人能领什么补贴")).not.toContain("人");
  });

  it("keeps single characters that carry meaning, numbers and codes", () => {
    expect(tokenize("盲 聋")).toEqual(["盲", "聋"]);
    expect(tokenize("国发〔2015〕52号")).toEqual(expect.arrayContaining(["2015", "52"]));
    expect(tokenize("GB/T 26341-2010")).toEqual(expect.arrayContaining(["gb", "26341-2010"]));
  });

  it("lower-cases, normalises full-width characters and stems English plurals", () => {
    expect(tokenize("Wheelchairs ＡＢＣ Allowances")).toEqual(["wheelchair", "abc", "allowance"]);
    expect(tokenize("the library card for blind readers")).toEqual(["library", "card", "blind", "reader"]);
  });

  it("has a whole-word mode without sub-words", () => {
    expect(tokenizeWords("视力残疾")).toEqual(["视力残疾"]);
  });
});

describe("expandQuery", () => {
  it.each([
    ["残疾证丢了怎么办", "残疾人证"],
    ["盲人坐公交免费吗", "视力残疾"],
    ["wheelchair loan", "轮椅"],
    ["Wheelchairs", "轮椅"],
    ["hearing aid for adults", "助听器"],
    ["评残去哪个医院", "评定"],
    ["残保金怎么算", "残疾人就业保障金"],
    ["孩子自闭症康复", "孤独症"],
  ])("%s → %s", (q, canonical) => {
    const expanded = expandQuery(q);
    expect(expanded.expansions.map((e) => e.canonical)).toContain(canonical);
    expect(expanded.terms).toContain(canonical.toLowerCase());
  });

  it("keeps the original tokens", () => {
    const expanded = expandQuery("残疾证丢了怎么办");
    expect(expanded.tokens).toEqual(expect.arrayContaining(["残疾证", "丢了"]));
    expect(expanded.terms).toEqual(expect.arrayContaining([...expanded.tokens, "残疾人证", "挂失补办"]));
    expect(expanded.addedTokens).toEqual(["残疾人证", "挂失补办"]);
  });

  it("prefers the longest glossary word and does not match inside English words", () => {
    expect(expandQuery("盲人电影院在哪").expansions).toEqual([{ variant: "盲人电影院", canonical: "无障碍电影" }]);
    expect(expandQuery("disability certificate renewal").expansions.map((e) => e.canonical)).toEqual(["残疾人证", "换领"]);
    expect(expandQuery("scanner").expansions).toEqual([]); // "cane" is a variant, "scanner" does not contain it as a word
  });

  it("also finds a glossary word that overlaps the one before when the text has it as a word (先试 and 试坐), not a mere overlap (到卡, 卡上)", () => {
    expect(expandQuery("有没有地方可以先试坐一下").expansions.map((e) => e.variant)).toEqual(["先试", "试坐"]);
    expect(expandQuery("每个月还有一笔补贴打到卡上").expansions.map((e) => e.variant)).not.toContain("卡上");
  });

  it("marks sub-words of longer query words", () => {
    expect(expandQuery("看不见").subTerms).toContain("不见");
  });

  it("returns nothing to search for a query of only stop words and punctuation", () => {
    expect(expandQuery("  的了吗？ ").terms).toEqual([]);
  });
});
