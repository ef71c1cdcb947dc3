import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanLine, cleanMultiline, cleanName } from "./clean-text";
import { freeText, mobilePhone, nameText, plainText } from "./text-fields";

const issues = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => (result.success ? [] : result.error!.issues.map((i) => i.message));

describe("cleaning text a client sends", () => {
  it("takes NUL and other control characters out, keeping line breaks and tabs in several lines", () => {
    expect(cleanMultiline("第一行\u0000\u0007\r\n第二行\t有\u001B[31m颜色\u007F\u0085第三行")).toBe("第一行\n第二行\t有[31m颜色\n第三行");
    expect(cleanLine("一行\n两行\t三\u0000")).toBe("一行 两行 三");
  });

  it("takes out bidi overrides, zero-width spaces and the BOM, but keeps the joiners emoji need", () => {
    expect(cleanMultiline("\uFEFF说明\u202E文字\u202C\u200B完")).toBe("说明文字完");
    expect(cleanMultiline("家人👨\u200D👩\u200D👧")).toBe("家人👨\u200D👩\u200D👧");
  });

  it("leaves names without any invisible character and with single spaces", () => {
    expect(cleanName("  李\u200B华\u200D  \u3000 Li\u00A0 Hua\u2066 ")).toBe("李华 Li Hua");
    expect(cleanName("\u0000")).toBe("");
  });

  it("never leaves a control or format character, whatever is typed", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        (s) =>
          !/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(cleanMultiline(s)) &&
          !/[\u0000-\u001F\u007F-\u009F]/.test(cleanLine(s)) &&
          !/[\u0000-\u001F\u007F-\u009F]|\p{Cf}/u.test(cleanName(s)),
      ),
    );
  });
});

describe("the text fields of forms and the API", () => {
  it("free text is stored with its personal numbers masked and control characters out", () => {
    const field = freeText({ max: 200, min: 1, multiline: true });
    expect(field.parse("\u0000请回电 １３８ ００１３ ８０００\n身份证441802199001011234\u202E")).toBe("请回电 138****8000\n身份证**************1234");
  });

  it("checks lengths on the cleaned text and answers with the pages' error codes", () => {
    const field = freeText({ max: 5, min: 2 });
    expect(issues(field.safeParse("\u0000\u0000a"))).toEqual(["required"]);
    expect(issues(field.safeParse("abcdef"))).toEqual(["tooLong:5"]);
    expect(issues(field.safeParse(undefined))).toEqual(["required"]);
    expect(issues(field.safeParse(42))).toEqual(["required"]);
    expect(issues(freeText({ max: 5, invalid: "invalid" }).safeParse(42))).toEqual(["invalid"]);
    expect(issues(plainText({ max: 3, tooLong: "invalidReference" }).safeParse("QY-1234"))).toEqual(["invalidReference"]);
    expect(field.parse("  ab  ")).toBe("ab");
  });

  it("names lose invisible characters and have a number typed into them masked", () => {
    expect(nameText({ max: 50, min: 1 }).parse("李\u200B华\u0000 13812345678")).toBe("李华 138****5678");
  });

  it("plain text (references, ids) loses control characters and nothing else", () => {
    expect(plainText({ max: 20 }).parse(" QY-7K3P9\u0000 ")).toBe("QY-7K3P9");
    expect(plainText({ max: 20 }).parse("13812345678")).toBe("13812345678");
  });

  it("a phone field keeps the whole number, read however it is typed", () => {
    const phone = mobilePhone();
    for (const typed of ["13800138000", "138 0013 8000", "１３８－００１３－８０００", "+86 138 0013 8000", "(+86) 13800138000", "0086-13800138000"]) {
      expect(phone.parse(typed)).toBe("13800138000");
    }
    expect(issues(phone.safeParse("1380013"))).toEqual(["invalidPhone"]);
    expect(issues(phone.safeParse("138\u00000013 8000"))).toEqual(["invalidPhone"]);
    expect(issues(phone.safeParse(" "))[0]).toBe("required");
  });
});
