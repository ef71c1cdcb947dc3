import { answerWithoutQuotes, gradeReply } from "./evaluate.server";

const reply = {
  grounded: true,
  answer: "可以申请困难残疾人生活补贴。\n\n依据：\n1. “一级、二级并需要长期照护的，可以申请护理补贴。”——重度残疾人护理补贴申请指南 · 一、谁可以申请",
  citations: [{ title: "重度残疾人护理补贴申请指南 · 一、谁可以申请", url: "/policies/nursing-allowance-guide#s-1", quote: "一级、二级并需要长期照护的，可以申请护理补贴。" }],
};

describe("grading", () => {
  it("grades as docs/contracts.md says: a must found in the answer or a citation's title or quote", () => {
    expect(gradeReply({ expect: "answer", must: [["生活补贴"], ["护理补贴"]] }, reply)).toEqual([]);
    expect(gradeReply({ expect: "refuse" }, reply)).toEqual(["expected a refusal, got an answer"]);
    expect(gradeReply({ expect: "answer", must_not: ["生活补贴"] }, reply)).toEqual(['contains forbidden "生活补贴"']);
  });

  it("sees the answer's own words apart from what it quotes and the titles of its sources", () => {
    const own = answerWithoutQuotes(reply);
    expect(own).toContain("生活补贴");
    expect(own).not.toContain("护理补贴");
  });

  it("counts a first sentence that says the same as a whole quote as the answer's own", () => {
    const quote = "证件本身不收费，换领也免费。";
    const own = answerWithoutQuotes({
      answer: `${quote}\n\n依据：\n1. “${quote}”——残疾人证办事指南 · 五、要多久、收不收费`,
      citations: [{ title: "残疾人证办事指南 · 五、要多久、收不收费", url: "/policies/disability-certificate-guide#s-5", quote }],
    });
    expect(own).toContain("换领也免费");
    expect(own).not.toContain("依据：\n1. “");
  });

  it("counts a lead that names the law it states as the answer's own, though a source's title names it too", () => {
    const title = "《残疾预防和残疾人康复条例》第二十六条";
    const own = answerWithoutQuotes({
      answer: `${title}：按规定对基本型辅助器具给予补贴。\n\n依据：\n1. “按规定对残疾人配置基本型辅助器具给予补贴。”——${title}`,
      citations: [{ title, url: "/policies/disability-prevention-rehab-regulations#art-26", quote: "按规定对残疾人配置基本型辅助器具给予补贴。" }],
    });
    expect(own.split(title)).toHaveLength(2); // the lead's, not the source line's
  });
});
