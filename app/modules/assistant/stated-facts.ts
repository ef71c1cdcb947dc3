import type { AgeGroup, Care, Category, Certificate, Income, Residence } from "./eligibility";
import {
  agePhrases,
  awayPhrases,
  carePhrases,
  categoryPhrases,
  certificatePhrases,
  chineseDigits,
  englishNumbers,
  gradeNumerals,
  incomePhrases,
  neutralNames,
  notGrades,
  residencePhrases,
  severityPhrases,
  subjectPhrases,
  type Phrase,
  type Subject,
} from "./eligibility-phrases";

/**
 * What a question says about the person the eligibility rules ask about: grade, category, 低保 or not, age,
 * long-term care, certificate, household registration, and who the question is about. Read from the masked
 * question with the phrase tables in eligibility-phrases.ts; never a number other than an age or a grade.
 * Pure: no I/O, no segmentation.
 */

export type GradeNumber = "1" | "2" | "3" | "4";
export type { Subject } from "./eligibility-phrases";

export interface StatedFacts {
  certificate?: Certificate;
  category?: Category;
  /** The grades the person may have: one ("二级"), or a group ("一、二级", "重度" → 1 and 2). */
  grades?: GradeNumber[];
  age?: AgeGroup;
  income?: Income;
  care?: Care;
  residence?: Residence;
  /** Lives or works away from Qingyuan ("在广西打工"): the household may still be registered here. */
  away?: boolean;
  /** Who the question is about. */
  subject?: Subject;
}

/** The fact fields, in the order an answer names them. */
export const factFields = ["category", "grades", "certificate", "age", "income", "care", "residence"] as const;
export type FactField = (typeof factFields)[number];

const maskedNumber = /\*{3,}[\dx]{0,4}|\d{3}\*{4}\d{4}|\d{5,}/gi;

/** Full-width to half-width, lower case, masked and long numbers out (they are never facts). */
export function normalizeForFacts(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(maskedNumber, " ");
}

interface Match<V> {
  start: number;
  end: number;
  value: V;
}

const asciiWord = /[a-z0-9]/;

const globals = new WeakMap<RegExp, RegExp>();
/** The phrase as a global RegExp (compiled once). */
function globalOf(phrase: RegExp): RegExp {
  let re = globals.get(phrase);
  if (!re) {
    re = new RegExp(phrase.source, phrase.flags.includes("g") ? phrase.flags : `${phrase.flags}g`);
    globals.set(phrase, re);
  }
  return re;
}

function matchesOf<V>(text: string, phrase: Phrase, value: V): Array<Match<V>> {
  const out: Array<Match<V>> = [];
  if (typeof phrase === "string") {
    const ascii = !/\p{Script=Han}/u.test(phrase);
    let at = text.indexOf(phrase);
    while (at >= 0) {
      const end = at + phrase.length;
      const bounded = !ascii || ((at === 0 || !asciiWord.test(text[at - 1])) && (end === text.length || !asciiWord.test(text[end])));
      if (bounded) out.push({ start: at, end, value });
      at = text.indexOf(phrase, at + 1);
    }
    return out;
  }
  for (const m of text.matchAll(globalOf(phrase))) {
    if (m[0].length) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, value });
  }
  return out;
}

/** Leftmost-longest, non-overlapping matches of every phrase of a table. */
function find<V extends string>(text: string, table: Partial<Record<V, Phrase[]>>): Array<Match<V>> {
  const all: Array<Match<V>> = [];
  for (const [value, phrases] of Object.entries(table) as Array<[V, Phrase[]]>) {
    for (const phrase of phrases) all.push(...matchesOf(text, phrase, value));
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Array<Match<V>> = [];
  for (const m of all) if (!taken.some((t) => m.start < t.end && t.start < m.end)) taken.push(m);
  return taken.sort((a, b) => a.start - b.start);
}

/** The text with every match of the phrases replaced by spaces (positions kept). */
export function blank(text: string, phrases: Phrase[]): string {
  let out = text;
  for (const phrase of phrases) {
    for (const m of matchesOf(out, phrase, null).reverse()) out = out.slice(0, m.start) + " ".repeat(m.end - m.start) + out.slice(m.end);
  }
  return out;
}

const gradeChar = "[一二三四壹贰叁肆1-4]";
const gradeRange = new RegExp(`(${gradeChar})\\s*(?:[、,，/或和与及跟]|或者|还是|到|至|~|-|－)\\s*(${gradeChar})\\s*级`, "g");
const gradeSingle = new RegExp(`(?<![\\d一二三四五六七八九十第])(${gradeChar})\\s*级`, "g");
const englishGrade =
  /\b(?:grades?|levels?|class)\s*(1|2|3|4|one|two|three|four|iv|iii|ii|i)\b(?:\s*(?:or|and|to|-|\/)\s*(1|2|3|4|one|two|three|four|iv|iii|ii|i)\b)?/g;
const englishOrdinalGrade = /\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:grade|level|class)\b/g;

function gradeOf(token: string): GradeNumber | undefined {
  return gradeNumerals[token.replace(/(st|nd|rd|th)$/, "")] ?? gradeNumerals[token];
}

function span(from: GradeNumber, to: GradeNumber, range: boolean): GradeNumber[] {
  if (!range) return [...new Set([from, to])].sort() as GradeNumber[];
  const [a, b] = [Number(from), Number(to)].sort();
  return (["1", "2", "3", "4"] as const).filter((g) => Number(g) >= a && Number(g) <= b);
}

/** The grades a text states, and the text with them blanked (so "二级" cannot be read again). */
function readGrades(text: string): { grades: GradeNumber[] | undefined; rest: string } {
  let rest = blank(text, notGrades);
  const found = new Set<GradeNumber>();
  const take = (re: RegExp, read: (m: RegExpMatchArray) => GradeNumber[]) => {
    for (const m of [...rest.matchAll(re)].reverse()) {
      for (const g of read(m)) found.add(g);
      const at = m.index ?? 0;
      rest = rest.slice(0, at) + " ".repeat(m[0].length) + rest.slice(at + m[0].length);
    }
  };
  take(gradeRange, (m) => {
    const [a, b] = [gradeOf(m[1]), gradeOf(m[2])];
    return a && b ? span(a, b, /到|至|~|-|－/.test(m[0])) : [];
  });
  take(gradeSingle, (m) => {
    const g = gradeOf(m[1]);
    return g ? [g] : [];
  });
  take(englishGrade, (m) => [m[1], m[2]].map((x) => (x ? gradeOf(x) : undefined)).filter((g): g is GradeNumber => Boolean(g)));
  take(englishOrdinalGrade, (m) => {
    const g = gradeOf(m[1]);
    return g ? [g] : [];
  });
  if (!found.size) {
    for (const { phrases, grades } of severityPhrases) {
      const hits = find(rest, { s: phrases });
      if (hits.length) {
        grades.forEach((g) => found.add(g));
        rest = blank(rest, phrases);
        break;
      }
    }
  }
  return { grades: found.size ? ([...found].sort() as GradeNumber[]) : undefined, rest };
}

const coreWords = "视力|听力|言语|肢体|智力|精神";
const coreContext = (core: string) =>
  new RegExp(
    `${core}(?=\\s*(?:残疾|障碍|类|${gradeChar}\\s*级|[一二三四]、|[和与、及跟](?:${coreWords})))|` +
      `(?<=${gradeChar}\\s*级\\s*(?:的)?|(?:${coreWords})[和与、及跟])${core}`,
  );

const englishGradeWord = "(?:[1-4]|one|two|three|four|iv|iii|ii|i)";
const englishCoreContext = (core: string) =>
  new RegExp(
    `\\b(?:${core})\\b(?=\\s+(?:disab|impair|grade|level|category|${englishGradeWord}\\b))|` +
      `(?<=\\b(?:grade|level)\\s*${englishGradeWord}\\s+)(?:${core})\\b`,
  );

/** Category phrases, with each core word in the contexts where it names a category. */
const categoryTable: Partial<Record<Category, Phrase[]>> = Object.fromEntries(
  Object.entries(categoryPhrases).map(([category, { core, enCore, phrases }]) => [
    category,
    [...phrases, ...(core ? [coreContext(core)] : []), ...(enCore ? [englishCoreContext(enCore)] : [])],
  ]),
);

function readCategory(text: string): Category | undefined {
  const found = new Set(find(text, categoryTable).map((m) => m.value));
  if (found.size > 1) return "multiple";
  return [...found][0];
}

/** "八" → 8, "十二" → 12, "五十八" → 58, "六十" → 60. */
function chineseNumber(text: string): number | undefined {
  if (!text) return undefined;
  if (!text.includes("十")) return text.length === 1 ? chineseDigits[text] : undefined;
  const [tens, ones] = text.split("十");
  const t = tens ? chineseDigits[tens] : 1;
  const o = ones ? chineseDigits[ones] : 0;
  return t === undefined || o === undefined ? undefined : t * 10 + o;
}

const ageNumber = /(\d{1,3})\s*(?:多|来)?\s*(?:周岁|岁)/g;
const ageChinese = /([零一二三四五六七八九十两]{1,4})\s*(?:多|来)?\s*(?:周岁|岁)/g;
const ageEnglish = /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen)[- ]?(?:years?|yrs?)[- ]?old\b|\baged?\s+(\d{1,3})\b|\b(?:is|turned|turns|am|i'm)\s+(\d{1,2})\b(?!\s*(?:years? of|%|yuan|km|hours?))/g;
const ageMonthsEnglish = /\b\d{1,2}[- ]?months?[- ]?old\b/;

export function ageGroupOf(years: number): AgeGroup {
  return years <= 6 ? "under7" : years <= 17 ? "7to17" : "adult";
}

function readAge(text: string, subject: Subject | undefined): AgeGroup | undefined {
  const ages: Array<{ at: number; years: number }> = [];
  for (const m of text.matchAll(ageNumber)) ages.push({ at: m.index ?? 0, years: Number(m[1]) });
  for (const m of text.matchAll(ageChinese)) {
    const n = chineseNumber(m[1].replace(/^两/, "二"));
    if (n !== undefined) ages.push({ at: m.index ?? 0, years: n });
  }
  for (const m of text.matchAll(ageEnglish)) {
    const raw = m[1] ?? m[2] ?? m[3];
    const n = /^\d+$/.test(raw) ? Number(raw) : englishNumbers[raw];
    if (n !== undefined) ages.push({ at: m.index ?? 0, years: n });
  }
  // "过了6岁" is older than six, "不到7岁" younger than seven.
  for (const a of ages) {
    const before = text.slice(Math.max(0, a.at - 3), a.at);
    if (/(?:过了|超过了?|超出)$/u.test(before)) a.years += 1;
    else if (/(?:不到|未满|没满|不满)$/u.test(before)) a.years -= 1;
  }
  const plausible = ages.filter((a) => a.years <= 120).sort((a, b) => a.at - b.at);
  // The last age named is the person's age now ("3岁时确诊，现在8岁了").
  if (plausible.length) return ageGroupOf(plausible[plausible.length - 1].years);
  if (ageMonthsEnglish.test(text)) return "under7";
  const groups = new Set(find(text, agePhrases).map((m) => m.value));
  if (groups.size === 1) return [...groups][0];
  if (!groups.size && (subject === "parent" || subject === "spouse")) return "adult";
  return undefined;
}

/** One value of a field, or none when the question names two that exclude each other. */
function single<V extends string>(values: V[], prefer: Array<[V[], V]> = []): V | undefined {
  const set = new Set(values);
  if (set.size <= 1) return values[0];
  for (const [combo, winner] of prefer) if (set.size === combo.length && combo.every((v) => set.has(v))) return winner;
  return undefined;
}

const subjectOrder: Subject[] = ["child", "parent", "spouse", "other", "self"];

/**
 * Who the question is about. Of several people named, the one named last before the disability is
 * ("我老公…腿没了…孩子还在上学" is about the husband: the child is the story); else the first of `subjectOrder`.
 */
function readSubject(text: string, categoryText = text): Subject | undefined {
  const matches = find(text, subjectPhrases);
  const found = new Set(matches.map((m) => m.value));
  if (found.size > 1) {
    const disability = find(categoryText, categoryTable)[0];
    const before = disability ? matches.filter((m) => m.end <= disability.start && m.value !== "self").at(-1) : undefined;
    if (before) return before.value;
  }
  return subjectOrder.find((s) => found.has(s));
}

/** The facts a question states (read from its masked text). */
export function extractFacts(question: string): StatedFacts {
  const text = blank(normalizeForFacts(question), neutralNames);
  const { grades, rest } = readGrades(text);
  const subject = readSubject(rest, text);
  const facts: StatedFacts = {
    // Categories read before the grades are blanked: "视力一级" is a category by its grade.
    category: readCategory(text),
    grades,
    certificate: single(
      find(rest, certificatePhrases).map((m) => m.value),
      [
        [["yes", "applying"], "applying"],
        [["no", "applying"], "applying"],
      ],
    ),
    age: readAge(rest, subject),
    income: single(
      find(rest, incomePhrases).map((m) => m.value),
      [
        [["neither", "lowIncome"], "lowIncome"],
        [["neither", "unsure"], "unsure"],
        [["dibao", "unsure"], "unsure"],
      ],
    ),
    care: single(find(rest, carePhrases).map((m) => m.value)),
    residence: single(find(rest, residencePhrases).map((m) => m.value)),
    away: find(rest, { yes: awayPhrases }).length ? true : undefined,
    subject,
  };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as StatedFacts;
}

/**
 * The normalised question with every phrase the facts were read from blanked out (grades, categories, 低保,
 * ages, who it is about …): what is left says what the question asks about.
 */
export function withoutFacts(question: string): string {
  const normalized = normalizeForFacts(question);
  // Names ("视障图书馆", "护理补贴") are what a question is about: kept, though no fact is read inside them.
  const names = find(normalized, { name: neutralNames });
  let text = readGrades(blank(normalized, neutralNames)).rest;
  const tables: Array<Partial<Record<string, Phrase[]>>> = [
    certificatePhrases,
    incomePhrases,
    carePhrases,
    residencePhrases,
    subjectPhrases,
    agePhrases,
    { yes: awayPhrases },
    categoryTable,
  ];
  for (const table of tables) {
    for (const m of find(text, table).reverse()) text = text.slice(0, m.start) + " ".repeat(m.end - m.start) + text.slice(m.end);
  }
  text = blank(text, [ageNumber, ageChinese, ageEnglish, ageMonthsEnglish]);
  for (const { start, end } of names) text = text.slice(0, start) + normalized.slice(start, end) + text.slice(end);
  return text.replace(/\s+/g, " ").trim();
}

/** Whether the facts say anything the rules use (who the question is about does not count). */
export function statesAnyFact(facts: StatedFacts): boolean {
  return factFields.some((f) => facts[f] !== undefined);
}

/**
 * Whether the facts can decide a benefit: a certificate, category, grade, 低保, care, or a child's age. An
 * adult's age or where someone lives alone decides none ("我在外省打工，能申请两项补贴吗" is about where).
 */
export function statesDecisiveFact(facts: StatedFacts): boolean {
  const { certificate, category, grades, income, care, age } = facts;
  return [certificate, category, grades, income, care].some((v) => v !== undefined) || (age !== undefined && age !== "adult");
}

/** A child is meant: an age under 18, or a child named as the subject. */
export function aboutChild(facts: StatedFacts): boolean {
  if (facts.age) return facts.age !== "adult";
  return facts.subject === "child" || facts.category === "autism";
}

/**
 * The conversation's facts after a new question: the new question's facts win; when it is about someone else
 * (a child after a parent) and says something of its own, the earlier facts are dropped.
 */
export function mergeFacts(earlier: StatedFacts, latest: StatedFacts): StatedFacts {
  const otherPerson = earlier.subject && latest.subject && earlier.subject !== latest.subject && statesDecisiveFact(latest);
  if (otherPerson) return { ...latest };
  const merged: StatedFacts = { ...earlier };
  for (const [key, value] of Object.entries(latest)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  if (!latest.subject && earlier.subject) merged.subject = earlier.subject;
  return merged;
}
