import { maskIdentifier, personalNumbers } from "~/modules/privacy/mask";

/**
 * Two checks the evaluation applies to every reply, whatever the case expects (pure, no I/O):
 *
 * - **No personal number echoed, in any spelling.** The numbers a question carries (found by the masking module,
 *   which reads full-width digits, separators and +86) must not be in the reply
 *   in any of those spellings.
 * - **No invented facts.** Every sum of money, percentage, phone number, date and clock time the answer states must
 *   appear in the text of a passage it cites (or be the portal's own hotline, which every answer may give).
 */

// ---------------------------------------------------------------------------------------------------------
// Personal numbers

/** Full-width to half-width (NFKC), separators inside digit runs removed: how a reply may spell a number back. */
export function foldDigits(text: string): string {
  return text.normalize("NFKC").replace(/(?<=\d)[\s\-‐‑‒–—―_.·•／/()（）]+(?=[\dXx])/g, "");
}

/** The question's personal numbers that the reply repeats (in any spelling), masked for the report. */
export function echoedPersonalNumbers(question: string, reply: string): string[] {
  const folded = foldDigits(reply).toUpperCase();
  return personalNumbers(question)
    .filter((n) => folded.includes(n))
    .map(maskIdentifier);
}

// ---------------------------------------------------------------------------------------------------------
// Facts: amounts, percentages, phone numbers, dates, clock times

export interface StatedFact {
  kind: "amount" | "percent" | "phone" | "date" | "time";
  /** As written in the text. */
  text: string;
  /** Comparable form: the number for amounts and percentages (‰ as a tenth of a percent), digits for phones, y-m-d (parts may be empty) for dates, h:mm for times. */
  value: string;
}

const months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const monthNames = months.join("|");

const factPatterns: Array<{ kind: StatedFact["kind"]; re: RegExp; value: (m: RegExpMatchArray) => string }> = [
  {
    kind: "amount",
    re: /(?:¥|￥|RMB\s*|CNY\s*)\s*(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s*(?:万元|元|块钱|块|yuan|RMB|CNY)/gi,
    value: (m) => String(Number((m[1] ?? m[2]).replace(/,/g, ""))),
  },
  {
    kind: "percent",
    re: /(\d+(?:\.\d+)?)\s*([%％‰])|百分之(\d+(?:\.\d+)?)/g,
    value: (m) => String(m[3] ? Number(m[3]) : m[2] === "‰" ? Number(m[1]) / 10 : Number(m[1])),
  },
  {
    kind: "phone",
    re: /(?<![\d-])(?:0\d{2,3}[-\s]?\d{7,8}|1[3-9]\d{9}|12\d{3})(?![\d-])/g,
    value: (m) => m[0].replace(/\D/g, ""),
  },
  {
    kind: "date",
    re: /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?|(\d{4})-(\d{1,2})-(\d{1,2})|(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g,
    value: (m) => (m[1] ? `${+m[1]}-${+m[2]}-${m[3] ? +m[3] : ""}` : m[4] ? `${+m[4]}-${+m[5]}-${+m[6]}` : `-${+m[7]}-${+m[8]}`),
  },
  {
    kind: "date",
    re: new RegExp(`\\b(\\d{1,2})\\s+(${monthNames})\\s+(\\d{4})\\b|\\b(${monthNames})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b|\\b(${monthNames})\\s+(\\d{4})\\b`, "gi"),
    value: (m) => {
      const month = (name: string) => months.indexOf(name.toLowerCase()) + 1;
      if (m[1]) return `${+m[3]}-${month(m[2])}-${+m[1]}`;
      if (m[4]) return `${+m[6]}-${month(m[4])}-${+m[5]}`;
      return `${+m[8]}-${month(m[7])}-`;
    },
  },
  {
    kind: "time",
    re: /(?<!\d)(\d{1,2})[:：](\d{2})(?!\d)|([上下]午|早上|晚上)\s*(\d{1,2})\s*[点時时]|(?<!\d)(\d{1,2})\s*(am|pm)\b/gi,
    value: (m) => {
      if (m[1]) return `${+m[1]}:${m[2]}`;
      if (m[3]) return `${+m[4] + (/下午|晚上/.test(m[3]) && +m[4] < 12 ? 12 : 0)}:00`;
      return `${+m[5] + (m[6].toLowerCase() === "pm" && +m[5] < 12 ? 12 : 0)}:00`;
    },
  },
];

/** The amounts, percentages, phone numbers, dates and clock times a text states. */
export function statedFacts(text: string): StatedFact[] {
  const normalized = text.normalize("NFKC");
  const facts: StatedFact[] = [];
  for (const { kind, re, value } of factPatterns) {
    for (const m of normalized.matchAll(new RegExp(re.source, re.flags))) facts.push({ kind, text: m[0].trim(), value: value(m) });
  }
  return facts;
}

/** A date with parts left out (5月17日, May 2016) matches a fuller one that agrees on the parts it has. */
function sameFact(a: StatedFact, b: StatedFact): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind !== "date") return a.value === b.value;
  const [ay, am, ad] = a.value.split("-");
  const [by, bm, bd] = b.value.split("-");
  return am === bm && (!ay || !by || ay === by) && (!ad || !bd || ad === bd);
}

/**
 * The facts an answer states that none of its sources states: `sources` are the texts of the passages it
 * cites (and the cited documents' summaries), `allowed` the portal's own fixed contacts (the hotline).
 */
export function inventedFacts(answer: string, sources: string[], allowed: string[] = []): StatedFact[] {
  const known = [...sources, ...allowed].flatMap(statedFacts);
  return statedFacts(answer).filter((fact) => !known.some((k) => sameFact(fact, k)));
}
