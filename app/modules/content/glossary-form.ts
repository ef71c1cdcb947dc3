/** The glossary form's limits and errors (server-free: the page imports them; glossary.server.ts checks them). */

/** A word or term: at most this many characters. */
export const glossaryWordMax = 30;

export type GlossaryField = "variant" | "canonical";
export type GlossaryErrorCode = "required" | "tooLong" | "same" | "duplicate" | "notInCorpus";
export interface GlossaryError {
  field: GlossaryField;
  code: GlossaryErrorCode;
  /** duplicate: the term the word already stands for; tooLong: the limit. */
  term?: string;
  max?: number;
}
