import { aboutChild, extractFacts, mergeFacts, statesDecisiveFact, withoutFacts, type StatedFacts } from "./stated-facts";

/** Each row: a question, and the facts it must state (other facts may be stated too unless listed as absent). */
const cases: Array<[string, StatedFacts]> = [
  // Grades: Chinese and Arabic numerals, groups, severity words, English.
  ["我是二级肢体残疾，低保家庭，能领什么补贴？", { grades: ["2"], category: "physical", income: "dibao", subject: "self" }],
  ["我妈瘫痪在床好几年了，是一级残疾，每个月能领护理补贴吗", { grades: ["1"], category: "physical", care: "yes", subject: "parent", age: "adult" }],
  ["精神残疾二级，家里是低保，两项补贴都能申请吗", { grades: ["2"], category: "mental", income: "dibao" }],
  // An age passed or not yet reached: "过了6岁" is older than six, "不到7岁" younger than seven.
  ["过了6岁还能接着享受吗？", { age: "7to17" }],
  ["孩子不到7岁，能申请康复救助吗", { age: "under7", subject: "child" }],
  // A low income that is not 低保: whether it counts is the local rules' to say.
  ["四级肢体残疾，家里收入很低但没评上低保，能领困难残疾人生活补贴吗", { grades: ["4"], category: "physical", income: "lowIncome" }],
  ["残疾等级是3级的听力残疾", { grades: ["3"], category: "hearing" }],
  ["一、二级残疾需要人照顾的能领护理补贴吗", { grades: ["1", "2"], care: "yes" }],
  ["一级或二级的重度残疾人", { grades: ["1", "2"] }],
  ["三级或四级精神残疾可以吗", { grades: ["3", "4"], category: "mental" }],
  ["一到三级都算吗", { grades: ["1", "2", "3"] }],
  ["重度残疾，离不开人", { grades: ["1", "2"], care: "yes" }],
  ["我儿子智力残疾一级，十九岁了，在家没人照顾不行", { grades: ["1"], category: "intellectual", care: "yes", subject: "child", age: "adult" }],
  ["身边不能离人，得有人看着", { care: "yes" }],
  ["户口在英德，视力一级", { grades: ["1"], category: "visual", residence: "qingyuan" }],
  ["肢体贰级", { grades: ["2"], category: "physical" }],
  ["I have a grade 2 physical disability and my family gets dibao.", { grades: ["2"], category: "physical", income: "dibao", subject: "self" }],
  ["My mum is bedridden, grade one, can she get the nursing allowance?", { grades: ["1"], care: "yes", subject: "parent", age: "adult" }],
  ["level 1 or 2 visually impaired", { grades: ["1", "2"], category: "visual" }],
  ["second-grade hearing disability", { grades: ["2"], category: "hearing" }],
  ["severely disabled and needs full-time care", { grades: ["1", "2"], care: "yes" }],
  // Categories in everyday words.
  ["我是盲人，眼睛看不见", { category: "visual", subject: "self" }],
  ["我老爸耳聋好多年了", { category: "hearing" }],
  ["孩子不会说话", { category: "speech", subject: "child" }],
  ["家里老人中风走路不稳", { category: "physical", age: "adult" }],
  ["截肢以后一直坐轮椅", { category: "physical" }],
  ["他出车祸腿没了", { category: "physical" }],
  ["去年摔伤，左腿截掉了", { category: "physical" }],
  ["我老公腿没了，孩子还在上学", { category: "physical", subject: "spouse", age: "adult" }],
  ["我老公在家躺着，工作也丢了", { care: "yes", income: "unsure", subject: "spouse" }],
  ["儿子是唐氏宝宝", { category: "intellectual", subject: "child" }],
  ["她有精神分裂", { category: "mental" }],
  ["我儿子8岁，自闭症", { category: "autism", age: "7to17", subject: "child" }],
  ["视力和听力都有残疾", { category: "multiple" }],
  ["my son is 5 and autistic", { category: "autism", age: "under7", subject: "child" }],
  ["my dad had a stroke and uses a wheelchair", { category: "physical", subject: "parent", age: "adult" }],
  ["deaf since birth", { category: "hearing" }],
  ["I'm grade 3 physical, not on dibao", { category: "physical", grades: ["3"], income: "neither" }],
  ["Grade 2 hearing, low-income family", { category: "hearing", grades: ["2"], income: "lowIncome" }],
  ["a mental disability, grade two", { category: "mental", grades: ["2"] }],
  ["她需要人看着", { care: "yes" }],
  ["he needs someone with him all the time", { care: "yes" }],
  // 低保 and income.
  ["我们家吃低保", { income: "dibao" }],
  ["不是低保，是低收入家庭，三级智力残疾", { income: "lowIncome", grades: ["3"], category: "intellectual" }],
  ["家里没有低保", { income: "neither" }],
  ["低保被取消了", { income: "neither" }],
  ["我们是特困户", { income: "unsure" }],
  ["we are not on dibao", { income: "neither" }],
  ["a low-income family", { income: "lowIncome" }],
  // Age.
  ["孩子三岁半，听力残疾，低保户", { age: "under7", category: "hearing", income: "dibao", subject: "child" }],
  ["我今年58岁", { age: "adult" }],
  ["六十多岁的老人，听力二级", { age: "adult", grades: ["2"], category: "hearing" }],
  ["女儿十二岁了", { age: "7to17", subject: "child" }],
  ["孩子3岁时确诊，现在8岁了", { age: "7to17" }],
  ["宝宝10个月大", { age: "under7", subject: "child" }],
  ["女儿上小学", { age: "7to17", subject: "child" }],
  ["我爸退休了", { age: "adult", subject: "parent" }],
  ["a 4-year-old boy", { age: "under7" }],
  ["my daughter is aged 15", { age: "7to17", subject: "child" }],
  // Long-term care.
  ["他卧床三年了", { care: "yes" }],
  ["生活不能自理", { care: "yes" }],
  ["需要家人长期照顾", { care: "yes" }],
  ["他不需要人照顾，生活能自理，肢体二级", { care: "no", grades: ["2"], category: "physical" }],
  ["she can look after herself", { care: "no" }],
  ["he cannot look after himself", { care: "yes" }],
  // Certificate.
  ["没有残疾证能领生活补贴吗", { certificate: "no" }],
  ["还没办残疾人证", { certificate: "no" }],
  ["残疾证正在办理", { certificate: "applying" }],
  ["残疾证过期了还能领吗", { certificate: "applying" }],
  ["我有一级残疾证", { certificate: "yes", grades: ["1"] }],
  ["I don't have a disability certificate", { certificate: "no" }],
  // Household registration and living away.
  ["我是清远户口", { residence: "qingyuan" }],
  ["我是外地户口，在清远打工，肢体三级", { residence: "elsewhere", grades: ["3"], category: "physical" }],
  ["我在广西打工好多年了，户口在清远", { residence: "qingyuan", away: true }],
  ["我在外省打工，能申请两项补贴吗？", { away: true }],
  // Cantonese and other everyday forms.
  ["我老豆一级残疾，瘫咗喺床", { grades: ["1"], care: "yes", subject: "parent", age: "adult" }],
  ["我个仔五岁，自闭症，屋企低保", { age: "under7", category: "autism", income: "dibao", subject: "child" }],
  ["本人肢体三级，家庭困难", { category: "physical", grades: ["3"], income: "unsure" }],
  ["My grandmother is 85, bedridden, with a grade 1 disability certificate", { grades: ["1"], care: "yes", certificate: "yes", age: "adult" }],
];

describe("facts stated in a question", () => {
  it.each(cases)("%s", (question, expected) => {
    expect(extractFacts(question)).toMatchObject(expected);
  });

  it.each<[string, Array<keyof StatedFacts>]>([
    // Names that contain a category or care word say nothing about the person.
    ["盲人电影院在哪里", ["category"]],
    ["视障图书馆可以办借阅证吗", ["category"]],
    ["重度残疾人护理补贴要求残疾等级是几级？", ["grades", "care"]],
    ["清远市聋人协会成立了吗", ["category"]],
    ["护理补贴怎么申请", ["care"]],
    ["二级医院能做残疾评定吗", ["grades"]],
    ["残疾证怎么办理", ["certificate"]],
    // Masked numbers are never read as a grade or an age.
    ["我叫张三，身份证****************0518，残疾证号******************1842，能领生活补贴吗？", ["grades", "age", "category"]],
    ["手机138****5678，一级", ["age"]],
  ])("%s states no %j", (question, absent) => {
    const facts = extractFacts(question);
    for (const field of absent) expect(facts[field], field).toBeUndefined();
  });

  it("reads full-width digits and letters", () => {
    expect(extractFacts("肢体２级，ｇｒａｄｅ")).toMatchObject({ grades: ["2"], category: "physical" });
  });

  it("leaves what the question asks once its facts are taken out", () => {
    const rest = withoutFacts("我是二级肢体残疾，低保家庭，能领什么补贴？");
    expect(rest).not.toMatch(/二级|肢体|低保/);
    expect(rest).toContain("补贴");
  });
});

describe("the facts of a conversation", () => {
  it("adds and corrects facts turn by turn", () => {
    const first = extractFacts("我是二级肢体残疾，低保家庭");
    const merged = mergeFacts(first, extractFacts("需要人照顾"));
    expect(merged).toMatchObject({ grades: ["2"], category: "physical", income: "dibao", care: "yes" });
    expect(mergeFacts(merged, extractFacts("不对，是三级"))).toMatchObject({ grades: ["3"], income: "dibao" });
  });

  it("starts afresh when a question is about someone else and says something of them", () => {
    const self = extractFacts("我是一级肢体残疾，低保家庭");
    const child = mergeFacts(self, extractFacts("我儿子5岁，自闭症"));
    expect(child).toEqual({ category: "autism", age: "under7", subject: "child" });
    // Naming someone without saying anything about them keeps the facts.
    expect(mergeFacts(self, extractFacts("我妈妈问的"))).toMatchObject({ grades: ["1"], income: "dibao" });
  });

  it("knows which facts can decide a benefit", () => {
    expect(statesDecisiveFact(extractFacts("我在外省打工，能申请两项补贴吗？"))).toBe(false);
    expect(statesDecisiveFact(extractFacts("我今年58岁"))).toBe(false);
    expect(statesDecisiveFact(extractFacts("孩子5岁"))).toBe(true);
    expect(statesDecisiveFact(extractFacts("一级残疾"))).toBe(true);
    expect(aboutChild(extractFacts("自闭症"))).toBe(true);
    expect(aboutChild(extractFacts("我妈是自闭症"))).toBe(false);
    expect(aboutChild(extractFacts("我今年30岁，自闭症"))).toBe(false);
  });
});
