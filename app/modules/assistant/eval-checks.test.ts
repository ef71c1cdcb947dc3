import { echoedPersonalNumbers, foldDigits, inventedFacts, statedFacts } from "./eval-checks";

describe("echoed personal numbers", () => {
  it("says which of the question's numbers a reply repeats, in any spelling, masked", () => {
    const q = "我手机是１３８ １２３４ ５６７８，身份证441802198507153216";
    expect(echoedPersonalNumbers(q, "已为您登记 138-1234-5678")).toEqual(["*******5678"]);
    expect(echoedPersonalNumbers(q, "身份证号 4418 0219 8507 1532 16 已收到")).toEqual(["**************3216"]);
    expect(echoedPersonalNumbers(q, "您提到的手机号码 138****5678 已隐藏")).toEqual([]);
    expect(foldDigits("１２３ ４５")).toBe("12345");
  });
});

describe("stated facts", () => {
  it("finds amounts, phone numbers, dates and clock times in Chinese and English", () => {
    const facts = statedFacts("每月217元，¥290；电话0763-3362221或12385；2016年1月1日起，5月17日；1 January 2016；上午9点到17:30");
    expect(facts.map((f) => [f.kind, f.value])).toEqual([
      ["amount", "217"],
      ["amount", "290"],
      ["phone", "07633362221"],
      ["phone", "12385"],
      ["date", "2016-1-1"],
      ["date", "-5-17"],
      ["date", "2016-1-1"],
      ["time", "9:00"],
      ["time", "17:30"],
    ]);
  });

  it("flags the facts an answer states that its cited passages do not", () => {
    const sources = ["从2016年1月1日起，在全国全面建立两项补贴制度。", "2025年5月18日是第三十五次全国助残日。"];
    const hotline = ["0763-3362221"];
    expect(inventedFacts("From 1 January 2016; call 0763-3362221.", sources, hotline)).toEqual([]);
    expect(inventedFacts("助残日是5月18日。", sources)).toEqual([]);
    expect(inventedFacts("每月发217元，开放时间上午9点。", sources, hotline).map((f) => f.text)).toEqual(["217元", "上午9点"]);
    expect(inventedFacts("请拨打0763-3361111。", sources, hotline).map((f) => f.kind)).toEqual(["phone"]);
    expect(inventedFacts("按应缴额的50%缴纳，滞纳金0.5‰，可减征30%。", ["按规定应缴费额的50%缴纳", "按日加收0.5‰（万分之五）"]).map((f) => f.text)).toEqual(["30%"]);
  });
});
