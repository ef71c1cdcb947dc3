import type { LexicalIndex } from "~/modules/search/index.server";
import { foldText } from "~/modules/search/normalize.server";
import type { TypoRepair } from "~/modules/search/typo-repair.server";
import { getPhrases, type Phrases } from "./phrases.server";

/**
 * Question understanding before retrieval, one step after the other, each kept as data or a well-kept library:
 *
 * 1. masked personal numbers out (they are not words to search for);
 * 2. the characters folded: full-width → half-width (NFKC), traditional → simplified (OpenCC), lower case;
 * 3. homophone typos repaired against the corpus's own words (pinyin: 残急→残疾, 补帖→补贴, 申情→申请);
 * 4. narrative filler left out (knowledge/phrasebook.yaml: 我妈, 好几年, 听说, 点样 …), so a long story is
 *    searched, and judged by the grounding gate, by what it asks about.
 *
 * Colloquial words are mapped to the corpus's terms afterwards, by the glossary (search module: 借书→借阅,
 * 瘫痪在床→长期照护); the grounding gate then judges the key terms that are left.
 */

export interface Understanding {
  /** The masked question, as stored. */
  masked: string;
  /** Folded, with typos repaired (what the question means, in the corpus's characters). */
  text: string;
  repairs: TypoRepair[];
  /** The narrative phrases left out of the search. */
  narrative: string[];
  /** What retrieval searches: `text` without masked numbers and narrative filler. */
  query: string;
}

const maskedNumber = /\*{3,}[\dXx]{0,4}|\d{3}\*{4}\d{4}/g;

export interface UnderstandOptions {
  phrases?: Phrases;
}

export function understandQuestion(masked: string, lexical: LexicalIndex, options: UnderstandOptions = {}): Understanding {
  const phrases = options.phrases ?? getPhrases();
  const folded = foldText(masked.replace(maskedNumber, " "));
  const { text, repairs } = lexical.repairTypos(folded);
  const narrative = phrases.narrative.find(text);
  let query = phrases.narrative.remove(text).replace(/\s+/g, " ").trim();
  // A question that is nothing but narrative ("谢谢你") is searched as typed: the gate will judge it.
  if (!/[\p{L}\p{N}]/u.test(query)) query = text.trim();
  return { masked, text, repairs, narrative, query };
}
