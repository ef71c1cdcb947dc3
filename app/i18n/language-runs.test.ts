import { languageRuns } from "./language-runs";

describe("languageRuns", () => {
  it("marks the Chinese parts of an English sentence, leaving the separators in English", () => {
    expect(languageRuns("Read the service guide: 重度残疾人护理补贴申请指南", "en")).toEqual([
      { text: "Read the service guide: ", lang: "en" },
      { text: "重度残疾人护理补贴申请指南", lang: "zh-CN" },
    ]);
    expect(languageRuns("The section says (in Chinese): 残疾人证是合法证件。Ask us.", "en")).toEqual([
      { text: "The section says (in Chinese): ", lang: "en" },
      { text: "残疾人证是合法证件。", lang: "zh-CN" },
      { text: "Ask us.", lang: "en" },
    ]);
  });

  it("keeps digits and punctuation inside a run of one language, and with the neighbour at either end", () => {
    expect(languageRuns("见第 2 条和《残疾人证管理办法》", "en")).toEqual([{ text: "见第 2 条和《残疾人证管理办法》", lang: "zh-CN" }]);
    expect(languageRuns("2026年", "en")).toEqual([{ text: "2026年", lang: "zh-CN" }]);
    expect(languageRuns("Step 2 of 5", "zh-CN")).toEqual([{ text: "Step 2 of 5", lang: "en" }]);
    expect(languageRuns("(残疾人证)", "en")).toEqual([{ text: "(残疾人证)", lang: "zh-CN" }]);
  });

  it("marks English words in Chinese text the other way round", () => {
    expect(languageRuns("可以用粤省事 App 申请", "zh-CN")).toEqual([
      { text: "可以用粤省事 ", lang: "zh-CN" },
      { text: "App", lang: "en" },
      { text: " 申请", lang: "zh-CN" },
    ]);
  });

  it("gives text without letters the page's language, and full-width punctuation to Chinese", () => {
    expect(languageRuns("0763-3362221", "en")).toEqual([{ text: "0763-3362221", lang: "en" }]);
    expect(languageRuns("0763-3362221", "zh-CN")).toEqual([{ text: "0763-3362221", lang: "zh-CN" }]);
    expect(languageRuns("", "en")).toEqual([]);
    expect(languageRuns("“：”", "en")).toEqual([{ text: "“：”", lang: "zh-CN" }]);
  });
});
