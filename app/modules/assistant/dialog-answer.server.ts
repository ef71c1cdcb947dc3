import type { TFunction } from "i18next";
import type { Kysely } from "kysely";
import type { Database } from "~/modules/db/schema";
import { expandQuery, tokenize, tokenizeWords } from "~/modules/search/index.server";
import type { AnswerView, NextStep } from "./answer-view";
import { asksForAmount } from "./compose.server";
import { aspectPhrases, aspectWords, genericWords, personDied } from "./dialog-phrases";
import { priorTurnOf, type PriorTurn } from "./conversation";
import { resolveQuestion, type ResolvedQuestion, type ResolveOptions } from "./dialog.server";
import { composeEligibilityAnswer } from "./eligibility-answer.server";
import type { PersonalDataKind } from "./guards";
import type { Retrieval, RetrievedChunk } from "./retrieve.server";
import { chunkSays, termIdf } from "./term-stats.server";
import { statesDecisiveFact } from "./stated-facts";
import type { AssistantIndex } from "./vector-index.server";

/**
 * Where the conversation meets the answer: the rules' answer when a question (or the conversation) says who is
 * asking and asks "can I get it"; next steps that fit what the person said; the page's history rebuilt from
 * the stored, masked turns.
 */

export interface DialogContext {
  masked: string;
  index: AssistantIndex;
  t: TFunction;
  personalData: PersonalDataKind[];
}

/**
 * The eligibility answer, or null when the question is not one for the rules: it must ask whether someone can
 * get a benefit the rules cover, and the conversation must have said something about the person. A question
 * for an amount is not (the corpus states none; the amount refusal answers it).
 */
export function dialogAnswer(resolved: ResolvedQuestion, { masked, index, t, personalData }: DialogContext): AnswerView | null {
  if (!resolved.eligibility || !resolved.schemes || !statesDecisiveFact(resolved.facts)) return null;
  // "能领多少": an amount, which the corpus does not state (the amount refusal says who sets it).
  if (asksForAmount(masked) || resolved.aspects.includes("amount")) return null;
  // "残疾儿童康复救助能管配助听器和做手术吗": what it covers, which its guide says; and a person who has died
  // ("我外婆上个月走了……钱照样打到卡里……这样可以吗？") is no case to rule on: the guide says the payments stop.
  if (resolved.aspects.includes("content") || personDied.test(masked)) return null;
  return composeEligibilityAnswer({
    facts: resolved.facts,
    asked: resolved.schemes,
    index,
    t,
    personalData,
    aspects: resolved.aspects,
    question: resolved.borrowed ? resolved.composeText : masked,
  });
}

const certificateGuide = "/policies/disability-certificate-guide";
/** The documents about getting a certificate and about the categories and grades on it. */
const certificateDocs = new Set(["disability-certificate-guide", "disability-certificate-rules", "disability-categories-faq"]);

/**
 * Someone who has a 残疾人证 (said so, or named a grade, which is on it) and asks about neither the certificate nor
 * the grading: "我妈是二级视力残疾，想申请个盲杖" is about the cane, not about who may apply for a certificate or
 * what grade two means.
 */
function holdsCertificateAndAsksElse(resolved: ResolvedQuestion): boolean {
  const { facts } = resolved;
  const holds = facts.certificate === "yes" || (facts.certificate === undefined && facts.grades !== undefined);
  // (The aspect too: "多少天内可以申请重评" asks about the grading though its topic is 收到 结果.)
  const aboutCertificate = [...resolved.topic, resolved.aspect].some((w) => /残疾人?证|残证|certificate|评|鉴定|等级|分级|分类|类别|几级|grade|categor/i.test(w));
  return holds && !aboutCertificate;
}

/** "下一步" that fits: such a person is not sent to the certificate guide. */
export function fitNextSteps(steps: NextStep[], resolved: ResolvedQuestion): NextStep[] {
  return holdsCertificateAndAsksElse(resolved) ? steps.filter((s) => s.href !== certificateGuide) : steps;
}

/**
 * Nor answered from the certificate and grading documents: their sections go after the others found, where the
 * words of the story (视力残疾, 二级, 申请) made them look like the best match. The confidence stays the retrieval's.
 */
export function certificateDocsLast(retrieval: Retrieval, resolved: ResolvedQuestion): Retrieval {
  if (!holdsCertificateAndAsksElse(resolved)) return retrieval;
  const guide = (h: RetrievedChunk) => certificateDocs.has(h.chunk.docId);
  if (!retrieval.hits.some(guide) || retrieval.hits.every(guide)) return retrieval;
  return { ...retrieval, hits: [...retrieval.hits.filter((h) => !guide(h)), ...retrieval.hits.filter(guide)] };
}

/**
 * Words the corpus uses, itself or by a part of it ("小企业" by 企业): a word it never uses is no topic a
 * follow-up could be about ("批下来").
 */
export function knownWords(index: AssistantIndex): (word: string) => boolean {
  const unknown = termIdf(index, "\u0000");
  const used = (w: string) => termIdf(index, w) < unknown;
  return (word) => used(word) || tokenize(word).some((part) => part !== word && [...part].length >= 2 && used(part));
}

/**
 * Whether some section of the documents uses every one of the words (a word counts when it or one of its
 * sub-words is there: 小企业 → 企业).
 */
export function documentsUse(index: AssistantIndex): (words: string[], docIds: string[]) => boolean {
  return (all, docIds) => {
    // Single characters ("钱") say too little to tell one topic from another.
    const words = all.filter((w) => [...w].length >= 2);
    if (!words.length) return false;
    const texts = docIds.flatMap((id) => index.chunksOf(id).map((c) => normalizeText(`${c.headingPath.join(" ")} ${c.text}`)));
    return texts.some((text) => words.every((w) => [w, ...tokenize(w)].some((part) => [...part].length >= 2 && text.includes(part))));
  };
}

const normalizeText = (text: string) => text.normalize("NFKC").toLowerCase();

/** How many sections of the earlier answer's document a follow-up puts first. */
const withinSections = 3;

/**
 * A follow-up that goes on in the earlier answer's words puts that answer's sections first only where they match
 * it at least this share of its best match anywhere.
 */
const elsewhereRatio = 0.3;

/**
 * A follow-up on the same topic ("要带什么材料？" after "残疾人证怎么办理？") is first looked up in the
 * document the earlier answer cited: its best-matching sections (BM25 on the follow-up's own words) go before
 * what the whole-corpus retrieval found. The confidence stays the whole retrieval's.
 */
export function preferEarlierDocs(index: AssistantIndex, retrieval: Retrieval, resolved: ResolvedQuestion): Retrieval {
  if (!resolved.preferDocs.length) return retrieval;
  // Guides (and answers to common questions) say the practical things a follow-up asks: materials, where, how long.
  const practical = (docId: string) => (index.documents.get(docId)?.type === "guide" ? 0 : index.documents.get(docId)?.type === "faq" ? 1 : 2);
  const preferDocs = [...resolved.preferDocs].sort((a, b) => practical(a) - practical(b));
  // A section of an earlier-cited document counts when it, or its document's title, says the topic: "法律援助怎么申请"
  // cited the protection law too, whose article on 个体经营's fees is no answer to "要不要钱" about legal aid.
  const topicWords = resolved.topic.filter((w) => /\p{Script=Han}{2,}/u.test(w));
  const saysTopic = (key: number) =>
    !topicWords.length || topicWords.some((w) => chunkSays(index, key, w) || index.chunks[key].docTitle.includes(w) || index.chunks[key].headingPath.some((h) => h.includes(w)));
  const everywhere = index.lexical.searchChunks(resolved.within, { limit: 200 });
  // A question with a subject of its own that the earlier documents only mention may be answered far better
  // elsewhere: "我想投诉他们，事先要准备些什么？" after a refused job interview is the complaint FAQ's list, not an
  // article of the protection law that names 投诉.
  const floor = resolved.borrowed === "context" ? elsewhereRatio * (everywhere[0]?.score ?? 0) : 0;
  const candidates = everywhere.filter(
    (h) => preferDocs.includes(index.chunks[h.key].docId) && index.chunks[h.key].anchor !== null && saysTopic(h.key) && h.score >= floor,
  );
  // The first document's best sections first (the benefit asked about before the others it listed).
  const rank = (docId: string) => preferDocs.indexOf(docId);
  const inside: RetrievedChunk[] = candidates
    .map((h, i) => ({ h, i }))
    .sort((a, b) => rank(index.chunks[a.h.key].docId) - rank(index.chunks[b.h.key].docId) || a.i - b.i)
    .filter(({ h }, i, all) => all.findIndex((x) => index.chunks[x.h.key].docId === index.chunks[h.key].docId) + 2 > i)
    .slice(0, withinSections)
    .map(({ h }, i) => ({ chunk: index.chunks[h.key], score: h.score, lexicalRank: i + 1, vectorRank: null, lexicalScore: h.score, cosine: 0, terms: h.terms }));
  if (!inside.length) return retrieval;
  const keys = new Set(inside.map((h) => h.chunk.key));
  // The topic is the earlier answer's; what needs covering is what the follow-up asks of it, in words the
  // corpus uses ("多久", not "批下来").
  const known = knownWords(index);
  const expanded = expandQuery(resolved.within);
  const found = new Set(inside.flatMap((h) => h.terms));
  // A word counts as found when it, a part of it ("小企业" by 企业) or its glossary term (用人单位) is.
  const isFound = (w: string) =>
    found.has(w) ||
    tokenize(w).some((part) => part !== w && [...part].length >= 2 && found.has(part)) ||
    expanded.expansions.some((e) => e.variant.includes(w) && tokenizeWords(e.canonical).some((c) => found.has(c)));
  // Its own subject words when it has any ("小企业"); else what it asks ("要多久", "where"): each aspect
  // counts as found when the sections use one of its words.
  const subject = [...new Set(expanded.tokens)].filter((w) => known(w) && !genericWords.has(w));
  let coverage: number;
  if (subject.length) {
    const total = subject.reduce((sum, w) => sum + termIdf(index, w), 0);
    coverage = subject.filter(isFound).reduce((sum, w) => sum + termIdf(index, w), 0) / total;
  } else {
    const aspectFound = (a: string) => [...tokenize(aspectWords[a] ?? ""), ...aspectPhrases[a].filter((p): p is string => typeof p === "string").flatMap(tokenize)].some(isFound);
    coverage = resolved.aspects.length ? resolved.aspects.filter(aspectFound).length / resolved.aspects.length : 0;
  }
  const confidence = Math.max(retrieval.confidence, coverage);
  return { ...retrieval, confidence, hits: [...inside, ...retrieval.hits.filter((h) => !keys.has(h.chunk.key))] };
}

/** The sections an answer from the rules cites (for the trace's retrieved list). */
export function ruleSections(view: AnswerView): Array<{ docId: string; anchor: string | null }> {
  if (!view.eligibility) return [];
  return view.passages.map((p) => {
    const [docId, anchor] = p.url.replace(/^\/policies\//, "").split("#");
    return { docId, anchor: anchor ?? null };
  });
}

/** How many earlier turns a question is read against. */
export const historyTurns = 10;

/**
 * The conversation so far as PriorTurns, oldest first, rebuilt from `chat_questions` (masked questions and
 * their stored answers) exactly as askAssistant built each reply's `turn`.
 */
export async function conversationTurns(
  db: Kysely<Database>,
  conversationId: string,
  options: ResolveOptions & { limit?: number } = {},
): Promise<PriorTurn[]> {
  const rows = await db
    .selectFrom("chat_questions")
    .select(["id", "question", "answer"])
    .where("conversation_id", "=", conversationId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? historyTurns)
    .execute();
  const turns: PriorTurn[] = [];
  for (const row of rows.reverse()) {
    const cached = turnCache.get(row.id);
    if (cached) {
      turns.push(cached);
      continue;
    }
    let view: AnswerView;
    try {
      view = JSON.parse(row.answer) as AnswerView;
    } catch {
      continue;
    }
    const turn = priorTurnOf(row.question, view, resolveQuestion(row.question, turns, options));
    rememberTurn(row.id, turn);
    turns.push(turn);
  }
  return turns;
}

/**
 * Turns by their stored id: a stored turn never changes, so each is resolved once (when it is asked, or when
 * a conversation is first read after a restart).
 */
const turnCache = new Map<string, PriorTurn>();
const turnCacheSize = 5000;

export function rememberTurn(id: string, turn: PriorTurn) {
  if (turnCache.size >= turnCacheSize) turnCache.delete(turnCache.keys().next().value as string);
  turnCache.set(id, turn);
}
