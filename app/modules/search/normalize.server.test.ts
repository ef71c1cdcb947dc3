import fs from "node:fs";
import path from "node:path";
import { foldText, toMandarin, toSimplified } from "./normalize.server";

describe("toSimplified", () => {
  it.each([
    ["殘疾人證怎麼辦理", "残疾人证怎么办理"],
    ["視障圖書館在哪裡", "视障图书馆在哪里"],
    ["護理補貼", "护理补贴"],
    ["無障礙電影是甚麼", "无障碍电影是甚么"],
    ["輪椅借用", "轮椅借用"],
  ])("%s → %s", (traditional, simplified) => {
    expect(toSimplified(traditional)).toBe(simplified);
  });

  it("leaves the simplified corpus exactly as it is", () => {
    const dir = path.resolve("knowledge");
    const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.(md|txt|yaml)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      expect(toSimplified(text) === text, file).toBe(true);
    }
  });
});

describe("foldText", () => {
  it("folds full-width letters, digits and punctuation and lower-cases", () => {
    expect(foldText("ＡＢＣ１２３，？")).toBe("abc123,?");
    expect(foldText("殘疾人證 Wheelchair")).toBe("残疾人证 wheelchair");
  });
});

describe("toMandarin (knowledge/phrasebook.yaml `cantonese`)", () => {
  it.each([
    ["佢睇唔到嘢", "他看不到东西"],
    ["点样申请护理补贴", "怎样申请护理补贴"],
    ["我哋屋企喺清新区", "我们家里在清新区"],
    ["系唔系要本人去", "是不是要本人去"],
    ["使唔使钱", "需不需要钱"],
    ["冇残疾证可唔可以借", "没有残疾证可不可以借"],
  ])("%s → %s", (cantonese, mandarin) => {
    expect(toMandarin(cantonese)).toBe(mandarin);
  });

  it("leaves Mandarin as it is: no word of the table is in any document of the corpus", () => {
    const dir = path.resolve("knowledge");
    const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.(md|txt)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      expect(toMandarin(text) === text, file).toBe(true);
    }
  });
});
