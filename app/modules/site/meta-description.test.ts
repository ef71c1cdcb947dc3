import { descriptionMax, metaDescription } from "./meta-description";

const length = (s: string) => [...s].length;

describe("a page's meta description", () => {
  it("keeps a short text as it is, on one line", () => {
    expect(metaDescription("  符合条件的残疾人\n可以申请护理补贴。 ", "zh-CN")).toBe("符合条件的残疾人 可以申请护理补贴。");
    expect(metaDescription("Who can apply,\n  what to bring.", "en")).toBe("Who can apply, what to bring.");
    expect(metaDescription(undefined, "en")).toBe("");
  });

  it("joins Chinese sentences without the spaces a line break left between them", () => {
    expect(metaDescription("第一句。\n第二句，\n还有。", "zh-CN")).toBe("第一句。第二句，还有。");
  });

  it("ends a long Chinese text at its last whole sentence within 120 characters", () => {
    const first = "困难残疾人生活补贴和重度残疾人护理补贴是两项补贴制度，".repeat(2) + "由县级残联受理。"; // 62 characters
    const second = "申请人需要持有第二代残疾人证，并且户籍在本市，家庭经济状况符合规定，可以由本人或者家属代为申请。"; // 48
    const third = "审核通过后按月发放到本人的社会保障卡账户。";
    const text = first + second + third;
    expect(length(first + second)).toBeLessThanOrEqual(descriptionMax["zh-CN"]);
    expect(length(text)).toBeGreaterThan(descriptionMax["zh-CN"]);
    expect(metaDescription(text, "zh-CN")).toBe(first + second);
  });

  it("ends a long English text at its last whole sentence within 160 characters, not at a decimal point", () => {
    const text =
      "The allowance is paid monthly to people who hold a second-generation disability certificate. " +
      "It is 3.5 times the old rate and is paid from January to December every year without a new application.";
    const description = metaDescription(text, "en");
    expect(description).toBe("The allowance is paid monthly to people who hold a second-generation disability certificate.");
  });

  it("cuts a long text without a sentence end at a clause or word, with an ellipsis, within the limit", () => {
    const zh = "视障人士、听障人士、肢体残疾人士、智力残疾人士、精神残疾人士和他们的家属".repeat(5);
    const zhDescription = metaDescription(zh, "zh-CN");
    expect(length(zhDescription)).toBeLessThanOrEqual(descriptionMax["zh-CN"]);
    expect(zhDescription).toMatch(/士…$/);

    const en = "wheelchairs walkers magnifiers hearing aids braille displays and daily living aids ".repeat(4);
    const enDescription = metaDescription(en, "en");
    expect(length(enDescription)).toBeLessThanOrEqual(descriptionMax.en);
    expect(enDescription).toMatch(/[a-z]…$/);
    // Whole words only: the text before the ellipsis is a prefix of the text that ends at a word.
    expect(en.startsWith(`${enDescription.slice(0, -1)} `)).toBe(true);
  });

  it("never ends at a semicolon: the text goes on, so it ends with an ellipsis", () => {
    const text =
      "Disability is classified as visual, hearing, speech, physical, intellectual, mental and multiple disability; " +
      "each category has four grades, grade one the most severe and grade four the mildest, under the national standard.";
    expect(metaDescription(text, "en")).toBe(
      "Disability is classified as visual, hearing, speech, physical, intellectual, mental and multiple disability; each category has four grades, grade one the most…",
    );
    const zh = "残疾分为视力、听力、言语、肢体、智力、精神残疾和多重残疾等类别；".repeat(5) + "每类分一级到四级。";
    expect(metaDescription(zh, "zh-CN")).toBe(`${"残疾分为视力、听力、言语、肢体、智力、精神残疾和多重残疾等类别；".repeat(3)}残疾分为视力、听力、言语、肢体、智力…`);
  });

  it("cuts a text with no break at all at the limit, with an ellipsis", () => {
    const text = "无".repeat(300);
    expect(metaDescription(text, "zh-CN")).toBe(`${"无".repeat(descriptionMax["zh-CN"] - 1)}…`);
  });

  it("counts characters, not UTF-16 units, so no character is split", () => {
    const text = "𠀀".repeat(200);
    const description = metaDescription(text, "zh-CN");
    expect(length(description)).toBe(descriptionMax["zh-CN"]);
    expect(description.endsWith("𠀀…")).toBe(true);
  });
});
