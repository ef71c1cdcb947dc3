import type { Locale } from "~/i18n/config";

/**
 * The `<meta name="description">` of a page, from its own text (a policy's summary, a screening's synopsis, a
 * device's description, a section's intro line): one line, at most about what a search engine shows under the
 * title (~120 Chinese characters, ~160 English ones). A longer text ends at the last whole sentence that keeps
 * at least half the room; failing that at the last clause or word, with "…"; failing that it is cut.
 */
export const descriptionMax: Record<Locale, number> = { "zh-CN": 120, en: 160 };

/**
 * Sentence ends: Chinese full-width marks, or a Latin one followed by a space (so "3.5" is no sentence end). A
 * semicolon is not one: a description that stops at it reads as cut off, so it gets the ellipsis of a clause.
 */
const sentenceEnd = /[。！？]|[.!?](?= )/gu;
/** Where a clause or word may break: before Chinese and Latin commas, colons and semicolons, at a space. */
const clauseBreak = /[，、：；,:;]|\s/gu;
const ellipsis = "…";

/** Chinese prose has no spaces between sentences; other runs of white space become one space. */
function oneLine(text: string): string {
  return text
    .replace(/\s+/gu, " ")
    .replace(/([。！？；，、：]) /gu, "$1")
    .trim();
}

/**
 * The last cut (a count of code points) that `pattern` allows in `text`, between `from` and `to`: after the
 * match (a sentence keeps its full stop) or before it (a clause drops its comma).
 */
function lastCut(text: string, pattern: RegExp, from: number, to: number, after: boolean): number | null {
  let best: number | null = null;
  for (const match of text.matchAll(pattern)) {
    const at = [...text.slice(0, match.index)].length + (after ? [...match[0]].length : 0);
    if (at > to) break;
    if (at >= from) best = at;
  }
  return best;
}

export function metaDescription(text: string | null | undefined, locale: Locale): string {
  const line = oneLine(text ?? "");
  const chars = [...line];
  const max = descriptionMax[locale];
  if (chars.length <= max) return line;

  const half = Math.ceil(max / 2);
  const sentence = lastCut(line, sentenceEnd, half, max, true);
  if (sentence !== null) return chars.slice(0, sentence).join("").trim();

  const room = max - ellipsis.length;
  const clause = lastCut(line, clauseBreak, half, room, false) ?? room;
  return chars.slice(0, clause).join("").replace(/[\s，、：；,:;]+$/u, "") + ellipsis;
}
