import * as OpenCC from "opencc-js/t2cn";
import { loadPhrasebook } from "~/modules/content/phrasebook.server";

/**
 * The characters of a text as the index compares them: compatibility forms folded (NFKC: full-width letters,
 * digits and punctuation → half-width), traditional characters → simplified (OpenCC, Hong Kong variants, the
 * forms Guangdong residents meet most), lower case. The corpus itself is simplified, and OpenCC leaves it as it
 * is (a test checks that), so index and queries meet on the same characters.
 */

const traditionalToSimplified = OpenCC.Converter({ from: "hk", to: "cn" });

/** 殘疾人證 → 残疾人证, 視障圖書館在哪裡 → 视障图书馆在哪里. Simplified text is returned unchanged. */
export function toSimplified(text: string): string {
  return traditionalToSimplified(text);
}

let cantonese: { pattern: RegExp | null; mandarin: Map<string, string> } | undefined;

/** The phrasebook's Cantonese → Mandarin table (knowledge/phrasebook.yaml `cantonese`) as one pattern, longest first. */
function cantoneseTable(): { pattern: RegExp | null; mandarin: Map<string, string> } {
  if (!cantonese) {
    const mandarin = new Map(Object.entries(loadPhrasebook().phrasebook.cantonese));
    const keys = [...mandarin.keys()].sort((a, b) => b.length - a.length);
    cantonese = { pattern: keys.length ? new RegExp(keys.join("|"), "gu") : null, mandarin };
  }
  return cantonese;
}

/** 佢睇唔到嘢，点样申请 → 他看不到东西，怎样申请 (the phrasebook's table; Mandarin is returned unchanged). */
export function toMandarin(text: string): string {
  const { pattern, mandarin } = cantoneseTable();
  return pattern ? text.replace(pattern, (word) => mandarin.get(word) ?? word) : text;
}

/**
 * NFKC, then traditional → simplified, then lower case, then Cantonese → Mandarin. Keeps the text's length in code
 * points only roughly.
 */
export function foldText(text: string): string {
  return toMandarin(toSimplified(text.normalize("NFKC")).toLowerCase());
}
