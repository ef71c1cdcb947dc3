import type { TFunction } from "i18next";
import type { AnswerPassage, AnswerView, EligibilityBlock, EligibilityItem, NextStep } from "./answer-view";
import { tokenize } from "~/modules/search/index.server";
import { citationTitle, hotline, maxQuoteLength, personalDataNotice, quoteFrom, splitSentences, type TermWeight } from "./compose.server";
import { aspectHeadings, aspectsBesideEligibility, aspectWords } from "./dialog-phrases";
import { schemeRuleSummary, type RuleSource, type Scheme } from "./eligibility";
import { mostSevereGrade, prefillAnswers, verdictsFor, type AnswerField, type SchemeVerdict } from "./eligibility-verdicts";
import type { PersonalDataKind } from "./guards";
import { factFields, type StatedFacts } from "./stated-facts";
import type { AssistantIndex } from "./vector-index.server";
import { keyUnder } from "~/i18n/keys";

/**
 * The answer to "can I get it" when the question says who is asking: the rules decide (eligibility.ts, run on
 * the stated facts by eligibility-verdicts.ts); the corpus sections each rule rests on are quoted and cited.
 * The lead answers every benefit in one sentence; the list says why; what is still unknown is asked back.
 */

/** Words the quote of a scheme's rule section should contain. */
const ruleWords: Record<Scheme, TermWeight[]> = {
  livingAllowance: [
    { term: "低保", weight: 3 },
    { term: "最低生活保障", weight: 2 },
    { term: "残疾人证", weight: 1 },
  ],
  nursingAllowance: [
    { term: "一级或二级", weight: 3 },
    { term: "长期照护", weight: 3 },
    { term: "残疾人证", weight: 1 },
  ],
  childRehab: [
    { term: "0至6岁", weight: 3 },
    { term: "孤独症", weight: 2 },
    { term: "低保", weight: 1 },
  ],
};

/** At most this many passages: the first source of every benefit, then second sources while there is room. */
const maxPassages = 4;

function reasonText(t: TFunction, id: string): string {
  return t(keyUnder("assistant.eligibility.reasons", id.replace(".", "_")));
}

/** The facts in words, in the order the answer names them ("肢体残疾、二级、低保家庭"). */
export function factLabels(facts: StatedFacts, t: TFunction): string[] {
  const out: string[] = [];
  for (const field of factFields) {
    const value = facts[field];
    if (value === undefined) continue;
    // (Two grades of a multiple disability: the most severe counts, "最重的一类是二级".)
    const severest = field === "grades" ? mostSevereGrade(facts) : undefined;
    const key = severest ? `severest${severest}` : field === "grades" ? (value as string[]).join("") : String(value);
    out.push(t(`assistant.eligibility.chat.facts.${field}.${key}`, { defaultValue: "" }));
  }
  return out.filter(Boolean);
}

/**
 * The quote of a rule section: its opening sentences while they fit (a rule is stated first, and a list is
 * never cut from its lead-in), when they contain the rule's key words; else the best-matching excerpt.
 */
export function ruleQuote(text: string, words: TermWeight[], max = maxQuoteLength): string {
  const sentences = splitSentences(text);
  const opening: string[] = [];
  let length = 0;
  for (const sentence of sentences) {
    const size = [...sentence].length + (opening.length ? 1 : 0);
    if (length + size > max) break;
    opening.push(sentence);
    length += size;
  }
  const strong = words.filter((w) => w.weight >= 3).map((w) => w.term);
  const head = opening.join(" ");
  // A lead-in ("…可以申请：") must keep its whole list, or the quote starts elsewhere.
  const cutList = /[：:]$/.test(opening[opening.length - 1] ?? "") || (opening.length < sentences.length && /^\d+[.．、]/.test(sentences[opening.length] ?? ""));
  if (head && !cutList && strong.some((w) => head.includes(w))) return head;
  return quoteFrom(text, words, max).quote;
}

function passagesFor(verdicts: SchemeVerdict[], index: AssistantIndex): { passages: AnswerPassage[]; numbers: Map<Scheme, number[]> } {
  const passages: AnswerPassage[] = [];
  const numbers = new Map<Scheme, number[]>();
  const add = (scheme: Scheme, source: RuleSource) => {
    const url = `/policies/${source.docId}#${source.anchor}`;
    let passage = passages.find((p) => p.url === url);
    if (!passage) {
      if (passages.length >= maxPassages) return;
      const chunk = index.chunkAt(source.docId, source.anchor);
      if (!chunk) return;
      const quote = ruleQuote(chunk.text, ruleWords[scheme]);
      if (!quote) return;
      passage = { n: passages.length + 1, key: chunk.key, title: citationTitle(chunk), url: chunk.url, quote };
      passages.push(passage);
    }
    const list = numbers.get(scheme) ?? [];
    if (!list.includes(passage.n)) list.push(passage.n);
    numbers.set(scheme, list);
  };
  for (const v of verdicts) if (v.sources[0]) add(v.scheme, v.sources[0]);
  for (const v of verdicts) for (const s of v.sources.slice(1)) add(v.scheme, s);
  return { passages, numbers };
}

function itemOf(v: SchemeVerdict, t: TFunction, sources: number[]): EligibilityItem {
  // (What the rule asks, from the answer that would not meet it, before what is still unknown: "护理补贴的对象是需要长期
  // 照护的一级、二级重度残疾人。还要看是否需要长期照护。")
  const rule = v.verdict === "depends" ? v.byValue.find((b) => b.verdict === "not")?.reasons[0] : undefined;
  const why =
    v.verdict === "depends"
      ? [
          ...(rule ? [reasonText(t, rule)] : []),
          t("assistant.eligibility.chat.dependsOn", {
            fields: v.unknown.map((f) => t(`assistant.eligibility.fields.${f}`)).join(t("assistant.eligibility.chat.and")),
          }),
        ]
      : v.reasons.map((id) => reasonText(t, id));
  why.push(...v.notes.map((id) => reasonText(t, id)));
  const ifs = v.byValue.map((b) =>
    t("assistant.eligibility.chat.ifLine", {
      answer: t(keyUnder("assistant.eligibility.chat.if", `${b.field}.${b.value}`)),
      verdict: t(`assistant.eligibility.chat.verdicts.${b.verdict}`),
    }),
  );
  return {
    scheme: v.scheme,
    name: t(`assistant.eligibility.schemes.${v.scheme}`),
    verdict: v.verdict,
    verdictText: t(`assistant.eligibility.chat.verdicts.${v.verdict}`),
    why,
    ifs,
    sources,
  };
}

/**
 * What else the question asks of the benefits that fit ("钱从什么时候开始算", "两个能一起领吗"), answered from the
 * section of their guide or rule document headed for it (dialog-phrases.ts `aspectHeadings`): one line each, with
 * its passage.
 */
function besideEligibility(
  aspects: string[],
  question: string,
  verdicts: SchemeVerdict[],
  index: AssistantIndex,
  passages: AnswerPassage[],
): string[] {
  const asked = aspects.filter((a) => aspectsBesideEligibility.includes(a));
  const fitting = verdicts.filter((v) => v.verdict !== "not");
  if (!asked.length || !fitting.length) return [];
  const docs = [...new Set([...fitting.map((v) => v.guide), ...fitting.flatMap((v) => v.sources.map((s) => s.docId))])];
  const terms: TermWeight[] = tokenize(question).map((term) => ({ term, weight: 1 }));
  const lines: string[] = [];
  for (const aspect of asked) {
    const heads = aspectHeadings[aspect] ?? [];
    const chunk = docs
      .flatMap((id) => index.chunksOf(id))
      .find((c) => c.anchor !== null && heads.some((h) => (c.headingPath.at(-1) ?? "").includes(h)));
    if (!chunk) continue;
    const { quote, best } = quoteFrom(chunk.text, [...terms, ...tokenize(aspectWords[aspect] ?? "").map((term) => ({ term, weight: 0.5 }))]);
    if (!best) continue;
    let passage = passages.find((p) => p.key === chunk.key);
    if (!passage && passages.length < maxPassages + 2) {
      passage = { n: passages.length + 1, key: chunk.key, title: citationTitle(chunk), url: chunk.url, quote };
      passages.push(passage);
    }
    if (passage) lines.push(best.replace(/^[-*]\s*/, ""));
  }
  return lines;
}

export interface EligibilityAnswerInput {
  /** What else the question asks (dialog.server.ts aspects) and the question itself, to answer that too. */
  aspects?: string[];
  question?: string;
  facts: StatedFacts;
  asked: Scheme[] | "all";
  index: AssistantIndex;
  t: TFunction;
  personalData: PersonalDataKind[];
}

/** The eligibility answer, or null when no scheme applies to the person (child rehabilitation for an adult). */
export function composeEligibilityAnswer({ facts, asked, index, t, personalData, aspects = [], question = "" }: EligibilityAnswerInput): AnswerView | null {
  const verdicts = verdictsFor(facts, asked);
  if (!verdicts.length) return null;
  const { passages, numbers } = passagesFor(verdicts, index);
  const points = besideEligibility(aspects, question, verdicts, index, passages);
  const items = verdicts.map((v) => itemOf(v, t, numbers.get(v.scheme) ?? []));

  const unknownFields: AnswerField[] = [];
  for (const v of verdicts) for (const f of v.unknown) if (!unknownFields.includes(f)) unknownFields.push(f);
  const order: AnswerField[] = ["certificate", "category", "grade", "age", "income", "care", "residence"];
  unknownFields.sort((a, b) => order.indexOf(a) - order.indexOf(b));

  const labels = factLabels(facts, t);
  const phrases = verdicts.map((v) =>
    t(`assistant.eligibility.chat.leadVerdict.${v.verdict}`, {
      scheme: t(`assistant.eligibility.chat.inText.${v.scheme}`),
      fields: v.unknown.map((f) => t(`assistant.eligibility.fields.${f}`)).join(t("assistant.eligibility.chat.and")),
    }),
  );
  const lead = t("assistant.eligibility.chat.lead", {
    facts: labels.join(t("assistant.eligibility.chat.listSeparator")),
    verdicts: phrases.join(t("assistant.eligibility.chat.clauseSeparator")),
  });

  const block: EligibilityBlock = {
    facts: labels,
    items,
    unknown: unknownFields.map((field) => ({ field, question: t(`assistant.eligibility.questions.${field}`) })),
    prefill: prefillAnswers(facts),
    assumption: facts.certificate === undefined && verdicts.some((v) => v.assumesCertificate) ? t("assistant.eligibility.chat.assumesCertificate") : null,
  };

  const nextSteps: NextStep[] = [];
  const guides = [...new Set(verdicts.filter((v) => v.verdict !== "not").map((v) => v.guide))].slice(0, 2);
  for (const guide of guides) {
    const doc = index.documents.get(guide);
    if (doc) nextSteps.push({ kind: "guide", text: t("assistant.next.guide", { title: doc.title }), href: `/policies/${doc.id}` });
  }
  const apply = guides.length ? index.documents.get(guides[0])?.steps?.[0] : undefined;
  if (apply) nextSteps.push({ kind: "apply", text: t("assistant.next.apply", { text: apply.text }) });
  if (facts.certificate === "no" || facts.certificate === "applying") {
    const doc = index.documents.get("disability-certificate-guide");
    if (doc) nextSteps.push({ kind: "guide", text: t("assistant.next.guide", { title: doc.title }), href: `/policies/${doc.id}` });
  }
  nextSteps.push({ kind: "eligibility", text: t("assistant.eligibility.chat.checkerNext"), href: "/assistant/eligibility" });
  nextSteps.push({ kind: "hotline", text: t("assistant.next.hotline", { phone: hotline }) });

  return {
    status: "answered",
    grounded: true,
    mode: "extractive",
    notices: personalDataNotice(t, personalData),
    lead,
    points,
    summaries: [],
    body: "",
    passages,
    rule: ruleToSay(verdicts, t),
    nextSteps,
    eligibility: block,
  };
}

/**
 * The rule, in words, when one benefit was asked about and the answer is not a plain yes ("还要看残疾类别",
 * "不符合"): the person sees what the benefit asks for (一级或二级、需要长期照护), not only the verdict.
 */
function ruleToSay(verdicts: SchemeVerdict[], t: TFunction): AnswerView["rule"] {
  if (verdicts.length !== 1 || verdicts[0].verdict === "likely") return null;
  const scheme = verdicts[0].scheme;
  return { scheme, text: t(keyUnder("assistant.rules", schemeRuleSummary[scheme].summaryKey)) };
}
