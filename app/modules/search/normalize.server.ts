import * as OpenCC from "opencc-js/t2cn";

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

/** NFKC, then traditional → simplified, then lower case. Keeps the text's length in code points only roughly. */
export function foldText(text: string): string {
  return toSimplified(text.normalize("NFKC")).toLowerCase();
}
