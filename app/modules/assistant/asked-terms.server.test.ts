import { askedTermShare, namesAspect } from "./asked-terms.server";
import { ensureAssistantIndex, type AssistantIndex } from "./vector-index.server";

let index: AssistantIndex;
beforeAll(async () => {
  index = (await ensureAssistantIndex()).index;
}, 60_000);

const term = (t: string, weight = 1) => ({ term: t, weight, asked: true });
const key = (docId: string, anchor: string) => index.chunkAt(docId, anchor)!.key;

describe("what the clause that asks names", () => {
  it("counts a section that says all of it above one that says a part", () => {
    const share = askedTermShare(index, [term("上个月走了"), term("护理补贴")]);
    // The guide's "已经去世的……补贴停发" says both (去世 through the glossary); the rule on who gets it only the allowance.
    expect(share(key("nursing-allowance-guide", "s-6"))).toBe(1);
    expect(share(key("two-subsidies-national", "s-4"))).toBeLessThan(1);
  });

  it("counts the corpus's other words for a term (低保家庭 for 最低生活保障家庭)", () => {
    const share = askedTermShare(index, [term("最低生活保障家庭"), term("困难残疾人生活补贴")]);
    const sections = index.chunks.filter((c) => c.text.includes("低保家庭") && !c.text.includes("最低生活保障家庭") && c.text.includes("生活补贴"));
    expect(sections.length).toBeGreaterThan(0);
    for (const c of sections) expect(share(c.key)).toBe(1);
  });

  it("ranks nothing by one asked word, nor by aspects, generic words or the story", () => {
    expect(askedTermShare(index, [term("政府"), term("哪里"), term("申请")])(key("living-allowance-guide", "s-3"))).toBe(1);
    expect(askedTermShare(index, [term("护理补贴"), term("去世", 0.15)])(key("two-subsidies-national", "s-4"))).toBe(1);
    expect(namesAspect("怎么算")).toBe(true);
    expect(namesAspect("带什么")).toBe(true);
    expect(namesAspect("护理补贴")).toBe(false);
  });
});
