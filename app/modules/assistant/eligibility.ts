/**
 * The eligibility check for 困难残疾人生活补贴, 重度残疾人护理补贴 and 残疾儿童康复救助: deterministic rules,
 * each with the corpus section it rests on. Only facts marked [verified] in the research notes
 * (the researched policy facts behind knowledge/, verified items only) are rules; anything a locality may decide (低收入 families, 三四级
 * intellectual/mental disability, age beyond 6, means tests for children) is "ask your county 残联".
 * The outcome is never a decision: the result always says who decides.
 *
 * Pure and zod-free: the pages import the option lists; the server validates answers with its own schema.
 */

export const certificateOptions = ["yes", "no", "applying"] as const;
export const categoryOptions = ["visual", "hearing", "speech", "physical", "intellectual", "mental", "multiple", "autism", "unsure"] as const;
export const gradeOptions = ["1", "2", "3", "4", "none", "unsure"] as const;
export const ageOptions = ["under7", "7to17", "adult"] as const;
export const incomeOptions = ["dibao", "lowIncome", "neither", "unsure"] as const;
export const careOptions = ["yes", "no", "unsure"] as const;
export const residenceOptions = ["qingyuan", "elsewhere", "unsure"] as const;

export type Certificate = (typeof certificateOptions)[number];
export type Category = (typeof categoryOptions)[number];
export type Grade = (typeof gradeOptions)[number];
export type AgeGroup = (typeof ageOptions)[number];
export type Income = (typeof incomeOptions)[number];
export type Care = (typeof careOptions)[number];
export type Residence = (typeof residenceOptions)[number];

export interface EligibilityAnswers {
  certificate: Certificate;
  category: Category;
  grade: Grade;
  age: AgeGroup;
  income: Income;
  care: Care;
  residence: Residence;
}

/** The questions in the order the guided form asks them (one page each; category and grade share one). */
export const eligibilitySteps = ["certificate", "category", "age", "income", "care", "residence"] as const;
export type EligibilityStep = (typeof eligibilitySteps)[number];
/** The answer fields each step sets. */
export const stepFields: Record<EligibilityStep, Array<keyof EligibilityAnswers>> = {
  certificate: ["certificate"],
  category: ["category", "grade"],
  age: ["age"],
  income: ["income"],
  care: ["care"],
  residence: ["residence"],
};

export type Scheme = "livingAllowance" | "nursingAllowance" | "childRehab";
export type Outcome = "likely" | "not" | "ask";

/** A corpus section a rule rests on: /policies/<docId>#<anchor>. */
export interface RuleSource {
  docId: string;
  anchor: string;
}

export interface SchemeResult {
  scheme: Scheme;
  outcome: Outcome;
  /** Rule ids that fired, in order ("living.dibao"); their text is in the locale files. */
  reasons: string[];
  /** The sections the fired rules rest on (deduplicated). */
  sources: RuleSource[];
  /** Who decides (locale key under assistant.eligibility.decides). */
  decides: "civilAffairs" | "countyFederation";
  /** Where to apply (locale key under assistant.eligibility.applyAt). */
  applyAt: "township" | "countyFederation";
  /** What to bring (locale keys under assistant.eligibility.bring). */
  bring: readonly string[];
  /** The guide that explains the scheme. */
  guide: string;
}

/** Every rule, with the section it rests on. Tests check each source exists in the corpus. */
export const rules: Record<string, { scheme: Scheme; outcome: Outcome | null; sources: RuleSource[] }> = {
  "living.noCertificate": { scheme: "livingAllowance", outcome: "not", sources: [{ docId: "living-allowance-guide", anchor: "s-1" }] },
  "living.certificatePending": { scheme: "livingAllowance", outcome: "ask", sources: [{ docId: "living-allowance-guide", anchor: "s-1" }] },
  "living.dibao": {
    scheme: "livingAllowance",
    outcome: "likely",
    sources: [
      { docId: "living-allowance-guide", anchor: "s-1" },
      { docId: "two-subsidies-national", anchor: "s-3" },
    ],
  },
  "living.lowIncome": { scheme: "livingAllowance", outcome: "ask", sources: [{ docId: "living-allowance-guide", anchor: "s-1" }] },
  "living.incomeUnsure": { scheme: "livingAllowance", outcome: "ask", sources: [{ docId: "living-allowance-guide", anchor: "s-1" }] },
  "living.notDibao": { scheme: "livingAllowance", outcome: "not", sources: [{ docId: "two-subsidies-national", anchor: "s-3" }] },
  "nursing.noCertificate": { scheme: "nursingAllowance", outcome: "not", sources: [{ docId: "nursing-allowance-guide", anchor: "s-1" }] },
  "nursing.certificatePending": { scheme: "nursingAllowance", outcome: "ask", sources: [{ docId: "nursing-allowance-guide", anchor: "s-1" }] },
  "nursing.severeWithCare": {
    scheme: "nursingAllowance",
    outcome: "likely",
    sources: [
      { docId: "nursing-allowance-guide", anchor: "s-1" },
      { docId: "two-subsidies-national", anchor: "s-4" },
    ],
  },
  "nursing.severeNoCare": { scheme: "nursingAllowance", outcome: "not", sources: [{ docId: "nursing-allowance-guide", anchor: "s-1" }] },
  "nursing.severeCareUnsure": { scheme: "nursingAllowance", outcome: "ask", sources: [{ docId: "nursing-allowance-guide", anchor: "s-1" }] },
  "nursing.grade34IntellectualMental": {
    scheme: "nursingAllowance",
    outcome: "ask",
    sources: [
      { docId: "nursing-allowance-guide", anchor: "s-1" },
      { docId: "two-subsidies-national", anchor: "s-4" },
    ],
  },
  "nursing.notSevere": { scheme: "nursingAllowance", outcome: "not", sources: [{ docId: "two-subsidies-national", anchor: "s-4" }] },
  "nursing.gradeUnsure": { scheme: "nursingAllowance", outcome: "ask", sources: [{ docId: "nursing-allowance-guide", anchor: "s-1" }] },
  "child.covered": {
    scheme: "childRehab",
    outcome: "likely",
    sources: [
      { docId: "child-rehab-assistance-guide", anchor: "s-1" },
      { docId: "child-rehab-assistance-system", anchor: "s-2" },
    ],
  },
  "child.meansLocal": { scheme: "childRehab", outcome: "ask", sources: [{ docId: "child-rehab-assistance-guide", anchor: "s-1" }] },
  "child.categoryCheck": { scheme: "childRehab", outcome: "ask", sources: [{ docId: "child-rehab-assistance-system", anchor: "s-2" }] },
  "child.ageLocal": { scheme: "childRehab", outcome: "ask", sources: [{ docId: "child-rehab-assistance-guide", anchor: "s-1" }] },
  // Notes that do not change the outcome.
  "subsidy.applyAtHukou": { scheme: "livingAllowance", outcome: null, sources: [{ docId: "living-allowance-guide", anchor: "s-3" }] },
  "child.applyWhereRegistered": { scheme: "childRehab", outcome: null, sources: [{ docId: "child-rehab-assistance-guide", anchor: "s-4" }] },
  "grade.mostSevere": {
    scheme: "nursingAllowance",
    outcome: null,
    sources: [
      { docId: "disability-certificate-rules", anchor: "art-13" },
      { docId: "disability-certificate-guide", anchor: "s-4-1" },
    ],
  },
};

function result(scheme: Scheme, outcome: Outcome, reasons: string[], base: Omit<SchemeResult, "scheme" | "outcome" | "reasons" | "sources">): SchemeResult {
  const seen = new Set<string>();
  const sources: RuleSource[] = [];
  for (const id of reasons) {
    for (const source of rules[id]?.sources ?? []) {
      const key = `${source.docId}#${source.anchor}`;
      if (!seen.has(key)) {
        seen.add(key);
        sources.push(source);
      }
    }
  }
  return { scheme, outcome, reasons, sources, ...base };
}

const subsidyBase = (guide: string) =>
  ({
    decides: "civilAffairs",
    applyAt: "township",
    bring: ["certificate", "idAndHukou", "bankAccount"],
    guide,
  }) as const;

function residenceNotes(answers: EligibilityAnswers): string[] {
  return answers.residence === "qingyuan" ? [] : ["subsidy.applyAtHukou"];
}

/** 困难残疾人生活补贴: a valid 残疾人证 and a 低保 household (国发〔2015〕52号). */
export function livingAllowance(answers: EligibilityAnswers): SchemeResult {
  const base = subsidyBase("living-allowance-guide");
  const notes = residenceNotes(answers);
  if (answers.certificate === "no") return result("livingAllowance", "not", ["living.noCertificate", ...notes], base);
  if (answers.certificate === "applying") return result("livingAllowance", "ask", ["living.certificatePending", ...notes], base);
  switch (answers.income) {
    case "dibao":
      return result("livingAllowance", "likely", ["living.dibao", ...notes], base);
    case "lowIncome":
      return result("livingAllowance", "ask", ["living.lowIncome", ...notes], base);
    case "unsure":
      return result("livingAllowance", "ask", ["living.incomeUnsure", ...notes], base);
    case "neither":
      return result("livingAllowance", "not", ["living.notDibao", ...notes], base);
  }
}

/** 重度残疾人护理补贴: a valid 残疾人证, 一级 or 二级, and long-term care (国发〔2015〕52号). */
export function nursingAllowance(answers: EligibilityAnswers): SchemeResult {
  const base = subsidyBase("nursing-allowance-guide");
  const notes = residenceNotes(answers);
  if (answers.certificate === "no") return result("nursingAllowance", "not", ["nursing.noCertificate", ...notes], base);
  if (answers.certificate === "applying") return result("nursingAllowance", "ask", ["nursing.certificatePending", ...notes], base);
  const { grade, category, care } = answers;
  if (grade === "1" || grade === "2") {
    if (care === "yes") return result("nursingAllowance", "likely", ["nursing.severeWithCare", ...notes], base);
    if (care === "no") return result("nursingAllowance", "not", ["nursing.severeNoCare", ...notes], base);
    return result("nursingAllowance", "ask", ["nursing.severeCareUnsure", ...notes], base);
  }
  if (grade === "3" || grade === "4") {
    if (category === "intellectual" || category === "mental" || category === "unsure") {
      return result("nursingAllowance", "ask", ["nursing.grade34IntellectualMental", ...notes], base);
    }
    return result("nursingAllowance", "not", ["nursing.notSevere", ...notes], base);
  }
  // "none" with a certificate is a contradiction, "unsure" an open question: both are for the 残联 to check.
  return result("nursingAllowance", "ask", ["nursing.gradeUnsure", ...notes], base);
}

const childCategories: ReadonlySet<Category> = new Set(["visual", "hearing", "speech", "physical", "intellectual", "autism"]);

/**
 * 残疾儿童康复救助 (国务院 2018): children 0–6 with visual, hearing, speech, physical or intellectual
 * disability or autism, 低保 and other hard-up families first; localities may widen age and means rules.
 * null for adults (the scheme is about children).
 */
export function childRehab(answers: EligibilityAnswers): SchemeResult | null {
  if (answers.age === "adult") return null;
  const base = {
    decides: "countyFederation",
    applyAt: "countyFederation",
    bring: ["childIdentity", "hukouOrResidencePermit", "diagnosis"],
    guide: "child-rehab-assistance-guide",
  } as const;
  const notes = answers.residence === "qingyuan" ? [] : ["child.applyWhereRegistered"];
  if (answers.age === "7to17") return result("childRehab", "ask", ["child.ageLocal", ...notes], base);
  if (!childCategories.has(answers.category)) return result("childRehab", "ask", ["child.categoryCheck", ...notes], base);
  if (answers.income === "dibao" || answers.income === "lowIncome") return result("childRehab", "likely", ["child.covered", ...notes], base);
  return result("childRehab", "ask", ["child.meansLocal", ...notes], base);
}

/** All schemes for one set of answers: the two subsidies always, child rehabilitation for children. */
export function checkEligibility(answers: EligibilityAnswers): SchemeResult[] {
  const out = [livingAllowance(answers), nursingAllowance(answers)];
  const child = childRehab(answers);
  if (child) out.push(child);
  return out;
}

/** The first step whose answers are missing, or null when every question has an answer. */
export function firstMissingStep(answers: Partial<EligibilityAnswers>): EligibilityStep | null {
  for (const step of eligibilitySteps) {
    if (stepFields[step].some((field) => answers[field] === undefined)) return step;
  }
  return null;
}

/** Which scheme a chat question is about, from the glossary terms and documents it touched. */
export function schemeForTerms(terms: string[], docIds: string[]): Scheme | null {
  const has = (s: string) => terms.includes(s);
  if (has("重度残疾人护理补贴") || docIds[0] === "nursing-allowance-guide") return "nursingAllowance";
  if (has("困难残疾人生活补贴") || docIds[0] === "living-allowance-guide") return "livingAllowance";
  if (has("残疾儿童康复救助") || docIds[0] === "child-rehab-assistance-guide" || docIds[0] === "child-rehab-assistance-system") return "childRehab";
  if (has("两项补贴") || docIds[0]?.startsWith("two-subsidies")) return "livingAllowance";
  return null;
}

/** The rule a chat answer states for a scheme (its summary rule id, whose text is in the locale files). */
export const schemeRuleSummary: Record<Scheme, { summaryKey: string; sources: RuleSource[] }> = {
  livingAllowance: { summaryKey: "living", sources: rules["living.dibao"].sources },
  nursingAllowance: { summaryKey: "nursing", sources: rules["nursing.severeWithCare"].sources },
  childRehab: { summaryKey: "child", sources: rules["child.covered"].sources },
};
