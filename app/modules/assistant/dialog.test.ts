import type { Kysely } from "kysely";
import type { Database } from "~/modules/db/schema";
import { createTestDb } from "../../../tests/support/test-db";
import { askAssistant, newConversationId, type ChatReply } from "./assistant.server";
import type { PriorTurn } from "./conversation";
import { ensureAssistantIndex, type AssistantIndex } from "./vector-index.server";

/**
 * Eligibility answered from the question itself, and follow-up questions in one conversation, through the
 * one operation the page and the API share. Conversations are asked the way the evaluation asks them (each
 * earlier reply's `turn` passed as history) and the way the page does (stored, under a conversation id).
 */

let index: AssistantIndex;
let db: Kysely<Database>;
beforeAll(async () => {
  index = (await ensureAssistantIndex()).index;
  db = (await createTestDb()).db;
}, 60_000);

type Locale = "zh-CN" | "en";

/** Asks the questions in turn, each with the earlier replies' turns; returns every reply. */
async function conversation(questions: string[], locale: Locale = "zh-CN"): Promise<ChatReply[]> {
  const history: PriorTurn[] = [];
  const replies: ChatReply[] = [];
  for (const question of questions) {
    const reply = await askAssistant({ question, locale }, { index, chatModel: null, history: [...history] });
    history.push(reply.turn);
    replies.push(reply);
  }
  return replies;
}

const ask = async (question: string, locale: Locale = "zh-CN") => (await conversation([question], locale))[0];

/** Each quote is the chunk's own words (apart from the joins between sentences). */
function expectQuotesFromTheirSections(reply: ChatReply) {
  for (const c of reply.citations) {
    const [docId, anchor] = c.url.replace("/policies/", "").split("#");
    const chunk = index.chunkAt(docId, anchor ?? null);
    expect(chunk, c.url).toBeDefined();
    for (const piece of c.quote.replace(/…/g, " ").split(" ").filter((p) => p.length > 3)) expect(chunk?.text).toContain(piece);
  }
}

describe("eligibility answered from the question itself", () => {
  it("二级肢体 + 低保: names the living allowance, the nursing allowance it depends on care for, asks about care, cites both rules", async () => {
    const reply = await ask("我是二级肢体残疾，低保家庭，能领什么补贴？");
    expect(reply.grounded).toBe(true);
    const block = reply.view.eligibility;
    expect(block?.facts).toEqual(["肢体残疾", "二级", "低保家庭"]);
    expect(block?.items.map((i) => [i.scheme, i.verdict])).toEqual([
      ["livingAllowance", "likely"],
      ["nursingAllowance", "depends"],
    ]);
    expect(block?.items[1].ifs).toContain("如果需要长期照护：可以申请");
    // What the rule asks comes before what is still unknown.
    expect(block?.items[1].why).toEqual(["护理补贴的对象是需要长期照护的一级、二级重度残疾人。", "还要看是否需要长期照护。"]);
    expect(block?.unknown.map((u) => u.field)).toEqual(["care"]);
    // The first sentence answers the question.
    expect(reply.view.lead).toMatch(/^按您说的情况（肢体残疾、二级、低保家庭）：可以申请困难残疾人生活补贴；重度残疾人护理补贴还要看是否需要长期照护。$/);
    // Each verdict cites the rule's own sections.
    const urls = reply.citations.map((c) => c.url);
    expect(urls).toContain("/policies/living-allowance-guide#s-1");
    expect(urls).toContain("/policies/nursing-allowance-guide#s-1");
    for (const item of block?.items ?? []) expect(item.sources.length).toBeGreaterThan(0);
    expectQuotesFromTheirSections(reply);
    expect(reply.citations.find((c) => c.url.endsWith("nursing-allowance-guide#s-1"))?.quote).toMatch(/一级或二级.*长期照护/);
    // Someone who names a grade holds a certificate: "下一步" is the subsidies, not the certificate guide.
    const next = reply.view.nextSteps.map((s) => s.href);
    expect(next).not.toContain("/policies/disability-certificate-guide");
    expect(next).toContain("/policies/living-allowance-guide");
    expect(next).toContain("/assistant/eligibility");
    expect(block?.prefill).toEqual({ category: "physical", grade: "2", income: "dibao" });
    // The API's plain text says all of it.
    expect(reply.answer).toContain("困难残疾人生活补贴：可以申请");
    expect(reply.answer).toContain("申请人是否需要他人长期照护？");
  });

  it("a long story with a clear subsidy question is answered by the rules", async () => {
    const reply = await ask("我妈瘫痪在床好几年了，是一级残疾，每个月能领护理补贴吗");
    expect(reply.grounded).toBe(true);
    expect(reply.view.eligibility?.items[0]).toMatchObject({ scheme: "nursingAllowance", verdict: "likely", verdictText: "可以申请" });
    expect(reply.view.lead).toContain("可以申请重度残疾人护理补贴");
    expect(reply.citations.map((c) => c.url)).toContain("/policies/nursing-allowance-guide#s-1");
  });

  it("a family's long story (an accident, a child at school, a lost job) still gets every benefit the husband may fit", async () => {
    const reply = await ask("我老公去年车祸腿没了，现在在家躺着，工作也丢了，家里就靠我一个人打零工，孩子还在上学，听说残联有补贴，我们这种能领哪些？");
    expect(reply.grounded).toBe(true);
    const schemes = (reply.view.eligibility?.items ?? []).map((i) => i.scheme);
    expect(schemes).toEqual(expect.arrayContaining(["livingAllowance", "nursingAllowance"]));
    expect(schemes).not.toContain("childRehab");
    // Not the lost-certificate section ("丢了") nor the public-transport one ("车祸").
    expect(reply.citations.map((c) => c.title).join(" ")).not.toMatch(/挂失|公共交通/);
  });

  it.each<[string, Record<string, string>]>([
    ["一级智力残疾，不是低保，能领什么补贴", { livingAllowance: "not", nursingAllowance: "depends" }],
    ["四级视力残疾，低保家庭，护理补贴能领吗", { nursingAllowance: "not", livingAllowance: "likely" }],
    ["三级精神残疾能领护理补贴吗", { nursingAllowance: "local" }],
    ["我有一级残疾证，家里是低保户，又要人照顾，两项补贴都能拿吗", { livingAllowance: "likely", nursingAllowance: "likely" }],
    ["孩子三岁，听力残疾，低保户，能申请什么补助", { livingAllowance: "likely", childRehab: "likely" }],
  ])("%s", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.grounded).toBe(true);
    const verdicts = Object.fromEntries((reply.view.eligibility?.items ?? []).map((i) => [i.scheme, i.verdict]));
    expect(verdicts).toMatchObject(expected);
    expectQuotesFromTheirSections(reply);
  });

  it("without a certificate: not eligible yet, and the next step is the certificate guide", async () => {
    const reply = await ask("我没有残疾证，但是瘫痪在床好几年了，能领护理补贴吗");
    expect(reply.view.eligibility?.items[0]).toMatchObject({ scheme: "nursingAllowance", verdict: "not" });
    expect(reply.answer).toContain("残疾人证");
    expect(reply.view.nextSteps.map((s) => s.href)).toContain("/policies/disability-certificate-guide");
    expect(reply.view.eligibility?.assumption).toBeNull();
  });

  it("in English, from an English question", async () => {
    const reply = await ask("I have a grade 2 physical disability and my family gets dibao. What can I get?", "en");
    expect(reply.grounded).toBe(true);
    expect(reply.view.lead).toMatch(/^From what you told us \(physical disability, grade 2, dibao household\): you can apply for the living allowance/);
    expect(reply.answer).toContain("Nursing allowance for severely disabled people: Depends on your situation");
    expect(reply.answer).toContain("Does the applicant need long-term care from others?");
  });

  it("never reads a masked number as a grade, and never echoes one", async () => {
    const reply = await ask("我叫张三，身份证441881199212120518，残疾证号44188119921212051842，能领生活补贴吗？");
    expect(reply.answer).not.toMatch(/441881199212120518|44188119921212051842/);
    // The turn keeps only the masked question (last four characters, as everywhere) and no fact from a number.
    expect(JSON.stringify(reply.turn)).not.toMatch(/\d{5,}/);
    expect(reply.turn.facts.grades).toBeUndefined();
    expect(reply.view.eligibility ?? null).toBeNull();
  });

  it("a question for an amount gets no verdict and no amount", async () => {
    const reply = await ask("二级肢体残疾低保家庭，生活补贴每个月能领多少钱？");
    expect(reply.view.eligibility ?? null).toBeNull();
    expect(reply.grounded).toBe(false);
  });

  it("a question about something else keeps its own answer", async () => {
    for (const question of ["我是一级肢体残疾，能申请辅具吗", "我是聋人，能办残疾证吗", "我在外省打工，能申请两项补贴吗？"]) {
      const reply = await ask(question);
      expect(reply.view.eligibility ?? null, question).toBeNull();
    }
    expect((await ask("我在外省打工，能申请两项补贴吗？")).answer).toMatch(/跨省/);
  });

  it("a refusal names what the documents have nothing on, also for a follow-up", async () => {
    const [, flying] = await conversation(["盲人坐公交要钱吗", "那坐飞机呢"]);
    expect(flying.status).toBe("no_content");
    expect(flying.view.lead).toBe("抱歉，本站收录的政策资料里没有找到关于“坐飞机”的答案。请联系工作人员。");
    const pets = await ask("残疾人可以领养宠物吗");
    expect(pets.view.lead).toContain("“宠物”");
    expect(pets.view.nextSteps.map((s) => s.kind)).toEqual(["hotline", "feedback"]);
  });

  it("an answer whose passages never name what was asked says so (创业 is not in the allowance guides it found)", async () => {
    const reply = await ask("创业补贴怎么申请");
    if (reply.status === "answered") expect(reply.view.caveat).toContain("创业");
    else expect(reply.view.lead).toContain("创业");
  });

  it("盲人坐公交要钱吗 is answered from the section for blind people; 聋人 from the one for everyone else", async () => {
    const blind = await ask("盲人坐公交要钱吗");
    expect(blind.citations[0]?.url).toBe("/policies/blind-bus-faq#s-1");
    expect(blind.view.lead).toMatch(/免费乘坐/);
    const deaf = await ask("聋人坐公交有优惠吗");
    expect(deaf.citations[0]?.url).toBe("/policies/blind-bus-faq#s-2");
    expect(deaf.view.lead).toMatch(/没有核实/);
  });

  it("someone who names their grade and asks for a device is answered from the device guide, not from the certificate or grading pages", async () => {
    for (const question of ["我妈是二级视力残疾，想申请个盲杖", "我是三级肢体残疾，想借个轮椅"]) {
      const reply = await ask(question);
      expect(reply.status, question).toBe("answered");
      expect(reply.citations[0]?.url, question).toMatch(/^\/policies\/assistive-devices-guide#/);
      expect(reply.citations.map((c) => c.url).filter((u) => /disability-(certificate|categories)/.test(u)), question).toEqual([]);
    }
    // Asked about the certificate or the grade itself, those pages still answer.
    expect((await ask("我是一级视力残疾，残疾人证丢了怎么补办")).citations[0]?.url).toMatch(/^\/policies\/disability-certificate/);
    expect((await ask("我是二级肢体残疾，我这个等级是什么意思")).citations[0]?.url).toMatch(/^\/policies\/disability-(certificate|categories)/);
  });
});

describe("follow-up questions", () => {
  it("周末有人接吗 after 残联电话多少 says the office hours are not verified here, from the contact page", async () => {
    const [, reply] = await conversation(["残联电话多少", "周末有人接吗"]);
    expect(reply.citations[0].url).toMatch(/^\/policies\/contact-federation/);
    expect(reply.answer).toContain("没有核实");
  });

  it("评定在哪家医院做 after 残疾人证怎么申请 names the designated hospital, and 钱打到哪里 after 生活补贴怎么申请 the bank account", async () => {
    const [, hospital] = await conversation(["残疾人证怎么申请", "评定在哪家医院做"]);
    expect(hospital.answer).toContain("指定的医院");
    const [, paid] = await conversation(["生活补贴怎么申请", "钱打到哪里"]);
    expect(paid.answer).toContain("银行账户");
  });

  it("借多久要还 after 辅具可以借吗 stays with the devices, not the library's 借多久", async () => {
    const [, reply] = await conversation(["辅具可以借吗", "借多久要还"]);
    expect(reply.citations[0].url).toMatch(/^\/policies\/assistive-devices-guide/);
  });

  it("要不要钱 after 法律援助怎么申请 is not answered from an article of another document that only says 收费", async () => {
    const [, reply] = await conversation(["法律援助怎么申请", "要不要钱"]);
    expect(reply.citations.map((c) => c.url)).not.toContain("/policies/disability-protection-law#art-36");
  });

  it("那聋人协会呢 after 盲人协会成立了没有 asks the same kind of fact of the new topic: when it was registered", async () => {
    const [, reply] = await conversation(["清远盲人协会成立了没有", "那聋人协会呢"]);
    expect(reply.answer.split("\n")[0]).toMatch(/2024年12月/);
  });

  it("还能再配吗 after a fitting question is answered from the rule against duplicate fittings", async () => {
    const [, reply] = await conversation(["辅助器具适配怎么申请", "我在别的县已经配过一台助听器，现在还能再配吗"]);
    expect(reply.answer.split("\n")[0]).toMatch(/重复配置/);
    expect(reply.citations[0].url).toBe("/policies/assistive-devices-guide#s-7");
  });

  it("上个月的钱还有没有 after 生活补贴怎么申请 leads with the rule that the allowance counts from the month of the application", async () => {
    const [, reply] = await conversation(["生活补贴怎么申请", "我上个月就递了表，这个月才批下来，上个月的钱还有没有"]);
    expect(reply.grounded).toBe(true);
    expect(reply.answer.split("\n")[0]).toMatch(/申请当月/);
    expectQuotesFromTheirSections(reply);
  });

  it("批了以后去哪做康复 after a child's eligibility names the designated centres the family chooses, not the office that takes the application", async () => {
    const [, reply] = await conversation(["孩子三岁有自闭症，能申请康复救助吗", "批了以后去哪做 我们自己能挑吗"]);
    expect(reply.grounded).toBe(true);
    expect(reply.answer).toMatch(/定点/);
    expect(reply.answer).toMatch(/自行选择/);
    expect(reply.citations[0].url).toMatch(/^\/policies\/child-rehab-assistance-guide/);
    expect(reply.answer.split("\n")[0]).not.toMatch(/户籍所在地/);
  });

  it("那护理补贴呢？ asks the earlier question of the nursing allowance", async () => {
    const [, reply] = await conversation(["困难残疾人生活补贴给谁？", "那护理补贴呢？"]);
    expect(reply.grounded).toBe(true);
    expect(reply.answer).toMatch(/一级|二级/);
    expect(reply.citations[0].url).toMatch(/nursing-allowance|two-subsidies-national#s-4/);
    expect(reply.turn.topic).toContain("重度残疾人护理补贴");
  });

  it("要带什么材料？ takes the earlier topic", async () => {
    const [, reply] = await conversation(["残疾人证怎么办理？", "要带什么材料？"]);
    expect(reply.grounded).toBe(true);
    for (const word of ["身份证", "户口", "照片"]) expect(reply.answer).toContain(word);
    expect(reply.citations[0].url).toMatch(/^\/policies\/disability-certificate-guide#/);
  });

  it("在哪里办 and 要多久 stay with the benefit asked about", async () => {
    const [, where, long] = await conversation(["重度残疾人护理补贴怎么申请？", "在哪里办", "要多久才能批下来？"]);
    expect(where.grounded).toBe(true);
    expect(where.answer).toMatch(/乡镇|街道/);
    expect(long.grounded).toBe(true);
    expect(long.answer).toContain("为准");
  });

  it("an answer to the question the assistant asked settles the verdict", async () => {
    const [first, second, third] = await conversation(["我是二级肢体残疾，低保家庭，能领什么补贴？", "需要人照顾", "要带什么材料？"]);
    expect(first.turn.asked).toEqual(["care"]);
    expect(second.view.eligibility?.items.map((i) => [i.scheme, i.verdict])).toEqual([
      ["livingAllowance", "likely"],
      ["nursingAllowance", "likely"],
    ]);
    expect(second.view.eligibility?.prefill).toMatchObject({ care: "yes" });
    expect(third.grounded).toBe(true);
    expect(third.answer).toContain("银行账户");
  });

  it("a bare 需要 / 不需要 answers the care question", async () => {
    const [, yes] = await conversation(["二级肢体残疾能领护理补贴吗", "需要"]);
    expect(yes.view.eligibility?.items[0]).toMatchObject({ scheme: "nursingAllowance", verdict: "likely" });
    const [, no] = await conversation(["二级肢体残疾能领护理补贴吗", "不需要"]);
    expect(no.view.eligibility?.items[0]).toMatchObject({ scheme: "nursingAllowance", verdict: "not" });
  });

  it("in English: what about the nursing allowance? / where do I apply?", async () => {
    const [, about] = await conversation(["I have a grade 2 physical disability and my family gets dibao. What can I get?", "what about the nursing allowance?"], "en");
    expect(about.view.eligibility?.items[0].scheme).toBe("nursingAllowance");
    const [, where] = await conversation(["Who can get the living allowance?", "Where do I apply?"], "en");
    expect(where.grounded).toBe(true);
    expect(where.answer).toMatch(/township|乡镇|街道/);
  });

  it("a new question does not drag the old topic along, and an off-topic one is still refused", async () => {
    const [, film, joke] = await conversation(["我是二级肢体残疾，低保家庭，能领什么补贴？", "无障碍电影是什么意思？", "给我讲个笑话"]);
    expect(film.grounded).toBe(true);
    expect(film.view.eligibility ?? null).toBeNull();
    expect(film.citations[0].url).toMatch(/accessible-(cinema|film)/);
    expect(film.turn.topic).not.toContain("困难残疾人生活补贴");
    expect(joke.grounded).toBe(false);
    expect(joke.status).toBe("off_topic");
  });

  it("never carries a personal number forward", async () => {
    const replies = await conversation(["我电话是13800001111，想借轮椅", "要押金吗？"]);
    for (const reply of replies) {
      expect(JSON.stringify(reply.turn)).not.toContain("13800001111");
      expect(reply.answer).not.toContain("13800001111");
    }
    expect(replies[1].answer).toContain("押金");
  });

  it("the page's conversation is read back from the stored, masked turns", async () => {
    const conversationId = newConversationId();
    const asked = (question: string, id = conversationId) =>
      askAssistant({ question, locale: "zh-CN" }, { index, db, conversationId: id, chatModel: null });
    await asked("我是二级肢体残疾，低保家庭，手机13912345678，能领什么补贴？");
    const reply = await asked("需要人照顾");
    expect(reply.view.eligibility?.items.find((i) => i.scheme === "nursingAllowance")?.verdict).toBe("likely");
    // Another conversation knows nothing of it.
    const other = await asked("需要人照顾", newConversationId());
    expect(other.view.eligibility ?? null).toBeNull();
    const stored = await db.selectFrom("chat_questions").select(["question", "answer"]).where("conversation_id", "=", conversationId).execute();
    expect(JSON.stringify(stored)).not.toContain("13912345678");
  });
});
