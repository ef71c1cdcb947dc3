import { buildLexicalIndex } from "~/modules/search/index.server";
import { PhraseMatcher } from "./phrases.server";
import { understandQuestion } from "./understand.server";

const lexical = buildLexicalIndex();
const understand = (q: string) => understandQuestion(q, lexical);

describe("question understanding, step by step", () => {
  it("leaves masked personal numbers out of the search", () => {
    expect(understand("我的身份证号4418**********3216，残疾证怎么办").query).not.toMatch(/\*|3216/);
  });

  it("folds full-width characters and traditional characters", () => {
    expect(understand("殘疾人證怎麼辦理").text).toBe("残疾人证怎么办理");
    expect(understand("ＣＡＮ I BORROW A WHEELCHAIR").text).toBe("can i borrow a wheelchair");
  });

  it("repairs homophone typos against the corpus's words, and says which", () => {
    const u = understand("残急人两项补帖怎么申情");
    expect(u.text).toBe("残疾人两项补贴怎么申请");
    expect(u.repairs.map((r) => r.to)).toEqual(["残疾人", "两项补贴", "申请"]);
  });

  it("leaves the story out of the search, keeping what is asked", () => {
    const u = understand("我妈瘫痪在床好几年了，是一级残疾，每个月能领护理补贴吗");
    expect(u.narrative).toEqual(expect.arrayContaining(["我妈", "好几年"]));
    expect(u.query).not.toContain("我妈");
    expect(u.query).not.toContain("好几年");
    expect(u.query).toContain("瘫痪在床");
    expect(u.query).toContain("护理补贴");
  });

  it("searches a question that is nothing but courtesy as typed (the gate judges it)", () => {
    expect(understand("谢谢你").query).toBe("谢谢你");
  });
});

describe("phrase matching", () => {
  const m = new PhraseMatcher(["听说", "stock", "disab*"]);

  it("matches Chinese anywhere and English as whole words, plurals and * endings included", () => {
    expect(m.find("我听说股市")).toEqual(["听说"]);
    expect(m.test("STOCKS today")).toBe(true);
    expect(m.test("stockholm")).toBe(false);
    expect(m.test("a disabled person")).toBe(true);
    expect(m.remove("听说 stock")).toBe("   ");
  });
});
