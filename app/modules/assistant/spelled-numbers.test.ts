import { maskSpelledNumbers, personalNumbers } from "./spelled-numbers";

describe("personal numbers in any spelling", () => {
  it.each([
    ["plain", "我的手机13812345678"],
    ["full-width digits", "我的手机１３８１２３４５６７８"],
    ["spaces", "电话 138 1234 5678"],
    ["dashes", "电话138-1234-5678"],
    ["+86", "call me on +86 138 1234 5678"],
    ["0086", "电话0086-13812345678"],
    ["86 and full-width", "电话８６１３８１２３４５６７８"],
  ])("finds a mobile number typed %s", (_name, text) => {
    expect(personalNumbers(text)).toEqual(["13812345678"]);
  });

  it("finds ID, certificate and bank card numbers, the longest reading of each", () => {
    expect(personalNumbers("身份证 4418 0219 9001 0112 3X")).toEqual(["44180219900101123X"]);
    expect(personalNumbers("残疾证号４４１８０２１９９００１０１１２３４１１")).toEqual(["44180219900101123411"]);
    expect(personalNumbers("卡号 6222-0212-3456-7890-128")).toEqual(["6222021234567890128"]);
    expect(personalNumbers("电话0763-3362221，2024年10月")).toEqual([]);
  });

  it("masks each spelling as the masking module masks the plain number, and leaves other numbers alone", () => {
    expect(maskSpelledNumbers("我手机１３８ １２３４ ５６７８，身份证 4418 0219 9001 0112 3X")).toBe("我手机138****5678，身份证 **************123X");
    expect(maskSpelledNumbers("call +86 138-1234-5678 or 0763-3362221 before 2024-10-16")).toBe("call 138****5678 or 0763-3362221 before 2024-10-16");
    expect(maskSpelledNumbers("已隐去：138****5678")).toBe("已隐去：138****5678");
  });
});

