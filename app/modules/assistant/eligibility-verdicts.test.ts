import { prefillAnswers, schemeVerdict, verdictsFor, type SchemeVerdict } from "./eligibility-verdicts";
import { extractFacts, type StatedFacts } from "./stated-facts";

const verdicts = (question: string, asked: Parameters<typeof verdictsFor>[1] = "all") =>
  Object.fromEntries(verdictsFor(extractFacts(question), asked).map((v) => [v.scheme, v])) as Record<string, SchemeVerdict | undefined>;

describe("the rules on what a question said", () => {
  it("二级肢体 + 低保: the living allowance, and the nursing allowance once long-term care is known", () => {
    const v = verdicts("我是二级肢体残疾，低保家庭，能领什么补贴？");
    expect(v.livingAllowance?.verdict).toBe("likely");
    expect(v.livingAllowance?.reasons).toEqual(["living.dibao"]);
    expect(v.nursingAllowance?.verdict).toBe("depends");
    expect(v.nursingAllowance?.unknown).toEqual(["care"]);
    expect(v.nursingAllowance?.byValue.map((b) => [b.value, b.verdict])).toEqual([
      ["yes", "likely"],
      ["no", "not"],
    ]);
    // An adult's question does not list child rehabilitation.
    expect(v.childRehab).toBeUndefined();
  });

  it("takes the most severe of a multiple disability's grades, and says so with the rule's article", () => {
    const v = verdicts("我听力二级、肢体三级，是多重残疾，要人长期照顾，能领重度残疾人护理补贴吗？", ["nursingAllowance"]);
    expect(v.nursingAllowance?.verdict).toBe("likely");
    expect(v.nursingAllowance?.notes).toContain("grade.mostSevere");
    expect(v.nursingAllowance?.sources).toContainEqual({ docId: "disability-certificate-rules", anchor: "art-13" });
    // Two grades of one disability are still a doubt between them.
    expect(verdicts("我是肢体二级还是三级记不清了，要人长期照顾", ["nursingAllowance"]).nursingAllowance?.verdict).toBe("depends");
  });

  it.each<[string, Parameters<typeof verdictsFor>[1], Record<string, SchemeVerdict["verdict"]>]>([
    ["我妈瘫痪在床，一级残疾，能领护理补贴吗", ["nursingAllowance"], { nursingAllowance: "likely" }],
    ["一级智力残疾，不是低保，需要人照顾", "all", { livingAllowance: "not", nursingAllowance: "likely" }],
    ["四级视力残疾，低保家庭", "all", { livingAllowance: "likely", nursingAllowance: "not" }],
    ["三级智力残疾能领护理补贴吗", ["nursingAllowance"], { nursingAllowance: "local" }],
    ["三级精神残疾，低收入家庭", "all", { livingAllowance: "local", nursingAllowance: "local" }],
    ["三级肢体残疾，低保，需要长期照护", ["nursingAllowance"], { nursingAllowance: "not", livingAllowance: "likely" }],
    ["没有残疾证，瘫痪在床", "all", { livingAllowance: "not", nursingAllowance: "not" }],
    ["残疾证过期了，二级，低保", "all", { livingAllowance: "confirm", nursingAllowance: "confirm" }],
    ["孩子三岁，听力残疾，低保户", "all", { livingAllowance: "likely", nursingAllowance: "depends", childRehab: "likely" }],
    ["孩子三岁，听力残疾", ["childRehab"], { childRehab: "depends" }],
    ["我儿子8岁，自闭症，能申请康复救助吗", ["childRehab"], { childRehab: "local" }],
    ["女儿五岁，精神残疾，低保", ["childRehab"], { childRehab: "local" }],
  ])("%s → %j", (question, asked, expected) => {
    const v = verdicts(question, asked);
    for (const [scheme, verdict] of Object.entries(expected)) expect(v[scheme]?.verdict, scheme).toBe(verdict);
  });

  it("says what a verdict still depends on, and only what changes it", () => {
    const v = verdicts("孩子三岁，听力残疾", ["childRehab"]).childRehab;
    expect(v?.unknown).toEqual(["income"]);
    expect(v?.byValue.find((b) => b.value === "dibao")?.verdict).toBe("likely");
    // Nothing known about the disability: grade, category (三、四级智力/精神 is local) and care all matter.
    expect(schemeVerdict("nursingAllowance", { income: "dibao" })?.unknown).toEqual(["grade", "category", "care"]);
    // A grade 3 physical disability is not eligible whatever the care: care is not asked.
    expect(schemeVerdict("nursingAllowance", { grades: ["3"], category: "physical" })).toMatchObject({ verdict: "not", unknown: [] });
  });

  it("one of 一级 or 二级 (重度) decides like either", () => {
    expect(schemeVerdict("nursingAllowance", { grades: ["1", "2"], care: "yes" })?.verdict).toBe("likely");
    expect(schemeVerdict("nursingAllowance", { grades: ["2", "3"], category: "physical", care: "yes" })?.unknown).toEqual(["grade"]);
  });

  it("every verdict rests on corpus sections, and a person living away is told where to apply", () => {
    for (const v of verdictsFor(extractFacts("二级肢体，低保"), "all")) expect(v.sources.length).toBeGreaterThan(0);
    const away = schemeVerdict("livingAllowance", extractFacts("我在广西打工，户口在清远，低保家庭，有残疾证"));
    expect(away).toMatchObject({ verdict: "likely", notes: ["subsidy.applyAtHukou"] });
    expect(away?.sources).toContainEqual({ docId: "living-allowance-guide", anchor: "s-3" });
    expect(schemeVerdict("livingAllowance", extractFacts("低保家庭"))?.notes).toEqual([]);
    expect(schemeVerdict("livingAllowance", extractFacts("低保家庭，外地户口"))?.notes).toEqual(["subsidy.applyAtHukou"]);
  });

  it("takes a certificate for granted only when the question did not say", () => {
    expect(schemeVerdict("livingAllowance", { income: "dibao" })?.assumesCertificate).toBe(true);
    expect(schemeVerdict("livingAllowance", { income: "dibao", certificate: "yes" })?.assumesCertificate).toBe(false);
  });

  it("names other benefits the person likely qualifies for, not those they do not", () => {
    const asked = verdictsFor(extractFacts("一级肢体，低保，需要人照顾，能领护理补贴吗"), ["nursingAllowance"]);
    expect(asked.map((v) => v.scheme)).toEqual(["nursingAllowance", "livingAllowance"]);
    const notOthers = verdictsFor(extractFacts("一级肢体，不是低保，需要人照顾，能领护理补贴吗"), ["nursingAllowance"]);
    expect(notOthers.map((v) => v.scheme)).toEqual(["nursingAllowance"]);
  });
});

describe("the step-by-step check prefilled from the facts", () => {
  it.each<[StatedFacts, object]>([
    [extractFacts("我是二级肢体残疾，低保家庭，需要人照顾，户口在清远"), { grade: "2", category: "physical", income: "dibao", care: "yes", residence: "qingyuan" }],
    [extractFacts("重度残疾，孩子四岁"), { age: "under7" }],
    [extractFacts("没有残疾证"), { certificate: "no" }],
  ])("%j", (facts, expected) => {
    expect(prefillAnswers(facts)).toEqual(expected);
  });
});
