import { levyBand } from "./levy";

describe("an employer's levy band (2023–2027)", () => {
  it.each([
    ["我们公司在清远，有120个员工\n目前只招了1个残疾人", "ninety"],
    ["公司有200个职工，残疾职工有3名", "quota"],
    ["单位职工总数150人，招了2个残疾人", "half"],
    ["我们厂28个工人，没有残疾人，要交残保金吗", "exempt"],
    ["I run a small logistics firm in Qingyuan with 45 employees and no disabled staff at all.", "ninety"],
    ["We have 80 employees and 1 disabled employee.", "half"],
    // A share the employer states of itself.
    ["我们公司安排比例是1.2%，能减多少？", "half"],
    ["Our firm's disabled staff came to only about 0.8% of the workforce last year.", "ninety"],
    ["我们单位比例大概2%", "quota"],
  ])("%s → %s", (text, band) => {
    expect(levyBand(text)).toBe(band);
  });

  it("says nothing without both counts, or with counts that cannot be", () => {
    expect(levyBand("残保金怎么算")).toBeNull();
    expect(levyBand("公司有120个员工，残保金要交多少")).toBeNull();
    expect(levyBand("公司有50个员工，其中80个残疾人")).toBeNull();
    // (A required share is not the employer's own.)
    expect(levyBand("广东要求的比例是多少？1.5%吗")).toBeNull();
  });
});
