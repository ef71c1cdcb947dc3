import { groundingOf } from "./grounding.server";
import { minimumConfidence, retrieve } from "./retrieve.server";
import { ensureAssistantIndex, type AssistantIndex } from "./vector-index.server";

let index: AssistantIndex;
beforeAll(async () => {
  index = (await ensureAssistantIndex()).index;
}, 60_000);

const score = async (q: string) => (await retrieve(index, q, { limit: 12 })).grounding;

describe("the grounding gate judges the key terms", () => {
  it.each([
    "我妈瘫痪在床好几年了，是一级残疾，每个月能领护理补贴吗",
    "我今年58岁，前年中风以后右边手脚都不太灵活，家里人说可以去办个残疾证，不知道要准备什么材料，去哪里办",
    "去年出车祸截了一条腿，现在出院了，听说可以办残疾证，要准备哪些东西",
    "视障图书馆借书要办什么证",
    "家里老人中风走路不稳，想申请个助行器",
    "我妈今年78了，白内障做过手术还是看不太清，平时在家闷得慌想听听书。听邻居说清远有个给看不见的人看书的地方，还可以办证。她去的话要带什么？",
  ])("passes a story with a clear question: %s", async (q) => {
    expect((await score(q)).score).toBeGreaterThanOrEqual(minimumConfidence);
  });

  it.each([
    "残疾人奥运会下一届在哪里举办",
    "残疾人结婚登记要什么材料",
    "轮椅品牌哪个好，推荐一下",
    "残疾人可以买彩票吗",
    "聋人可以开车吗",
    // Who the person is (盲人) is not what is asked about (微信).
    "盲人怎么用微信",
    // The passages lend wheelchairs; none repairs one.
    "轮椅坏了哪里可以修",
  ])("stops an off-topic question that shares a word with the corpus: %s", async (q) => {
    const g = await score(q);
    expect(g.score).toBeLessThan(minimumConfidence);
    expect(g.missing.length).toBeGreaterThan(0);
  });

  it("does not ask the passages to repeat how a thing was asked (哪几天, 几张), only what about", async () => {
    const retrieval = await retrieve(index, "护理补贴", { limit: 12 });
    const asked = (term: string) => ({ term, weight: 1, asked: true });
    const withForm = groundingOf({ keyTerms: [asked("护理补贴"), asked("哪几天")] }, retrieval, index);
    expect(withForm.missing).toEqual(["哪几天"]);
    expect(withForm.score).toBeGreaterThan(0.6);
    // A bare number (what a masked landline leaves: 0763-***1234) is no topic either.
    expect(groundingOf({ keyTerms: [asked("护理补贴"), asked("0763")] }, retrieval, index).score).toBeGreaterThan(0.6);
    // A topic word the passages lack still weighs fully (double, as no passage knows it).
    const withTopic = groundingOf({ keyTerms: [asked("护理补贴"), asked("奥运会")] }, retrieval, index);
    expect(withTopic.score).toBeLessThan(minimumConfidence);
  });

  it("reads a story's question and its circumstances across up to three passages", async () => {
    const g = await score("孩子三岁，耳朵听不见，医生说要装人工耳蜗，家里没钱，有没有救助，去哪里申请");
    // The question and its circumstances are in more than one passage; the gate reads at most three.
    expect(g.keys.length).toBeGreaterThanOrEqual(2);
    expect(g.keys.length).toBeLessThanOrEqual(3);
    expect(g.score).toBeGreaterThanOrEqual(minimumConfidence);
  });

  it("gives half credit to an abbreviation the passages write out (社保 → 社会保险)", async () => {
    const g = await score("单位不给我交社保因为我是残疾人");
    expect(g.found).toContain("社保");
    expect(g.score).toBeGreaterThanOrEqual(minimumConfidence);
  });

  it("says which key terms the passages have and which they lack", async () => {
    const g = await score("残疾人奥运会下一届在哪里举办");
    expect(g.missing).toContain("奥运会");
    expect(g.found).toContain("残疾人");
  });
});
