import { expandQuery, tokenizeWords } from "~/modules/search/index.server";
import { tagWords } from "~/modules/search/segment.server";
import { getPhrases } from "./phrases.server";
import { questionClauses } from "./understand.server";
import { schemeTopic, type PriorTurn, type TurnContext } from "./conversation";
import {
  aspectPhrases,
  alsoMarkers,
  asksConsequence,
  aspectWords,
  backReferences,
  caseEvents,
  placeReferences,
  personReferences,
  bareAnswers,
  bothReferences,
  questionForms,
  benefitWords,
  eligibilityIntent,
  ellipsisMarkers,
  genericWords,
  neutralTopics,
  schemePhrases,
} from "./dialog-phrases";
import type { Scheme } from "./eligibility";
import type { Phrase } from "./eligibility-phrases";
import type { AnswerField } from "./eligibility-verdicts";
import { blank, extractFacts, mergeFacts, normalizeForFacts, statesAnyFact, withoutFacts, type StatedFacts } from "./stated-facts";

/**
 * A question in its conversation: what it says of its own (benefits named, "can I get it", the aspect it asks
 * about, facts about the person), and what it takes from the turns before it — the topic when it names none
 * ("要带什么材料？"), the earlier question's aspect when it only names a new topic ("那护理补贴呢？"), the
 * earlier facts always (unless it is about someone else). A question with its own topic and aspect is a new
 * question: nothing but the facts carries over.
 */

export interface ResolveOptions {
  /** Whether the corpus uses a word (default: every word). Unknown words are no topic. */
  known?: (word: string) => boolean;
  /**
   * The question as the rest of the assistant reads it (traditional → simplified, typos repaired): facts and
   * phrases are read from it. Default: the masked question (the tables are normalised to half-width anyway).
   */
  fold?: (masked: string) => string;
  /** Whether the documents use every one of the words (default: never): a short question in the earlier
   * answer's own words ("有轮椅位吗" after the cinema) continues it. */
  inDocuments?: (words: string[], docIds: string[]) => boolean;
}

export interface ResolvedQuestion extends TurnContext {
  /** What retrieval searches: the question, plus the borrowed topic or aspect. */
  query: string;
  /**
   * What the question took from the conversation: the topic ("要带什么材料？"), the aspect ("那护理补贴呢？"),
   * the earlier question it answers ("需要"), or the context it continues in the earlier answer's own words
   * ("有轮椅位吗？" after the cinema).
   */
  borrowed: "topic" | "aspect" | "answer" | "context" | null;
  /** What the answer is composed from: a follow-up's own words (with what it asks), not the borrowed topic. */
  composeText: string;
  /** A follow-up on the same topic looks first in the documents the earlier answer cited (best first). */
  preferDocs: string[];
  /** The earlier turn's people that this one is not about ("那聋人呢？" after 盲人): sections headed for them come last. */
  otherPeople: string[];
  /** The question's own words with the corpus's words for what it asks ("要多久" → "要多久 时间"). */
  within: string;
  /**
   * Where the kind of fact asked (a date, a place) is read from, when not from the question alone: "那聋人协会呢？"
   * after "盲人协会成立了没有" asks the earlier question's kind of fact of a new topic.
   */
  factText: string | null;
  /** What happened in the case, told by an earlier turn and not by this one: searched beside the question. */
  carriedEvents: string[];
  /** What it asks about its topic: keys of aspectPhrases ("materials", "where", "time" …). */
  aspects: string[];
  /** What the question itself states. */
  ownFacts: StatedFacts;
  /** The conversation's facts after this question. */
  facts: StatedFacts;
  /** What the turn is about (its own words, or the earlier turn's). */
  topic: string[];
  /** What it asks about the topic, as words ("去 哪里 申请"). */
  aspect: string;
  /** The benefits asked about: named ones, "all" for "什么补贴", none. */
  schemes: Scheme[] | "all" | null;
  /** Asks whether someone can get a benefit. */
  eligibility: boolean;
}


const asciiWord = /[a-z0-9]/;

function matches(text: string, phrase: Phrase): boolean {
  if (typeof phrase !== "string") return phrase.test(text);
  if (/\p{Script=Han}/u.test(phrase)) return text.includes(phrase);
  let at = text.indexOf(phrase);
  while (at >= 0) {
    const end = at + phrase.length;
    if ((at === 0 || !asciiWord.test(text[at - 1])) && (end === text.length || !asciiWord.test(text[end]))) return true;
    at = text.indexOf(phrase, at + 1);
  }
  return false;
}

const any = (text: string, phrases: Phrase[]) => phrases.some((p) => matches(text, p));

const schemeGuide: Record<Scheme, string> = {
  livingAllowance: "living-allowance-guide",
  nursingAllowance: "nursing-allowance-guide",
  childRehab: "child-rehab-assistance-guide",
};

/** The benefits a question names ("两项补贴" names both). */
export function namedSchemes(text: string): Scheme[] {
  const out: Scheme[] = [];
  if (any(text, schemePhrases.both)) out.push("livingAllowance", "nursingAllowance");
  for (const scheme of ["livingAllowance", "nursingAllowance", "childRehab"] as const) {
    if (!out.includes(scheme) && any(text, schemePhrases[scheme])) out.push(scheme);
  }
  return out;
}

export function asksEligibility(text: string): boolean {
  return any(text, eligibilityIntent);
}

function aspectsOf(text: string): string[] {
  return Object.entries(aspectPhrases)
    .filter(([, phrases]) => any(text, phrases))
    .map(([key]) => key);
}

/** A Chinese word made of generic words only ("能办" = 能 + 办, "办下来"): as generic as they are. */
function madeOfGeneric(word: string): boolean {
  const chars = [...word];
  if (chars.length < 2 || !/^\p{Script=Han}+$/u.test(word)) return false;
  const reachable = [true, ...chars.map(() => false)];
  for (let end = 1; end <= chars.length; end++) {
    for (let start = 0; start < end && !reachable[end]; start++) {
      if (reachable[start] && genericWords.has(chars.slice(start, end).join(""))) reachable[end] = true;
    }
  }
  return reachable[chars.length];
}

/** A number with its measure word ("一台", "两个"): how many, never what about. */
const counted = /^[\d一二两三四五六七八九十几半]+[个台只张次件位种份趟回项条]$/u;

const isGeneric = (word: string) => genericWords.has(word) || madeOfGeneric(word) || /^[\d.]+$/.test(word) || counted.test(word) || any(word, benefitWords);

/**
 * The words of a text that can be its topic: not generic, known to the corpus; an English word that is part
 * of a glossary term stands as that term ("disability certificate" → 残疾人证), so a follow-up searches the
 * corpus's own word.
 */
function topicWords(text: string, known: (word: string) => boolean, withTerms = false): string[] {
  const expansions = expandQuery(text).expansions.filter((e) => !/\p{Script=Han}/u.test(e.variant) && !isGeneric(e.variant));
  const covered = new Set(expansions.flatMap((e) => e.variant.split(/[\s-]+/)));
  const words = tokenizeWords(text).filter((w) => !isGeneric(w) && known(w) && !covered.has(w) && !covered.has(`${w}s`));
  if (!withTerms) return [...new Set([...expansions.map((e) => e.canonical), ...words])];
  // A Chinese glossary word the segmenter does not keep as a word the corpus uses ("迁去" in "户口要从英德迁去广州")
  // stands as its term (迁移) in what the turn is about, for a follow-up to borrow.
  const unsegmented = expandQuery(text)
    .expansions.filter((e) => /\p{Script=Han}/u.test(e.variant) && !isGeneric(e.variant) && !words.some((w) => w.includes(e.variant) || e.variant.includes(w)))
    .map((e) => e.canonical);
  return [...new Set([...expansions.map((e) => e.canonical), ...words, ...unsegmented])];
}

interface OwnReading {
  text: string;
  /** Its words without the generic ones (facts kept: "盲人 坐 公交车"). */
  content: string[];
  /** Its words without the generic ones and without the facts: empty for "需要人照顾", "要带什么材料". */
  topic: string[];
  /**
   * Subjects of its own the rules know nothing about: a topic the phrasebook says is not the assistant's business
   * (驾照 in "聋人考驾照要什么条件"), or a Chinese noun the corpus never uses and the glossary does not know.
   */
  strangers: string[];
  /** Glossary terms it names that are a subject of their own (辅具, 上学), not a fact or a benefit. */
  domain: string[];
  /** It names the 残疾人证 ("能办残疾证吗" asks about the certificate, not the benefits). */
  certificate: boolean;
  aspects: string[];
  schemes: Scheme[];
  benefit: boolean;
  eligibility: boolean;
  ellipsis: boolean;
  /** "也要…吗" / "too?": the earlier question asked of a new case. */
  also: boolean;
  backReference: boolean;
  /** "两个" / "both": the last two topics together. */
  both: boolean;
  /** It is a question ("需要本人去吗？", "找谁"), not a "谢谢". */
  question: boolean;
  facts: StatedFacts;
}

/** Phrases that say what a question asks, or that it leans back: never its topic. */
const notTopic: Phrase[] = [...Object.values(aspectPhrases).flat(), ...ellipsisMarkers, ...backReferences, ...bothReferences];

function strangerNouns(text: string, known: (word: string) => boolean): string[] {
  const glossary = new Set(expandQuery(text).expansions.map((e) => e.variant));
  return tagWords(text)
    .filter(({ word, tag }) => /^(n|vn)$/.test(tag) && /^\p{Script=Han}{2,}$/u.test(word) && !isGeneric(word) && !glossary.has(word) && !known(word))
    .map(({ word }) => word);
}

/** A story clause that says what the person wants or is told to get ("想配助听器", "医生建议戴助听器"): its subject is asked about too. */
const wants = /想|要|打算|准备|希望|申请|建议|最好|需要|\b(?:want|need|would like|apply)/i;

/**
 * Aspects a clause that only frames a question may add ("……怎么办，要带啥？" asks for the materials too): the
 * particular ones. A bare "要找谁" or "怎么办" after a particular case ("还有没有机会再评一次，要找谁") asks who handles
 * that case, not the service's general office or procedure.
 */
const frameAspects = new Set(["materials", "time", "cost", "proxy", "online", "age"]);

function askedAspects(text: string): string[] {
  const clauses = questionClauses(text, getPhrases());
  const asking = clauses.filter((c) => c.asking).map((c) => c.clause);
  const own = aspectsOf(asking.length ? asking.join("，") : text);
  const framed = aspectsOf(clauses.filter((c) => c.frame).map((c) => c.clause).join("，")).filter((a) => frameAspects.has(a));
  return [...new Set([...own, ...framed])];
}

function read(masked: string, known: (word: string) => boolean): OwnReading {
  const text = normalizeForFacts(masked).replace(/\s+/g, " ").trim();
  const rest = withoutFacts(masked);
  const schemes = namedSchemes(text);
  const schemeWord = (w: string) => namedSchemes(w).length > 0;
  // Subjects of their own, from the clauses that ask and those that say what the person wants (助听器 in
  // "孩子听力残疾，想配助听器，能领什么补贴" is one, though it says nothing about the person); not from the story
  // ("孩子还在上学", "工作也丢了", "出了车祸": how things are, not what is asked).
  const expansions = expandQuery(text).expansions;
  const subjectText = questionClauses(withoutFacts(text), getPhrases())
    .filter((c) => c.asking || wants.test(c.clause))
    .map((c) => c.own)
    .join("，");
  const domain = expandQuery(subjectText).expansions
    .filter(
      (e) => !neutralTopics.has(e.canonical) && !isGeneric(e.variant) && !schemeWord(e.variant) && !Object.keys(extractFacts(e.variant)).length,
    )
    .map((e) => e.canonical);
  // A place ("我妈在广州住，能在广州申请吗") is where the person is, not what is asked about: a follow-up naming only
  // a place asks the earlier topic there.
  const places = new Set(tagWords(text).filter((w) => /^ns/.test(w.tag)).map((w) => w.word));
  return {
    text,
    content: topicWords(blank(text, notTopic), known, true),
    topic: topicWords(blank(rest, notTopic), known).filter((w) => !places.has(w)),
    domain: [...new Set(domain)],
    // (The story's words are not subjects: "车祸" in "我老公车祸腿没了，能领哪些补贴" is how it happened.)
    strangers: [...getPhrases().offTopic.find(text), ...strangerNouns(getPhrases().narrative.remove(blank(rest, notTopic)), known)],
    certificate: expansions.some((e) => e.canonical === "残疾人证"),
    // What is asked about the topic, from the clauses that ask ("回一趟老家要请好几天假" tells, it asks no time).
    aspects: askedAspects(text),
    schemes,
    benefit: any(text, benefitWords),
    eligibility: asksEligibility(text),
    ellipsis: any(text, ellipsisMarkers),
    also: any(text, alsoMarkers),
    backReference: any(text, backReferences),
    both: any(text, bothReferences),
    question: any(text, questionForms),
    facts: extractFacts(masked),
  };
}

/** The question without its topic: what it asks ("去哪里申请", "where do i apply for the"). */
function aspectText(own: OwnReading): string {
  let text = withoutFacts(own.text);
  const names = Object.values(schemePhrases)
    .flat()
    .filter((p): p is string => typeof p === "string")
    .sort((a, b) => b.length - a.length);
  for (const name of names) text = text.split(name).join(" ");
  for (const word of own.topic) text = text.split(word).join(" ");
  return text.replace(/[\p{P}\s]+/gu, " ").trim();
}

/**
 * The turns a follow-up can lean on, latest first: answered (or not found in the corpus). A refused turn
 * ("今天天气怎么样？") is no topic: the follow-up after it goes back to the question before.
 */
function usableTurns(history: PriorTurn[]): PriorTurn[] {
  return history.filter((turn) => turn.status === "answered" || turn.status === "no_content").reverse();
}

/** The conversation's facts before this question (the last turn keeps them all). */
function earlierFacts(history: PriorTurn[]): StatedFacts {
  for (let i = history.length - 1; i >= 0; i--) {
    if (history[i].facts) return history[i].facts;
  }
  return {};
}

/** "需要" / "不是" / "yes" after the assistant asked a question: the fact it answers. */
function bareAnswer(text: string, asked: AnswerField[]): StatedFacts | null {
  const clean = text.replace(/[\p{P}\s]+/gu, "");
  const plain = text.replace(/[.!?。！？,，]+$/u, "").trim();
  for (const { phrases, yes, field } of bareAnswers) {
    if (!phrases.some((p) => matches(clean, p) || matches(plain, p))) continue;
    const target = field && asked.includes(field) ? field : asked.find((f) => ["care", "certificate", "income", "residence"].includes(f));
    switch (target) {
      case "care":
        return { care: yes ? "yes" : "no" };
      case "certificate":
        return { certificate: yes ? "yes" : "no" };
      case "income":
        return { income: yes ? "dibao" : "neither" };
      case "residence":
        return { residence: yes ? "qingyuan" : "elsewhere" };
      default:
        return null;
    }
  }
  return null;
}

/** Resolves a (masked) question against the earlier turns of its conversation (oldest first). */
export function resolveQuestion(question: string, history: PriorTurn[] = [], options: ResolveOptions = {}): ResolvedQuestion {
  const masked = options.fold ? options.fold(question) : question;
  const own = read(masked, options.known ?? (() => true));
  const usable = usableTurns(history);
  const last = usable[0];
  const before = earlierFacts(history);
  let ownFacts = own.facts;
  const names = own.schemes.map((s) => schemeTopic[s]);
  // "能领什么补贴？" with nothing else to be about asks for every benefit that fits; "上学有什么补助" does not.
  // "I'm grade 2, what can I get?" too, but not "我是聋人，能办残疾证吗".
  // In a conversation about something else, "聋人也可以吗？" asks that again of deaf people, not for benefits.
  // ("盲人可以办借阅证吗" asked "can I" of the library card: "那聋人可以吗" asks it of the card, not of benefits.)
  const aboutBenefits = !usable.length || usable[0].schemes.length > 0 || (usable[0].eligibility && !usable[0].topic.length);
  // A certificate the person holds (or not) is a fact; one they ask about ("能办残疾证吗") is the topic.
  const asksCertificate = own.certificate && own.facts.certificate === undefined;
  // (Not "聋人考驾照要什么条件": a subject the corpus does not know is what it asks about, not the benefits.)
  // (Nor "……眼睛快瞎了还没办证，能在广州办吗？": where to do what it just named, the certificate, is no benefits question.)
  const certificateThere = (own.certificate || own.facts.certificate === "no") && own.aspects.length > 0;
  const forAll =
    own.eligibility &&
    !own.domain.length &&
    (own.benefit || (statesAnyFact(own.facts) && !asksCertificate && !certificateThere && aboutBenefits && !own.strangers.length));
  const ownSchemes: Scheme[] | "all" | null = own.schemes.length ? own.schemes : forAll ? "all" : null;
  const eligibilityTurn = own.eligibility && ownSchemes !== null;
  const ownTopic = [...new Set([...names, ...(eligibilityTurn ? own.domain : own.content)])];
  const ownAspect = aspectText(own);

  let borrowed: ResolvedQuestion["borrowed"] = null;
  let preferDocs: string[] = [];
  let otherPeople: string[] = [];
  const within = [masked, ...own.aspects.map((a) => aspectWords[a] ?? "")].join(" ").trim();
  let query = question;
  let composeText = question;
  let topic = ownTopic;
  let aspect = ownAspect;
  let schemes = ownSchemes;
  let eligibility = own.eligibility;
  let factText: string | null = null;

  if (last) {
    // ("她那个证要怎么处理？": the person's own certificate, asked about, is the subject, though 残疾人证 alone is no topic.)
    const theirCertificate = Boolean(asksCertificate) && any(own.text, personReferences);
    const hasTopic = own.schemes.length > 0 || own.topic.length > 0 || theirCertificate;
    const short = /\p{Script=Han}/u.test(own.text) ? [...own.text].length <= 16 : own.text.split(/\s+/).length <= 8;
    // ("那边要是只有楼梯怎么办？" opens with the place the conversation is about: it asks of the earlier topic there.)
    const there = placeReferences.test(own.text) && !own.schemes.length;
    const pointsBack = ((own.backReference || own.both) && !theirCertificate && !own.schemes.length && !own.domain.length && own.topic.length <= 1 && short) || there;
    // "两个能一起领吗？": both of the last two topics.
    const earlierTopic = own.both && usable[1] ? [...new Set([...last.topic, ...usable[1].topic])] : last.topic;
    // The eligibility question an answer may answer: the last turn's, or the one before ("为什么？" in between).
    const asking = usable.slice(0, 2).find((t) => t.eligibility) ?? last;
    const answer = !hasTopic && !own.aspects.length && !own.eligibility ? bareAnswer(own.text, asking.asked ?? []) : null;
    // The earlier turn only said who the person is ("我是聋人", "我是二级视力残疾", then "怎么联系残联"): the person carries over, but
    // what its answer happened to cite is no topic to go on in.
    const personOnly =
      last.topic.length > 0 && !last.schemes.length && !last.aspect.trim() && !last.eligibility && last.topic.every((w) => statesAnyFact(extractFacts(w)));
    if (answer) ownFacts = { ...ownFacts, ...answer };
    // (A longer one with no subject of its own leans back too, "老人家不识字也不会扫码，还能订得上吗": unless it names
    // something the corpus does not know, which is a new question.)
    // ("这种也算吗？" has no subject either: "also" asks the earlier question of the case it tells.)
    const leansBack = (short || !own.strangers.length) && own.question && (!own.ellipsis || (own.also && !hasTopic));
    // (So does one that asks nothing and only tells more of the case, "他明年就满7岁了": what comes next asks of it.)
    const tellsMore = !hasTopic && !own.question && statesAnyFact(ownFacts) && !asking.eligibility;
    if ((!hasTopic || pointsBack) && (own.aspects.length || own.eligibility || leansBack || there || tellsMore)) {
      // "要带什么材料？", "在哪里办", "how long does it take?": the earlier topic, this aspect.
      borrowed = "topic";
      topic = earlierTopic;
      const earlierSchemes = own.both && usable[1] ? [...new Set([...last.schemes, ...usable[1].schemes])] : last.schemes;
      schemes = own.schemes.length ? own.schemes : earlierSchemes.length ? earlierSchemes : ownSchemes;
      // "为什么？" / "真的吗？" after an eligibility answer asks it again (the answer says why).
      eligibility = own.eligibility || (last.eligibility && !own.aspects.length);
      // The guides of the benefits it was about, then the documents its answer cited first (not after a turn
      // that only said who the person is: see personOnly).
      preferDocs = [...new Set([...earlierSchemes.map((s) => schemeGuide[s]), ...(personOnly ? [] : last.docIds.slice(0, 2))])];
      query = [...earlierTopic, within].join(" ");
      composeText = within;
    } else if (!hasTopic && (answer || statesAnyFact(ownFacts)) && asking.eligibility) {
      // An answer to what the assistant asked ("需要人照顾", "是低保"): the earlier question again, with it.
      borrowed = "answer";
      topic = asking.topic;
      aspect = asking.aspect;
      schemes = asking.schemes.length ? asking.schemes : "all";
      eligibility = true;
      query = [...asking.topic, asking.aspect].join(" ");
    } else if (!own.aspects.length && !own.eligibility && own.ellipsis && (hasTopic || statesAnyFact(ownFacts))) {
      // "那护理补贴呢？", "what about the nursing allowance?", "那盲人呢？": the earlier aspect, of this.
      borrowed = "aspect";
      aspect = last.aspect;
      // "生活补贴给谁？" then "那我爸呢，他是三级肢体，家里低保": facts about a person, of the benefit just discussed,
      // ask whether that person qualifies: the rules answer.
      // (Not a change that may come, "万一低保被取消了会怎样": what happens then is asked, from the guide.)
      const factsOfBenefit = !own.schemes.length && !own.domain.length && statesAnyFact(ownFacts) && last.schemes.length > 0 && !asksConsequence.test(own.text);
      eligibility = last.eligibility || factsOfBenefit;
      schemes = own.schemes.length ? own.schemes : last.eligibility || factsOfBenefit ? last.schemes : null;
      const sameTopic = !own.schemes.length && !own.topic.length;
      // "那聋人呢？" after "盲人坐公交免费吗": the earlier person's words (盲人) are not what it asks about now.
      const otherPerson = (word: string) => {
        const category = extractFacts(word).category;
        return category !== undefined && ownFacts.category !== undefined && category !== ownFacts.category;
      };
      const carried = last.topic.filter((word) => !otherPerson(word));
      if (sameTopic) otherPeople = last.topic.filter(otherPerson);
      // "也要交吗？" of a new case keeps the earlier topic beside the case's own words.
      const keepTopic = sameTopic || (own.also && !own.schemes.length);
      topic = sameTopic ? carried : keepTopic ? [...new Set([...carried, ...ownTopic])] : ownTopic;
      // "那盲人呢？" / "what about deaf people?": the same topic for other people, in the same documents.
      if (sameTopic) preferDocs = last.docIds.slice(0, 2);
      query = [...(keepTopic ? carried : []), masked, last.aspect].join(" ");
      // The same kind of fact as before is asked ("成立了没有" → the sentence that says when it was registered).
      factText = [masked, last.question].join(" ");
    } else if (
      hasTopic &&
      (short || own.ellipsis) &&
      !own.schemes.length &&
      !personOnly &&
      options.inDocuments?.(own.topic, last.docIds.slice(0, 2))
    ) {
      // "有轮椅位吗？" after the cinema, "要押金吗？" after borrowing a device: a short question in the
      // earlier answer's own words goes on with it; so does a longer one that leans on it ("……办了居住证，也可以吗").
      borrowed = "context";
      topic = [...new Set([...last.topic, ...own.topic])];
      schemes = last.schemes.length ? last.schemes : ownSchemes;
      preferDocs = last.docIds.slice(0, 2);
      query = [...last.topic, within].join(" ");
      composeText = within;
    } else if (hasTopic && short && !own.schemes.length && !personOnly && any(own.text, personReferences)) {
      // "她那本残疾证又怎么处理？" after "我妈上个月走了": its own subject, in the case the earlier turn told (去世), looked
      // up in the whole corpus (the earlier answer's documents are about something else).
      // (The person's case carries over, not the benefit the earlier turn was about.)
      const caseWords = last.topic.filter((w) => !Object.values(schemeTopic).includes(w));
      borrowed = "context";
      topic = [...new Set([...caseWords, ...own.topic])];
      query = [...caseWords, within].join(" ");
      composeText = within;
    }
  }

  // What happened in the case (去世, 迁移), told earlier: the question is asked in it ("她那个证要怎么处理？" two turns
  // after "我外婆上个月走了"), so it is searched beside the question.
  const ownEvents = expandQuery(masked).expansions.map((e) => e.canonical).filter((c) => caseEvents.has(c));
  const carriedEvents = (last?.events ?? []).filter((e) => !ownEvents.includes(e));
  if (carriedEvents.length) query = [...carriedEvents, query].join(" ");
  const events = [...new Set([...ownEvents, ...carriedEvents])];

  const facts = mergeFacts(before, ownFacts);
  return { query, borrowed, carriedEvents, events, composeText, preferDocs, otherPeople, within, factText, aspects: own.aspects, ownFacts, facts, topic, aspect, schemes, eligibility };
}
