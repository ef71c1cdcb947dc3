import { buildLexicalIndex } from "~/modules/search/index.server";
import { PhraseMatcher } from "./phrases.server";
import { understandQuestion, withAbsoluteYears, withoutAnotA } from "./understand.server";

const lexical = buildLexicalIndex();
const understand = (q: string) => understandQuestion(q, lexical);

describe("question understanding, step by step", () => {
  it("reads 25个人 as a count of people, not as the word 个人 (a person) the corpus lacks", () => {
    const terms = understand("我们只是25个人的小公司，也要交吗？").keyTerms.map((t) => t.term);
    expect(terms).toContain("公司");
    expect(terms).not.toContain("个人");
    expect(understand("个人能申请吗").keyTerms.map((t) => t.term)).toContain("个人");
  });

  it("leaves masked personal numbers out of the search", () => {
    expect(understand("我的身份证号4418**********3216，残疾证怎么办").query).not.toMatch(/\*|3216/);
  });

  it("folds full-width characters and traditional characters", () => {
    expect(understand("殘疾人證怎麼辦理").text).toBe("残疾人证怎么办理");
    expect(understand("ＣＡＮ I BORROW A WHEELCHAIR").text).toBe("can i borrow a wheelchair");
  });

  it("reads Cantonese as Mandarin (phrasebook `cantonese`), after traditional characters", () => {
    expect(understand("佢睇唔到嘢，点样申请").text).toBe("他看不到东西,怎样申请");
    expect(understand("我個仔喺邊度辦殘疾證").text).toBe("我儿子在哪里办残疾证");
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

  it("never cuts a glossary word to leave out filler: 看不清楚 is how people say 视力残疾, not 不清楚 (I don't know)", () => {
    const u = understand("眼睛看不清楚 残联有没有医生下乡检查的");
    expect(u.narrative).not.toContain("不清楚");
    expect(u.query).toContain("看不清楚");
    expect(understand("我也不清楚，残疾证怎么办").narrative).toContain("不清楚");
  });

  it("takes 还是 (still) for no question: the clause that asks is the one with a question mark", () => {
    const u = understand("我妈白内障做过手术还是看不太清，她去视障图书馆办证要带什么？");
    const asked = u.keyTerms.filter((t) => t.asked).map((t) => t.term);
    expect(asked).toContain("办证");
    expect(asked).not.toContain("白内障");
  });

  it("reads a space between Chinese words as the end of a clause, and a request as a question", () => {
    const lent = understand("残疾证能借给我表哥用一下吗 他去景区买门票").keyTerms;
    expect(lent.find((t) => t.term === "残疾证")?.asked).toBe(true);
    expect(lent.find((t) => t.term === "景区")?.asked).toBe(false);
    const address = understand("市残联在哪个位置 地址发一下").keyTerms;
    expect(address.find((t) => t.term === "地址")?.asked).toBe(true);
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

  it("does not cut through a word it must keep whole", () => {
    const filler = new PhraseMatcher(["不清楚"], { whole: ["看不清楚"] });
    expect(filler.find("眼睛看不清楚")).toEqual([]);
    expect(filler.remove("我不清楚，眼睛看不清楚")).toBe("我 ，眼睛看不清楚");
  });
});

describe("English question words", () => {
  it("mark the clause they open, not every clause with an 'is' in it", () => {
    const u = understand("My dad is 72 and had a stroke last year; he can barely walk. Can we borrow a wheelchair from the Federation?");
    const asked = u.keyTerms.filter((t) => t.asked).map((t) => t.term);
    expect(asked).toEqual(expect.arrayContaining(["borrow", "wheelchair"]));
    expect(asked).not.toContain("stroke");
  });
});

describe("phrase matching keeps no state between calls", () => {
  it("finds a phrase after a test that matched elsewhere", () => {
    const m = new PhraseMatcher(["哪家便宜"]);
    expect(m.test("这是一句很长的话，问盲人按摩店哪家便宜")).toBe(true);
    expect(m.find("哪家便宜")).toEqual(["哪家便宜"]);
  });
});

describe("key terms", () => {
  const terms = (q: string) => Object.fromEntries(understand(q).keyTerms.map((t) => [t.term, t]));

  it("weighs the clause that asks fully and the story lightly", () => {
    const t = terms("去年出车祸截了一条腿，现在出院了，听说可以办残疾证，要准备哪些东西");
    expect(t["东西"].asked).toBe(true);
    expect(t["出院"].asked).toBe(false);
    expect(t["出院"].weight).toBeLessThan(t["东西"].weight / 2);
  });

  it("leaves out the function character jieba's guess joins to a word (哪里有装 → 装, 税有优惠吗 → 税), never returning a book (还书)", () => {
    expect(terms("清远哪里有装")).toHaveProperty("装");
    expect(terms("清远哪里有装")).not.toHaveProperty("有装");
    const tax = terms("残疾人自己开个小卖部，能免哪些费？税有优惠吗");
    expect(tax).toHaveProperty("税");
    expect(tax).not.toHaveProperty("税有");
    expect(tax["税"].weight).toBeLessThan(tax["优惠"].weight);
    expect(terms("借书证还书逾期一天罚多少钱")).toHaveProperty("还书");
  });

  it("reads a clause that asks with no word of its own as asking about the clause before it", () => {
    const t = terms("我今年六十五了，眼睛看不清，听说残联可以借放大镜，是真的吗");
    expect(t["放大镜"].asked).toBe(true);
    expect(t["眼睛"]?.asked ?? false).toBe(false);
  });

  it("reads a question frame alone (应该怎么做？) as asking about the clause before it, even when other clauses ask too", () => {
    const t = terms("盲道被占了好多次，想投诉，应该怎么做？会不会罚他们？");
    expect(t["投诉"].asked).toBe(true);
  });

  it("reads a clause ending in 不 or 了没 as a question (网上能弄不: the A-not-A question with its second half left out)", () => {
    const t = terms("网上能弄不，我不想跑窗口");
    expect(t["网上"].asked).toBe(true);
    expect(t["窗口"]?.asked ?? false).toBe(false);
    expect(terms("能办残疾证不 一定要他本人去申请吗")["残疾证"].asked).toBe(true);
  });

  it("takes 几 in a clause without a question mark for a count, when the question marks what it asks", () => {
    const t = terms("楼下几间店铺把货摆在盲道上，我撞过几次。会不会被罚款？");
    expect(t["店铺"]?.asked ?? false).toBe(false);
    expect(t["罚款"].asked).toBe(true);
    // Without any question mark, 几 still asks.
    expect(terms("残疾证几年换一次")["残疾证"].asked).toBe(true);
  });

  it("reads what the person wants, said just before the clause that asks, as part of the question", () => {
    const t = terms("我是盲人，平时用手机读屏，想找个按摩的工作，残联能介绍吗");
    expect(t["按摩"].asked).toBe(true);
    expect(t["工作"].asked).toBe(true);
    expect(t["读屏"].asked).toBe(false);
    // A wish further back is still the story.
    expect(terms("想让孩子上学，去年搬了家，残联在哪里")["孩子"]?.asked ?? false).toBe(false);
  });

  it("reads a rhetorical question (总不能……吧？) as the story, and the question after it as what is asked", () => {
    const t = terms("残疾证弄丢了，总不能专门坐车回英德吧？在长沙能不能补办？");
    expect(t["补办"].asked).toBe(true);
    expect(t["专门"].asked).toBe(false);
    expect(t["坐车"].asked).toBe(false);
    // Without 总, "不能坐车吗" asks.
    expect(terms("残疾人不能坐车吗？")["坐车"].asked).toBe(true);
  });

  it("weighs nouns above verbs, and pronouns, numerals and adverbs least", () => {
    const t = terms("残疾人奥运会下一届在哪里举办");
    expect(t["奥运会"].weight).toBe(1);
    expect(t["举办"].weight).toBeLessThan(1);
    expect(t["哪里"].weight).toBeLessThan(t["举办"].weight);
  });

  it("weighs a word the dictionary lacks, guessed from a function character and the next (我能, 还会), as that character", () => {
    const t = terms("这样算不算歧视？我能怎么维权？");
    expect(t["维权"].weight).toBe(1);
    expect(t["我能"]?.weight ?? 0).toBeLessThanOrEqual(0.15);
    const still = Object.values(terms("他在坐牢，补贴还会照发吗")).filter((k) => /[还会]/u.test(k.term));
    for (const k of still) expect(k.weight).toBeLessThanOrEqual(0.15);
  });

  it("keeps a single character that says what is to be done (修, phrasebook actions) at a verb's weight", () => {
    const t = terms("轮椅坏了哪里可以修");
    expect(t["修"]?.asked).toBe(true);
    expect(t["修"]?.weight).toBe(t["坏"]?.weight);
    expect(t["修"]?.weight).toBeGreaterThan(0.5);
  });

  it("reads the place gone to after a verb that says what is asked as what for (借给我哥去景区用), not after a light verb", () => {
    expect(terms("残疾证借给我哥去景区用一下行不")["景区"]?.place).toBe(true);
    expect(terms("拿残疾证去银行办卡有优惠吗")["银行"]?.place).toBeUndefined();
    expect(terms("坐轮椅的去景区有没有免费")["景区"]?.place).toBeUndefined();
  });

  it("makes an off-topic phrase in the clause that asks a key term of its own", () => {
    expect(terms("盲人按摩店哪家便宜")["哪家便宜"]?.offTopic).toBe(true);
    expect(terms("残疾人可以买彩票吗")["彩票"]?.offTopic).toBe(true);
  });
});

describe("homophone typos that are words themselves", () => {
  it("reads a dictionary word that makes a glossary term sound-alike as that term (生火补贴 → 生活补贴)", () => {
    const u = understand("残疾人生火补贴在哪里申请");
    expect(u.text).toContain("生活补贴");
    expect(u.repairs).toContainEqual({ from: "生火补贴", to: "生活补贴" });
  });

  it("leaves a lone character and a run cutting through a word alone (是残联, 小孩自闭症)", () => {
    expect(understand("评定是残联做的吗").text).toContain("是残联");
    expect(understand("小孩自闭症有什么帮助").text).toContain("小孩自闭症");
  });
});

describe("years named from now", () => {
  const now = new Date("2026-12-31T17:00:00Z"); // already 2027-01-01 in China

  it("are written out in a question for a date, in China's time", () => {
    expect(withAbsoluteYears("今年的助残日是几号", now)).toBe("今年（2027年）的助残日是几号");
    expect(withAbsoluteYears("When is the day of disabled persons next year?", now)).toBe("When is the day of disabled persons next year (2028)?");
  });

  it("are left alone when no date is asked (a story's 去年)", () => {
    expect(withAbsoluteYears("我爸去年中风了，能领护理补贴吗", now)).toBe("我爸去年中风了，能领护理补贴吗");
  });
});

describe("A-not-A questions", () => {
  it("says a two-character word's 违不违法 / 收不收费 as 是否 so no half-word (违不) is searched or judged", () => {
    expect(withoutAnotA("这样违不违法？能不能罚？")).toBe("这样是否违法？能不能罚？");
    expect(withoutAnotA("看电影收不收费")).toBe("看电影是否收费");
  });

  it("leaves one-character verbs with more after them as they are", () => {
    expect(withoutAnotA("能不能领护理补贴")).toBe("能不能领护理补贴");
    expect(withoutAnotA("从外地招的残疾人算不算进去？")).toBe("从外地招的残疾人算不算进去？");
  });
});
