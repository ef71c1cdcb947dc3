import type { AnswerView } from "./answer-view";
import { getPhrases } from "./phrases.server";
import { questionClauses } from "./understand.server";

/**
 * A message that asks several things ("推荐要收钱吗？招了以后公司税收上有没有什么好处？", "…每天几点开门，周末
 * 是否开放？", "第一…；第二…，请逐条回答"): residents, and screen-reader users above all, often put two or three
 * questions in one message, and an answer that takes up only the first leaves the rest unanswered without saying so.
 * The assistant answers the message as a whole, as before; then each of its questions on its own, as a follow-up of
 * that answer (so "周末是否开放" is asked of the library the first question named), and adds what the whole did not
 * already say, or says that the corpus has no answer to that part.
 */

/** At most this many questions of one message are answered one by one. */
export const maxQuestions = 3;

/** Where one question of a message ends: a question mark, or a semicolon / full stop between numbered asks. */
const questionEnd = /(?<=[？?；;])|(?<=。)(?=\s*(?:第[一二三四五]|[二三四五][、，,]|[2-5][.、]))/u;

/** A question that opens on the other answer to the one before: "如果不可以，……", "不然……", "if not, …". */
const ifNot = /^\s*(?:(?:如果|要是|假如|若是?)(?:不|没)(?:可以|行|能|是|有|符合)|(?:否则|不然|要不然)|if\s+not\b)/iu;

/** One question of a message: its sentence, as typed, and what of it asks (what the answer shows it answers). */
export interface MessageQuestion {
  /** The sentence, with the story told in it before the question: what is answered ("我有听力三级，同时又有肢体二级，残疾证上按哪个定级？"). */
  text: string;
  /** The clauses of it that ask ("残疾证上按哪个定级？"): shown above its answer. */
  asks: string;
}

/**
 * The questions of a message, when it has more than one: sentences that end in a question mark (or are numbered
 * asks) and have words of their own. [] for a message with one question.
 */
export function separateQuestions(text: string): MessageQuestion[] {
  const phrases = getPhrases();
  const sentences = text
    .split(questionEnd)
    .map((s) => s.trim())
    .filter(Boolean);
  if (sentences.length < 2) return [];
  // What the message tells before its first question ("我的残疾人证已经过期半年，尚未换领。"): the case a later
  // question without words of its own asks about.
  const told = questionClauses(sentences[0], phrases)
    .filter((c) => !c.asking && !c.frame)
    .map((c) => c.clause)
    .join("，");
  const questions = sentences.flatMap((sentence, i) => {
    const clauses = questionClauses(sentence, phrases);
    // A later question that goes on from the answer to the one before ("如果不可以，应当怎样处理？") asks what to do in
    // the case told.
    if (i > 0 && told && ifNot.test(sentence)) {
      return [{ text: `${told}，${sentence}`, asks: sentence }];
    }
    // (Its own words: not a bare "是吗？" or "怎么办？", which asks about what came before it.)
    if (!clauses.some((c) => c.asking && !c.frame)) return [];
    const asks = clauses.filter((c) => c.asking || c.frame).map((c) => c.clause).join("");
    return /[\p{Script=Han}a-z]{2,}/iu.test(phrases.narrative.remove(asks)) ? [{ text: sentence, asks }] : [];
  });
  return questions.length >= 2 ? questions.slice(0, maxQuestions) : [];
}

/** One of the message's questions and its own answer. */
export interface PartAnswer {
  question: string;
  view: AnswerView;
  /** Not answered, and its refusal names what the corpus lacks ("没有找到关于“霍金”的答案"). */
  namesUnknown?: boolean;
}

/** Everything an answer says, as one text (to see whether a part's answer adds anything). */
function saidIn(view: AnswerView): string {
  return [view.lead, ...view.points, ...(view.also ?? []).flatMap((a) => [a.lead, ...a.points])].join("\n");
}

/**
 * The whole message's answer with each part's answer after it: the part's lead and list, with the passage it rests
 * on (added to the sources when it is not one yet), under the question it answers. A part the whole already
 * answered (its lead already said, or another part's passage) is left out; one from the whole's own passage but another
 * sentence of it stays ("……现场讲？我表弟是聋人，去看有字幕吗": the section says both); a part the corpus does not answer says so when
 * its refusal names what is missing (the whole may answer a part that its few words alone do not find).
 */
export function withPartAnswers(whole: AnswerView, parts: PartAnswer[]): AnswerView {
  const passages = [...whole.passages];
  const also = [...(whole.also ?? [])];
  for (const { question, view, namesUnknown } of parts) {
    const said = saidIn({ ...whole, also });
    if (view.status !== "answered") {
      if (namesUnknown) also.push({ question, lead: view.lead, points: [], source: 0 });
      continue;
    }
    const first = view.passages[0];
    if (!first || said.includes(view.lead) || also.some((a) => passages[a.source - 1]?.key === first.key)) continue;
    let passage = passages.find((p) => p.key === first.key);
    if (!passage) {
      passage = { ...first, n: passages.length + 1 };
      passages.push(passage);
    }
    also.push({ question, lead: view.lead, points: view.points, source: passage.n });
  }
  return { ...whole, passages, also };
}
