import type { PriorTurn } from "./conversation";
import { namedSchemes, resolveQuestion } from "./dialog.server";
import { getPhrases } from "./phrases.server";
import { extractFacts } from "./stated-facts";
import { questionClauses } from "./understand.server";

/** An earlier turn as askAssistant would have left it. */
const turn = (over: Partial<PriorTurn>): PriorTurn => ({
  question: "",
  status: "answered",
  docIds: [],
  schemes: [],
  facts: {},
  topic: [],
  aspect: "",
  eligibility: false,
  asked: [],
  ...over,
});

const certificate = turn({ question: "残疾人证怎么办理？", docIds: ["disability-certificate-guide"], topic: ["残疾人证"], aspect: "怎么办理" });
const livingWhere = turn({
  question: "生活补贴去哪里申请？",
  docIds: ["living-allowance-guide"],
  schemes: ["livingAllowance"],
  topic: ["困难残疾人生活补贴"],
  aspect: "去哪里申请",
});
const eligibility = turn({
  question: "我是二级肢体残疾，低保家庭，能领什么补贴？",
  schemes: ["livingAllowance", "nursingAllowance"],
  facts: { grades: ["2"], category: "physical", income: "dibao", subject: "self" },
  topic: ["困难残疾人生活补贴", "重度残疾人护理补贴"],
  eligibility: true,
  asked: ["care"],
});

describe("a question in its conversation", () => {
  it.each(["得交钱不", "要花钱吗", "do I have to pay?"])("%s asks the cost", (question) => {
    expect(resolveQuestion(question, [certificate]).aspects).toContain("cost");
  });

  it.each(["他已经18岁了，是他自己去办还是我这个当妈的去？", "孩子爸妈都在深圳打工，奶奶能帮忙去办吗？"])("%s asks who may apply in the person's place", (question) => {
    expect(resolveQuestion(question, [certificate]).aspects).toContain("proxy");
  });

  it.each(["交上去以后还要经过哪些部门审？最后是谁拍板批的", "who approves it?"])("%s asks who decides", (question) => {
    expect(resolveQuestion(question, [livingWhere]).aspects).toContain("decides");
  });

  it("reads a turn that only tells more of the case (他明年就满7岁了) as going on with the earlier topic, for the turn after it", () => {
    const rehab = turn({ question: "我儿子在定点机构做康复，是康复救助的", docIds: ["child-rehab-assistance-guide"], schemes: ["childRehab"], topic: ["残疾儿童康复救助"] });
    const resolved = resolveQuestion("他明年就满7岁了", [rehab]);
    expect(resolved.borrowed).toBe("topic");
    expect(resolved.topic).toContain("残疾儿童康复救助");
    expect(resolved.schemes).toEqual(["childRehab"]);
  });

  it("reads a change that may come (万一低保被取消了会怎样) as asking what happens then, not for a ruling on a new case", () => {
    const resolved = resolveQuestion("那以后每年还要重新审吗？万一低保被取消了会怎样", [livingWhere]);
    expect(resolved.eligibility).toBe(false);
  });

  it("reads 怎么办 after a thing one applies for as how to apply, and after a situation as what to do", () => {
    expect(resolveQuestion("残疾证怎么办", []).aspects).toContain("how");
    expect(resolveQuestion("怎么办残疾证", []).aspects).toContain("how");
    expect(resolveQuestion("不能出门怎么办", []).aspects).not.toContain("how");
    // A clause that is only a question frame says what else is asked: "……怎么办，要带啥" asks for the materials too.
    expect(resolveQuestion("视障图书馆的借阅证怎么办，要带啥", []).aspects).toEqual(expect.arrayContaining(["how", "materials"]));
  });

  it("reads a follow-up that names only a place as the earlier topic asked there (我妈在广州住，能在广州申请吗)", () => {
    const nursing = turn({ question: "护理补贴怎么申请", docIds: ["nursing-allowance-guide"], schemes: ["nursingAllowance"], topic: ["重度残疾人护理补贴"], aspect: "怎么申请" });
    const resolved = resolveQuestion("我妈在广州住，能在广州申请吗", [nursing]);
    expect(resolved.borrowed).toBe("topic");
    expect(resolved.topic).toContain("重度残疾人护理补贴");
    expect(resolved.aspects).toContain("where");
  });

  it("reads a question that names only a place as asking where to get what the clause before names (还没办证，能在广州办吗)", () => {
    const resolved = resolveQuestion("我80岁，户口在清城区，现在住在广州女儿家，眼睛快瞎了还没办证，能在广州办吗？", []);
    expect(resolved.aspects).toContain("where");
    const asking = questionClauses("眼睛快瞎了还没办证，能在广州办吗？", getPhrases()).filter((c) => c.asking).map((c) => c.clause);
    expect(asking).toEqual(["眼睛快瞎了还没办证，", "能在广州办吗？"]);
  });

  it("does not pin a follow-up to what answered a turn that only said who the person is (我是二级视力残疾)", () => {
    const person = turn({ question: "我是二级视力残疾", docIds: ["vision-services-guide"], topic: ["二级", "视力残疾"], facts: { category: "visual", grades: ["2"] } });
    expect(resolveQuestion("可以免费坐公交吗", [person]).preferDocs).not.toContain("vision-services-guide");
  });

  it("reads \"what help does it give\" as a question about what it includes, not who can get it", () => {
    expect(resolveQuestion("What help does the living allowance give?").eligibility).toBe(false);
    expect(resolveQuestion("What help can I get?").eligibility).toBe(true);
  });

  it("asks of a thing of its own (助听器) with a fact about the child, not whether the child qualifies", () => {
    const rehab = turn({ question: "残疾儿童康复救助包括什么", docIds: ["child-rehab-assistance-guide"], schemes: ["childRehab"], topic: ["残疾儿童康复救助"], aspect: "包括什么" });
    const r = resolveQuestion("那助听器呢，孩子3岁", [rehab]);
    expect(r.eligibility).toBe(false);
    expect(r.topic).toContain("助听器");
  });

  it("reads 不要 and 钱 as no topic: the follow-up takes the earlier one", () => {
    // (Words the corpus never uses are no topic either: `known` stands for the corpus.)
    const known = (w: string) => !["派出所", "那边", "报案"].includes(w);
    expect(resolveQuestion("派出所那边要不要先报案啊", [certificate], { known }).topic).toEqual(["残疾人证"]);
    const r = resolveQuestion("钱还有没有", [livingWhere]);
    expect(r.borrowed).toBe("topic");
    expect(r.topic).toEqual(["困难残疾人生活补贴"]);
  });

  it("reads a longer follow-up with no subject of its own as leaning back, unless it names one the corpus lacks", () => {
    const cinema = turn({ question: "无障碍电影怎么预约", docIds: ["accessible-cinema-guide"], topic: ["无障碍电影"], aspect: "怎么预约" });
    const known = (w: string) => !["老人家", "识字", "扫码"].includes(w);
    const r = resolveQuestion("老人家不识字也不会扫码，还能订得上吗", [cinema], { known });
    expect(r.borrowed).toBe("topic");
    expect(r.topic).toEqual(["无障碍电影"]);
    expect(r.aspects).toContain("booking");
  });

  it("reads words made of generic ones (能办, 办下来) as no topic: the follow-up takes the earlier one", () => {
    const r = resolveQuestion("多长时间能办下来", [certificate]);
    expect(r.borrowed).toBe("topic");
    expect(r.topic).toEqual(["残疾人证"]);
  });

  it.each(["要带什么材料？", "在哪里办", "要多久？", "这个怎么申请", "What documents do I need?", "how long does it take?"])(
    "%s takes the earlier topic",
    (question) => {
      const r = resolveQuestion(question, [certificate]);
      expect(r.borrowed).toBe("topic");
      expect(r.query).toContain("残疾人证");
      expect(r.preferDocs).toEqual(["disability-certificate-guide"]);
    },
  );

  it.each(["那护理补贴呢？", "护理补贴呢", "what about the nursing allowance?", "And the nursing allowance?"])("%s asks the earlier aspect of a new topic", (question) => {
    const r = resolveQuestion(question, [livingWhere]);
    expect(r.borrowed).toBe("aspect");
    expect(r.schemes).toEqual(["nursingAllowance"]);
    expect(r.query).toContain("去哪里申请");
    expect(r.topic).toContain("重度残疾人护理补贴");
  });

  it.each(["需要人照顾", "需要", "是的，一直要人照顾", "yes"])("%s answers the question the assistant asked", (question) => {
    const r = resolveQuestion(question, [eligibility]);
    expect(r.borrowed).toBe("answer");
    expect(r.eligibility).toBe(true);
    expect(r.facts).toMatchObject({ grades: ["2"], income: "dibao", care: "yes" });
  });

  it("为什么？ after an eligibility answer asks it again, and the answer after it still counts", () => {
    const why = resolveQuestion("为什么", [eligibility]);
    expect(why).toMatchObject({ borrowed: "topic", eligibility: true });
    const whyTurn = turn({ question: "为什么", topic: eligibility.topic, schemes: eligibility.schemes, eligibility: false, asked: [] });
    expect(resolveQuestion("需要", [eligibility, whyTurn]).facts.care).toBe("yes");
  });

  it("what about deaf people? asks the earlier question of other people, in the same documents", () => {
    const bus = turn({ question: "Can blind people ride buses for free?", docIds: ["blind-bus-faq"], topic: ["公交"], aspect: "can ride for free" });
    const r = resolveQuestion("What about deaf people?", [bus]);
    expect(r).toMatchObject({ borrowed: "aspect", preferDocs: ["blind-bus-faq"] });
    expect(r.query).toContain("公交");
  });

  it("那聋人呢 after a question about blind people asks it of deaf people: 盲人 is no longer the topic", () => {
    const bus = turn({ question: "盲人坐地铁要钱吗", docIds: ["blind-bus-faq"], topic: ["盲人", "地铁"], aspect: "要钱吗", facts: { category: "visual" } });
    const r = resolveQuestion("那聋人呢", [bus]);
    expect(r).toMatchObject({ borrowed: "aspect", topic: ["地铁"], otherPeople: ["盲人"] });
    expect(r.query).not.toContain("盲人");
  });

  it("不需要 / no answers it the other way", () => {
    expect(resolveQuestion("不需要", [eligibility]).facts.care).toBe("no");
    expect(resolveQuestion("no", [eligibility]).facts.care).toBe("no");
  });

  it.each(["无障碍电影是什么意思？", "视障图书馆在哪里", "残疾人证丢了怎么办", "How do I book an accessible film?"])(
    "%s is a new question: no topic borrowed, facts kept",
    (question) => {
      const r = resolveQuestion(question, [eligibility]);
      expect(r.borrowed).toBeNull();
      expect(r.query).toBe(question);
      expect(r.facts.income).toBe("dibao");
    },
  );

  it.each(["需要本人去吗？", "能代办吗", "找谁", "要带啥", "几岁以内", "When is it open?"])("%s (a short question with no topic) asks of the earlier topic", (question) => {
    expect(resolveQuestion(question, [certificate]).borrowed).toBe("topic");
  });

  it("in a conversation about something else, facts with 也可以吗 ask the earlier question again", () => {
    const bus = turn({ question: "残疾人可以免费坐公交吗？", docIds: ["blind-bus-faq"], topic: ["残疾人", "坐", "公交"], aspect: "可以免费吗" });
    const r = resolveQuestion("聋人也可以吗", [bus]);
    expect(r.schemes).toBeNull();
    expect(r.borrowed).not.toBeNull();
    expect(r.query).toContain("公交");
    expect(r.query).toContain("聋人");
    // After a benefits question, the same words do ask about the benefits.
    expect(resolveQuestion("聋人也可以吗", [eligibility]).schemes).not.toBeNull();
  });

  it.each(["谢谢", "好的", "你好"])("%s borrows nothing", (question) => {
    expect(resolveQuestion(question, [certificate]).borrowed).toBeNull();
  });

  it("leans on the last answered turn, never on a refused one", () => {
    // "今天天气怎么样？" in between is no topic: the follow-up goes back to the question before it.
    const refused = turn({ question: "给我讲个笑话", status: "off_topic", topic: ["笑话"] });
    const afterRefusal = resolveQuestion("要带什么材料？", [certificate, refused]);
    expect(afterRefusal.borrowed).toBe("topic");
    expect(afterRefusal.query).not.toContain("笑话");
    expect(resolveQuestion("要带什么材料？", [refused]).borrowed).toBeNull();
    const error = turn({ question: "…", status: "error" });
    expect(resolveQuestion("要带什么材料？", [certificate, error]).query).toContain("残疾人证");
  });

  it("a short question in the earlier answer's own words goes on with it; one in other words does not", () => {
    const devices = turn({ question: "辅具可以借吗？", docIds: ["assistive-devices-guide"], topic: ["辅助器具", "借"] });
    const inDocuments = (words: string[], docIds: string[]) => docIds.includes("assistive-devices-guide") && words.every((w) => ["押金", "轮椅"].includes(w));
    const deposit = resolveQuestion("要押金吗？", [devices], { inDocuments });
    expect(deposit).toMatchObject({ borrowed: "context", preferDocs: ["assistive-devices-guide"] });
    expect(deposit.topic).toEqual(["辅助器具", "借", "押金"]);
    expect(resolveQuestion("盲人坐公交免费吗？", [devices], { inDocuments }).borrowed).toBeNull();
  });

  it("a longer question in the earlier answer's words goes on with it when it leans on it (也可以吗)", () => {
    const rehab = turn({ question: "孩子康复救助找谁申请", docIds: ["child-rehab-assistance-guide"], topic: ["康复救助"] });
    const inDocuments = (words: string[], docIds: string[]) => docIds.includes("child-rehab-assistance-guide") && words.every((w) => ["户口", "清远", "居住证", "这边"].includes(w));
    const leaning = resolveQuestion("我们户口不在清远 但是在这边办了居住证 也可以吗", [rehab], { inDocuments });
    expect(leaning).toMatchObject({ borrowed: "context", preferDocs: ["child-rehab-assistance-guide"] });
    expect(resolveQuestion("我们户口不在清远 但是在这边办了居住证 想问问残疾证怎么办", [rehab], { inDocuments }).borrowed).toBeNull();
  });

  it("两个 / both means the last two topics together", () => {
    const nursing = turn({ question: "那护理补贴呢？", schemes: ["nursingAllowance"], topic: ["重度残疾人护理补贴"] });
    const r = resolveQuestion("两个能一起领吗？", [livingWhere, nursing]);
    expect(r.borrowed).toBe("topic");
    expect(r.topic).toEqual(["重度残疾人护理补贴", "困难残疾人生活补贴"]);
  });

  it("a first question has nothing to lean on", () => {
    const r = resolveQuestion("要带什么材料？");
    expect(r).toMatchObject({ borrowed: null, query: "要带什么材料？", preferDocs: [] });
  });

  it("asks for every benefit that fits only when nothing else is asked about", () => {
    expect(resolveQuestion("我是二级肢体残疾，能领什么补贴？").schemes).toBe("all");
    expect(resolveQuestion("I'm grade 2, what can I get?").schemes).toBe("all");
    expect(resolveQuestion("低保家庭的残疾孩子上学能领什么补助").schemes).toBeNull();
    expect(resolveQuestion("我是聋人，能办残疾证吗").schemes).toBeNull();
    expect(resolveQuestion("我老豆一级残疾，瘫咗喺床，有咩补贴").schemes).toBe("all");
    expect(resolveQuestion("本人肢体三级，家庭困难，有什么补助").schemes).toBe("all");
    expect(resolveQuestion("My grandmother is 85, bedridden, with a grade 1 disability certificate. What support is there?").schemes).toBe("all");
    expect(resolveQuestion("Can a grade 4 person get any allowance? We are on dibao.").schemes).toBe("all");
    // Conditions for something else: a topic that is not the assistant's business, or one the corpus never names.
    expect(resolveQuestion("聋人考驾照要什么条件").schemes).toBeNull();
    expect(resolveQuestion("我是一级盲人，养宠物要什么条件", [], { known: (w) => w !== "宠物" }).schemes).toBeNull();
    expect(resolveQuestion("我是一级盲人，能领什么补贴", [], { known: (w) => w !== "宠物" }).schemes).toBe("all");
  });

  it("knows the benefits by their everyday names", () => {
    expect(namedSchemes("两补能一起领吗")).toEqual(["livingAllowance", "nursingAllowance"]);
    expect(namedSchemes("护理费怎么领")).toEqual(["nursingAllowance"]);
    expect(namedSchemes("can my son get rehabilitation assistance")).toEqual(["childRehab"]);
  });
});

describe("follow-ups about another person", () => {
  it("asks the rules of the benefit just discussed when it states that person's facts (那我爸呢，他是三级肢体，家里低保)", () => {
    const r = resolveQuestion("那我爸呢，他是三级肢体，家里低保", [livingWhere]);
    expect(r.eligibility).toBe(true);
    expect(r.schemes).toEqual(["livingAllowance"]);
    expect(r.facts.income).toBe("dibao");
  });

  it("keeps a 'can I' question about a service on that service (那聋人可以吗 after the library card), not on benefits", () => {
    const library = turn({
      question: "盲人可以办借阅证吗",
      docIds: ["visually-impaired-library-guide"],
      topic: ["借阅证"],
      eligibility: true,
      facts: { category: "visual" },
    });
    const r = resolveQuestion("那聋人可以吗", [library]);
    expect(r.schemes).not.toBe("all");
    expect(r.query).toContain("借阅证");
  });

  it("asks the earlier question again of a new case with 也要…吗, keeping the earlier topic (25个人的小公司 after 残保金)", () => {
    const levy = turn({ question: "残保金是怎么算的？", docIds: ["disability-employment-levy"], topic: ["残疾人就业保障金"], aspect: "是怎么算的" });
    const r = resolveQuestion("我们只是25个人的小公司，也要交吗？", [levy]);
    expect(r.topic).toContain("残疾人就业保障金");
    expect(r.query).toContain("残疾人就业保障金");
    // "那护理补贴呢？" still swaps the topic.
    expect(resolveQuestion("那护理补贴呢？", [livingWhere]).topic).not.toContain("困难残疾人生活补贴");
  });

  it("'这种也算吗' with no subject of its own asks the earlier topic of the case it tells (差一个半人 after 残保金)", () => {
    const levy = turn({ question: "残保金是怎么算的？", docIds: ["disability-employment-levy"], topic: ["残疾人就业保障金"], aspect: "是怎么算的" });
    const r = resolveQuestion("差一个半人这种也算吗", [levy]);
    expect(r.query).toContain("残疾人就业保障金");
  });

  it("'批了以后去哪做' asks where the service is received (the designated providers), not the eligibility again or where to apply", () => {
    const childRehab = turn({
      question: "孩子三岁有自闭症，能申请康复救助吗",
      docIds: ["child-rehab-assistance-guide"],
      schemes: ["childRehab"],
      facts: extractFacts("孩子三岁有自闭症"),
      topic: ["残疾儿童康复救助"],
      aspect: "能申请吗",
      eligibility: true,
    });
    const r = resolveQuestion("批了以后去哪做 我们自己能挑吗", [childRehab]);
    expect(r.aspects).toContain("provider");
    expect(r.aspects).not.toContain("where");
    expect(r.eligibility).toBe(false);
    expect(r.topic).toContain("残疾儿童康复救助");
    // Where to apply is still "where".
    expect(resolveQuestion("去哪里办？", [childRehab]).aspects).toContain("where");
  });
  it("'叫家里人帮我去换' asks whether someone else may do it for the person", () => {
    expect(resolveQuestion("可以叫家里人帮我去换吗", [certificate]).aspects).toContain("proxy");
    expect(resolveQuestion("让我女儿帮我跑一趟行不行", [certificate]).aspects).toContain("proxy");
  });


  it("'钱打到哪里' asks how the money is paid, '在哪家医院做' who does the service: neither is where to apply", () => {
    const paid = resolveQuestion("钱打到哪里", [livingWhere]).aspects;
    expect(paid).toContain("payment");
    expect(paid).not.toContain("where");
    const hospital = resolveQuestion("评定在哪家医院做", [certificate]).aspects;
    expect(hospital).toContain("provider");
    expect(hospital).not.toContain("where");
  });

  it("'多少天内' asks a time, not an amount; '多少钱' still asks the amount", () => {
    const days = resolveQuestion("收到结果多少天内可以申请重评？", [certificate]).aspects;
    expect(days).toContain("time");
    expect(days).not.toContain("amount");
    expect(resolveQuestion("要交多少钱", [certificate]).aspects).toContain("amount");
  });

  it("a question opening with 那边 asks of the earlier topic there, however long it is", () => {
    const legalAid = turn({ question: "我是坐轮椅的，想去申请法律援助", docIds: ["legal-aid-law-disability"], topic: ["坐轮椅", "法律援助"], aspect: "想去申请" });
    const resolved = resolveQuestion("那边要是只有楼梯怎么办？他们要不要照顾我？", [legalAid]);
    expect(resolved.borrowed).toBe("topic");
    expect(resolved.topic).toContain("法律援助");
    expect(resolved.preferDocs).toContain("legal-aid-law-disability");
  });

  it("keeps a glossary word the segmenter splits (迁去 → 迁移) in what the turn is about, without making a follow-up a new question", () => {
    // (The corpus never writes 迁去.)
    const known = (word: string) => word !== "迁去";
    expect(resolveQuestion("我爸户口要从英德迁去广州我哥那里", [], { known }).topic).toContain("迁移");
    const migration = turn({ question: "我爸户口要从英德迁去广州", docIds: ["disability-certificate-guide"], topic: ["户口", "迁移"], aspect: "" });
    const followUp = resolveQuestion("那他的残疾证要怎么弄？", [migration], { known, inDocuments: () => true });
    expect(followUp.borrowed).toBe("context");
    expect(followUp.topic).toContain("迁移");
  });

  it("asks a question about 她那本残疾证 in the case the earlier turn told (去世), not of the benefit it named", () => {
    const death = turn({ question: "我妈上个月走了，她生前一直领着护理补贴", docIds: ["nursing-allowance-guide"], schemes: ["nursingAllowance"], topic: ["重度残疾人护理补贴", "去世"] });
    const resolved = resolveQuestion("她那本残疾证又怎么处理？", [death]);
    expect(resolved.borrowed).toBe("context");
    expect(resolved.query).toContain("去世");
    expect(resolved.query).not.toContain("重度残疾人护理补贴");
    expect(resolved.preferDocs).toEqual([]);
  });

  it("reads 要交学费吗 and 免票 as asking the cost of the earlier topic", () => {
    const training = turn({ question: "残联办的培训他能参加吗？", docIds: ["vocational-training-employment-guide"], topic: ["培训"], aspect: "能参加" });
    const fee = resolveQuestion("要交学费吗？", [training]);
    expect(fee.aspects).toContain("cost");
    expect(fee.borrowed).toBe("topic");
    expect(fee.topic).toEqual(["培训"]);
    expect(resolveQuestion("陪同的家属能不能也免票？").aspects).toContain("cost");
  });

  it("keeps what happened in the case (去世, 迁移) for the turns after the one that told it", () => {
    const death = turn({ question: "我外婆上个月走了", topic: ["外婆", "去世"] });
    expect(resolveQuestion("我外婆上个月走了").events).toEqual(["去世"]);
    // The next turn names a benefit of its own: the death still carries over, to the turn after it too.
    const told = turn({ question: "她有残疾证，每个月还在领护理补贴", schemes: ["nursingAllowance"], topic: ["重度残疾人护理补贴"], events: ["去世"] });
    const later = resolveQuestion("她那个证要怎么处理？", [death, told]);
    expect(later.carriedEvents).toEqual(["去世"]);
    expect(later.query).toContain("去世");
    expect(later.events).toEqual(["去世"]);
    // (Her certificate, 那个证, is what it asks about: not the allowance the turn before named.)
    expect(later.borrowed).toBe("context");
    expect(later.query).not.toContain("重度残疾人护理补贴");
    // A question that tells the event itself carries nothing more.
    expect(resolveQuestion("户口迁走了补贴怎么办", [told]).events).toEqual(expect.arrayContaining(["迁移", "去世"]));
    expect(resolveQuestion("怎么申请护理补贴").carriedEvents).toEqual([]);
  });

  it("reads 能不能在这边再申请 as asking for it again, not where; 能在广州办吗 still asks where", () => {
    expect(resolveQuestion("现在我们搬到清城区住了，能不能在这边再申请配一台同样的？").aspects).not.toContain("where");
    expect(resolveQuestion("能在广州办吗？", [certificate]).aspects).toContain("where");
  });

  it("does not read 'no certificate yet, can I do it there?' as asking for every benefit", () => {
    expect(resolveQuestion("我80岁，户口在清城区，现在住在广州女儿家，眼睛快瞎了还没办证，能在广州办吗？").schemes).toBeNull();
    expect(resolveQuestion("我是二级肢体残疾，低保家庭，能领什么补贴？").schemes).toBe("all");
  });

  it("goes on with the earlier answer when a short question adds only how much it costs (推荐要收钱吗？)", () => {
    const recommend = turn({ question: "想招几个残疾员工，残联能推荐人吗？", docIds: ["employer-quota-employment-guide"], topic: ["招用", "推荐"] });
    const resolved = resolveQuestion("推荐要收钱吗？", [recommend], { inDocuments: (words) => words.every((w) => w === "推荐") });
    expect(resolved.borrowed).toBe("context");
    expect(resolved.preferDocs).toContain("employer-quota-employment-guide");
  });
});
