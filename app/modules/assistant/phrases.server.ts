import { loadGlossary } from "~/modules/content/corpus.server";
import { loadPhrasebook, type Phrasebook } from "~/modules/content/phrasebook.server";
import { foldText } from "~/modules/search/normalize.server";

/**
 * The phrasebook (knowledge/phrasebook.yaml) as matchers: Chinese phrases match anywhere, English ones as whole
 * words (with a plural -s/-es; a trailing * matches any ending), case-insensitively, longest first.
 */

export class PhraseMatcher {
  /** Global (find, remove: matchAll and replace start from 0 and leave no state behind). */
  private readonly pattern: RegExp | null;
  /** The same without the global flag, for test(), which would otherwise keep a lastIndex. */
  private readonly once: RegExp | null;

  /** Words a match may not cut through (see the constructor's `whole`). */
  private readonly whole: PhraseMatcher | null;

  /** Whether a match inside quotation marks is no match (see the constructor's `notQuoted`). */
  private readonly notQuoted: boolean;

  /**
   * `englishAtStart`: English phrases match only at the start of the text (a clause that asks: "Can we …").
   * `whole`: words a match may not cut through: the narrative filler 不清楚 is no filler inside 看不清楚, a
   * glossary word for 视力残疾 (a match that starts or ends inside one of them is no match).
   * `notQuoted`: a phrase inside quotation marks is what the person asks about, not filler ("手语的“谢谢”怎么打").
   */
  constructor(
    readonly phrases: string[],
    options: { englishAtStart?: boolean; whole?: string[]; notQuoted?: boolean } = {},
  ) {
    this.whole = options.whole?.length ? new PhraseMatcher(options.whole) : null;
    this.notQuoted = options.notQuoted ?? false;
    // Folded as the question is (点样 → 怎样): the phrasebook may list a phrase in Cantonese or traditional characters.
    const parts = [...new Set(phrases.map((p) => foldText(p.trim())).filter(Boolean))]
      .sort((a, b) => b.length - a.length)
      .map((p) => (options.englishAtStart && /^[a-z]/.test(p) ? `^\\s*${toPattern(p)}` : toPattern(p)));
    this.pattern = parts.length ? new RegExp(parts.join("|"), "giu") : null;
    this.once = parts.length ? new RegExp(parts.join("|"), "iu") : null;
  }

  /** Whether any phrase occurs in the text. */
  test(text: string): boolean {
    return this.once ? this.once.test(text) : false;
  }

  /** The phrases found, as they occur in the text (leftmost, longest, not overlapping). */
  find(text: string): string[] {
    return this.matches(text).map((m) => m[0]);
  }

  /** The text with every phrase replaced by a space. */
  remove(text: string): string {
    let out = "";
    let at = 0;
    for (const m of this.matches(text)) {
      out += `${text.slice(at, m.index)} `;
      at = (m.index ?? 0) + m[0].length;
    }
    return out + text.slice(at);
  }

  /** Where the phrases occur, leaving out a match that cuts through one of the `whole` words. */
  private matches(text: string): RegExpMatchArray[] {
    if (!this.pattern) return [];
    let found = [...text.matchAll(this.pattern)];
    if (this.notQuoted) {
      const quotes = [...text.matchAll(quoted)].map((q) => [q.index ?? 0, (q.index ?? 0) + q[0].length]);
      found = found.filter((m) => !quotes.some(([start, end]) => (m.index ?? 0) > start && (m.index ?? 0) < end));
    }
    if (!this.whole) return found;
    const words = this.whole.spans(text);
    const inside = (at: number) => words.some(([start, end]) => at > start && at < end);
    return found.filter((m) => !inside(m.index ?? 0) && !inside((m.index ?? 0) + m[0].length));
  }

  /** [start, end) of each phrase found. */
  private spans(text: string): Array<[number, number]> {
    return this.matches(text).map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
}

/** Text in quotation marks: “…”, "…", 「…」, ‘…’. */
const quoted = /“[^”]*”|"[^"]*"|「[^」]*」|‘[^’]*’/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A phrase as a regular expression source: Chinese anywhere, English as a whole word (plural -s/-es; trailing * = any ending). */
export function toPattern(phrase: string): string {
  if (/\p{Script=Han}/u.test(phrase) || !/\w/.test(phrase)) return escape(phrase);
  const prefix = phrase.endsWith("*");
  const word = escape(prefix ? phrase.slice(0, -1) : phrase).replace(/\s+/g, "\\s+");
  return `\\b${word}${prefix ? "\\w*" : "(?:s|es)?\\b"}`;
}

export interface Phrases {
  narrative: PhraseMatcher;
  questionWords: PhraseMatcher;
  /** Phrases with a question word inside that ask nothing (好几天): blanked before looking for a question word. */
  notQuestions: PhraseMatcher;
  /** At the end of a clause: it asks ("能弄不"). */
  questionEndings: RegExp | null;
  /** At the start of a clause (after its filler): what the person wants. */
  wishes: RegExp | null;
  /** At the start of a clause (after its filler): a rhetorical question, which tells the story (phrasebook `rhetorical`). */
  rhetorical: RegExp | null;
  /** Single characters that say what is asked to be done (phrasebook `actions`). */
  actions: Set<string>;
  /** Verbs that say nothing of what is asked (拿, 带, 想): a place gone to after them is still the topic (phrasebook `lightVerbs`). */
  lightVerbs: Set<string>;
  offTopic: PhraseMatcher;
  domain: PhraseMatcher;
}

let cached: Phrases | undefined;

/** `whole`: words the narrative filler may not cut through (the glossary's Chinese words). */
export function phrasesFrom(book: Phrasebook, whole: string[] = []): Phrases {
  return {
    narrative: new PhraseMatcher(book.narrative, { whole, notQuoted: true }),
    questionWords: new PhraseMatcher(book.questionWords, { englishAtStart: true }),
    notQuestions: new PhraseMatcher(book.notQuestions),
    questionEndings: book.questionEndings.length
      ? new RegExp(`(?:${[...book.questionEndings].sort((a, b) => b.length - a.length).map(toPattern).join("|")})[\\s\\p{P}]*$`, "u")
      : null,
    wishes: book.wishes.length
      ? new RegExp(`^\\s*(?:${[...book.wishes].sort((a, b) => b.length - a.length).map(toPattern).join("|")})`, "iu")
      : null,
    rhetorical: book.rhetorical.length
      ? new RegExp(`^\\s*(?:${[...book.rhetorical].sort((a, b) => b.length - a.length).map(toPattern).join("|")})`, "u")
      : null,
    actions: new Set(book.actions),
    lightVerbs: new Set(book.lightVerbs),
    offTopic: new PhraseMatcher(Object.values(book.offTopic).flat()),
    domain: new PhraseMatcher(book.domain),
  };
}

/** The app's phrasebook (knowledge/phrasebook.yaml), loaded once per process. */
export function getPhrases(): Phrases {
  cached ??= phrasesFrom(
    loadPhrasebook().phrasebook,
    loadGlossary().terms.flatMap((t) => [t.canonical, ...t.variants]).filter((w) => /\p{Script=Han}/u.test(w)),
  );
  return cached;
}
