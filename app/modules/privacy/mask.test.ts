import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idCheckCharacter, maskCertificate } from "../lending/certificate";
import { maskContact, maskIdentifier, maskNumber, maskPersonalData, maskPhone, personalNumbers } from "./mask";
import { asciiDigits } from "./numbers";

const masked = (text: string) => maskPersonalData(text).text;

describe("masking personal data", () => {
  it("hides the middle of a mobile number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskContact("qyscl@gdqy.gov.cn")).toBe("q***@gdqy.gov.cn");
  });

  it("masks every kind of number with one pattern: the last four stay, the rest are stars", () => {
    const certificate = "44180219900101123X11";
    const expected = `${"*".repeat(16)}3X11`;
    expect(maskNumber(certificate)).toBe(expected);
    // The certificate field, an identifier typed with spaces and the same number in free text all come out alike.
    expect(maskCertificate("441802 19900101 123x 11")).toBe(expected);
    expect(maskIdentifier("441802 19900101123X-11")).toBe(expected);
    expect(maskPersonalData(`证号 ${certificate}`).text).toBe(`证号 ${expected}`);
    expect(maskNumber("1234")).toBe("****");
  });

  it("never shows a short phone-like number in full", () => {
    expect(maskPhone("12345")).toBe("*****");
    // Too short to keep the 138 in front as well and still hide four.
    expect(maskPhone("3362221")).toBe("***2221");
    expect(maskPhone("0763-336222")).toBe("******6222");
  });

  it("masks every number in a message and says what it found, without the values", () => {
    const { text, found } = maskPersonalData("我的手机号13812345678，残疾证号44180219900101123411，身份证441802199001011234");
    expect(text).toBe("我的手机号138****5678，残疾证号****************3411，身份证**************1234");
    expect(found.sort()).toEqual(["certificate", "idCard", "mobile"]);
  });

  it.each([
    ["full-width digits", "手机１３８１２３４５６７８", "手机138****5678"],
    ["spaces", "电话 138 1234 5678 谢谢", "电话 138****5678 谢谢"],
    ["ideographic spaces and full-width digits", "１３８　１２３４　５６７８", "138****5678"],
    ["dashes", "138-1234-5678", "138****5678"],
    ["full-width dashes", "138－1234－5678", "138****5678"],
    ["dots", "138.1234.5678", "138****5678"],
    ["brackets", "(138)1234-5678", "138****5678"],
    ["a zero-width space inside", "138\u200B1234\u200B5678", "138****5678"],
    ["digit by digit", "1 3 8 1 2 3 4 5 6 7 8", "138****5678"],
    ["+86", "+86 138 1234 5678", "138****5678"],
    ["full-width ＋86", "＋８６ １３８１２３４５６７８", "138****5678"],
    ["(+86)", "(+86)13812345678", "138****5678"],
    ["0086", "0086-13812345678", "138****5678"],
    ["86-", "86-138-1234-5678", "138****5678"],
    ["86 glued on", "8613812345678", "138****5678"],
    ["a long-distance 0", "013812345678", "138****5678"],
    ["Chinese numerals, as voice input writes it", "我的电话是一三八一二三四五六七八", "我的电话是138****5678"],
    ["幺 for 1 and spaces", "幺三八 幺二三四 五六七八", "138****5678"],
  ])("masks a mobile written with %s", (_, input, expected) => {
    expect(maskPersonalData(input)).toEqual({ text: expected, found: ["mobile"] });
  });

  it.each([
    ["an area code and a dash", "家里电话0763-2345678", "家里电话0763-***5678"],
    ["the area code in brackets", "(0763) 234 5678", "0763-***5678"],
    ["full-width brackets and digits", "（０２０）１２３４５６７８", "020-****5678"],
    ["one group", "07632345678", "0763-***5678"],
    ["+86 and no leading 0", "+86 20 8765 4321", "020-****4321"],
  ])("masks a landline written with %s", (_, input, expected) => {
    expect(maskPersonalData(input)).toEqual({ text: expected, found: ["mobile"] });
  });

  it.each([
    ["one group", "441802199001011234", "**************1234"],
    ["full-width digits and a lowercase x", "４４１８０２１９９００１０１１２３ｘ", "**************123X"],
    ["spaces in 6-8-4", "441802 19900101 123X", "**************123X"],
    ["groups of four", "4418 0219 9001 0112 34", "**************1234"],
    ["dashes", "441802-19900101-1234", "**************1234"],
  ])("masks an ID number written as %s", (_, input, expected) => {
    expect(maskPersonalData(input)).toEqual({ text: expected, found: ["idCard"] });
  });

  it.each([
    ["one group", "44180219900101123X11"],
    ["the grade apart", "441802199001011234 11"],
    ["full-width and spaced", "４４１８０２ １９９００１０１ １２３ｘ １１"],
  ])("masks a 残疾人证号 written as %s", (_, input) => {
    const { text, found } = maskPersonalData(input);
    expect(found).toEqual(["certificate"]);
    expect(text).toMatch(/^\*{16}[\dX]{4}$/);
  });

  it.each(["6222021234567890123", "6222 0212 3456 7890 123", "6222-0212-3456-7890", "622202 1234567890123", "６２２２ ０２１２ ３４５６ ７８９０"])(
    "masks a bank card written as %s",
    (input) => {
      const { text, found } = maskPersonalData(`卡号${input}。`);
      expect(found).toEqual(["bankCard"]);
      expect(text).toMatch(/^卡号\*{12,15}\d{4}。$/);
    },
  );

  it("leaves the Federation's published number alone, however it is typed", () => {
    for (const text of ["电话0763-3362221", "(0763) 336 2221", "０７６３－３３６２２２１", "+86 763 3362221", "07633362221"]) {
      expect(maskPersonalData(text)).toEqual({ text, found: [] });
    }
  });

  it.each([
    "第十二条规定，2023年通过",
    "报名截止 2026-12-01，活动 2026-12-05 14:30 开始",
    "2026-12-01 至 2026-12-31",
    "2026-12-01 2026-12-31",
    "1990-01-01 110，¥1.00",
    "2014-2019 2001-2002 1000，",
    "补贴标准每人每月 ¥1,200.50，全年 14,400 元，约 1.5 万元",
    "粤府〔2016〕34号、清残联〔2023〕12号、国发〔2015〕52号",
    "GB/T 37668-2019 和 GB/T 26341-2010",
    "第 12 条第 3 款",
    "3排5座，Row 3, seat 5, R3-S5",
    "预订号 QY-7K3P9，意见编号 YJ-7K3Q-M9TD",
    "热线 12385、12366，邮编 511500",
    "2023-2027 2024-2025",
    "v13.8.1234.5678",
    "60-80 岁，80%",
    "一二级残疾人可以申请，三四级的看当地规定，二〇一六年一月一日起施行",
    "第一二三四五六七八条",
  ])("leaves ordinary text alone: %s", (text) => {
    expect(maskPersonalData(text)).toEqual({ text, found: [] });
  });
});

/* ---------- property tests: any spelling of a generated number never survives ---------- */

const digit = fc.constantFrom(..."0123456789");
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""));

const mobile = fc.tuple(fc.constantFrom(..."3456789"), digits(9)).map(([second, rest]) => `1${second}${rest}`);
const areaCode = fc.oneof(fc.constant("010"), digits(1).map((d) => `02${d}`), fc.tuple(fc.constantFrom(..."3456789"), digits(2)).map(([a, b]) => `0${a}${b}`));
/** 010 and 02x have 8-digit local numbers; the 4-digit area codes 7 or 8. */
const landline = areaCode
  .chain((area) => fc.tuple(fc.constant(area), fc.constantFrom(..."123456789"), digits(area.length === 3 ? 7 : 6)))
  .map(([area, first, rest]) => ({ area, local: `${first}${rest}` }))
  .filter(({ area, local }) => `${area}${local}` !== "07633362221");
const birthDate = fc.date({ min: new Date("1920-01-01"), max: new Date("2025-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, ""));
const provinces = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"];
const idNumber = fc
  .tuple(fc.constantFrom(...provinces), digits(4), birthDate, digits(3))
  .map(([a, region, birth, sequence]) => {
    const first17 = `${a}${region}${birth}${sequence}`;
    return `${first17}${idCheckCharacter(first17)}`;
  });
const certificate = fc.tuple(idNumber, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 4 })).map(([id, c, g]) => `${id}${c}${g}`);
/** A card number that also reads as an ID number (region, birth date) is masked as one: those are left out here. */
const readsAsId = (n: string) => n.length === 18 && provinces.includes(n.slice(0, 2)) && /^\d{6}(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/.test(n);
const bankCard = fc
  .tuple(fc.constantFrom("62", "60", "4", "5", "35", "9"), fc.integer({ min: 16, max: 19 }))
  .chain(([bin, length]) => digits(length - bin.length).map((rest) => `${bin}${rest}`))
  .filter((n) => !readsAsId(n));

/** Splits a number into groups of the given sizes (the last takes the rest). */
function groups(value: string, sizes: number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= value.length) break;
    out.push(value.slice(at, at + size));
    at += size;
  }
  if (at < value.length) out.push(value.slice(at));
  return out;
}

const separator = fc.constantFrom(" ", "-", ".", "\u3000", "－", "–", " - ", "");
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/X/g, "Ｘ");
/** Each character in ASCII or full width, as a person's input method happens to give it. */
const widths = (s: string) =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((wide) => [...s].map((ch, i) => (wide[i] ? fullWidth(ch) : ch)).join(""));
const checkX = (s: string) => fc.constantFrom("X", "x", "Ｘ", "ｘ").map((x) => s.replace("X", x));

function spelled(value: string, groupings: number[][]) {
  return fc.tuple(fc.constantFrom(...groupings), separator).chain(([sizes, sep]) => checkX(groups(value, sizes).join(sep)).chain(widths));
}

const mobileSpelling = mobile.chain((m) =>
  fc.tuple(
    fc.constant(m),
    spelled(m, [[11], [3, 4, 4], [3, 3, 5], [4, 4, 3], [7, 4], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]),
    fc.constantFrom("", "+86 ", "+86-", "(+86)", "＋86 ", "0086 ", "86-", "86"),
  ).map(([number, body, prefix]) => ({ number, text: `${prefix}${body}`, kind: "mobile" })),
);
const landlineSpelling = landline.chain(({ area, local }) =>
  fc
    .tuple(
      fc.constantFrom("plain", "brackets", "international"),
      fc.constantFrom(...[[local.length], [3, 4], [4, 4], [4, 3]].filter((s) => s.reduce((a, b) => a + b, 0) === local.length || s.length === 1)),
      fc.constantFrom("-", " ", ""),
    )
    .chain(([style, sizes, sep]) => {
      const localText = sep === "" ? local : groups(local, sizes).join(sep);
      const text = style === "brackets" ? `(${area}) ${localText}` : style === "international" ? `+86 ${area.slice(1)} ${localText}` : `${area}${sep}${localText}`;
      return widths(text).map((t) => ({ number: `${area}${local}`, text: t, kind: "mobile" }));
    }),
);
const idSpelling = idNumber.chain((id) =>
  spelled(id, [[18], [6, 8, 4], [4, 4, 4, 4, 2], [3, 3, 4, 4, 4]]).map((text) => ({ number: id.slice(0, 17), text, kind: "idCard" })),
);
const certificateSpelling = certificate.chain((c) =>
  spelled(c, [[20], [18, 2], [6, 8, 4, 2], [6, 8, 6], [4, 4, 4, 4, 4]]).map((text) => ({ number: c.slice(0, 17), text, kind: "certificate" })),
);
const bankCardSpelling = bankCard.chain((card) =>
  spelled(card, [[19], [4, 4, 4, 4, 4], [6, 13]]).map((text) => ({ number: card, text, kind: "bankCard" })),
);

/** Text around a number: words and punctuation without digits, as people write around their number. */
const context = fc.constantFrom("", "我的号码是", "电话：", "联系人李华，", "请回电 ", "Call me on ", "身份证 ", "卡号：", "（", "，谢谢。", " 谢谢", "）", "\n");

describe("any spelling of a personal number never survives masking", () => {
  const cases = [
    ["mobile", mobileSpelling],
    ["landline", landlineSpelling],
    ["ID number", idSpelling],
    ["残疾人证号", certificateSpelling],
    ["bank card", bankCardSpelling],
  ] as const;
  it.each(cases)("%s", (_, spelling) => {
    fc.assert(
      fc.property(spelling, context, context, ({ number, text, kind }, before, after) => {
        const result = maskPersonalData(`${before}${text}${after}`);
        expect(asciiDigits(result.text)).not.toContain(number);
        expect(result.found).toEqual([kind]);
        expect(result.text.startsWith(before) && result.text.endsWith(after)).toBe(true);
        // Masking again changes nothing.
        expect(masked(result.text)).toBe(result.text);
      }),
      { numRuns: 300 },
    );
  });
});

/* ---------- property test: ordinary text is left alone ---------- */

const int = (min: number, max: number) => fc.integer({ min, max });
const pad = (n: number) => String(n).padStart(2, "0");
const referenceBody = fc.array(fc.constantFrom(..."23456789ABCDEFGHJKLMNPQRSTUVWXYZ"), { minLength: 8, maxLength: 8 }).map((c) => c.join(""));
const ordinaryToken = fc.oneof(
  fc.tuple(int(1990, 2030), int(1, 12), int(1, 28), fc.constantFrom("-", "/", ".")).map(([y, m, d, s]) => `${y}${s}${pad(m)}${s}${pad(d)}`),
  fc.tuple(int(1990, 2030), int(1, 12), int(1, 28)).map(([y, m, d]) => `${y}年${m}月${d}日`),
  fc.tuple(int(0, 23), int(0, 59)).map(([h, m]) => `${pad(h)}:${pad(m)}`),
  fc.tuple(int(1, 99_999), int(0, 99)).map(([n, c]) => `¥${n.toLocaleString("en-US")}.${pad(c)}`),
  int(1, 999_999).map((n) => `${n}元`),
  fc.tuple(int(1, 99), int(0, 9)).map(([n, d]) => `${n}.${d}万元`),
  int(0, 100).map((n) => `${n}%`),
  fc.tuple(fc.constantFrom("粤府", "清残联", "国发", "粤残联", "清府办"), int(1990, 2030), int(1, 200)).map(([o, y, n]) => `${o}〔${y}〕${n}号`),
  int(1, 200).map((n) => `第${n}条`),
  fc.constantFrom("第十二条", "第三款", "第二十五条第一款"),
  fc.tuple(int(1, 30), int(1, 40)).map(([r, s]) => `${r}排${s}座`),
  fc.tuple(int(1, 30), int(1, 40)).map(([r, s]) => `Row ${r}, seat ${s}`),
  fc.tuple(fc.constantFrom("A", "B", "C", "R"), int(1, 99)).map(([l, n]) => `${l}${n}`),
  fc.tuple(fc.constantFrom("QY", "YJ", "FJ", "TS"), referenceBody).map(([p, b]) => `${p}-${b.slice(0, 4)}-${b.slice(4)}`),
  referenceBody.map((b) => `QY-${b.slice(0, 5)}`),
  fc.constantFrom("12385", "12366", "12345", "110", "120", "邮编511500", "0763-3362221", "（0763）3362221", "GB/T 37668-2019"),
  fc.tuple(int(2000, 2030), int(1, 5)).map(([y, n]) => `${y}-${y + n}`),
  fc.tuple(int(1, 90), int(1, 10)).map(([a, n]) => `${a}-${a + n}岁`),
  int(1, 9999).map((n) => `${n}`),
);
const joiner = fc.constantFrom("，", "、", "；", "。", " 至 ", " 和 ", "\n", " ");
const listJoiner = fc.constantFrom("，", "、", "；", "。", " 和 ");

describe("ordinary text is left alone", () => {
  it("dates, amounts, document and article numbers, seats and references", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ordinaryToken, joiner, listJoiner), { minLength: 1, maxLength: 8 }), (parts) => {
        // A bare number is followed by punctuation: bare 4-digit numbers with only spaces between them are what a
        // card number looks like (docs/security.md).
        const text = parts.map(([token, join, list]) => `${token}${/^\d+$/.test(token) ? list : join}`).join("");
        expect(maskPersonalData(text)).toEqual({ text, found: [] });
      }),
      { numRuns: 1000 },
    );
  });
});

describe("personalNumbers: the numbers themselves, however typed", () => {
  it.each([
    ["plain", "我的手机13812345678"],
    ["full-width digits", "我的手机１３８１２３４５６７８"],
    ["spaces", "电话 138 1234 5678"],
    ["dashes", "电话138-1234-5678"],
    ["+86", "call me on +86 138 1234 5678"],
    ["0086", "电话0086-13812345678"],
  ])("reads a mobile number typed with %s", (_name, text) => {
    expect(personalNumbers(text)).toEqual(["13812345678"]);
  });

  it("reads ID, certificate and bank card numbers, and leaves the Federation's number and dates alone", () => {
    expect(personalNumbers("身份证 4418 0219 9001 0112 3X")).toEqual(["44180219900101123X"]);
    expect(personalNumbers("残疾证号４４１８０２１９９００１０１１２３４１１")).toEqual(["44180219900101123411"]);
    expect(personalNumbers("卡号 6222-0212-3456-7890-128")).toEqual(["6222021234567890128"]);
    expect(personalNumbers("电话0763-3362221，2024年10月16日")).toEqual([]);
  });
});
