import {
  childRehab,
  livingAllowance,
  nursingAllowance,
  rules,
  schemeRuleSummary,
  type AgeGroup,
  type Category,
  type EligibilityAnswers,
  type RuleSource,
  type Scheme,
  type SchemeResult,
} from "./eligibility";
import { aboutChild, type GradeNumber, type StatedFacts } from "./stated-facts";

/**
 * The rules of eligibility.ts run on what a question said, with the rest unknown: each scheme's outcome over
 * every value the unknown answers could take. One outcome for all of them is a verdict; several mean "it
 * depends", and the answers that would decide it are the questions to ask. Pure.
 */

/** likely = 可以申请; not = 不符合; local = 要看当地规定; confirm = 先要确认一件事; depends = 还要看您的情况. */
export type Verdict = "likely" | "not" | "local" | "confirm" | "depends";

/** The answers of the step-by-step check, as a chat answer may ask them. */
export type AnswerField = keyof EligibilityAnswers;

export interface SchemeVerdict {
  scheme: Scheme;
  verdict: Verdict;
  /** Rule ids behind a decided verdict (their text is in the locale files); empty for "depends". */
  reasons: string[];
  /** Notes that concern the person without changing the outcome (where to apply when living elsewhere). */
  notes: string[];
  /** The corpus sections the verdict rests on. */
  sources: RuleSource[];
  /** Answers not given that change the outcome. */
  unknown: AnswerField[];
  /** When one unknown answer decides it: the outcome for each of its values ("需要长期照护 → 可以申请"). */
  byValue: Array<{ field: AnswerField; value: string; verdict: Exclude<Verdict, "depends">; reasons: string[] }>;
  /** The verdict takes a valid 残疾人证 for granted (the question did not say). */
  assumesCertificate: boolean;
  guide: string;
}

const awayNotes: Record<Scheme, string[]> = {
  livingAllowance: ["subsidy.applyAtHukou"],
  nursingAllowance: ["subsidy.applyAtHukou"],
  childRehab: ["child.applyWhereRegistered"],
};

/** Rule ids whose "ask" is a local decision (要看当地规定), not a missing answer. */
const localRules = new Set(["living.lowIncome", "nursing.grade34IntellectualMental", "child.meansLocal", "child.ageLocal", "child.categoryCheck"]);

const concreteCategories: Category[] = ["visual", "hearing", "speech", "physical", "intellectual", "mental", "multiple", "autism"];

const relevant: Record<Scheme, AnswerField[]> = {
  livingAllowance: ["certificate", "income", "residence"],
  nursingAllowance: ["certificate", "grade", "category", "care", "residence"],
  childRehab: ["age", "category", "income", "residence"],
};

const evaluate: Record<Scheme, (answers: EligibilityAnswers) => SchemeResult | null> = {
  livingAllowance,
  nursingAllowance,
  childRehab,
};

/**
 * Two grades of a multiple disability ("听力二级、肢体三级，是多重残疾") are not a doubt between them: the certificate
 * takes the most severe one (《残疾人证管理办法》第十三条). Undefined otherwise.
 */
export function mostSevereGrade(facts: StatedFacts): GradeNumber | undefined {
  if (facts.category !== "multiple" || !facts.grades || facts.grades.length < 2) return undefined;
  return [...facts.grades].sort()[0];
}

/** The values each answer may take, given the facts (one value when stated). */
function domains(facts: StatedFacts, scheme: Scheme): Record<AnswerField, string[]> {
  const childAges: AgeGroup[] = ["under7", "7to17"];
  const severest = mostSevereGrade(facts);
  return {
    // Naming a grade means the person has been assessed; either way a certificate is assumed and said so.
    certificate: [facts.certificate ?? "yes"],
    grade: severest ? [severest] : (facts.grades ?? ["1", "2", "3", "4"]),
    category: facts.category ? [facts.category] : concreteCategories,
    age: facts.age ? [facts.age] : scheme === "childRehab" ? childAges : ["adult"],
    income: facts.income ? [facts.income] : ["dibao", "lowIncome", "neither"],
    care: facts.care ? [facts.care] : ["yes", "no"],
    // Unknown residence: no note about applying elsewhere (most people asking live here).
    residence: [facts.residence ?? (facts.away ? "unsure" : "qingyuan")],
  };
}

function combinations(fields: AnswerField[], domain: Record<AnswerField, string[]>): Array<Partial<EligibilityAnswers>> {
  let out: Array<Partial<EligibilityAnswers>> = [{}];
  for (const field of fields) out = out.flatMap((partial) => domain[field].map((value) => ({ ...partial, [field]: value })));
  return out;
}

const filler: EligibilityAnswers = {
  certificate: "yes",
  category: "physical",
  grade: "1",
  age: "adult",
  income: "dibao",
  care: "yes",
  residence: "qingyuan",
};

const sourcesOf = (ids: string[]): RuleSource[] => ids.flatMap((id) => rules[id]?.sources ?? []);

function distinct(sources: RuleSource[]): RuleSource[] {
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(`${s.docId}#${s.anchor}`) && Boolean(seen.add(`${s.docId}#${s.anchor}`)));
}

function verdictOf(result: SchemeResult): Exclude<Verdict, "depends"> {
  if (result.outcome !== "ask") return result.outcome;
  return localRules.has(result.reasons[0]) ? "local" : "confirm";
}

/** One scheme's verdict on the facts; null when the scheme is not for this person (child rehab for adults). */
export function schemeVerdict(scheme: Scheme, facts: StatedFacts): SchemeVerdict | null {
  const fields = relevant[scheme];
  const domain = domains(facts, scheme);
  const runs = combinations(fields, domain).map((partial) => ({ partial, result: evaluate[scheme]({ ...filler, ...partial }) }));
  const results = runs.filter((r): r is { partial: Partial<EligibilityAnswers>; result: SchemeResult } => r.result !== null);
  if (!results.length) return null;
  const assumesCertificate = facts.certificate === undefined;
  const outcomes = new Set(results.map((r) => verdictOf(r.result)));
  const first = results[0].result;
  const isNote = (id: string) => rules[id]?.outcome === null;
  // Someone living away from Qingyuan is told where to apply, whatever the registration.
  const away = facts.away ? awayNotes[scheme] : [];
  // (Said where the grade decides: the most severe of two grades is the one that counts.)
  const severest = mostSevereGrade(facts) && fields.includes("grade") ? ["grade.mostSevere"] : [];
  const notes = [...new Set([...severest, ...first.reasons.filter(isNote), ...away])];
  if (outcomes.size === 1) {
    return {
      scheme,
      verdict: verdictOf(first),
      reasons: first.reasons.filter((id) => !isNote(id)),
      notes,
      sources: distinct([...sourcesOf(first.reasons.filter((id) => !isNote(id))), ...sourcesOf(notes)]),
      unknown: [],
      byValue: [],
      assumesCertificate,
      guide: first.guide,
    };
  }
  // Which unknown answers change the outcome: two runs that differ in that answer alone, with different verdicts.
  const varying = fields.filter((f) => domain[f].length > 1);
  const key = (partial: Partial<EligibilityAnswers>, except: AnswerField) =>
    varying.filter((f) => f !== except).map((f) => partial[f]).join("|");
  const unknown = varying.filter((field) => {
    const byRest = new Map<string, Set<Verdict>>();
    for (const r of results) {
      const k = key(r.partial, field);
      const set = byRest.get(k) ?? new Set<Verdict>();
      set.add(verdictOf(r.result));
      byRest.set(k, set);
    }
    return [...byRest.values()].some((set) => set.size > 1);
  });
  const byValue: SchemeVerdict["byValue"] = [];
  if (unknown.length === 1) {
    const [field] = unknown;
    for (const value of domain[field]) {
      const run = results.find((r) => r.partial[field] === value);
      if (run) byValue.push({ field, value, verdict: verdictOf(run.result), reasons: run.result.reasons });
    }
  }
  return {
    scheme,
    verdict: "depends",
    reasons: [],
    notes,
    sources: distinct([...schemeRuleSummary[scheme].sources, ...sourcesOf(notes)]),
    unknown,
    byValue,
    assumesCertificate,
    guide: first.guide,
  };
}

/** The schemes a person may ask about: the two subsidies always, child rehabilitation (first) when a child is meant. */
export function schemesFor(facts: StatedFacts): Scheme[] {
  return aboutChild(facts) ? ["childRehab", "livingAllowance", "nursingAllowance"] : ["livingAllowance", "nursingAllowance"];
}

/**
 * The verdicts an answer lists: the schemes asked about (all that apply when the question asked "什么补贴"),
 * then any other scheme the person likely qualifies for.
 */
export function verdictsFor(facts: StatedFacts, asked: Scheme[] | "all"): SchemeVerdict[] {
  const candidates = schemesFor(facts);
  const wanted = asked === "all" ? candidates : asked;
  const out: SchemeVerdict[] = [];
  for (const scheme of wanted) {
    const v = schemeVerdict(scheme, facts);
    if (v) out.push(v);
  }
  if (asked !== "all") {
    for (const scheme of candidates) {
      if (wanted.includes(scheme)) continue;
      const v = schemeVerdict(scheme, facts);
      if (v?.verdict === "likely") out.push(v);
    }
  }
  return out;
}

/** The step-by-step check's answers that the facts fill in exactly (a group of grades fills none). */
export function prefillAnswers(facts: StatedFacts): Partial<EligibilityAnswers> {
  const out: Partial<EligibilityAnswers> = {};
  if (facts.certificate) out.certificate = facts.certificate;
  if (facts.category) out.category = facts.category;
  if (facts.grades?.length === 1) out.grade = facts.grades[0];
  if (facts.age) out.age = facts.age;
  if (facts.income) out.income = facts.income;
  if (facts.care) out.care = facts.care;
  if (facts.residence) out.residence = facts.residence;
  return out;
}
