import { getDocument } from "~/modules/content/corpus.server";
import {
  checkEligibility,
  childRehab,
  firstMissingStep,
  livingAllowance,
  nursingAllowance,
  rules,
  schemeForTerms,
  type EligibilityAnswers,
} from "./eligibility";

const base: EligibilityAnswers = {
  certificate: "yes",
  category: "physical",
  grade: "1",
  age: "adult",
  income: "dibao",
  care: "yes",
  residence: "qingyuan",
};
const a = (over: Partial<EligibilityAnswers>): EligibilityAnswers => ({ ...base, ...over });

describe("every rule rests on a section of the corpus", () => {
  it.each(Object.entries(rules))("%s", (_id, rule) => {
    expect(rule.sources.length).toBeGreaterThan(0);
    for (const { docId, anchor } of rule.sources) {
      const doc = getDocument(docId);
      expect(doc, docId).toBeDefined();
      expect(doc?.sections.map((s) => s.anchor)).toContain(anchor);
    }
  });
});

describe("困难残疾人生活补贴", () => {
  it.each<[Partial<EligibilityAnswers>, string, string]>([
    [{ certificate: "no" }, "not", "living.noCertificate"],
    [{ certificate: "applying" }, "ask", "living.certificatePending"],
    [{ income: "dibao" }, "likely", "living.dibao"],
    [{ income: "lowIncome" }, "ask", "living.lowIncome"],
    [{ income: "unsure" }, "ask", "living.incomeUnsure"],
    [{ income: "neither" }, "not", "living.notDibao"],
  ])("%o → %s (%s)", (over, outcome, reason) => {
    const r = livingAllowance(a(over));
    expect(r.outcome).toBe(outcome);
    expect(r.reasons[0]).toBe(reason);
    expect(r.decides).toBe("civilAffairs");
    expect(r.applyAt).toBe("township");
    expect(r.sources.length).toBeGreaterThan(0);
  });

  it("adds where to apply for a household registered outside Qingyuan, without changing the outcome", () => {
    const r = livingAllowance(a({ residence: "elsewhere" }));
    expect(r.outcome).toBe("likely");
    expect(r.reasons).toContain("subsidy.applyAtHukou");
    expect(r.sources).toContainEqual({ docId: "living-allowance-guide", anchor: "s-3" });
    expect(livingAllowance(a({ residence: "unsure" })).reasons).toContain("subsidy.applyAtHukou");
  });
});

describe("重度残疾人护理补贴", () => {
  it.each<[Partial<EligibilityAnswers>, string, string]>([
    [{ certificate: "no" }, "not", "nursing.noCertificate"],
    [{ certificate: "applying" }, "ask", "nursing.certificatePending"],
    [{ grade: "1", care: "yes" }, "likely", "nursing.severeWithCare"],
    [{ grade: "2", care: "yes", income: "neither" }, "likely", "nursing.severeWithCare"],
    [{ grade: "2", care: "no" }, "not", "nursing.severeNoCare"],
    [{ grade: "1", care: "unsure" }, "ask", "nursing.severeCareUnsure"],
    [{ grade: "3", category: "intellectual" }, "ask", "nursing.grade34IntellectualMental"],
    [{ grade: "4", category: "mental" }, "ask", "nursing.grade34IntellectualMental"],
    [{ grade: "3", category: "unsure" }, "ask", "nursing.grade34IntellectualMental"],
    [{ grade: "3", category: "physical" }, "not", "nursing.notSevere"],
    [{ grade: "4", category: "visual" }, "not", "nursing.notSevere"],
    [{ grade: "unsure" }, "ask", "nursing.gradeUnsure"],
    [{ grade: "none" }, "ask", "nursing.gradeUnsure"],
  ])("%o → %s (%s)", (over, outcome, reason) => {
    const r = nursingAllowance(a(over));
    expect(r.outcome).toBe(outcome);
    expect(r.reasons[0]).toBe(reason);
    expect(r.decides).toBe("civilAffairs");
  });

  it("does not ask about 低保 (the nursing allowance has no means test)", () => {
    expect(nursingAllowance(a({ income: "neither" })).outcome).toBe("likely");
  });
});

describe("残疾儿童康复救助", () => {
  it("does not apply to adults", () => {
    expect(childRehab(a({ age: "adult" }))).toBeNull();
    expect(checkEligibility(a({ age: "adult" })).map((r) => r.scheme)).toEqual(["livingAllowance", "nursingAllowance"]);
  });

  it.each<[Partial<EligibilityAnswers>, string, string]>([
    [{ age: "under7", category: "autism", income: "dibao" }, "likely", "child.covered"],
    [{ age: "under7", category: "hearing", income: "lowIncome" }, "likely", "child.covered"],
    [{ age: "under7", category: "physical", income: "neither" }, "ask", "child.meansLocal"],
    [{ age: "under7", category: "speech", income: "unsure" }, "ask", "child.meansLocal"],
    [{ age: "under7", category: "mental" }, "ask", "child.categoryCheck"],
    [{ age: "under7", category: "multiple" }, "ask", "child.categoryCheck"],
    [{ age: "under7", category: "unsure" }, "ask", "child.categoryCheck"],
    [{ age: "7to17", category: "autism" }, "ask", "child.ageLocal"],
  ])("%o → %s (%s)", (over, outcome, reason) => {
    const r = childRehab(a(over));
    expect(r?.outcome).toBe(outcome);
    expect(r?.reasons[0]).toBe(reason);
    expect(r?.decides).toBe("countyFederation");
    expect(r?.applyAt).toBe("countyFederation");
  });

  it("does not need a disability certificate, and notes where to apply from outside Qingyuan", () => {
    const r = childRehab(a({ age: "under7", certificate: "no", category: "autism", residence: "elsewhere" }));
    expect(r?.outcome).toBe("likely");
    expect(r?.reasons).toContain("child.applyWhereRegistered");
  });
});

describe("the guided form's order and the chat's scheme", () => {
  it("names the first unanswered step", () => {
    expect(firstMissingStep({})).toBe("certificate");
    expect(firstMissingStep({ certificate: "yes", category: "visual" })).toBe("category");
    expect(firstMissingStep({ certificate: "yes", category: "visual", grade: "2" })).toBe("age");
    expect(firstMissingStep(base)).toBeNull();
  });

  it("finds the scheme from glossary terms or the top document", () => {
    expect(schemeForTerms(["重度残疾人护理补贴"], [])).toBe("nursingAllowance");
    expect(schemeForTerms(["困难残疾人生活补贴"], [])).toBe("livingAllowance");
    expect(schemeForTerms(["残疾儿童康复救助"], [])).toBe("childRehab");
    expect(schemeForTerms(["两项补贴"], [])).toBe("livingAllowance");
    expect(schemeForTerms([], ["nursing-allowance-guide"])).toBe("nursingAllowance");
    expect(schemeForTerms([], ["child-rehab-assistance-system"])).toBe("childRehab");
    expect(schemeForTerms([], ["accessible-film-faq"])).toBeNull();
  });
});
