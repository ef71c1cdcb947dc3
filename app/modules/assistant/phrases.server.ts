import { loadPhrasebook, type Phrasebook } from "~/modules/content/phrasebook.server";

/**
 * The phrasebook (knowledge/phrasebook.yaml) as matchers: Chinese phrases match anywhere, English ones as whole
 * words (with a plural -s/-es; a trailing * matches any ending), case-insensitively, longest first.
 */

export class PhraseMatcher {
  /** Global (find, remove: matchAll and replace start from 0 and leave no state behind). */
  private readonly pattern: RegExp | null;
  /** The same without the global flag, for test(), which would otherwise keep a lastIndex. */
  private readonly once: RegExp | null;

  /** `englishAtStart`: English phrases match only at the start of the text (a clause that asks: "Can we …"). */
  constructor(
    readonly phrases: string[],
    options: { englishAtStart?: boolean } = {},
  ) {
    const parts = [...new Set(phrases.map((p) => p.trim().toLowerCase()).filter(Boolean))]
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
    return this.pattern ? [...text.matchAll(this.pattern)].map((m) => m[0]) : [];
  }

  /** The text with every phrase replaced by a space. */
  remove(text: string): string {
    return this.pattern ? text.replace(this.pattern, " ") : text;
  }
}

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
  offTopic: PhraseMatcher;
  domain: PhraseMatcher;
}

let cached: Phrases | undefined;

export function phrasesFrom(book: Phrasebook): Phrases {
  return {
    narrative: new PhraseMatcher(book.narrative),
    questionWords: new PhraseMatcher(book.questionWords, { englishAtStart: true }),
    offTopic: new PhraseMatcher(Object.values(book.offTopic).flat()),
    domain: new PhraseMatcher(book.domain),
  };
}

/** The app's phrasebook (knowledge/phrasebook.yaml), loaded once per process. */
export function getPhrases(): Phrases {
  cached ??= phrasesFrom(loadPhrasebook().phrasebook);
  return cached;
}
