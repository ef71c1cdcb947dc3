import { randomBytes, randomUUID } from "node:crypto";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Kysely } from "kysely";
import type { Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import type { Database } from "~/modules/db/schema";
import { expandQuery, getLexicalIndex } from "~/modules/search/index.server";
import {
  answerText,
  asksForAmount,
  askingPart,
  asksForPrice,
  composeAnswer,
  composeNoAnswer,
  statesAmount,
  type AnswerPassage,
  type AnswerView,
} from "./compose.server";
import { priorTurnOf, type PriorTurn } from "./conversation";
import {
  conversationTurns,
  dialogAnswer,
  documentsUse,
  fitNextSteps,
  knownWords,
  preferEarlierDocs,
  certificateDocsLast,
  rememberTurn,
  ruleSections,
} from "./dialog-answer.server";
import { resolveQuestion, type ResolvedQuestion } from "./dialog.server";
import { levyBand, levyDocuments, levyPaid, levyTerm, type LevyBand } from "./levy";
import { separateQuestions, withPartAnswers, type PartAnswer } from "./several-questions.server";
import { guardQuestion, matchingGuardRule, maxQuestionLength, type AnswerStatus, type PersonalDataKind } from "./guards";
import { chatModelFromEnv, generateAnswer, type LlmOutcome } from "./llm.server";
import { minimumConfidence, retrieve, type Retrieval, type RetrievalMode } from "./retrieve.server";
import { termIdf } from "./term-stats.server";
import { unsaidTerms } from "./grounding.server";
import { understandQuestion, withAbsoluteYears, type KeyTerm } from "./understand.server";
import { getAssistantIndex, type AssistantIndex } from "./vector-index.server";
import { assistantAnswers } from "~/modules/observability/metrics.server";
import type { UnansweredFilter } from "./assistant-constants";

/**
 * The assistant's one operation, shared by the page and the JSON API: guard the question, retrieve, answer
 * (extractive, or generated when CHAT_MODEL is set and the model behaves), store the masked question with its
 * status and citations, and return the answer.
 */

/** A question that cannot be asked at all (nothing is stored): empty, or longer than 500 characters. */
export class InvalidQuestion extends Error {
  override name = "InvalidQuestion";
  constructor(
    readonly code: "empty" | "too_long",
    readonly length: number,
    readonly max = maxQuestionLength,
  ) {
    super(code);
  }
}

export interface Citation {
  title: string;
  url: string;
  quote: string;
}

export interface ChatReply {
  /** The stored question's id (for "有帮助 / 没帮助"); null when nothing was stored. */
  id: string | null;
  status: AnswerStatus;
  grounded: boolean;
  /** Plain text of the whole answer (the API's `answer`). */
  answer: string;
  citations: Citation[];
  view: AnswerView;
  /** This turn as the next call's `history` wants it (masked question, status, cited documents, stated facts). */
  turn: PriorTurn;
  /** Diagnostics for the evaluation and benchmarks (never sent to a browser). */
  trace: ChatTrace;
}

/** What the evaluation needs to see how a question was read and judged. */
export interface ChatTrace {
  /** The grounding gate's score (null when the question never reached retrieval), against `threshold`. */
  confidence: number | null;
  threshold: number;
  /** The chunks retrieved, best first. */
  retrieved: Array<{ docId: string; anchor: string | null }>;
  /** How the question was read: what was searched, typos repaired, the story's filler left out. */
  understanding: { query: string; repairs: Array<{ from: string; to: string }>; narrative: string[] } | null;
  /** The key terms the gate judged, and which of them the best passages say. */
  keyTerms: KeyTerm[];
  grounding: { found: string[]; missing: string[] } | null;
  llm: LlmOutcome["ok"] | null;
  ms: number;
  /** Which step decided the reply (the staff retrieval test says it in words). */
  decidedBy: Decision;
  /** The guard rule that refused the question (guard-rules.ts `name`), when one did. */
  guardRule: string | null;
  /** The whole retrieval, as the answer used it (null when the question never reached it). */
  retrieval: Retrieval | null;
}

/**
 * What decided a reply: the guards before any search, the eligibility rules, nothing found, the grounding gate
 * below `minimumConfidence`, an amount no passage states, the passages found (an answer); or a failure.
 */
export const decisions = ["guard", "rules", "no_hits", "below_confidence", "amount", "retrieval", "error"] as const;
export type Decision = (typeof decisions)[number];

export interface AskOptions {
  /** Where to store the question; null/undefined = do not store (evaluation, benchmarks). */
  db?: Kysely<Database> | null;
  conversationId?: string;
  now?: Date;
  /** Index to use (default: the app's). */
  index?: AssistantIndex;
  /** Chat model for generated answers; undefined = CHAT_MODEL from the environment; null = extractive. */
  chatModel?: BaseChatModel | null;
  llmTimeoutMs?: number;
  /** Retrieval channels (default "hybrid"); "bm25" / "vector" alone for the evaluation's ablation. */
  retrievalMode?: RetrievalMode;
  /** Earlier turns of the same conversation, oldest first (each an earlier reply's `turn`). */
  history?: PriorTurn[];
  /** false: the reply is not counted in the metrics of public answers (the staff retrieval test). Default true. */
  countMetrics?: boolean;
}

/** The masked question as retrieval searches it (understand.server.ts: folded, typos repaired, narrative left out). */
export function retrievalQuery(masked: string, index?: AssistantIndex): string {
  return understandQuestion(masked, index?.lexical ?? getLexicalIndex()).query;
}

let envModel: Promise<BaseChatModel | null> | undefined;
function modelFromEnv(): Promise<BaseChatModel | null> {
  envModel ??= chatModelFromEnv();
  return envModel;
}

function citationsOf(view: AnswerView): Citation[] {
  return view.passages.map((p) => ({ title: p.title, url: p.url, quote: p.quote }));
}

async function answerFromCorpus(
  masked: string,
  locale: Locale,
  personalData: PersonalDataKind[],
  options: AskOptions,
  resolved: ResolvedQuestion,
  index: AssistantIndex,
  levy: LevyBand | null = null,
): Promise<{ view: AnswerView; retrieval: Retrieval; llm: LlmOutcome["ok"] | null; decidedBy: Decision }> {
  const t = getFixedT(locale);
  const retrieval = certificateDocsLast(preferEarlierDocs(index, await retrieve(index, resolved.query, { limit: 12, retrievalMode: options.retrievalMode }), resolved), resolved);
  // A follow-up is composed from what it asks itself ("要带什么材料？ 需要带什么材料"), its topic being given.
  retrieval.question = resolved.borrowed ? resolved.composeText : masked;
  if (resolved.borrowed === "topic" || resolved.borrowed === "context") {
    retrieval.asks = resolved.within;
    if (resolved.topic.length) retrieval.topic = resolved.topic;
  } else if (resolved.factText) retrieval.asks = resolved.factText;
  // (What happened in the case, told earlier, is what the sections must say: "她那个证要怎么处理？" after 去世.)
  if (resolved.carriedEvents.length) {
    retrieval.topic = [...new Set([...(retrieval.topic ?? []), ...resolved.carriedEvents])];
    retrieval.caseEvents = resolved.carriedEvents;
  }
  // An employer that said its counts (120个员工, 只招了1个残疾人) is answered with its levy band's rule, when the levy is
  // what was found.
  // (Not for a levy already paid: "那要是我们去年已经按全额交了呢？" asks about a refund.)
  if (levy && !levyPaid.test(masked) && retrieval.hits.slice(0, 3).some((h) => levyDocuments.has(h.chunk.docId))) retrieval.levyBand = levy;
  if (resolved.otherPeople.length) retrieval.otherPeople = resolved.otherPeople;
  if (resolved.aspects.length) retrieval.aspects = resolved.aspects;
  // The rules, not the retrieval, answer "can I get it" for a person the question describes.
  // (Not when what is asked is a topic the assistant does not cover: "残疾人能不能提前退休？养老金怎么算" is no benefits question.)
  const offTopic = retrieval.understanding.keyTerms.some((k) => k.offTopic);
  const ruled = offTopic ? null : dialogAnswer(resolved, { masked, index, t, personalData });
  if (ruled) return { view: ruled, retrieval, llm: null, decidedBy: "rules" };
  // (An employer whose band is known and who asks about the levy is answered by the band's rule: the rules decide,
  // whatever everyday words the question adds, "那我们这样残保金是不是要全额交？".)
  const levyAsked = retrieval.levyBand !== undefined && retrieval.expanded.expansions.some((e) => e.canonical === levyTerm);
  if (!retrieval.hits.length || (retrieval.confidence < minimumConfidence && !levyAsked)) {
    const unsaid = unsaidTerms(retrieval.understanding, retrieval.expanded, index, retrieval.grounding.keys);
    const decidedBy = retrieval.hits.length ? "below_confidence" : "no_hits";
    return { view: composeNoAnswer("no_content", t, personalData, [], null, unsaid), retrieval, llm: null, decidedBy };
  }
  const idf = (term: string) => termIdf(index, term);
  const composed = composeAnswer({ retrieval, index, locale, t, personalData, idf });
  const view = { ...composed, nextSteps: fitNextSteps(composed.nextSteps, resolved) };

  // Never an amount the corpus does not state: a question for a sum gets the passages that say who sets it.
  // (A price asked by the clause that asks: "……her nursing allowance stopped…… how much does renewing cost?" asks
  // what the renewal costs, though the story names an allowance.)
  const price = asksForPrice(askingPart(retrieval.understanding.text));
  // (A levy band states the share of the levy the employer pays, by the formula the passage gives: no sum is invented.)
  if (asksForAmount(retrieval.understanding.text) && !retrieval.levyBand && !view.passages.some((p) => statesAmount(index.chunks[p.key].text, price))) {
    const pointers: AnswerPassage[] = view.passages.slice(0, 2).map((p, i) => ({ ...p, n: i + 1 }));
    return { view: composeNoAnswer("no_content", t, personalData, pointers, "amount"), retrieval, llm: null, decidedBy: "amount" };
  }

  const model = options.chatModel === undefined ? await modelFromEnv() : options.chatModel;
  if (!model) return { view, retrieval, llm: null, decidedBy: "retrieval" };
  const sources = view.passages.map((p) => ({ n: p.n, title: p.title, text: index.chunks[p.key].text }));
  const outcome = await generateAnswer(model, masked, sources, locale, options.llmTimeoutMs);
  if (!outcome.ok) {
    console.warn(`assistant: generated answer refused (${outcome.reason}); extractive answer used`);
    return { view, retrieval, llm: false, decidedBy: "retrieval" };
  }
  const used = new Set(outcome.answer.used);
  return {
    view: { ...view, mode: "llm", body: outcome.answer.text, passages: view.passages.filter((p) => used.has(p.n)) },
    retrieval,
    llm: true,
    decidedBy: "retrieval",
  };
}

/** Asks the assistant. Throws InvalidQuestion for an empty or too long question; never for anything else. */
export async function askAssistant(input: { question: string; locale: Locale }, options: AskOptions = {}): Promise<ChatReply> {
  const started = performance.now();
  const guard = guardQuestion(input.question);
  const count = (status: string) => {
    if (options.countMetrics !== false) assistantAnswers.inc({ status });
  };
  if (!guard.ok) {
    count(guard.status);
    throw new InvalidQuestion(guard.status, guard.length);
  }
  const { locale } = input;
  const t = getFixedT(locale);

  let index: AssistantIndex | null = null;
  try {
    index = options.index ?? (await getAssistantIndex());
  } catch (error) {
    console.error("assistant: the index is not available", error);
  }
  const known = index ? knownWords(index) : undefined;
  const inDocuments = index ? documentsUse(index) : undefined;
  // Facts and follow-ups are read from the question as retrieval reads it (simplified, half-width, typos repaired).
  const lexical = index?.lexical;
  const fold = lexical ? (q: string) => understandQuestion(q, lexical).text : undefined;
  const history =
    options.history ??
    (options.db && isConversationId(options.conversationId) ? await conversationTurns(options.db, options.conversationId, { known, inDocuments, fold }) : []);
  // What is read and searched: the masked question with the years it names by "今年" written out (for a date).
  const question = withAbsoluteYears(guard.masked, options.now);
  const resolved = resolveQuestion(question, history, { known, inDocuments, fold });
  const levy = levyBand([...history.map((h) => h.question), question].join("\n"));
  let view: AnswerView;
  let retrieval: Retrieval | null = null;
  let llm: boolean | null = null;
  let decidedBy: Decision = "guard";
  if (guard.refusal) {
    view = composeNoAnswer(guard.refusal, t, guard.personalData);
  } else {
    try {
      if (!index) throw new Error("no index");
      ({ view, retrieval, llm, decidedBy } = await answerFromCorpus(question, locale, guard.personalData, options, resolved, index, levy));
    } catch (error) {
      console.error("assistant: answering failed", error);
      view = composeNoAnswer("error", t, guard.personalData);
      decidedBy = "error";
    }
  }

  // A message with several questions that was answered: each question answered on its own as well, from the
  // documents the whole cites or found first (a part alone, "推荐要收钱吗？", can match a passage about something else), after what
  // the whole answers. (A message the corpus does not answer stays unanswered: "怎么申请？" after an off-topic
  // question is no question of its own.)
  const several = index && retrieval && view.status === "answered" ? separateQuestions(question) : [];
  if (index && retrieval && several.length) {
    const found = new Set([...view.passages.map((p) => index.chunks[p.key]?.docId), ...retrieval.hits.slice(0, 5).map((h) => h.chunk.docId)]);
    const withWhole = [...history, priorTurnOf(guard.masked, view, resolved)];
    const parts: PartAnswer[] = [];
    // (An answer the rules gave lists each benefit it rules on: a part about one of them, "那他护理补贴能领不？", is
    // answered there already, and a part the corpus leaves unanswered, "生活补贴是不是就没份了", is too.)
    const ruled = decidedBy === "rules" && view.eligibility ? new Set(view.eligibility.items.map((i) => i.scheme)) : null;
    for (const { text: part, asks } of several) {
      // A question with a subject of its own ("那他的残疾证要怎么弄？") goes on from the conversation as the whole
      // did; one without ("周末是否开放？") from the whole's answer.
      const hasSubject = resolveQuestion(asks, [], { known, inDocuments, fold }).topic.length > 0;
      const own = resolveQuestion(part, hasSubject ? history : withWhole, { known, inDocuments, fold });
      if (ruled && Array.isArray(own.schemes) && own.schemes.length && own.schemes.every((s) => ruled.has(s))) continue;
      const answered = await answerFromCorpus(part, locale, [], { ...options, chatModel: null }, own, index).catch(() => null);
      if (!answered || (ruled && answered.view.status !== "answered")) continue;
      const docOf = (n: number) => {
        const passage = answered.view.passages[n];
        return passage ? index.chunks[passage.key]?.docId : undefined;
      };
      const from = docOf(0);
      // (A part asked in the case told earlier, 户口迁走, may lead with another document than the whole's, its second
      // passage from one of them: "现在领的补贴还能继续领吗？".)
      const second = docOf(1);
      const inCase = own.carriedEvents.length > 0 && second !== undefined && found.has(second);
      // (Or wherever a part that goes on in the earlier turn's case was found, its words and that case searched together:
      // "那他的残疾证要怎么弄？" after 户口迁走, "她那本残疾证又怎么处理？" after 我妈上个月走了; or one with a subject of
      // its own: "我能怎么维权？" after a refused job is the complaint guide's answer, wherever the whole was found.)
      const belongs = from !== undefined && (found.has(from) || inCase || own.borrowed === "context" || hasSubject);
      if (answered.view.status === "answered" && !belongs) continue;
      // A refusal that names a word the glossary maps (听的书 → 有声读物) names something the corpus covers: the part's
      // few words found the wrong passages, and "没有找到关于“听的书”的答案" would tell the person it is not there.
      const namesCovered = expandQuery(asks).expansions.some((e) => answered.view.lead.includes(t("assistant.noAnswer.quoted", { word: e.variant })));
      parts.push({ question: asks, view: answered.view, namesUnknown: answered.view.lead !== t("assistant.noAnswer.no_content") && !namesCovered });
    }
    view = withPartAnswers(view, parts);
  }

  // Say when a question was read with the earlier one's topic, so a wrong reading shows.
  if (view.status === "answered" && resolved.borrowed && resolved.borrowed !== "aspect" && resolved.topic.length) {
    view = { ...view, followUp: resolved.topic };
  }
  count(view.status);
  const citations = citationsOf(view);
  const turn = priorTurnOf(guard.masked, view, resolved);
  let id: string | null = null;
  if (options.db) {
    id = randomUUID();
    await options.db
      .insertInto("chat_questions")
      .values({
        id,
        conversation_id: options.conversationId ?? "api",
        question: guard.masked,
        locale,
        status: view.status,
        grounded: view.grounded ? 1 : 0,
        citations: JSON.stringify(citations),
        answer: JSON.stringify(view),
        created_at: (options.now ?? new Date()).toISOString(),
        helpful: null,
      })
      .execute();
    rememberTurn(id, turn);
  }
  return {
    id,
    status: view.status,
    grounded: view.grounded,
    answer: answerText(view, t),
    citations,
    view,
    turn,
    trace: {
      confidence: retrieval?.confidence ?? null,
      threshold: minimumConfidence,
      // An answer from the rules lists the sections it cites first, then what retrieval found.
      retrieved: [...ruleSections(view), ...(retrieval?.hits.map((h) => ({ docId: h.chunk.docId, anchor: h.chunk.anchor })) ?? [])],
      understanding: retrieval
        ? { query: retrieval.understanding.query, repairs: retrieval.understanding.repairs, narrative: retrieval.understanding.narrative }
        : null,
      keyTerms: retrieval?.understanding.keyTerms ?? [],
      grounding: retrieval ? { found: retrieval.grounding.found, missing: retrieval.grounding.missing } : null,
      llm,
      ms: performance.now() - started,
      decidedBy,
      guardRule: guard.refusal ? (matchingGuardRule(guard.masked)?.name ?? null) : null,
      retrieval,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Conversations (the page) and feedback on answers

/** A new random conversation id for the cookie. */
export function newConversationId(): string {
  return randomBytes(18).toString("base64url");
}

export type { PriorTurn } from "./conversation";

export function isConversationId(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{24}$/.test(value);
}

export interface ConversationTurn {
  id: string;
  /** Masked. */
  question: string;
  createdAt: string;
  helpful: boolean | null;
  view: AnswerView;
}

/** The last `limit` turns of a conversation, oldest first. */
export async function getConversation(db: Kysely<Database>, conversationId: string, limit = 20): Promise<ConversationTurn[]> {
  const rows = await db
    .selectFrom("chat_questions")
    .select(["id", "question", "created_at", "helpful", "answer"])
    .where("conversation_id", "=", conversationId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.reverse().map((r) => ({
    id: r.id,
    question: r.question,
    createdAt: r.created_at,
    helpful: r.helpful === null ? null : r.helpful === 1,
    view: JSON.parse(r.answer) as AnswerView,
  }));
}

/** "有帮助 / 没帮助" on one answer of the person's own conversation. False when there is no such answer. */
export async function rateAnswer(db: Kysely<Database>, input: { id: string; conversationId: string; helpful: boolean }): Promise<boolean> {
  const result = await db
    .updateTable("chat_questions")
    .set({ helpful: input.helpful ? 1 : 0 })
    .where("id", "=", input.id)
    .where("conversation_id", "=", input.conversationId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export { unansweredFilters, type UnansweredFilter } from "./assistant-constants";

export interface UnansweredItem {
  id: string;
  question: string;
  status: string;
  locale: string;
  createdAt: string;
  helpful: boolean | null;
}

/** For editors: questions that got no answer (or an unhelpful one), newest first, paginated. Masked. */
export async function listUnanswered(
  db: Kysely<Database>,
  options: { filter?: UnansweredFilter; page?: number; pageSize?: number } = {},
): Promise<{ items: UnansweredItem[]; total: number; page: number; pageCount: number }> {
  const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 20));
  const filter = options.filter ?? "no_answer";
  const base = () =>
    filter === "not_helpful"
      ? db.selectFrom("chat_questions").where("helpful", "=", 0)
      : db.selectFrom("chat_questions").where("grounded", "=", 0);
  const { count } = await base()
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  const total = Number(count);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(pageCount, Math.max(1, Math.floor(options.page ?? 1)));
  const rows = await base()
    .select(["id", "question", "status", "locale", "created_at", "helpful"])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      question: r.question,
      status: r.status,
      locale: r.locale,
      createdAt: r.created_at,
      helpful: r.helpful === null ? null : r.helpful === 1,
    })),
    total,
    page,
    pageCount,
  };
}
