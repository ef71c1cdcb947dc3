import { askAssistant } from "./assistant.server";
import { scoreSentence, withCaseEvents } from "./compose.server";
import { ensureAssistantIndex, type AssistantIndex } from "./vector-index.server";

let index: AssistantIndex;
beforeAll(async () => {
  index = (await ensureAssistantIndex()).index;
}, 60_000);

const ask = (question: string, locale: "zh-CN" | "en" = "zh-CN") => askAssistant({ question, locale }, { index, chatModel: null });

describe("answers a person can read", () => {
  it("brings the whole list a lead introduces: 同时符合下面两条的人 … and both items", async () => {
    const reply = await ask("重度残疾人护理补贴的对象是谁");
    expect(reply.view.lead).toMatch(/同时符合下面两条的人.*：$/);
    expect(reply.view.points).toHaveLength(2);
    expect(reply.view.points[1]).toContain("需要长期照护");
  });

  it("answers a list question with the list, from its introduction to its last item", async () => {
    const reply = await ask("办护理补贴要带什么材料");
    expect(reply.view.points.length).toBeGreaterThanOrEqual(3);
    expect(reply.view.points.join("")).toContain("银行账户");
  });

  it("quotes a regulation's article, not the site's note beside it", async () => {
    const reply = await ask("残疾预防和残疾人康复条例第二十六条规定了什么");
    const article = reply.citations.find((c) => c.url.endsWith("disability-prevention-rehab-regulations#art-26"));
    expect(article).toBeDefined();
    if (article?.title.endsWith("第二十六条")) expect(article.quote).not.toContain("在清远怎么申请");
    for (const c of reply.citations) if (c.quote.includes("在清远怎么申请")) expect(c.title).toContain("本站说明");
  });

  it("gives a lead that points back (这叫…) the sentence it points to", async () => {
    const reply = await ask("给盲人讲电影的那个叫什么");
    expect(reply.view.lead).not.toMatch(/^这/);
  });

  it("leads with the sentence a 也就是说 explains, not with the explanation alone", async () => {
    const reply = await ask("我是一级盲人，没工作也没有固定收入，想打官司请律师，申请法律援助要不要查家里的经济情况");
    expect(reply.view.lead).not.toMatch(/^也就是说/);
    expect(reply.view.lead).toContain("不需要再核查经济困难状况");
  });

  it("opens the guide at the section that answered, and offers its first step only to a question about applying", async () => {
    const lost = await ask("残疾证丢了怎么办");
    const guide = lost.view.nextSteps.find((s) => s.kind === "guide");
    expect(guide?.href).toMatch(/^\/policies\/disability-certificate-guide#s-/);
    expect(lost.view.nextSteps.some((s) => s.kind === "apply")).toBe(false);
    const apply = await ask("护理补贴去哪里申请");
    expect(apply.view.nextSteps.some((s) => s.kind === "apply")).toBe(true);
  });

  it("offers the guide's easy-read version when it has one", async () => {
    const reply = await ask("护理补贴怎么申请");
    expect(reply.view.easyRead?.lines.length).toBeGreaterThan(2);
    expect(reply.view.easyRead?.href).toBe("/policies/nursing-allowance-guide#easy-read-heading");
  });

  it("owns up to what the passages do not say", async () => {
    const reply = await ask("坐轮椅的人去盲人电影院看电影方便吗，有没有轮椅位");
    expect(reply.grounded).toBe(true);
    expect(reply.view.caveat).toContain("轮椅");
    expect(reply.answer).toContain("0763-3362221");
  });
});

describe("the issue's examples", () => {
  it.each([
    ["我妈瘫痪在床好几年了，是一级残疾，每个月能领护理补贴吗", "护理补贴"],
    ["视障图书馆借书要办什么证", "借阅证"],
    ["想借个放大镜之类的辅具", "借用"],
    ["家里老人中风走路不稳，想申请个助行器", "辅"],
    ["残急人两项补帖怎么申情", "乡镇"],
    ["殘疾人證怎麼辦理", "评定"],
  ])("answers %s", async (q, word) => {
    const reply = await ask(q);
    expect(reply.grounded).toBe(true);
    expect(reply.answer).toContain(word);
  });

  it("refuses 残疾人奥运会下一届在哪里举办 instead of giving the Federation's address", async () => {
    const reply = await ask("残疾人奥运会下一届在哪里举办");
    expect(reply.grounded).toBe(false);
    expect(reply.answer).not.toContain("凤鸣路");
  });
});

describe("the first sentence answers what is asked", () => {
  const askAfter = async (earlier: string, question: string, locale: "zh-CN" | "en" = "zh-CN") => {
    const first = await askAssistant({ question: earlier, locale }, { index, chatModel: null });
    return askAssistant({ question, locale }, { index, chatModel: null, history: [first.turn] });
  };

  it("keeps a section's short closing note with its list: the steps to book, then 遇到困难，可以打电话", async () => {
    const reply = await ask("盲人电影院怎么预约？我不太会用手机");
    expect(reply.view.points.length).toBeGreaterThanOrEqual(3);
    expect(reply.answer).toContain("可以打电话请工作人员帮忙预约");
  });

  it("answers 借阅证要带什么 from the section headed for the materials, though it never says 借阅证", async () => {
    const reply = await ask("借阅证要带什么");
    expect(reply.view.lead).toContain("残疾人证或身份证件");
    expect(reply.citations[0].url).toBe("/policies/visually-impaired-library-guide#s-2");
  });

  it("answers 要本人去吗 with the sentence that says who may apply for the person (由监护人代为申请)", async () => {
    const reply = await askAfter("残疾证去哪里办", "要本人去吗？我爸是智力残疾，自己说不明白");
    expect(reply.view.lead).toContain("监护人代为申请");
  });

  it("leads a question for a formula with the passage that states it, cited first", async () => {
    const reply = await ask("用人单位的残保金按什么公式计算");
    expect(reply.view.lead).toContain("平均工资");
    expect(reply.citations[0].url).toBe("/policies/employment-security-fund#s-2");
  });

  it("leads a follow-up with the sentence that says what it asks, not the one repeating the earlier topic", async () => {
    const reply = await askAfter("视障图书馆是做什么的", "要拿什么证件过去");
    expect(reply.view.lead).toMatch(/^一般带上残疾人证或身份证件/);
  });

  it("leads with what a deferring sentence qualifies: 一般带上… before 要带哪些材料，以…为准", async () => {
    const reply = await askAfter("视障图书馆设在哪里", "去那边办借阅证要带什么");
    expect(reply.view.lead).toBe("一般带上残疾人证或身份证件。要带哪些材料，以图书馆工作人员告知为准。");
  });

  it("answers what a long story asks at its end from the section headed for it, even when the search missed that section", async () => {
    const reply = await ask("我妈今年78了，白内障做过手术还是看不太清，平时在家闷得慌想听听书。听邻居说清远有个给看不见的人看书的地方，还可以办证。她去的话要带什么？");
    expect(reply.grounded).toBe(true);
    expect(reply.view.lead).toMatch(/^一般带上残疾人证或身份证件/);
    expect(reply.citations[0]).toMatchObject({ title: expect.stringContaining("需要带什么材料") });
  });

  it.each(["残联的电话是多少", "残联的电化是多少"])("answers %s with the phone number, not the address or the line after the list", async (q) => {
    const reply = await ask(q);
    expect(reply.view.lead).toContain("0763-3362221");
    expect(reply.view.lead).not.toMatch(/^以上/);
  });

  it("answers 去哪儿申请 with the sentence that names the office, not one that repeats the topic or cites a law", async () => {
    const reply = await askAfter("我爸坐轮椅，家里想装扶手改厕所，有补贴吗", "那要去哪儿申请");
    expect(reply.view.lead).toMatch(/^户籍地县（市、区）残联/);
  });

  it("answers 找谁报名 with the office (去哪里办), not the phone section", async () => {
    const reply = await askAfter("想学点手艺，残联办不办培训班", "找谁报名");
    expect([reply.view.lead, ...reply.view.points].join("\n")).toContain("户籍地县（市、区）残联");
    expect(reply.citations[0].title).toContain("去哪里办");
  });

  it("answers a follow-up for the cost with what it costs, not with the earlier question's kind of fact", async () => {
    // The earlier question asks a duration (有效期); "要不要钱" asks whether it is free.
    const reply = await askAfter("残疾证有效期是几年", "换一本新的要不要钱");
    expect(reply.view.lead).toMatch(/^残疾人证本身不收费，换领也免费/);
    expect(reply.view.lead).not.toContain("公示");
  });

  it.each(["盲人坐公交车要钱吗", "盲人坐地铁要钱吗"])("answers 那聋人呢 after %s from the section for other people, not the blind people's", async (earlier) => {
    const reply = await askAfter(earlier, "那聋人呢");
    expect(reply.view.lead).not.toMatch(/^[^。]*盲人持有效证件/);
    expect(reply.citations[0].url).toBe("/policies/blind-bus-faq#s-2");
  });

  it("leads with every clause of the line that answers, never ending on a semicolon", async () => {
    const reply = await askAfter("残疾人证去哪办", "多长时间能办下来");
    expect(reply.view.lead).toMatch(/公示5个工作日；公示后县级残联10个工作日内审核发证/);
    expect(reply.view.lead).not.toMatch(/[；;]$/);
  });

  it("states the rule when one benefit is asked about and the answer is not a plain yes", async () => {
    const reply = await ask("四级听力残疾可以申请护理补贴吗");
    expect(reply.view.eligibility).toBeDefined();
    expect(reply.view.rule?.text).toContain("一级或二级");
  });

  it("gives an English reader the Chinese lead of the section that answers beside the English summary", async () => {
    const reply = await ask("Where do I apply for the nursing allowance?", "en");
    expect(reply.view.lead).toMatch(/in Chinese\): .*\p{Script=Han}/u);
  });

  it("answers where a place is first when the question asks more after it (在哪里，怎么过去，有没有人接)", async () => {
    const reply = await ask("盲人电影院在哪里，怎么过去，有没有人接");
    expect(reply.view.lead).toContain("粤北区域中心");
  });

  it("leads a bare contact line with itself, not run into the next line (邮政地址：…1号 without 电子邮箱)", async () => {
    const reply = await ask("残联地址在哪");
    expect(reply.view.lead).toContain("凤鸣路1号");
    expect(reply.view.lead).not.toContain("电子邮箱");
  });

  it("answers 这个是哪个法规规定的？第几条？ after a question with the law and article that say it", async () => {
    const first = await ask("配基本的辅助器具国家有补贴吗？");
    const reply = await askAssistant({ question: "这个是哪个法规规定的？第几条？", locale: "zh-CN" }, { index, chatModel: null, history: [first.turn] });
    expect(reply.view.lead).toMatch(/《残疾预防和残疾人康复条例》第二十六条/);
    expect(reply.answer).not.toContain("没有提到：法规");
  });

  it("answers a long story asking for audiobooks and large print with the library, never saying the corpus lacks 听的书", async () => {
    const reply = await ask(
      "我是低视力，看书要把字放得很大，手机也调到最大字号还是吃力。清远有没有地方可以借那种听的书，或者字特别大的书？要办什么卡吗",
    );
    expect(reply.status).toBe("answered");
    expect(reply.answer).toContain("视障图书馆");
    expect(reply.answer).toContain("借阅证");
    expect(reply.answer).not.toMatch(/没有找到关于“(听的书|字特别大的书)”/);
    expect(reply.answer).not.toContain("没有提到：地方");
  });

  it("leads with the item of a list that answers, and gives the rest of the list after it (读书有什么费用可以减免)", async () => {
    const first = await ask("我儿子有残疾证，在县城读初二，平时住校");
    const reply = await askAssistant({ question: "读书有没有什么费用可以减免或者补助？", locale: "zh-CN" }, { index, chatModel: null, history: [first.turn] });
    expect(reply.view.lead).not.toMatch(/[：:]$/);
    expect(`${reply.view.lead}${reply.view.points.join("")}`).toMatch(/教科书/);
    expect(`${reply.view.lead}${reply.view.points.join("")}`).toMatch(/寄宿生活费/);
  });

  it("answers a deadline with its date, and a short lead takes no sentence about the page (本页是…摘要)", async () => {
    const reply = await ask("残联那个巡察整改的通报公示到几号截止");
    expect(reply.view.lead).toContain("11月16日");
    expect(reply.view.lead).not.toContain("本页");
  });

  it.each(["残疾证怎么办理", "怎么办残疾证"])("answers %s with the steps of a first application, not a renewal or a move", async (question) => {
    const reply = await ask(question);
    expect(`${reply.view.lead}${reply.view.points.join("")}`).toMatch(/提出申请/);
    expect(reply.view.lead).not.toMatch(/迁移|换领/);
  });

  it("answers an age question with the sentence that states an age (0至6岁), not one about widening the range", async () => {
    const reply = await ask("康复救助多大的孩子可以申请");
    expect(`${reply.view.lead}${reply.view.points.join("")}`).toContain("0至6岁");
  });

  it("answers both things a question asks of one service: the lead's list, then the other section's start", async () => {
    const reply = await ask("护理补贴在哪里申请，要带什么材料");
    expect(reply.view.points.join("")).toContain("身份证");
    // (The materials section's closing note comes first, with its list; then the other section's start.)
    const where = reply.view.also?.find((part) => part.lead.includes("户籍所在地的乡镇人民政府（街道办事处）窗口"));
    expect(where).toBeDefined();
    const source = reply.view.passages.find((p) => p.n === where?.source);
    expect(source?.title).toContain("去哪里办");
    expect(reply.answer).toContain("户籍所在地的乡镇人民政府");
  });

  it("answers a service's aspects from the service's own guide, not one whose list mentions it (残疾证去哪办 要带啥)", async () => {
    const reply = await ask("残疾证去哪办啊 要带啥东西");
    expect(reply.view.passages[0].title).toContain("残疾人证办事指南");
    expect(reply.view.points.join("")).toContain("户口本");
  });

  it("reads booking words as the corpus's 预约", async () => {
    const reply = await ask("无障碍电影要怎么订座");
    expect(reply.grounded).toBe(true);
    expect(reply.answer).toContain("预约");
  });
});

describe("questions for a sum the corpus does not state", () => {
  it("reads 能领多少 as asking for an amount, and says the corpus does not state it instead of listing who qualifies", async () => {
    const reply = await ask("我能领多少重度残疾人护理补贴");
    expect(reply.grounded).toBe(false);
    expect(reply.view.lead).toContain("没有写明具体金额");
    expect(reply.answer).toContain("0763-3362221");
  });

  it("says so for a subsidy's monthly sum even when the question only names the subsidy (护理补贴一个月多少钱)", async () => {
    const reply = await ask("护理补贴一个月多少钱");
    expect(reply.grounded).toBe(false);
    expect(reply.view.lead).toContain("没有写明具体金额");
    expect(reply.citations.length).toBeGreaterThan(0);
  });

  it("answers a time limit from the section that says the question's words and states it, not the guide's 要多久 section", async () => {
    const reply = await ask("收到结果多少天内可以申请重评？");
    expect(reply.view.lead).toMatch(/^收到评定结果后10个工作日内/);
    expect(reply.citations[0].url).toBe("/policies/disability-certificate-guide#s-4-2");
  });

  it("answers a question about one case of a procedure (重新评定) from that case's section, without the first case's office or times", async () => {
    const reply = await ask("依据《中华人民共和国残疾人证管理办法》，申请人对残疾评定结果有异议的，申请重新评定的期限及受理机关分别为何？");
    expect(reply.grounded).toBe(true);
    expect(reply.view.lead).toMatch(/^收到评定结果后10个工作日内，可以向市级残联申请重新评定/);
    expect(reply.view.also ?? []).toEqual([]);
    // 期限 and 受理机关 name what is asked; the lead states both, so nothing is owned up to as unsaid.
    expect(reply.answer).not.toContain("没有提到");
  });

  it("never owns up to a question word as unsaid (由谁来决定 answered by 由县级教育部门…决定)", async () => {
    const first = await ask("孩子脑瘫，我们想让他去家门口的普通小学读书");
    const reply = await askAssistant({ question: "我们家长不同意的话，最后由谁来决定？", locale: "zh-CN" }, { index, chatModel: null, history: [first.turn] });
    expect(reply.view.lead).toContain("县级教育部门");
    expect(reply.answer).not.toContain("没有提到：由谁来");
  });

  it("answers who may go in the family's place, without owning up to the relative as unsaid (奶奶能帮忙去办吗)", async () => {
    const first = await ask("残疾儿童康复救助要向哪里申请");
    const reply = await askAssistant({ question: "孩子爸妈都在深圳打工，奶奶能帮忙去办吗？", locale: "zh-CN" }, { index, chatModel: null, history: [first.turn] });
    expect(reply.view.lead).toContain("委托他人");
    expect(reply.answer).not.toContain("没有提到");
  });

  it("reads a deaf-mute man taken by the police as a criminal suspect, who must be assigned a lawyer (指派律师)", async () => {
    const first = await ask("我哥是聋哑人，昨天被派出所带走了，说涉嫌盗窃");
    expect(first.view.lead).toContain("指派律师");
    const reply = await askAssistant({ question: "家里请不起律师，会不会给他派一个？", locale: "zh-CN" }, { index, chatModel: null, history: [first.turn] });
    expect(reply.view.lead).toContain("指派律师");
  });

  it("answers where a student away from home may get a certificate (在读书的城市 → 经常居住地, 跨省通办)", async () => {
    const reply = await ask("我户口在清远，在外省读大学，能在读书的城市办残疾证吗");
    expect(reply.view.lead).toContain("跨省通办");
  });

  it("reads 这样的话 as going on from the conversation: the levy's formula after a company of 120 with no disabled staff", async () => {
    const first = await ask("我是公司行政，我们在清远有120个员工");
    const second = await askAssistant({ question: "现在一个残疾员工都没有", locale: "zh-CN" }, { index, chatModel: null, history: [first.turn] });
    const reply = await askAssistant({ question: "这样的话一年大概要交多少？是怎么算出来的", locale: "zh-CN" }, { index, chatModel: null, history: [first.turn, second.turn] });
    expect(reply.grounded).toBe(true);
    expect(reply.answer).toContain("年平均工资");
  });

  it("never lists another service's materials under a case that names none (残疾证换领要带什么材料)", async () => {
    const reply = await ask("残疾证换领要带什么材料");
    expect(reply.view.lead).toContain("换领");
    expect(reply.view.points.join("")).not.toContain("银行账户");
  });

  it("keeps a family that holds a certificate on the grading guide when it asks about the grading (评轻了, then 多少天内重评)", async () => {
    const first = await ask("我妈评了肢体四级，我们觉得评轻了");
    const reply = await askAssistant({ question: "收到结果多少天内可以申请重评？", locale: "zh-CN" }, { index, chatModel: null, history: [first.turn] });
    expect(reply.view.lead).toMatch(/^收到评定结果后10个工作日内/);
    expect(reply.answer).not.toContain("帮你办补贴");
  });

  it("answers what a service costs with the passage that says it is free (残疾证办下来要多少钱)", async () => {
    const reply = await ask("残疾证办下来要多少钱");
    expect(reply.grounded).toBe(true);
    expect(reply.answer).toContain("不收费");
  });

  it("still answers how many chapters a law has", async () => {
    const reply = await ask("无障碍环境建设法有多少条");
    expect(reply.view.lead).not.toContain("没有写明具体金额");
  });
});

describe("what happened in the case", () => {
  it("weighs an event an earlier turn told (去世) like the question's strongest word, its glossary variants too", () => {
    const terms = withCaseEvents([{ term: "补贴", weight: 2 }, { term: "继续", weight: 4 }, { term: "去世", weight: 1 }], ["去世"]);
    const sentence = (s: string) => scoreSentence(s, terms);
    expect(sentence("正在服刑或已经去世的，不再符合条件，补贴停发。")).toBeGreaterThan(sentence("要继续领取补贴，残疾人证必须在有效期内。"));
    expect(terms.some((t) => t.term === "过世")).toBe(true);
    expect(withCaseEvents(terms, [])).toBe(terms);
  });
});

describe("a first sentence that names what is asked", () => {
  it("says the sentence under its section's name when the question asks for a body the sentence does not name (有没有聋人协会)", async () => {
    const reply = await ask("清远有没有聋人协会？家属可以参加吗？");
    expect(reply.view.lead.startsWith("清远市聋人协会")).toBe(true);
    // (A heading that is no name, "要多久、收不收费", is never put before a sentence.)
    const time = await ask("残疾人证的有效期是多久？");
    expect(time.view.lead).not.toMatch(/^要多久/);
  });
});

describe("a question about expiry", () => {
  it("is answered with how long the certificate is valid (是不是快到期了 → 有效期10年)", async () => {
    const reply = await ask("我的残疾证是不是快到期了？");
    expect(reply.view.lead).toContain("10年");
  });
});

describe("everyday words for a small business", () => {
  it("reads 开个小卖部 as self-employment (个体经营): its tax relief and the fees it is spared", async () => {
    const reply = await ask("残疾人自己开个小卖部，能免哪些费？税有优惠吗");
    expect(reply.view.lead).toContain("个体经营");
    expect(reply.view.lead).toContain("税收优惠");
  });
});
