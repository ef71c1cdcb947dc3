import { federationPhone } from "~/modules/site/contact-details";
import type { TFunction } from "i18next";
import type { Locale } from "~/i18n/config";
import { loadGlossary } from "~/modules/content/corpus.server";
import { expandQuery, tokenize } from "~/modules/search/index.server";
import { levyBandSentence, levyFormula, levyFormulaDocument, type LevyBand } from "./levy";
import { schemeForTerms, schemeRuleSummary, type Scheme } from "./eligibility";
import type { AnswerPassage, AnswerView, NextStep } from "./answer-view";
import { unsaidTerms } from "./grounding.server";
import { blocksOf, isNumbered, itemText, listHolding } from "./passage-structure";
import { aspectAlsoStated, aspectHeadings, aspectPhrases, aspectStatements, everyoneElse, plainAspectPhrases } from "./dialog-phrases";
import { eligibilityText } from "./eligibility-text";
import { extractFacts } from "./stated-facts";
import { getPhrases } from "./phrases.server";
import { questionClauses } from "./understand.server";
import type { AnswerStatus, PersonalDataKind } from "./guards";
import type { Retrieval, RetrievedChunk } from "./retrieve.server";
import type { AssistantChunk, AssistantIndex } from "./vector-index.server";
import { keyUnder } from "~/i18n/keys";

/**
 * The extractive answer (no language model): a one-sentence lead from the best passage, two to four short
 * quotes (≤ 80 characters) from the retrieved chunks with their citations, then next steps. Every quote and
 * citation comes from a retrieved chunk, referenced by its key: nothing is written that the corpus does not say.
 */

export const hotline = federationPhone;
export const maxQuoteLength = 80;

export type { AnswerPassage, AnswerView, NextStep } from "./answer-view";

const sentenceEnd = /(?<=[。！？；!?;])|\n/;

export function splitSentences(text: string): string[] {
  return text
    .split(sentenceEnd)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const normalize = (text: string) => text.normalize("NFKC").toLowerCase();

export interface TermWeight {
  term: string;
  weight: number;
}

let variantsByCanonical: Map<string, string[]> | undefined;
/** Chinese variants of each glossary term (残疾人就业保障金 → 残保金, 就业保障金 …). */
function glossaryVariants(canonical: string): string[] {
  if (!variantsByCanonical) {
    variantsByCanonical = new Map(
      loadGlossary().terms.map((term) => [term.canonical, term.variants.map(normalize).filter((v) => /\p{Script=Han}{2}/u.test(v))]),
    );
  }
  return variantsByCanonical.get(canonical) ?? [];
}

/**
 * The question's terms with idf weights: own words full, glossary additions 0.8, sub-words 0.3; the Chinese
 * variants of a glossary term the question used count as that term (0.6).
 */
export function questionTerms(retrieval: Retrieval, idf: (term: string) => number): TermWeight[] {
  const { expanded } = retrieval;
  const added = new Set(expanded.addedTokens);
  const sub = new Set(expanded.subTerms);
  const out: TermWeight[] = expanded.terms.map((term) => ({
    term,
    weight: idf(term) * (added.has(term) ? 0.8 : 1) * (sub.has(term) ? 0.3 : 1),
  }));
  const have = new Set(out.map((t) => t.term));
  for (const { canonical } of expanded.expansions) {
    const weight = idf(normalize(canonical)) * 0.6;
    for (const variant of glossaryVariants(canonical)) {
      if (!have.has(variant)) {
        have.add(variant);
        out.push({ term: variant, weight });
      }
    }
  }
  return out;
}

/** Pseudo-terms for what kind of fact a question asks for: a date, a number, a duration. */
const factPatterns: Array<{ question: RegExp; sentence: RegExp; term: string }> = [
  { question: /哪一年|哪年|什么时候|何时|几时|哪天|哪一天|几月|几号|\bwhen\b|\bwhat\s+year\b/i, sentence: /\d{4}年|\d{1,2}月\d{1,2}日|\b(19|20)\d{2}\b/, term: "\u0000date" },
  // …or states the rule a date follows each year (每年9月的最后一个星期日): weaker than a date written out.
  { question: /哪一年|哪年|什么时候|何时|几时|哪天|哪一天|几月|几号|\bwhen\b/i, sentence: /\d{1,2}月的?(?:第[一二三四五]个|最后一个)(?:星期|周)[一二三四五六日天]/, term: "\u0000dateRule" },
  // ("是不是快到期了": how long it is valid for.)
  { question: /多久|几耐|多长时间|有效期|快到期|到期了|过期了|什么时候到期|几时到期|how\s+long/i, sentence: /\d+\s*(年|个月|天|日|个工作日)|[一二三四五六七八九十]+(年|个月|天)/, term: "\u0000duration" },
  { question: /多少|几个|几人|比例|how\s+many|how\s+much/i, sentence: /\d/, term: "\u0000number" },
  // "几岁以内 / 多大的孩子": the sentence that states an age (0至6岁), not one that says the range may be widened.
  { question: /几岁|多大|年龄|岁以[内下]|how\s+old|what\s+age|age\s+limit/i, sentence: /\d+\s*(?:岁|周岁)|[零一二三四五六七八九十]+(?:岁|周岁)|\b\d+\s*years?\s+old\b|\bunder\s+\d+\b/i, term: "\u0000age" },
  { question: /怎么计算|如何计算|怎么算|怎样计算|计算方法|公式|how\s+is\s+.*calculated/i, sentence: /[=×÷]|公式|计算方法/, term: "\u0000formula" },
  // "要不要钱" / "is it free": the sentence that says whether it is free, before one about some other cost.
  {
    question: /要钱|要不要钱|收费|收不收|免费|交钱|花钱|掏钱|付钱|出钱|使唔使钱|\bfree\b|\bcost\b|\bcharge|\bpay\b|\bfees?\b/i,
    sentence: /免费|不收费|不收取|\bfree\b|no\s+charge/i,
    term: "\u0000free",
  },
  // "How do I apply": the sentence that says where and how an application is made, not who may make one.
  {
    question: /怎么申请|怎样申请|如何申请|怎么办理|怎样办理|如何办理|怎么办证|申请流程|办理流程|\bhow\s+(do|can)\s+(i|we)\s+apply\b|\bhow\s+to\s+apply\b/i,
    sentence: /(到|向|在)[^，。；]{0,24}(窗口|残联|乡镇|街道|平台|政务服务)[^，。；]{0,12}(申请|提出|办理)|提出(书面)?申请/,
    term: "\u0000procedure",
  },
  // "要本人去吗": the sentence that says someone else may apply for the person (由监护人代为申请), or staff come home.
  {
    question: new RegExp(aspectPhrases.proxy.filter((p): p is string => typeof p === "string").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "i"),
    sentence: aspectStatements.proxy,
    term: "\u0000proxy",
  },
  // "网上能弄不": the sentence that says it can be done online (平台, 小程序), not where the window is.
  {
    question: /网上|线上|手机上|在线|\bonline\b|\binternet\b/i,
    sentence: /网上|线上|在线|平台|小程序|\bonline\b/i,
    term: "\u0000online",
  },
  // "What can I do / whom do I ask": the sentences that say what to do and where to turn.
  {
    question: /怎么办|怎么做|咋办|咋整|找谁|谁管|向谁|哪个部门|去哪里|打给谁|打电话给谁|问谁|找哪里|找哪个|边个管|搵边个|what\s+(should|can)\s+i\s+do|who\s+(do|should|can)\s+i|where\s+(do|can)\s+i|how\s+do\s+i\s+(report|complain)/i,
    sentence: /可以(向|到|去|找|申请|投诉|举报|反映|起诉|打电话)|投诉|举报|反映|起诉|仲裁|打电话|联系/,
    term: "\u0000action",
  },
  // "去哪里报名 / 找谁换证": the sentence that names the office (残联, 窗口, 乡镇（街道）…), not one that only says why.
  {
    question: /去哪|到哪|在哪(里|儿)?(办|申请|报名|换|交|领)|在哪(里|儿)?(?=[，,；;？?。！!\s]|$)|在什么地方|哪个地方|地址|哪里(办|申请|报名|换|交|领)|找谁|向谁|问谁|找哪|哪个部门|哪个单位|where\s+(do|can|should)\s+i|where\s+is|who\s+(do|should)\s+i\s+(ask|contact|apply)/i,
    sentence: /残联|窗口|乡镇|街道|村（居）委会|居委会|村委会|政务服务|服务中心|医院|指定(的)?机构|办事处|设在|位于|地址|office|federation|service\s+(centre|center|hall)|\blocated\b/i,
    term: "\u0000where",
  },
  // "成立了没有 / 建好了吗 / has it opened": the sentence that says whether and when it was set up or registered.
  {
    question: /(?:成立|登记|注册|建成|建好|开馆|开放|挂牌|办起来)了?(?:没有|没|吗|未)|有没有(?:成立|建成|开馆)|(?:成立|建成)(?:了)?多久|\b(?:has|have|was|is)\b[\w\s]{0,30}\b(?:set up|founded|established|registered|opened)\b/i,
    sentence: /(?:完成|办理)[^，。；]{0,10}(?:注册|登记)|(?:注册|登记)手续|成立于|\d{4}年\d{0,2}月?(?:成立|建成|开馆|挂牌|揭牌|投入使用)|\b(?:registered|founded|established|set up)\b/i,
    term: "\u0000status",
  },
];

/**
 * Weight of a fact the question asks for against its strongest word: a question for a number, a date, a duration
 * or a formula is answered by the sentence that states one, more than by the one that repeats its words.
 */
const factWeight: Record<string, number> = { "\u0000status": 1.5, "\u0000online": 1.5, "\u0000proxy": 1.5, "\u0000dateRule": 0.75, "\u0000age": 1.5, "\u0000where": 1.5, "\u0000date": 1.5, "\u0000duration": 1.5, "\u0000number": 1.5, "\u0000formula": 1.5 };

/**
 * Kinds of fact whose sentence pattern is specific enough to pick the lead by: a formula. (A bare digit is not,
 * and "要多久" is often rightly answered by "审核需要的时间，以当地规定为准", not by another section's 5个工作日.)
 */
const statedKinds = new Set(["\u0000formula"]);

/** The clauses of a question that ask (understand.server.ts), or all of it when it tells no story. */
export function askingPart(question: string): string {
  const clauses = questionClauses(question, getPhrases());
  const asking = clauses.filter((c) => c.asking).map((c) => c.clause);
  return asking.length ? asking.join("，") : question;
}

/** Adds a pseudo-term for the kind of fact the question asks for, weighted like its strongest word (or more). */
export function withFactTerms(question: string, terms: TermWeight[]): TermWeight[] {
  const strongest = terms.reduce((m, t) => Math.max(m, t.weight), 1);
  const extra = factPatterns.filter((f) => f.question.test(question)).map((f) => ({ term: f.term, weight: strongest * (factWeight[f.term] ?? 1) }));
  return [...terms, ...extra];
}

/** A legal basis in brackets after a sentence ("（《无障碍环境建设法》第十九条）"): where it comes from, not what it says. */
const citedBasis = /[（(]《[^》]{2,40}》[^（）()]{0,24}[）)]/g;

/** The pseudo-term of a levy band (levy.ts): the sentence that states the band the employer's counts put it in. */
const levyBandTerm = (band: LevyBand) => `\u0000levy:${band}`;

/** Adds the levy band's pseudo-term, weighed above everything else: the rule for this employer is the answer. */
export function withLevyBand(terms: TermWeight[], band: LevyBand | undefined): TermWeight[] {
  if (!band) return terms;
  const strongest = terms.reduce((m, t) => Math.max(m, t.weight), 1);
  // (…and the formula the band's share is of: "要交多少" is answered by both.)
  const formula = terms.some((t) => t.term === "\u0000formula") ? [] : [{ term: "\u0000formula", weight: strongest }];
  return [...terms, { term: levyBandTerm(band), weight: strongest * 3 }, ...formula];
}

export function scoreSentence(sentence: string, terms: TermWeight[]): number {
  const text = normalize(sentence.replace(citedBasis, ""));
  let score = 0;
  for (const { term, weight } of terms) {
    if (term.startsWith("\u0000levy:")) {
      if (levyBandSentence[term.slice("\u0000levy:".length) as LevyBand]?.test(sentence)) score += weight;
    } else if (term.startsWith("\u0000")) {
      const fact = factPatterns.find((f) => f.term === term);
      if (fact?.sentence.test(sentence)) score += weight;
    } else if (text.includes(term)) score += weight;
  }
  return score;
}

/**
 * Re-ranks the fused hits by how well their best sentence (with the section heading) matches the question:
 * a light stand-in for a cross-encoder. Fused order still counts for half.
 */
/** Weight, in the re-ranking, of the question's words that the passage's document title says. */
export const titleBonus = 0.1;

/**
 * Weight, in the re-ranking, of a section of the best document whose own heading says the aspect the question
 * asks ("要带啥" → the section headed 需要带什么材料): the section written to answer it, before one that mentions it.
 */
export const aspectHeadingBonus = 0.15;

/**
 * Whether a section answers one of the aspects asked (dialog-phrases.ts): its own heading says the aspect
 * (`aspectHeadings`), and where an aspect is a kind of fact (an age) it states one (`aspectStatements`); or, for
 * such an aspect, it states one whatever its heading ("谁可以申请" says "0至6岁": it answers "多大的孩子可以").
 */
function headedFor(chunk: AssistantChunk, aspects: string[]): boolean {
  const own = chunk.headingPath.at(-1) ?? "";
  // "how" is also read from a bare 申请 or 办理: beside a more particular aspect ("申请…要带什么材料") it is no aspect.
  const particular = aspects.length > 1 ? aspects.filter((a) => a !== "how") : aspects;
  return particular.some((a) => {
    const states = aspectStatements[a];
    return states ? states.test(chunk.text) : (aspectHeadings[a] ?? []).some((w) => own.includes(w));
  });
}

/**
 * A section for one case of a guide's procedure other than its first ("四、办理流程 › 2. 对评定结果有异议", "› 3. 换领"):
 * the guide's general sections (去哪里办, 要多久) are about the first case, 新办.
 */
function isCaseSection(chunk: AssistantChunk): boolean {
  const path = chunk.headingPath;
  return path.length >= 2 && (aspectHeadings.how ?? []).some((w) => path[path.length - 2].includes(w)) && !headedFor(chunk, ["how"]);
}

/** Words that say what is asked of a topic (证件, 时间: dialog-phrases.ts), not the topic. */
const aspectWordSet = new Set(plainAspectPhrases);

/**
 * Whether a section's own heading says one of the question's words that tell its topic (two characters or more,
 * weighing at least half, not a word for what is asked: 证件 in "挂失补办（证件丢了）" is no 异议).
 */
function headingSays(chunk: AssistantChunk, terms: TermWeight[]): boolean {
  const heading = normalize(chunk.headingPath.at(-1) ?? "");
  return terms.some((t) => [...t.term].length > 1 && t.weight >= 0.5 && !aspectWordSet.has(t.term) && heading.includes(t.term));
}

/**
 * The document whose sections answer the aspects asked: the best one whose title names a service the question
 * names (glossary terms: "残疾证去哪办 要带啥" → 残疾人证 → the certificate guide, not the allowance guide whose
 * materials list the certificate); else the best.
 */
function aspectDocument(scored: Array<{ hit: RetrievedChunk; value: number }>, services: string[]): string {
  const best = (list: typeof scored) => list.reduce((a, b) => (b.value > a.value ? b : a));
  const naming = scored.filter((x) => services.some((term) => normalize(x.hit.chunk.docTitle).includes(term)));
  return best(naming.length ? naming : scored).hit.chunk.docId;
}

export function rerank(hits: RetrievedChunk[], terms: TermWeight[], aspects: string[] = [], services: string[] = []): RetrievedChunk[] {
  const own = terms.filter((t) => !t.term.startsWith("\u0000"));
  const max = own.reduce((s, t) => s + t.weight, 0) || 1;
  const scored = hits.map((hit, i) => {
    const heading = hit.chunk.headingPath.join(" ") || hit.chunk.docTitle;
    const best = splitSentences(hit.chunk.text).reduce((m, sentence) => Math.max(m, scoreSentence(`${heading} ${sentence}`, terms)), 0);
    // A section of the document whose title names what is asked (残疾人证 → the certificate guide) before a
    // section elsewhere that mentions it in passing (the allowance guides' materials list the certificate).
    const title = normalize(hit.chunk.docTitle);
    const named = own.reduce((sum, t) => ([...t.term].length > 1 && title.includes(t.term) ? sum + t.weight : sum), 0);
    const match = Math.min(1, best / max);
    return { hit, match, value: (1 / (i + 2)) * 0.5 + 0.5 * match * 0.5 + titleBonus * Math.min(1, named / max) };
  });
  // Within the document that answers best, the section headed for what is asked comes first (a "去哪里办"
  // of another document does not: the document is chosen by the topic, the section by the aspect).
  if (aspects.length && scored.length) {
    const topDoc = aspectDocument(scored, services);
    // (Or the section that says the question's words best, when it states the fact asked: "收到结果多少天内可以申请重评" → the
    // section on objections, "10个工作日内", not the guide's "要多久".)
    const closest = Math.max(...scored.map((x) => x.match));
    const states = (x: (typeof scored)[number]) => x.match >= closest && aspects.some((a) => aspectAlsoStated[a]?.test(x.hit.chunk.text));
    // (A question about one case of a guide's procedure, whose own heading says the question's words, 对评定结果有异议 or
    // 换领, is answered in that case's section: the guide's general 去哪里办 and 要多久 are about its first case, 新办.)
    const closestInDoc = Math.max(...scored.filter((x) => x.hit.chunk.docId === topDoc).map((x) => x.match));
    const caseSection = scored.find((x) => x.hit.chunk.docId === topDoc && x.match >= closestInDoc && isCaseSection(x.hit.chunk) && headingSays(x.hit.chunk, own));
    if (caseSection) caseSection.value += aspectHeadingBonus;
    else for (const x of scored) if (x.hit.chunk.docId === topDoc && (headedFor(x.hit.chunk, aspects) || states(x))) x.value += aspectHeadingBonus;
  }
  return scored.sort((a, b) => b.value - a.value).map((x) => x.hit);
}

/** A sentence that only introduces what follows ("材料是：") or points elsewhere ("申请办法见…指南。"). */
function isIntro(sentence: string): boolean {
  return /[：:]$/.test(sentence) || isCrossReference(sentence);
}

/** Weight of a sentence that defers to someone else: it often repeats the question ("要带哪些材料，以…为准"). */
const deferredWeight = 0.6;

/** A sentence that defers to someone else ("以窗口告知为准", "请咨询市残联"): a weaker lead than one that states. */
function defers(sentence: string): boolean {
  return /以[^，。；]{1,24}为准|请(先)?(咨询|询问|打电话|向)|请关注/.test(sentence);
}

function isCrossReference(sentence: string): boolean {
  if (/^(详见|见|参见|以上|本页)|(办法|做法|情况|规定|流程|方法|政策)见/.test(sentence)) return true;
  // "……，见X。" points elsewhere, unless it says something first ("体验辅具：粤北区域中心设在清远，可以体验各类辅具，见…").
  const pointer = /，见[^，。；]{2,40}[。；：:]?$/.exec(sentence);
  return pointer !== null && [...sentence.slice(0, pointer.index)].length < pointerOnlyBefore;
}

/** Characters before a trailing "，见X" under which the sentence only points (tuned: 24 and 1000 score the same, 16 loses one). */
const pointerOnlyBefore = 24;

/** A quote of at most `max` characters around the sentence that best matches, extended with its neighbours. */
export function quoteFrom(text: string, terms: TermWeight[], max = maxQuoteLength): { quote: string; score: number; best: string } {
  const sentences = splitSentences(text);
  if (!sentences.length) return { quote: "", score: 0, best: "" };
  let bestIndex = 0;
  let bestScore = -1;
  sentences.forEach((s, i) => {
    const own = (x: string) => scoreSentence(x, terms) * (isCrossReference(x) ? 0.3 : defers(x) ? deferredWeight : 1);
    let score = own(s) + (s.length > 4 ? 0 : -1);
    // An introduction ("计算方法是：") stands for the line after it too (and brings its list to the lead).
    if (isIntro(s) && sentences[i + 1]) score = Math.max(score, own(sentences[i + 1])) + 0.01;
    if (score > bestScore) {
      bestScore = score;
      bestIndex = i;
    }
  });
  let best = sentences[bestIndex];
  const length = (s: string) => [...s].length;
  // The lead never ends on a colon: prefer the line the introduction announces.
  if (isIntro(best) && sentences[bestIndex + 1] && length(best) + length(sentences[bestIndex + 1]) + 1 > max) {
    bestIndex++;
    best = sentences[bestIndex];
  }
  const chars = [...best];
  if (chars.length > max) {
    // Window around the first strong match.
    const lower = normalize(best);
    const strongest = [...terms].sort((a, b) => b.weight - a.weight).find((t) => lower.includes(t.term));
    const at = strongest ? [...lower.slice(0, lower.indexOf(strongest.term))].length : 0;
    const start = Math.max(0, Math.min(at - 15, chars.length - (max - 2)));
    const body = chars.slice(start, start + max - (start > 0 ? 2 : 1)).join("");
    return { quote: `${start > 0 ? "…" : ""}${body}…`, score: bestScore, best };
  }
  // Add following, then preceding sentences while they fit.
  let from = bestIndex;
  let to = bestIndex;
  let total = chars.length;
  const fits = (i: number) => i >= 0 && i < sentences.length && total + length(sentences[i]) + 1 <= max;
  while (fits(to + 1)) {
    to++;
    total += length(sentences[to]) + 1;
  }
  while (fits(from - 1)) {
    from--;
    total += length(sentences[from]) + 1;
  }
  const quote = sentences.slice(from, to + 1).join(" ");
  let lead = isIntro(best) && sentences[bestIndex + 1] && !isCrossReference(best) ? `${best}${sentences[bestIndex + 1]}` : best;
  // "这叫口述影像" points back: the sentence before it says what "这" is; "也就是说，……" explains the sentence
  // before it, which is the answer.
  if (/^(这|它|其|该|此|也就是说|换句话说|所以|因此|因而)/.test(lead) && bestIndex > 0 && !isIntro(sentences[bestIndex - 1])) lead = `${sentences[bestIndex - 1]}${lead}`;
  // "要带哪些材料，以工作人员告知为准" qualifies the sentence before it in its paragraph ("一般带上残疾人证或身份证件"),
  // whatever words that one shares with the question: both lead.
  const previous = sentences[bestIndex - 1];
  if (
    lead === best &&
    defers(best) &&
    previous &&
    lineNumbers(text)[bestIndex - 1] === lineNumbers(text)[bestIndex] &&
    !defers(previous) &&
    !isIntro(previous) &&
    length(previous) + length(best) <= maxLeadLength
  ) {
    lead = `${previous}${best}`;
  }
  if (isCrossReference(lead)) {
    // The lead states something; a pointer elsewhere is only a fallback.
    const stated = sentences
      .map((s) => ({ s, score: scoreSentence(s, terms) }))
      .filter((x) => !isIntro(x.s) && x.s.length > 4)
      .sort((a, b) => b.score - a.score)[0];
    if (stated) lead = stated.s;
  }
  // A lead is whole clauses of its line: "公示5个工作日；公示后…10个工作日内审核发证。" is one answer, not two.
  const line = lineNumbers(text);
  let last = bestIndex;
  const restOfLine = () => {
    while (/[；;]$/.test(lead) && line[last + 1] === line[last] && length(lead) + length(sentences[last + 1]) <= maxLeadLength) {
      last++;
      lead = `${lead}${sentences[last]}`;
    }
  };
  if (lead === best) {
    let first = bestIndex;
    while (first > 0 && line[first - 1] === line[bestIndex] && /[；;]$/.test(sentences[first - 1]) && length(sentences[first - 1]) + length(lead) <= maxLeadLength) {
      first--;
      lead = `${sentences[first]}${lead}`;
    }
    restOfLine();
    best = lead;
  }
  // A short lead takes the sentence that explains it ("口述影像，是给盲人的帮助。" + what it does); a line with no
  // closing punctuation ("邮政地址：清远市…1号") is an item of a list written without one, and stands alone.
  const next = sentences[last + 1];
  if (lead === best && length(lead) < shortLead && /[。！？!?]$/.test(lead) && next && !isIntro(next) && !isCrossReference(next) && length(lead) + length(next) <= maxLeadLength) {
    lead = `${lead}${next}`;
    last++;
    restOfLine();
  }
  return { quote, score: bestScore, best: lead };
}

/** For each of splitSentences(text), the number of the line it is on. */
function lineNumbers(text: string): number[] {
  return text.split("\n").flatMap((line, n) => splitSentences(line).map(() => n));
}

/** A lead shorter than this (characters) takes the sentence after it. */
const shortLead = 40;

/**
 * The items of the first list in a text (lines after an introduction ending in "："), shortened to their
 * heads ("视力残疾：包括盲和低视力；" → "视力残疾"). Empty when the text has no list of 3 or more items.
 */
export function listItems(text: string, maxItems = 8): string[] {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const intro = lines.findIndex((l) => /[：:]$/.test(l));
  const start = intro >= 0 ? intro : -1;
  if (intro < 0 && lines.filter((l) => [...l].length <= 30).length < 3) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/[：:]$/.test(line) || [...line].length > 60) break;
    const clean = line.replace(/^(\d+[.．、]|[（(]\d+[)）]|[-•·])\s*/, "").replace(/[；;。，,]$/, "");
    const head = /^([^：:，,]{2,14})[：:]/.exec(clean)?.[1] ?? clean;
    items.push([...head].length > 30 ? `${[...head].slice(0, 29).join("")}…` : head);
    if (items.length >= maxItems) break;
  }
  return items.length >= 3 ? items : [];
}

const listQuestion = /哪些|哪几|几类|几种|几级|什么材料|带什么|包括什么|包括哪|有什么|\bwhich\b|\bwhat\s+(are|documents|kinds|types)\b/i;

export function citationTitle(chunk: AssistantChunk): string {
  if (!chunk.citation) return chunk.docTitle;
  return chunk.docType === "regulation" ? `《${chunk.docTitle}》${chunk.citation}` : `${chunk.docTitle} · ${chunk.citation}`;
}

/** Weight, when a section's sentences are compared, of a word its document's title already says. */
export const titleWordWeight = 0.3;

/**
 * The question's terms as they tell one section's sentences apart, for a follow-up: the topic it borrowed from
 * the earlier turn (视障图书馆, a word of the document's title) is what every sentence there is about, so it
 * weighs little; the sentence that says what is asked now ("要带什么证件" → "一般带上残疾人证或身份证件") is not
 * outdone by one that repeats the topic ("…以图书馆工作人员告知为准"). `typed` is what the person asked this turn.
 */
export function withinDocument(chunk: AssistantChunk, terms: TermWeight[], typed: string): TermWeight[] {
  const title = normalize(chunk.docTitle);
  const own = normalize(typed);
  // The corpus's word for one the person typed ("换新证" → 换领) is what they asked, not the borrowed topic.
  const expanded = expandQuery(own);
  const ownWords = new Set([...expanded.terms, ...expanded.expansions.flatMap(({ canonical }) => glossaryVariants(canonical))]);
  // When the follow-up asks for a kind of fact ("去哪里报名": an office), the borrowed topic does not tell its
  // sentences apart at all: the one that names the office answers, whichever repeats the topic.
  const factAsked = terms.some((t) => t.term.startsWith("\u0000"));
  return terms.map((t) =>
    !t.term.startsWith("\u0000") && title.includes(t.term) && !own.includes(t.term) && !ownWords.has(t.term)
      ? { ...t, weight: factAsked ? 0 : t.weight * titleWordWeight }
      : t,
  );
}

/** How a passage's quote is labelled: the citation itself, or the site's note beside it. */
export type CitationLabel = (chunk: AssistantChunk, fromNote: boolean) => string;

const plainLabel: CitationLabel = (chunk) => citationTitle(chunk);

/**
 * The quote a chunk gives for the question: from the article's own words, or — only when they say nothing the
 * question asks and the site's note beside them does — from the note, labelled as the note (a citation of
 * 《…》第二十六条 never quotes "在清远怎么申请").
 */
export function passageQuote(chunk: AssistantChunk, terms: TermWeight[]): { quote: string; score: number; best: string; source: string; fromNote: boolean } {
  const article = chunk.article ? quoteFrom(chunk.article, terms) : { quote: "", score: -1, best: "" };
  if (chunk.note) {
    const note = quoteFrom(chunk.note, terms);
    // The article first: the note only when it matches clearly better (a date or a count the article lacks).
    if (note.quote && note.score > 0 && note.score > Math.max(0, article.score) * 1.5) return { ...note, source: chunk.note, fromNote: true };
  }
  return { ...article, source: chunk.article, fromNote: false };
}

/** A word is one of the question's strong ones at this share of its strongest word's weight (tuned: 0.6, 0.8 the same). */
const strongShare = 0.6;

/**
 * Choose 2–4 passages: the best one first, then — among the next candidates — the one that says most of what the
 * question asks and the passages so far do not ("有没有字幕，要怎么预约": subtitles, then booking); at most two
 * per document, no repeated quotes, each with a sentence that matches (the `extra` chunks, the rule's sources,
 * need not).
 */
export function choosePassages(
  hits: RetrievedChunk[],
  terms: TermWeight[],
  extra: AssistantChunk[] = [],
  max = 4,
  label: CitationLabel = plainLabel,
  /** A passage that answers what is asked though it repeats none of its words (the section headed for it). */
  answers: (chunk: AssistantChunk) => boolean = () => false,
): AnswerPassage[] {
  const picked: AnswerPassage[] = [];
  const perDoc = new Map<string, number>();
  const seenQuotes = new Set<string>();
  const covered = new Set<string>();
  const own = terms.filter((t) => !t.term.startsWith("\u0000"));
  const facts = terms.filter((t) => t.term.startsWith("\u0000"));
  let firstDoc: string | undefined;
  const strongest = own.reduce((m, t) => Math.max(m, t.weight), 0);
  const strong = own.filter((t) => t.weight >= strongest * strongShare);
  const gain = (quote: string, chunk?: AssistantChunk) => {
    const text = normalize(quote);
    const words = own.reduce((sum, t) => (!covered.has(t.term) && text.includes(t.term) ? sum + t.weight : sum), 0);
    // The kind of fact asked for (a date, a number, what to do) counts once, like a word, in a passage that says
    // one of the question's strong words: "到乡镇（街道）申请" in the nursing-allowance guide is no answer to
    // "法律援助怎么申请".
    const onTopic = strong.some((t) => text.includes(t.term)) || (chunk !== undefined && chunk.docId === firstDoc);
    const kinds = onTopic ? facts.reduce((sum, f) => (!covered.has(f.term) && scoreSentence(quote, [f]) > 0 ? sum + f.weight : sum), 0) : 0;
    return words + kinds;
  };
  const take = (chunk: AssistantChunk, quote: string, fromNote: boolean) => {
    seenQuotes.add(quote);
    perDoc.set(chunk.docId, (perDoc.get(chunk.docId) ?? 0) + 1);
    for (const t of own) if (normalize(quote).includes(t.term)) covered.add(t.term);
    for (const f of facts) if (scoreSentence(quote, [f]) > 0) covered.add(f.term);
    firstDoc ??= chunk.docId;
    picked.push({ n: picked.length + 1, key: chunk.key, title: label(chunk, fromNote), url: chunk.url, quote });
  };
  const usable = (chunk: AssistantChunk) => !picked.some((p) => p.key === chunk.key) && (perDoc.get(chunk.docId) ?? 0) < 2;
  const pool = hits
    .map((hit) => ({ chunk: hit.chunk, ...passageQuote(hit.chunk, terms) }))
    .filter((c) => c.quote && (c.score > 0 || answers(c.chunk)));
  /** How far down the ranking a passage that adds something may come from. */
  const window = 6;
  while (picked.length < max) {
    const open = pool.filter((c) => usable(c.chunk) && !seenQuotes.has(c.quote));
    if (!open.length) break;
    const head = open.slice(0, window);
    const best = picked.length ? head.reduce((a, b) => (gain(b.quote, b.chunk) > gain(a.quote, a.chunk) ? b : a), head[0]) : head[0];
    take(best.chunk, best.quote, best.fromNote);
  }
  for (const chunk of extra) {
    if (picked.length >= max || !usable(chunk)) continue;
    const { quote, fromNote } = passageQuote(chunk, terms);
    if (quote && !seenQuotes.has(quote)) take(chunk, quote, fromNote);
  }
  return picked;
}

/** Longest lead before it is cut (at a clause, with "…"). */
export const maxLeadLength = 200;

/** A lead of at most `maxLeadLength` characters: whole when it fits, else cut after the last clause that does. */
function fitLead(sentence: string): string {
  const chars = [...sentence];
  if (chars.length <= maxLeadLength) return sentence;
  const head = chars.slice(0, maxLeadLength - 1).join("");
  const cut = Math.max(head.lastIndexOf("，"), head.lastIndexOf("；"), head.lastIndexOf("、"));
  return `${cut > maxLeadLength / 2 ? head.slice(0, cut) : head}…`;
}

/**
 * The answer's first sentence and, when that sentence belongs to a list, the whole list: a lead "同时符合下面
 * 两条的人，可以申请…：" brings all its items, an item brings its introduction and its siblings. `heading` stands
 * in for a list that has no introduction ("需要带什么材料").
 */
export function leadAndList(source: string, best: string, heading: string, headed = false): { lead: string; points: string[] } {
  const list = listHolding(source, best);
  if (!list) return { lead: fitLead(best), points: [] };
  // A list with no introduction of its own, whose item answers: that item is the first sentence ("残疾人证本身不收费，
  // 换领也免费。"), the list after it; the heading stands in for an introduction only for a section headed for what is
  // asked (`headed`: "需要带什么材料：" and the materials). A bulleted list keeps its order without the item that
  // leads; numbered steps keep every step.
  if (!list.intro && !headed) {
    const at = list.items.findIndex((item) => item.includes(best) || best.includes(item));
    if (at >= 0) {
      const lead = `${itemText(list.items[at])}。`.replace(/[：:]。$/, "。");
      const numbered = list.items.every(isNumbered);
      const points = list.items.filter((_, i) => numbered || i !== at).map(itemText);
      return { lead: fitLead(lead), points: points.length >= 2 || numbered ? points : [] };
    }
  }
  const intro = list.intro ?? `${heading.replace(/^([一二三四五六七八九十]+、|\d+[.．、]\s*)/, "")}：`;
  return { lead: fitLead(intro), points: list.items.map(itemText) };
}

const englishWord = /[a-z][a-z'-]+/g;

/** "What is the nursing allowance?": a question the document's summary answers by itself. */
const definitional = /^\s*(what\s+(is|are)|what's|tell\s+me\s+about)\b/i;

/**
 * The English summary sentence of the retrieved documents that shares most words with the question, the
 * documents' order counting two words a place: the document cited first leads unless another's sentence says
 * clearly more of what is asked (the national allowance document repeats "living allowance" more than the guide).
 */
export function englishLead(question: string, chunks: AssistantChunk[], index: AssistantIndex): string {
  const wanted = new Set(tokenize(question).filter((t) => /^[a-z]/.test(t)));
  let best = "";
  let bestScore = 0;
  const docs = [...new Set(chunks.map((c) => c.docId))];
  docs.forEach((docId, rank) => {
    const doc = index.documents.get(docId);
    if (!doc?.summaryEn) return;
    for (const sentence of doc.summaryEn.split(/(?<!\b(?:No|Art|Arts|e\.g|i\.e|cf)\.)(?<=[.!?])\s+(?=[A-Z“"(])/)) {
      const words = new Set(tokenize(sentence).filter((t) => /^[a-z]/.test(t)));
      let score = 0;
      for (const w of wanted) if (words.has(w)) score += 1;
      score = score - rank * 2;
      if (score > bestScore || (!best && rank === 0)) {
        bestScore = Math.max(score, bestScore);
        best = sentence.trim();
      }
    }
  });
  return best.match(englishWord) ? best : "";
}

const eligibilityIntent =
  /能不能|能否|可不可以|可以.{0,6}(领|申请|享受|拿)|能.{0,4}(领|申请|拿|享受)|符合|资格|条件|谁可以|哪些人|什么人|给谁|对象|\beligib|\bqualif|can\s+i\s+(get|apply|receive|claim)|who\s+can|who\s+is\s+eligible/i;

/** The subsidy a question asks "who can get it" about, if any. */
export function eligibilityScheme(retrieval: Retrieval): Scheme | null {
  if (!eligibilityIntent.test(retrieval.understanding.text)) return null;
  const terms = retrieval.expanded.expansions.map((e) => e.canonical);
  return schemeForTerms(terms, retrieval.hits.slice(0, 1).map((h) => h.chunk.docId));
}

interface GuideStep {
  id: string;
  title: string;
  /** The section of the guide that answers, when a passage came from one. */
  section: { anchor: string; heading: string } | null;
  steps?: { title: string; text: string }[];
  easyRead?: string[];
}

/** The guide a person should read next: the first guide among the passages, else one the top document names. */
function relatedGuide(passages: AnswerPassage[], index: AssistantIndex): GuideStep | null {
  for (const p of passages) {
    const chunk = index.chunks[p.key];
    if (chunk.docType === "guide") {
      const doc = index.documents.get(chunk.docId);
      if (!doc) return null;
      const section = chunk.anchor ? { anchor: chunk.anchor, heading: chunk.headingPath.at(-1) ?? chunk.citation } : null;
      return { id: doc.id, title: doc.title, section, steps: doc.steps, easyRead: doc.easyRead };
    }
  }
  const top = passages[0] ? index.documents.get(index.chunks[passages[0].key].docId) : undefined;
  for (const id of top?.related ?? []) {
    const doc = index.documents.get(id);
    if (doc?.type === "guide") return { id: doc.id, title: doc.title, section: null, steps: doc.steps, easyRead: doc.easyRead };
  }
  return null;
}

/** A question about how, or where, to apply: then the guide's first step ("申请：…") may be a next step. */
const howToIntent = /申请|办理|办证|怎么领|去哪|哪里办|在哪办|流程|手续|\bapply\b|\bapplication\b|\bwhere\b/i;
/** Sections the guide's first step belongs with (who can apply, where, how): not 换领, 迁移, 补办 … */
const applySection = /谁可以|申请|去哪|哪里办|流程|怎么办理|办理步骤/;

/**
 * Next steps that fit the question: the guide, opened at the section that answered (one about materials opens
 * at the materials); the guide's first step only when the question asks how or where to do something; the
 * eligibility check when the question is who can get a subsidy; always a person to call.
 */
function nextStepsFor(asked: string, guide: GuideStep | null, scheme: Scheme | null, t: TFunction): NextStep[] {
  const steps: NextStep[] = [];
  if (guide) {
    const where = guide.section ? `#${guide.section.anchor}` : "";
    const title = guide.section ? t("assistant.next.guideSection", { title: guide.title, section: guide.section.heading }) : guide.title;
    steps.push({ kind: "guide", text: t("assistant.next.guide", { title }), href: `/policies/${guide.id}${where}` });
    const apply = guide.steps?.[0];
    const general = !guide.section || applySection.test(guide.section.heading);
    if (apply && general && howToIntent.test(asked)) steps.push({ kind: "apply", text: t("assistant.next.apply", { text: apply.text }) });
  }
  if (scheme) steps.push({ kind: "eligibility", text: t("assistant.next.eligibility"), href: "/assistant/eligibility" });
  steps.push({ kind: "hotline", text: t("assistant.next.hotline", { phone: hotline }) });
  return steps;
}

export interface ComposeInput {
  retrieval: Retrieval;
  index: AssistantIndex;
  locale: Locale;
  t: TFunction;
  personalData: PersonalDataKind[];
  idf: (term: string) => number;
}

export function personalDataNotice(t: TFunction, personalData: PersonalDataKind[]): string[] {
  if (!personalData.length) return [];
  const kinds = personalData.map((k) => t(`assistant.personalData.kinds.${k}`)).join(t("assistant.personalData.separator"));
  return [t("assistant.personalData.notice", { kinds })];
}

/**
 * A follow-up's borrowed topic ("辅具可以借吗" then "借多久要还"): the sections that say it (itself, or a glossary
 * word for it, in the text, the headings or the document's title) before one that only matches the follow-up's own
 * words (the library's "能借几本、借多久").
 */
export function topicFirst(hits: RetrievedChunk[], topic: string[], idf: (term: string) => number): RetrievedChunk[] {
  // (Only the topic's words that tell sections apart: every section says 残疾, "残疾学生有什么资助" is about 学生 and 资助.)
  const common = idf("申请");
  const words = [
    ...new Set(
      topic
        .filter((w) => idf(normalize(w)) >= common)
        .flatMap((w) => [normalize(w), ...expandQuery(w).expansions.flatMap((e) => [normalize(e.canonical), ...glossaryVariants(e.canonical)])]),
    ),
  ].filter((w) => /\p{Script=Han}{2}/u.test(w));
  if (!words.length) return hits;
  // (The section's own words, not the questions the editors wrote for it: those name other topics too.)
  const says = (hit: RetrievedChunk) => {
    const text = normalize([hit.chunk.docTitle, ...hit.chunk.headingPath, hit.chunk.text].join(" "));
    return words.some((w) => text.includes(w));
  };
  if (!hits.some(says)) return hits;
  return [...hits.filter(says), ...hits.filter((h) => !says(h))];
}

/** Weight, against the question's strongest word, of what happened in the case as an earlier turn told it (去世). */
export const caseEventWeight = 1.5;

/**
 * The terms with what happened in the case (去世, 迁移: told by an earlier turn) weighed like the strongest: "她那个证
 * 要怎么处理？补贴还会打到卡上吗" after 去世 is answered by the sentence about a death (停发, 注销), not by the one
 * that says how a benefit is paid.
 */
export function withCaseEvents(terms: TermWeight[], events: string[]): TermWeight[] {
  if (!events.length) return terms;
  const words = new Set(events.flatMap((e) => [normalize(e), ...glossaryVariants(e)]));
  const strongest = terms.reduce((m, t) => Math.max(m, t.weight), 1);
  const present = new Set(terms.map((t) => t.term));
  return [
    ...terms.map((t) => (words.has(t.term) ? { ...t, weight: strongest * caseEventWeight } : t)),
    ...[...words].filter((w) => !present.has(w)).map((term) => ({ term, weight: strongest * caseEventWeight * 0.6 })),
  ];
}

/** The chosen passages' item or sentence that states a levy band (levyBandSentence), the first found. */
function levyBandRule(band: LevyBand, passages: AnswerPassage[], index: AssistantIndex): string | null {
  for (const p of passages) {
    const text = index.chunks[p.key].article;
    const items = listItems(text);
    const found = [...items, ...splitSentences(text)].find((x) => levyBandSentence[band].test(x));
    if (found) return `${found.replace(/[；;。]$/u, "")}。`;
  }
  return null;
}

/** The answer when the corpus covers the question. */
/** Weight, in the re-ranking, of a word that only the story of a question says (not the clause that asks). */
export const storyRerankWeight = 0.5;

export function composeAnswer({ retrieval, index, locale, t, personalData, idf }: ComposeInput): AnswerView {
  // The question as understood (folded, typos repaired): 殘疾人證有哪些 asks for a list like 残疾人证有哪些.
  const asked = retrieval.understanding.text;
  // The kind of fact asked for: a follow-up's own ("要不要钱"), not the earlier question's ("有效期" → a duration);
  // and the clauses that ask, not the story ("家里拿不出钱请律师……有没有律师帮他" asks for no price).
  const terms = withLevyBand(withCaseEvents(withFactTerms(retrieval.asks ?? askingPart(asked), questionTerms(retrieval, idf)), retrieval.caseEvents ?? []), retrieval.levyBand);
  // The same question of other people ("那聋人呢？" after 盲人): a section headed for everyone else ("其他残疾人有优惠吗")
  // first, one headed for the earlier people ("盲人坐公交车免费吗") last.
  const heading = (hit: RetrievedChunk) => hit.chunk.headingPath.join(" ");
  const forOthers = (hit: RetrievedChunk) => (retrieval.otherPeople ?? []).some((w) => heading(hit).includes(w));
  const forTheRest = (hit: RetrievedChunk) => Boolean(retrieval.otherPeople?.length) && !forOthers(hit) && everyoneElse.some((p) => heading(hit).includes(p));
  const othersLast = (list: RetrievedChunk[]) => [
    ...list.filter(forTheRest),
    ...list.filter((h) => !forOthers(h) && !forTheRest(h)),
    ...list.filter(forOthers),
  ];
  // The question's own people (盲人坐公交要钱吗): when the best section is headed for everyone else (其他残疾人有
  // 优惠吗), a section of the same document headed for them (盲人坐公交车免费吗) answers first. (Asked of people no
  // heading names, 聋人坐公交有优惠吗, the section for everyone else stays first.)
  const askedCategory = retrieval.otherPeople?.length ? undefined : extractFacts(asked).category;
  const forEveryoneElse = (hit: RetrievedChunk) => everyoneElse.some((p) => heading(hit).includes(p));
  const ownPeopleFirst = (list: RetrievedChunk[]) => {
    if (!askedCategory || !list[0] || !forEveryoneElse(list[0])) return list;
    const theirs = list.find((h) => h.chunk.docId === list[0].chunk.docId && !forEveryoneElse(h) && extractFacts(heading(h)).category === askedCategory);
    return theirs ? [theirs, ...list.filter((h) => h !== theirs)] : list;
  };
  const aspects = retrieval.aspects ?? [];
  // The services the question names (glossary terms of three characters or more: 残疾人证, 重度残疾人护理补贴).
  // (Not one only the story names: "我的残疾人证已经过期……乘坐公共汽车是否仍然可以免费" asks about the bus fare.)
  // (Words only the story says: see storyRerankWeight below.)
  const askedWords = new Set(retrieval.understanding.keyTerms.filter((k) => k.asked).map((k) => k.term));
  const storyWords = new Set(retrieval.understanding.keyTerms.filter((k) => !k.asked && !askedWords.has(k.term)).map((k) => k.term));
  const services = [
    ...new Set(
      retrieval.expanded.expansions
        .filter((e) => !storyWords.has(e.variant))
        .map((e) => normalize(e.canonical))
        .filter((c) => [...c].length >= 3 && /\p{Script=Han}/u.test(c)),
    ),
  ];
  // Re-ranking weighs the story's words less (物业 in "跟物业讲了好几次都没人管。能去哪里反映？" finds the section
  // where 物业 cooperates with home modification, not what is asked): a word only the story says counts `storyRerankWeight`.
  const rankTerms = storyWords.size ? terms.map((x) => (storyWords.has(x.term) ? { ...x, weight: x.weight * storyRerankWeight } : x)) : terms;
  const hits = ownPeopleFirst(othersLast(topicFirst(rerank(retrieval.hits, rankTerms, aspects, services), retrieval.topic ?? [], idf)));
  const scheme = eligibilityScheme(retrieval);
  const ruleChunks = scheme
    ? schemeRuleSummary[scheme].sources.map((s) => index.chunkAt(s.docId, s.anchor)).filter((c): c is AssistantChunk => Boolean(c))
    : [];
  const label: CitationLabel = (chunk, fromNote) =>
    fromNote ? t("assistant.answer.siteNoteTitle", { title: citationTitle(chunk) }) : citationTitle(chunk);
  // Candidates: the fused hits, then the summaries of their documents (a date or a number a law is known by
  // is often in its summary: 2023年9月1日起施行).
  const overviews = [...new Set(hits.slice(0, 3).map((h) => h.chunk.docId))]
    .map((docId) => index.chunkAt(docId, null))
    .filter((c): c is AssistantChunk => Boolean(c) && !hits.some((h) => h.chunk.key === c?.key));
  // …and the sections of the best document headed for the aspect asked ("要带什么" → 需要带什么材料) that the search
  // missed: a long story's words find the document, rarely the section that answers what it asks at the end.
  const topDoc = hits[0]?.chunk.docId;
  const aspectSections = topDoc && aspects.length
    ? index.chunksOf(topDoc).filter((c) => headedFor(c, aspects) && !hits.some((h) => h.chunk.key === c.key))
    : [];
  // (They rank beside the document's best hit: it is their document that was found.)
  const found = (chunk: AssistantChunk) => ({ ...hits[0], chunk, lexicalRank: null, vectorRank: null, lexicalScore: null });
  const candidates = ownPeopleFirst(othersLast(rerank([...hits.slice(0, 1), ...aspectSections.map(found), ...hits.slice(1), ...overviews.map(found)], rankTerms, aspects, services)));
  // (The best document's section headed for the aspect asked answers it even in none of the question's words:
  // "借阅证要带什么" → the library guide's 需要带什么材料, which says 残疾人证或身份证件 and never 借阅证.)
  const answersAspect = (chunk: AssistantChunk) => aspects.length > 0 && chunk.docId === topDoc && headedFor(chunk, aspects);
  const passages = choosePassages(candidates, terms, ruleChunks, 4, label, answersAspect);
  // At least two passages when the retrieval has them, even if only one sentence matched a term.
  if (passages.length < 2) {
    for (const hit of hits) {
      if (passages.length >= 2) break;
      if (passages.some((p) => p.key === hit.chunk.key)) continue;
      const { quote, fromNote } = passageQuote(hit.chunk, terms);
      if (quote) passages.push({ n: passages.length + 1, key: hit.chunk.key, title: label(hit.chunk, fromNote), url: hit.chunk.url, quote });
    }
  }

  // Lead: the sentence of the best passage that best matches the question, with its whole list when it is part
  // of one (English: the English summary).
  const best = passages[0] ? index.chunks[passages[0].key] : hits[0]?.chunk;
  // A follow-up was searched with the earlier turn's topic, and is composed from what it asks itself.
  const borrowedTopic = retrieval.question !== retrieval.understanding.masked;
  // (The lead is the sentence of that passage that says what is asked, not the one that repeats its topic.)
  const bestQuote = best ? passageQuote(best, borrowedTopic ? withinDocument(best, terms, retrieval.question) : terms) : null;
  // A section headed for the one thing asked ("要带啥东西" → 需要带什么材料) answers it from its start: its first list
  // or sentence, not the sentence that happens to repeat the question's words.
  const listed = best && bestQuote ? headedList(best, bestQuote.source, aspects) : null;
  const fromList = best && bestQuote ? (listed ?? leadAndList(bestQuote.source, bestQuote.best, best.headingPath.at(-1) ?? best.docTitle)) : null;
  let lead = fromList?.lead ?? "";
  const points: string[] = [...(fromList?.points ?? [])];
  // The first sentence answers the question: when it asks for a formula that the best passage's lead does not
  // state and another chosen passage's does ("见残疾人就业保障金" → the formula), that passage leads, cited first.
  const wantedFacts = terms.filter((x) => statedKinds.has(x.term));
  const states = (text: string) => splitSentences(text).some((x) => !isCrossReference(x) && wantedFacts.some((f) => scoreSentence(x, [f]) > 0));
  if (fromList && wantedFacts.length && ![lead, ...points].some(states)) {
    const at = passages.findIndex((p, i) => i > 0 && states(passageQuote(index.chunks[p.key], terms).best));
    if (at > 0) {
      const chunk = index.chunks[passages[at].key];
      const q = passageQuote(chunk, terms);
      const list = leadAndList(q.source, q.best, chunk.headingPath.at(-1) ?? chunk.docTitle);
      lead = list.lead;
      points.splice(0, points.length, ...list.points);
      passages.unshift(...passages.splice(at, 1));
      passages.forEach((p, i) => (p.n = i + 1));
    }
  }
  // The first sentence names what is asked: see namingHeading.
  const named = best && locale !== "en" && passages[0]?.key === best.key ? namingHeading(best, terms, lead) : null;
  // ("清远市聋人协会。服务对象：……" when the sentence opens with a label of its own.)
  if (named) lead = `${named}${/^[^，。；：:]{1,8}[：:]/u.test(lead) ? "。" : "："}${lead}`;
  // A question that asks two things of one service: the service's section for each other one, after the lead.
  const also = locale === "en" || !best ? [] : otherAspects(best, aspects, passages, index, terms, label);
  // A section answered from its list ("怎样预约": 1. … 4.) that closes with a short note after it ("遇到困难，可以打电话
  // 请工作人员帮忙预约。") keeps that note: it is often what a person who cannot follow the steps needs.
  if (listed && best && passages[0] && locale !== "en") {
    const blocks = blocksOf(bestQuote?.source ?? "");
    const closing = blocks.length === 2 && blocks[0].kind === "list" && blocks[1].kind === "text" ? blocks[1].lines.join("") : "";
    if (closing && [...closing].length <= maxClosingNote && !also.some((a) => a.lead === closing)) also.unshift({ lead: closing, points: [], source: passages[0].n });
  }
  if (!points.length && listQuestion.test(asked)) {
    // (From the lead's own document: another's list is another service's, 换领 is not given the allowance's materials.)
    for (const p of passages.slice(0, 2).filter((x) => !best || index.chunks[x.key].docId === best.docId)) {
      const items = listItems(index.chunks[p.key].article);
      if (items.length) {
        points.push(...items);
        break;
      }
    }
  }
  const summaries: AnswerView["summaries"] = [];
  if (locale === "en") {
    const retrieved = [...passages.map((p) => index.chunks[p.key]), ...hits.map((h) => h.chunk)];
    const en = englishLead(asked, retrieved, index);
    // The English summary is the document's; the section that answers is in Chinese: its lead comes too.
    // (Not for "what is …": the summary is the answer there.)
    const zh = best?.anchor != null && lead && !definitional.test(asked) ? lead : "";
    lead = en ? t(zh ? "assistant.answer.leadEnSection" : "assistant.answer.leadEn", { sentence: en, zh }) : t("assistant.answer.leadEnFallback");
    for (const docId of new Set(passages.map((p) => index.chunks[p.key].docId))) {
      const doc = index.documents.get(docId);
      if (doc?.summaryEn && summaries.length < 3) summaries.push({ title: doc.titleEn, text: doc.summaryEn, url: doc.url });
    }
  }

  // An employer's levy band (levy.ts) is said first, in the corpus's own words for it.
  const bandRule = retrieval.levyBand ? levyBandRule(retrieval.levyBand, passages, index) : null;
  if (retrieval.levyBand && bandRule) {
    lead = t("assistant.answer.levyLead", { band: t(`assistant.answer.levyBands.${retrieval.levyBand}`), rule: bandRule });
    // (…then the formula the share is of, cited: the person can work the sum out, the assistant states none.)
    const formula = index.chunksOf(levyFormulaDocument).find((c) => levyFormula.test(c.article));
    const line = formula ? splitSentences(formula.article).find((x) => levyFormula.test(x)) : undefined;
    if (formula && line && locale !== "en" && !also.some((a) => a.lead.includes(line))) {
      let passage = passages.find((p) => p.key === formula.key);
      if (!passage) {
        passage = { n: passages.length + 1, key: formula.key, title: label(formula, false), url: formula.url, quote: line };
        passages.push(passage);
      }
      also.unshift({ lead: line, points: [], source: passage.n });
    }
  }

  const unsaid = unsaidTerms(retrieval.understanding, retrieval.expanded, index, passages.map((p) => p.key));
  const caveat = unsaid.length ? t("assistant.answer.unsaid", { terms: unsaid.join(t("assistant.personalData.separator")), phone: hotline }) : undefined;
  const guide = relatedGuide(passages, index);
  const nextSteps = nextStepsFor(asked, guide, scheme, t);
  // The guide's easy-read version, when it has one (short sentences, shown on request).
  const easyRead = guide?.easyRead?.length ? { title: guide.title, lines: guide.easyRead, href: `/policies/${guide.id}#easy-read-heading` } : null;

  return {
    status: "answered",
    grounded: true,
    mode: "extractive",
    notices: personalDataNotice(t, personalData),
    lead,
    ...(caveat ? { caveat } : {}),
    points,
    ...(also.length ? { also } : {}),
    summaries,
    body: "",
    passages,
    rule: scheme ? { scheme, text: t(keyUnder("assistant.rules", schemeRuleSummary[scheme].summaryKey)) } : null,
    nextSteps,
    easyRead,
  };
}

/** A heading that names a place or a body ("二、清远市聋人协会", "盲人电影院"): a name to say a sentence under. */
const bodyHeading = /(?:协会|联合会|中心|学校|图书馆|电影院|基地|委员会|服务站|康复站|医院)$/u;

/**
 * The section's own heading when it names what the question asks and the lead does not ("清远有没有聋人协会" → the
 * section "二、清远市聋人协会", whose best sentence is "服务对象：听力残疾人（聋人）和他们的亲友。"): the lead is said
 * under that name, so its first words answer. Only a heading that names a body or a place (bodyHeading), and not
 * when the lead names it already.
 */
export function namingHeading(chunk: AssistantChunk, terms: TermWeight[], lead: string): string | null {
  const heading = (chunk.headingPath.at(-1) ?? "").replace(/^([一二三四五六七八九十]+、|\d+[.．、]\s*)/u, "").trim();
  if (!bodyHeading.test(heading) || /[：:]$/.test(lead) || lead.includes(heading)) return null;
  const strongest = terms.reduce((m, t) => Math.max(m, t.weight), 0);
  const said = normalize(lead);
  const names = terms.some(
    (t) => !t.term.startsWith("\u0000") && /\p{Script=Han}{2}/u.test(t.term) && t.weight >= strongest / 2 && normalize(heading).includes(t.term) && !said.includes(t.term),
  );
  return names ? heading : null;
}

/** Aspects whose answer is a list (the materials, who qualifies, what a service includes, the steps to book). */
const listAspects = new Set(["materials", "conditions", "content", "booking"]);

/**
 * The list a section headed for an aspect asked opens with (需要带什么材料 → its items), when it has one and the
 * aspect is one its heading names (not a kind of fact like an age, which any section may state).
 */
function headedList(chunk: AssistantChunk, source: string, aspects: string[]): { lead: string; points: string[] } | null {
  const own = chunk.headingPath.at(-1) ?? "";
  const named = aspects.filter((a) => a !== "how" && !aspectStatements[a] && (aspectHeadings[a] ?? []).some((w) => own.includes(w)));
  // (Only an aspect that is a list by nature: "收不收费", "去哪里办" are answered by the item that says it.)
  if (!named.some((a) => listAspects.has(a))) return null;
  const first = blocksOf(source)[0];
  if (first?.kind !== "list") return null;
  return leadAndList(source, first.items[0], own, true);
}

/** Longest note after a section's list that the answer keeps with the list. */
const maxClosingNote = 60;

/** At most this many other things asked get their own part of the answer. */
const maxAlso = 2;

/**
 * For a question that asks several things of one service ("残疾证去哪办啊 要带啥东西": where, and what to bring),
 * the parts of the answer after the lead: for each aspect asked (dialog-phrases.ts) that the lead's section is not
 * headed for, the section of the same document that is, its first sentence (and its list), cited as a passage
 * (added to `passages` when it is not one yet). "how" counts only alone (it is read from a bare 申请).
 */
function otherAspects(
  best: AssistantChunk,
  aspects: string[],
  passages: AnswerPassage[],
  index: AssistantIndex,
  terms: TermWeight[],
  label: CitationLabel,
): NonNullable<AnswerView["also"]> {
  const particular = aspects.filter((a) => a !== "how");
  // (A case's own section answers for its case: the general sections' office and times are the first case's.)
  if (!particular.length || isCaseSection(best)) return [];
  const out: NonNullable<AnswerView["also"]> = [];
  for (const aspect of particular) {
    if (out.length >= maxAlso) break;
    if (headedFor(best, [aspect])) continue;
    const section = index.chunksOf(best.docId).find((c) => c.anchor !== null && c.key !== best.key && headedFor(c, [aspect]));
    if (!section || out.some((o) => passages[o.source - 1]?.key === section.key)) continue;
    const { quote, best: matched, source, fromNote } = passageQuote(section, terms);
    if (!quote || !matched) continue;
    // (From the section's start, as a person reading it would: "线下：…窗口。" before "网上办：…".)
    const first = blocksOf(source)[0];
    const sentence = first?.kind === "list" ? first.items[0] : (splitSentences(first?.lines[0] ?? "")[0] ?? matched);
    let passage = passages.find((p) => p.key === section.key);
    if (!passage) {
      passage = { n: passages.length + 1, key: section.key, title: label(section, fromNote), url: section.url, quote };
      passages.push(passage);
    }
    const part = leadAndList(source, sentence, section.headingPath.at(-1) ?? section.docTitle);
    out.push({ lead: part.lead, points: part.points, source: passage.n });
  }
  return out;
}

/** The answer when there is none: say so, say why in a word, and point to a person. */
export function composeNoAnswer(
  status: Exclude<AnswerStatus, "answered">,
  t: TFunction,
  personalData: PersonalDataKind[] = [],
  passages: AnswerPassage[] = [],
  reason: "amount" | null = null,
  /** What the question asked that no passage found says ("坐飞机"): named in the refusal, so the person knows what was missed. */
  unsaid: string[] = [],
): AnswerView {
  const lead = reason
    ? t(`assistant.noAnswer.${reason}`)
    : status === "no_content" && unsaid.length
      ? t("assistant.noAnswer.no_contentAbout", { terms: unsaid.map((w) => t("assistant.noAnswer.quoted", { word: w })).join(t("assistant.personalData.separator")) })
      : t(`assistant.noAnswer.${status}`);
  return {
    status,
    grounded: false,
    mode: "none",
    notices: personalDataNotice(t, personalData),
    lead,
    points: [],
    summaries: [],
    body: "",
    passages,
    rule: null,
    easyRead: null,
    nextSteps: [
      { kind: "hotline", text: t("assistant.next.hotline", { phone: hotline }) },
      { kind: "feedback", text: t("assistant.next.feedback"), href: "/feedback" },
    ],
  };
}

/** The answer as one plain text (the JSON API's `answer`). */
export function answerText(view: AnswerView, t: TFunction): string {
  const parts: string[] = [...view.notices, view.lead, ...(view.caveat ? [view.caveat] : [])];
  if (view.points.length) parts.push(view.points.map((p) => `- ${p}`).join("\n"));
  for (const part of view.also ?? []) {
    const asked = part.question ? [t("assistant.answer.partQuestion", { question: part.question })] : [];
    parts.push([...asked, part.lead, ...part.points.map((p) => `- ${p}`)].join("\n"));
  }
  if (view.eligibility) parts.push(eligibilityText(view.eligibility, t));
  if (view.body) parts.push(view.body);
  if (view.summaries.length) {
    parts.push([t("assistant.answer.summariesHeading"), ...view.summaries.map((s) => `- ${s.title}: ${s.text}`)].join("\n"));
  }
  if (view.rule) parts.push(view.rule.text);
  if (view.passages.length) {
    parts.push(
      [t("assistant.answer.sourcesHeading"), ...view.passages.map((p) => t("assistant.answer.sourceLine", { n: p.n, quote: p.quote, title: p.title }))].join("\n"),
    );
  }
  if (view.nextSteps.length) {
    parts.push([t("assistant.answer.nextHeading"), ...view.nextSteps.map((s) => `- ${s.text}`)].join("\n"));
  }
  return parts.filter(Boolean).join("\n\n");
}

/** Does the question ask for a sum of money (and not who sets it or how it is worked out)? */
export function asksForAmount(question: string): boolean {
  const amount =
    /多少(钱|元|块)|几(元|块钱?)|(领|拿|发|给|补)得?到?多少(?!人|个|天|年|岁|级|种|类|项|次)|(每月|每个月|一个月|每年|每人|每户)[^，。？?]{0,8}多少|(补贴|补助|标准|金额|能补|发)[^，。？?]{0,4}多少|how\s+much|how\s+many\s+yuan|what\s+amount|\bamount\b|\brate\b/i;
  const how = /谁定|由谁|谁来定|怎么定|如何定|怎么算|怎么计算|如何计算|计算方法|who\s+(sets|decides)|how\s+is\s+it\s+(set|calculated)|calculat/i;
  return amount.test(question) && !how.test(question);
}

const money = /\d[\d,.]*\s*[万千百]?\s*(元|块|yuan)|¥\s*\d/i;
const free = /不收费|免费|不要钱|不用交钱|free of charge|\bfree\b/i;

/**
 * Does the question ask what a service costs the person ("残疾证办下来要多少钱"), rather than what a benefit pays
 * ("护理补贴一个月多少钱")? Then a passage saying it is free answers it.
 */
export function asksForPrice(question: string): boolean {
  return /(要|收|花|交|付)[^，。？?]{0,2}(多少钱|多少费用|钱)|收费|收钱|费用|cost|fee|charge/i.test(question) && !/补贴|补助|救助|津贴|领|发放|allowance|subsid/i.test(question);
}

/** Whether a text states a sum of money (or, for a price, that there is none to pay). */
export function statesAmount(text: string, price = false): boolean {
  return money.test(text) || (price && free.test(text));
}
