/**
 * Reading numbers the way people type them: ASCII or full-width digits (４４１８…), Chinese numerals digit by digit
 * (一三八…, from voice input), a check character X in any
 * case or width, and numbers broken into groups by spaces, dashes, dots or brackets. Shared by the masking of
 * free text (mask.ts) and by the fields that are a phone number. Pure: no I/O.
 */

/**
 * Chinese numerals as people dictate a number digit by digit (voice input writes "一三八一二三四五六七八", and 幺
 * is how a 1 is read out in phone numbers). Only single digits: 十, 百 and 两 never stand in a digit string, and a
 * short run (一二级, 三四级) is far too short to be judged a number.
 */
const chineseDigits: Record<string, string> = { 〇: "0", 零: "0", 一: "1", 幺: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };

/** The ASCII digit a character stands for (0-9, full-width ０-９, mathematical digits, 一…九 〇 零 幺), or null. */
export function digitOf(ch: string): string | null {
  if (ch >= "0" && ch <= "9" && ch.length === 1) return ch;
  const chinese = chineseDigits[ch];
  if (chinese) return chinese;
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0xff10 && cp <= 0xff19) return String(cp - 0xff10);
  if (cp < 0x80 || !/^\p{Nd}$/u.test(ch)) return null;
  const folded = ch.normalize("NFKC");
  return folded.length === 1 && folded >= "0" && folded <= "9" ? folded : null;
}

/** The check character of an ID number as people write it: X, x, full-width Ｘ/ｘ, or the multiplication sign. */
export function isCheckX(ch: string): boolean {
  return ch === "X" || ch === "x" || ch === "Ｘ" || ch === "ｘ" || ch === "×";
}

/**
 * Characters people put inside a number: spaces (also the ideographic and no-break space), hyphens and dashes of
 * every width, dots, brackets and the plus of +86.
 */
const groupSeparators = new Set([
  " ",
  "\u00A0",
  "\u3000",
  "-",
  "\u2010",
  "\u2011",
  "\u2012",
  "\u2013",
  "\u2014",
  "\u2015",
  "\u2212",
  "\uFE63",
  "\uFF0D",
  ".",
  "\uFF0E",
  "(",
  ")",
  "\uFF08",
  "\uFF09",
  "+",
  "\uFF0B",
]);
export const isGroupSeparator = (ch: string) => groupSeparators.has(ch);

/** Invisible format characters (zero-width space, joiners, bidi marks, BOM): skipped inside a number. */
export const isInvisible = (ch: string) => /^\p{Cf}$/u.test(ch);

const opening = new Set(["(", "\uFF08"]);
const closing = new Set([")", "\uFF09"]);
const plus = new Set(["+", "\uFF0B"]);

/** One group of digits as typed, with where it stands in the text (UTF-16 offsets, end exclusive). */
export interface DigitGroup {
  start: number;
  end: number;
  /** Where a number starting at this group starts: before a `+` or an opening bracket that belongs to it. */
  lead: number;
  /** The group's digits in ASCII; an ID check character as `X`. */
  digits: string;
}

/** At most this many separator characters between two groups of one number (" - ", ") "). */
const maxSeparatorRun = 3;

/**
 * Splits text into runs of digit groups: the groups of one run are separated by a few separator characters
 * only, so they may together be one number. Everything else (letters, Chinese, commas, colons, line breaks)
 * ends a run.
 */
export function digitRuns(text: string): DigitGroup[][] {
  const runs: DigitGroup[][] = [];
  let run: DigitGroup[] = [];
  let group: DigitGroup | null = null;
  /** Separator characters since the last group ended (the last two kept, to find a leading + or bracket). */
  let separators = 0;
  let pending: Array<{ ch: string; at: number }> = [];
  const closeGroup = () => {
    if (group) run.push(group);
    group = null;
  };
  const closeRun = () => {
    if (run.length) runs.push(run);
    run = [];
  };

  let at = 0;
  for (const ch of text) {
    const digit = digitOf(ch);
    if (digit !== null) {
      if (!group) {
        if (separators > maxSeparatorRun) closeRun();
        group = { start: at, end: at, lead: leadOf(pending, at), digits: "" };
        separators = 0;
        pending = [];
      }
      group.digits += digit;
      group.end = at + ch.length;
    } else if (group && isCheckX(ch) && !group.digits.includes("X")) {
      group.digits += "X";
      group.end = at + ch.length;
    } else if (isInvisible(ch)) {
      // skipped: it neither ends a group nor separates two
    } else if (isGroupSeparator(ch)) {
      closeGroup();
      separators++;
      pending = [...pending.slice(-1), { ch, at }];
    } else {
      closeGroup();
      closeRun();
      separators = 0;
      pending = [];
    }
    at += ch.length;
  }
  closeGroup();
  closeRun();
  return runs;
}

/** A number starts before the `+` of +86 and before one opening bracket right in front of it: "(+86)", "(0763)". */
function leadOf(pending: Array<{ ch: string; at: number }>, start: number): number {
  let lead = start;
  let i = pending.length - 1;
  if (i >= 0 && plus.has(pending[i].ch)) lead = pending[i--].at;
  if (i >= 0 && opening.has(pending[i].ch)) lead = pending[i].at;
  return lead;
}

/** Whether text has a closing bracket (to keep an opening one in a number only when it is closed inside it). */
export function hasClosingBracket(text: string): boolean {
  for (const ch of text) if (closing.has(ch)) return true;
  return false;
}

/** The digits of a value as ASCII, everything else dropped: "１３８ ００１３-８０００" → "13800138000". */
export function asciiDigits(value: string): string {
  let out = "";
  for (const ch of value) out += digitOf(ch) ?? "";
  return out;
}

/**
 * A Chinese mobile number as typed in a phone field, in the 11-digit form the portal stores: full-width digits,
 * spaces, dashes, dots and brackets are read, and a +86 / 0086 / 86 country code is dropped. Anything that is
 * not a mobile number comes back as typed (trimmed), for the field's own check to refuse.
 */
export function normaliseMobile(value: string): string {
  const trimmed = value.trim();
  let digits = "";
  for (const ch of trimmed) {
    const digit = digitOf(ch);
    if (digit !== null) digits += digit;
    else if (!isGroupSeparator(ch) && !isInvisible(ch)) return trimmed;
  }
  const national = digits.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, "");
  return /^1[3-9]\d{9}$/.test(national) ? national : trimmed.replace(/[\s-]/g, "");
}
