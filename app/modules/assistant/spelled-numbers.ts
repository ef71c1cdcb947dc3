import { bankCardPattern, certificatePattern, idCardPattern, maskPersonalData, mobilePattern } from "~/modules/privacy/mask";

/**
 * Personal numbers as people type them: full-width digits (１３８…), groups separated by spaces, dashes or
 * dots (138 1234 5678, 4418-0219-…), a +86 / 0086 country prefix. Found with the masking module's own patterns
 * once the spelling is folded, so "what counts as a personal number" stays in one place. Used by the
 * evaluation (no number echoed in any spelling) and the staff page of unanswered questions (shown masked,
 * whatever masking the question got when it was stored). Pure.
 */

/** Full-width to half-width (NFKC), separators inside digit runs removed, +86/0086 before a mobile dropped. */
export function foldDigits(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/(?<=\d)[\s\-‐‑‒–—―_.·•／/()（）]+(?=[\dXx])/g, "")
    .replace(/(?:\+|00)?86(?=1[3-9]\d{9}(?!\d))/g, "");
}

const personalPatterns = [certificatePattern, idCardPattern, bankCardPattern, mobilePattern];

/** The personal numbers in a text (digits and X only, upper case), in whatever spelling they were typed. */
export function personalNumbers(text: string): string[] {
  const folded = foldDigits(text);
  const found = new Set<string>();
  for (const pattern of personalPatterns) {
    for (const m of folded.matchAll(new RegExp(pattern.source, pattern.flags))) found.add(m[0].replace(/[^\dXx]/g, "").toUpperCase());
  }
  // A shorter pattern inside a longer number (the ID inside a certificate number) is covered by the longer one.
  return [...found].filter((n) => ![...found].some((other) => other !== n && other.includes(n)));
}

/** Runs of digits as typed: full-width or not, with separators inside, an optional + in front. */
const digitRun = /[+＋]?[\d０-９](?:[\d０-９XxＸｘ \u3000\-‐‑‒–—―_.·•／/()（）]*[\d０-９XxＸｘ])?/g;

/** The text with every personal number masked as the masking module masks it, in whatever spelling it was typed. */
export function maskSpelledNumbers(text: string): string {
  return text.replace(digitRun, (run) => {
    const masked = maskPersonalData(foldDigits(run));
    return masked.found.length ? masked.text : run;
  });
}
