import { describe, expect, it } from "vitest";
import { maskContact, maskPersonalData, maskPhone } from "./mask";

describe("masking personal data", () => {
  it("hides the middle of a mobile number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskContact("qyscl@gdqy.gov.cn")).toBe("q***@gdqy.gov.cn");
  });

  it("masks every number in a message and says what it found, without the values", () => {
    const { text, found } = maskPersonalData("我的手机号13812345678，残疾证号44180219900101123411，身份证441802199001011234");
    expect(text).not.toContain("13812345678");
    expect(text).not.toContain("44180219900101123411");
    expect(text).not.toContain("441802199001011234");
    expect(text).toContain("138****5678");
    expect(text).toContain("3411");
    expect(found.sort()).toEqual(["certificate", "idCard", "mobile"]);
  });

  it("masks bank card numbers written in groups", () => {
    const { text, found } = maskPersonalData("卡号 6222 0212 3456 7890 123");
    expect(text).not.toMatch(/6222 0212/);
    expect(found).toEqual(["bankCard"]);
  });

  it("leaves ordinary text and short numbers alone", () => {
    expect(maskPersonalData("第十二条规定，2023年通过，电话0763-3362221").text).toBe("第十二条规定，2023年通过，电话0763-3362221");
  });
});
