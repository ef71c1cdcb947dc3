import { articleAndNote, blocksOf, itemText, listHolding } from "./passage-structure";

const nursing =
  "同时符合下面两条的人，可以申请重度残疾人护理补贴：\n1. 持有有效的残疾人证，残疾等级为一级或二级（重度残疾）；\n2. 需要长期照护。\n护理补贴不要求是低保家庭。";

describe("passage structure", () => {
  it("finds a numbered list with its introduction, and the paragraph after it", () => {
    expect(blocksOf(nursing)).toEqual([
      { kind: "list", intro: "同时符合下面两条的人，可以申请重度残疾人护理补贴：", items: ["1. 持有有效的残疾人证，残疾等级为一级或二级（重度残疾）；", "2. 需要长期照护。"] },
      { kind: "text", lines: ["护理补贴不要求是低保家庭。"] },
    ]);
  });

  it("finds a list of lines ending in '；' closed by its last item, with or without an introduction", () => {
    const blocks = blocksOf("有效的残疾人证；\n证明身份的材料；\n本人的银行账户信息。\n要带哪些材料，以窗口告知为准。");
    expect(blocks[0]).toEqual({ kind: "list", intro: null, items: ["有效的残疾人证；", "证明身份的材料；", "本人的银行账户信息。"] });
    expect(blocks[1].kind).toBe("text");
  });

  it("knows which list a sentence belongs to, from its introduction or any item", () => {
    expect(listHolding(nursing, "2. 需要长期照护。")?.items).toHaveLength(2);
    expect(listHolding(nursing, "同时符合下面两条的人，可以申请重度残疾人护理补贴：")?.items).toHaveLength(2);
    expect(listHolding(nursing, "护理补贴不要求是低保家庭。")).toBeNull();
    expect(itemText("1. 持有有效的残疾人证；")).toBe("持有有效的残疾人证");
  });

  it("keeps a regulation's article apart from the site's notes after it", () => {
    const text = "国家建立残疾儿童康复救助制度。\n在清远怎么申请：\n残疾儿童康复救助，见残疾儿童康复救助申请指南；\n护理补贴，见重度残疾人护理补贴申请指南。";
    expect(articleAndNote(text)).toEqual({
      article: "国家建立残疾儿童康复救助制度。",
      note: "在清远怎么申请：\n残疾儿童康复救助，见残疾儿童康复救助申请指南；\n护理补贴，见重度残疾人护理补贴申请指南。",
    });
    expect(articleAndNote("盲人持有效证件，可以免费乘坐公共汽车。")).toEqual({ article: "盲人持有效证件，可以免费乘坐公共汽车。", note: "" });
  });
});
