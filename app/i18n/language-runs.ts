import type { Locale } from "./config";

/** A stretch of text in one language: `lang` is the `lang` value it needs ("zh-CN" or "en"). */
export interface LanguageRun {
  text: string;
  lang: "zh-CN" | "en";
}

type Script = "zh-CN" | "en" | null;

/**
 * Which language a character is written in, by its script: Han characters and the CJK and full-width
 * punctuation that goes with them (。，、《》（）：) are Chinese, Latin letters English; digits, spaces, ASCII
 * and general punctuation (curly quotes included) belong to neither.
 */
function scriptOf(char: string): Script {
  if (/\p{Script=Han}/u.test(char)) return "zh-CN";
  const code = char.codePointAt(0)!;
  if ((code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) return "zh-CN";
  if (/\p{Script=Latin}/u.test(char)) return "en";
  return null;
}

/**
 * Splits `text` into runs by script (WCAG 3.1.2, language of parts), so a page can mark the parts that are not
 * in its own language: an English answer quoting "残疾人证办事指南", a Chinese one naming "App". Decided by
 * the characters, never guessed from where the text came from.
 *
 * Digits, spaces and punctuation take the language of the text on both sides when it is the same ("第 2 条",
 * "Step 2 of 5"), the neighbouring run's at the start or end ("2026年"), and the page's between two languages
 * ("guide: 残疾人证"), so a foreign run holds no separator of the sentence around it. Text with no letters of
 * either script is one run in the page's language.
 */
export function languageRuns(text: string, page: Locale): LanguageRun[] {
  const pageLang = page === "en" ? "en" : "zh-CN";
  // Stretches of one script (or of none).
  const stretches: Array<{ text: string; script: Script }> = [];
  for (const char of text) {
    const script = scriptOf(char);
    const last = stretches[stretches.length - 1];
    if (last && last.script === script) last.text += char;
    else stretches.push({ text: char, script });
  }
  const runs: LanguageRun[] = [];
  stretches.forEach((stretch, i) => {
    let lang = stretch.script;
    if (lang === null) {
      const before = stretches[i - 1]?.script ?? null;
      const after = stretches[i + 1]?.script ?? null;
      lang = before && after ? (before === after ? before : pageLang) : (before ?? after ?? pageLang);
    }
    const last = runs[runs.length - 1];
    if (last && last.lang === lang) last.text += stretch.text;
    else runs.push({ text: stretch.text, lang });
  });
  return runs;
}
