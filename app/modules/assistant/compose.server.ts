import type { TFunction } from "i18next";
import type { Locale } from "~/i18n/config";
import { loadGlossary } from "~/modules/content/corpus.server";
import { tokenize } from "~/modules/search/index.server";
import { schemeForTerms, schemeRuleSummary, type Scheme } from "./eligibility";
import type { AnswerPassage, AnswerView, NextStep } from "./answer-view";
import { eligibilityText } from "./eligibility-text";
import type { AnswerStatus, PersonalDataKind } from "./guards";
import type { Retrieval, RetrievedChunk } from "./retrieve.server";
import type { AssistantChunk, AssistantIndex } from "./vector-index.server";

/**
 * The extractive answer (no language model): a one-sentence lead from the best passage, two to four short
 * quotes (≤ 80 characters) from the retrieved chunks with their citations, then next steps. Every quote and
 * citation comes from a retrieved chunk, referenced by its key: nothing is written that the corpus does not say.
 */

export const hotline = "0763-3362221";
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
  { question: /哪一年|哪年|什么时候|何时|哪天|哪一天|几月|几号|\bwhen\b|\bwhat\s+year\b/i, sentence: /\d{4}年|\d{1,2}月\d{1,2}日|\b(19|20)\d{2}\b/, term: "\u0000date" },
  { question: /多久|多长时间|有效期|how\s+long/i, sentence: /\d+\s*(年|个月|天|日|个工作日)|[一二三四五六七八九十]+(年|个月|天)/, term: "\u0000duration" },
  { question: /多少|几个|几人|比例|how\s+many|how\s+much/i, sentence: /\d/, term: "\u0000number" },
  { question: /怎么计算|如何计算|怎么算|怎样计算|计算方法|公式|how\s+is\s+.*calculated/i, sentence: /[=×÷]|公式|计算方法/, term: "\u0000formula" },
];

/** Adds a pseudo-term for the kind of fact the question asks for, weighted like its strongest word. */
export function withFactTerms(question: string, terms: TermWeight[]): TermWeight[] {
  const strongest = terms.reduce((m, t) => Math.max(m, t.weight), 1);
  const extra = factPatterns.filter((f) => f.question.test(question)).map((f) => ({ term: f.term, weight: strongest }));
  return [...terms, ...extra];
}

export function scoreSentence(sentence: string, terms: TermWeight[]): number {
  const text = normalize(sentence);
  let score = 0;
  for (const { term, weight } of terms) {
    if (term.startsWith("\u0000")) {
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
export function rerank(hits: RetrievedChunk[], terms: TermWeight[]): RetrievedChunk[] {
  const own = terms.filter((t) => !t.term.startsWith("\u0000"));
  const max = own.reduce((s, t) => s + t.weight, 0) || 1;
  const scored = hits.map((hit, i) => {
    const heading = hit.chunk.headingPath.join(" ") || hit.chunk.docTitle;
    const best = splitSentences(hit.chunk.text).reduce((m, sentence) => Math.max(m, scoreSentence(`${heading} ${sentence}`, terms)), 0);
    return { hit, value: (1 / (i + 2)) * 0.5 + 0.5 * Math.min(1, best / max) * 0.5 };
  });
  return scored.sort((a, b) => b.value - a.value).map((x) => x.hit);
}

/** A sentence that only introduces what follows ("材料是：") or points elsewhere ("申请办法见…指南。"). */
function isIntro(sentence: string): boolean {
  return /[：:]$/.test(sentence) || isCrossReference(sentence);
}

function isCrossReference(sentence: string): boolean {
  return /^(详见|见|参见)|(办法|做法|情况|规定|流程|方法|政策)见|，见[^，。；]{2,40}[。；]?$/.test(sentence);
}

/** A quote of at most `max` characters around the sentence that best matches, extended with its neighbours. */
export function quoteFrom(text: string, terms: TermWeight[], max = maxQuoteLength): { quote: string; score: number; best: string } {
  const sentences = splitSentences(text);
  if (!sentences.length) return { quote: "", score: 0, best: "" };
  let bestIndex = 0;
  let bestScore = -1;
  sentences.forEach((s, i) => {
    let score = scoreSentence(s, terms) * (isCrossReference(s) ? 0.3 : 1) + (s.length > 4 ? 0 : -1);
    // An introduction ("计算方法是：") stands for the line after it.
    if (isIntro(s) && sentences[i + 1]) score = Math.max(score * 0.5, scoreSentence(sentences[i + 1], terms)) + 0.01;
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
  if (isCrossReference(lead)) {
    // The lead states something; a pointer elsewhere is only a fallback.
    const stated = sentences
      .map((s) => ({ s, score: scoreSentence(s, terms) }))
      .filter((x) => !isIntro(x.s) && x.s.length > 4)
      .sort((a, b) => b.score - a.score)[0];
    if (stated) lead = stated.s;
  }
  return { quote, score: bestScore, best: lead };
}

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

/** Choose 2–4 passages: best fused first, a sentence that matches, at most two per document, no repeats. */
export function choosePassages(hits: RetrievedChunk[], terms: TermWeight[], extra: AssistantChunk[] = [], max = 4): AnswerPassage[] {
  const picked: AnswerPassage[] = [];
  const perDoc = new Map<string, number>();
  const seenQuotes = new Set<string>();
  const consider = (chunk: AssistantChunk, requireMatch: boolean) => {
    if (picked.length >= max || picked.some((p) => p.key === chunk.key)) return;
    if ((perDoc.get(chunk.docId) ?? 0) >= 2) return;
    const { quote, score } = quoteFrom(chunk.text, terms);
    if (!quote || (requireMatch && score <= 0) || seenQuotes.has(quote)) return;
    seenQuotes.add(quote);
    perDoc.set(chunk.docId, (perDoc.get(chunk.docId) ?? 0) + 1);
    picked.push({ n: picked.length + 1, key: chunk.key, title: citationTitle(chunk), url: chunk.url, quote });
  };
  for (const hit of hits) consider(hit.chunk, true);
  for (const chunk of extra) consider(chunk, false);
  return picked;
}

const englishWord = /[a-z][a-z'-]+/g;

/** The English summary sentence of the retrieved documents that shares most words with the question. */
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
      score = score - rank * 0.5;
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
  if (!eligibilityIntent.test(retrieval.question)) return null;
  const terms = retrieval.expanded.expansions.map((e) => e.canonical);
  return schemeForTerms(terms, retrieval.hits.slice(0, 1).map((h) => h.chunk.docId));
}

/** The guide a person should read next: the first guide among the passages, else one the top document names. */
function relatedGuide(passages: AnswerPassage[], index: AssistantIndex): { id: string; title: string; steps?: { title: string; text: string }[] } | null {
  for (const p of passages) {
    const chunk = index.chunks[p.key];
    if (chunk.docType === "guide") {
      const doc = index.documents.get(chunk.docId);
      return doc ? { id: doc.id, title: doc.title, steps: doc.steps } : null;
    }
  }
  const top = passages[0] ? index.documents.get(index.chunks[passages[0].key].docId) : undefined;
  for (const id of top?.related ?? []) {
    const doc = index.documents.get(id);
    if (doc?.type === "guide") return { id: doc.id, title: doc.title, steps: doc.steps };
  }
  return null;
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
  const kinds = personalData.map((k) => t(`assistant.personalData.kinds.${k}` as never)).join(t("assistant.personalData.separator"));
  return [t("assistant.personalData.notice", { kinds })];
}

/** The answer when the corpus covers the question. */
export function composeAnswer({ retrieval, index, locale, t, personalData, idf }: ComposeInput): AnswerView {
  const terms = withFactTerms(retrieval.question, questionTerms(retrieval, idf));
  const hits = rerank(retrieval.hits, terms);
  const scheme = eligibilityScheme(retrieval);
  const ruleChunks = scheme
    ? schemeRuleSummary[scheme].sources.map((s) => index.chunkAt(s.docId, s.anchor)).filter((c): c is AssistantChunk => Boolean(c))
    : [];
  const passages = choosePassages(hits, terms, ruleChunks);
  // At least two passages when the retrieval has them, even if only one sentence matched a term.
  if (passages.length < 2) {
    for (const hit of hits) {
      if (passages.length >= 2) break;
      if (passages.some((p) => p.key === hit.chunk.key)) continue;
      const { quote } = quoteFrom(hit.chunk.text, terms);
      if (quote) passages.push({ n: passages.length + 1, key: hit.chunk.key, title: citationTitle(hit.chunk), url: hit.chunk.url, quote });
    }
  }

  // Lead: the sentence of the best passage that best matches the question (English: the English summary).
  const best = passages[0] ? index.chunks[passages[0].key] : hits[0]?.chunk;
  let lead = best ? quoteFrom(best.text, terms, 160).best : "";
  if ([...lead].length > 160) lead = `${[...lead].slice(0, 159).join("")}…`;
  const points: string[] = [];
  if (listQuestion.test(retrieval.question)) {
    for (const p of passages.slice(0, 2)) {
      const items = listItems(index.chunks[p.key].text);
      if (items.length) {
        points.push(...items);
        break;
      }
    }
  }
  const summaries: AnswerView["summaries"] = [];
  if (locale === "en") {
    const retrieved = [...passages.map((p) => index.chunks[p.key]), ...hits.map((h) => h.chunk)];
    const en = englishLead(retrieval.question, retrieved, index);
    lead = en ? t("assistant.answer.leadEn", { sentence: en }) : t("assistant.answer.leadEnFallback");
    for (const docId of new Set(passages.map((p) => index.chunks[p.key].docId))) {
      const doc = index.documents.get(docId);
      if (doc?.summaryEn && summaries.length < 3) summaries.push({ title: doc.titleEn, text: doc.summaryEn, url: doc.url });
    }
  }

  const nextSteps: NextStep[] = [];
  const guide = relatedGuide(passages, index);
  if (guide) {
    nextSteps.push({ kind: "guide", text: t("assistant.next.guide", { title: guide.title }), href: `/policies/${guide.id}` });
    const apply = guide.steps?.[0];
    if (apply) nextSteps.push({ kind: "apply", text: t("assistant.next.apply", { text: apply.text }) });
  }
  if (scheme) nextSteps.push({ kind: "eligibility", text: t("assistant.next.eligibility"), href: "/assistant/eligibility" });
  nextSteps.push({ kind: "hotline", text: t("assistant.next.hotline", { phone: hotline }) });

  return {
    status: "answered",
    grounded: true,
    mode: "extractive",
    notices: personalDataNotice(t, personalData),
    lead,
    points,
    summaries,
    body: "",
    passages,
    rule: scheme ? { scheme, text: t(`assistant.rules.${schemeRuleSummary[scheme].summaryKey}` as never) } : null,
    nextSteps,
  };
}

/** The answer when there is none: say so, say why in a word, and point to a person. */
export function composeNoAnswer(
  status: Exclude<AnswerStatus, "answered">,
  t: TFunction,
  personalData: PersonalDataKind[] = [],
  passages: AnswerPassage[] = [],
  reason: "amount" | null = null,
): AnswerView {
  return {
    status,
    grounded: false,
    mode: "none",
    notices: personalDataNotice(t, personalData),
    lead: reason ? t(`assistant.noAnswer.${reason}`) : t(`assistant.noAnswer.${status}` as never),
    points: [],
    summaries: [],
    body: "",
    passages,
    rule: null,
    nextSteps: [
      { kind: "hotline", text: t("assistant.next.hotline", { phone: hotline }) },
      { kind: "feedback", text: t("assistant.next.feedback"), href: "/feedback" },
    ],
  };
}

/** The answer as one plain text (the JSON API's `answer`). */
export function answerText(view: AnswerView, t: TFunction): string {
  const parts: string[] = [...view.notices, view.lead];
  if (view.points.length) parts.push(view.points.map((p) => `- ${p}`).join("\n"));
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
    /多少(钱|元|块)|几(元|块钱?)|(每月|每个月|一个月|每年|每人|每户)[^，。？?]{0,8}多少|(补贴|补助|标准|金额|能补|发)[^，。？?]{0,4}多少|how\s+much|how\s+many\s+yuan|what\s+amount|\bamount\b|\brate\b/i;
  const how = /谁定|由谁|谁来定|怎么定|如何定|怎么算|怎么计算|如何计算|计算方法|who\s+(sets|decides)|how\s+is\s+it\s+(set|calculated)|calculat/i;
  return amount.test(question) && !how.test(question);
}

const money = /\d[\d,.]*\s*(元|块|yuan)|¥\s*\d/i;

/** Whether a text states a sum of money. */
export function statesAmount(text: string): boolean {
  return money.test(text);
}
