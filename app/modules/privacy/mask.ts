import { digitRuns, hasClosingBracket, type DigitGroup } from "./numbers";
import { isPublicNumber } from "./public-numbers";

/**
 * Masking of personal numbers for storage, views, logs and anything echoed back. The rule of thumb: keep just
 * enough for a person to recognise their own number (the last four digits), never enough to reuse it.
 *
 * Numbers are recognised however they are typed (numbers.ts): full-width digits, groups split by spaces,
 * dashes, dots or brackets, a +86 / 0086 / 86- country code, a lowercase or full-width X. What counts:
 * - 残疾人证号: an 18-character ID number and two digits (category and grade);
 * - 居民身份证号: 17 digits and a digit or X (and the old 15-digit numbers written as one group);
 * - bank cards: 16 to 19 digits, as one group or in the groups printed on cards (4-4-4-4-3, 6-13);
 * - mobiles: 11 digits from 13 to 19;
 * - landlines with an area code: 0763-3362221, (020) 1234 5678, +86 763 3362221.
 * Split into groups, a number must look like one: an ID number's birth date must be a date, a card must
 * start like a card, a phone's groups must be phone-like. That is what keeps dates (2026-12-01), amounts,
 * document numbers (粤府〔2016〕34号), seat labels and references (QY-7K3P9) as they are.
 * Numbers the Federation publishes are never masked (public-numbers.ts).
 */

/**
 * THE masked-number pattern, which every other masking here (and the certificate number's, the logs', the
 * assistant's) is made of: the last four characters stay, every other one is a `*`; `keepFirst` more stay in front
 * (a mobile's 138) only while at least four are still hidden. Four characters or fewer are all hidden.
 * "13812345678", 3 → "138****5678"; "44180219900101123X11" → "****************3X11".
 */
export function maskNumber(value: string, keepFirst = 0): string {
  if (value.length <= 4) return "*".repeat(value.length);
  const first = value.length - 4 - keepFirst >= 4 ? keepFirst : 0;
  return `${value.slice(0, first)}${"*".repeat(value.length - 4 - first)}${value.slice(-4)}`;
}

/** A phone number as the portal shows it: `138****5678`; anything too short to be one, all hidden. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  return maskNumber(digits, 3);
}

/** Any long identifier (ID card, certificate, bank card), spaces and dashes dropped: only the last four characters stay. */
export function maskIdentifier(value: string): string {
  return maskNumber(value.replace(/[\s-]/g, ""));
}

/** An e-mail address with its local part hidden but the first letter: `q***@gdqy.gov.cn`. */
export function maskEmail(email: string): string {
  const at = email.indexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

/** A phone number or e-mail address, whichever it is. */
export function maskContact(contact: string): string {
  return contact.includes("@") ? maskEmail(contact) : maskPhone(contact);
}

export interface MaskResult {
  text: string;
  /** Kinds of personal data found, for telling the person without repeating the value. Landlines count as "mobile". */
  found: Array<"certificate" | "idCard" | "bankCard" | "mobile">;
}

type Kind = MaskResult["found"][number];
type Verdict = { kind: Kind; masked: string } | "public" | null;

/** The longest number a run of groups is tried as (a certificate number with a stray digit or two). */
const maxDigits = 24;

interface Found {
  from: number;
  to: number;
  kind: Kind;
  masked: string;
  /** The number itself: digits and X only. */
  digits: string;
}

/** Every personal number in a text, however it is spelled, with where it stands and how it is masked. */
function findPersonalNumbers(text: string): Found[] {
  const found: Found[] = [];
  for (const run of digitRuns(text)) {
    let i = 0;
    while (i < run.length) {
      let matched = false;
      for (let j = run.length - 1; j >= i && !matched; j--) {
        const groups = run.slice(i, j + 1);
        if (groups.reduce((n, g) => n + g.digits.length, 0) > maxDigits) continue;
        const verdict = judge(groups);
        if (!verdict) continue;
        matched = true;
        if (verdict !== "public") {
          const digits = groups.map((g) => g.digits).join("");
          found.push({ from: startOf(text, groups), to: groups[groups.length - 1].end, kind: verdict.kind, masked: verdict.masked, digits });
        }
        i = j + 1;
      }
      if (!matched) i++;
    }
  }
  return found;
}

/** Masks every personal number in free text (messages, notes, addresses, questions, log lines). */
export function maskPersonalData(text: string): MaskResult {
  const found = findPersonalNumbers(text);
  let out = text;
  for (const r of [...found].reverse()) out = out.slice(0, r.from) + r.masked + out.slice(r.to);
  return { text: out, found: [...new Set(found.map((f) => f.kind))] };
}

/**
 * The personal numbers in a text as plain digits (X upper case; a mobile without its +86), however they were
 * typed: for checking that a reply never repeats one (the assistant's evaluation).
 */
export function personalNumbers(text: string): string[] {
  const plain = (f: Found) => (f.kind === "mobile" ? f.digits.replace(/^(?:0086|86|0)(?=1[3-9]\d{9}$)/, "") : f.digits.toUpperCase());
  return [...new Set(findPersonalNumbers(text).map(plain))];
}

/** A number starts at its +86, and at an opening bracket when the bracket closes inside it: "(0763) 3362221". */
function startOf(text: string, groups: DigitGroup[]): number {
  const first = groups[0];
  if (first.lead === first.start) return first.start;
  const lead = text.slice(first.lead, first.start);
  const keepsBracket = hasClosingBracket(text.slice(first.start, groups[groups.length - 1].end));
  if (keepsBracket) return first.lead;
  const plusAt = Math.max(lead.lastIndexOf("+"), lead.lastIndexOf("＋"));
  return plusAt >= 0 ? first.lead + plusAt : first.start;
}

/** What a run of groups is, read as one number. */
function judge(groups: DigitGroup[]): Verdict {
  const digits = groups.map((g) => g.digits).join("");
  const sizes = groups.map((g) => g.digits.length);
  const single = groups.length === 1;

  if (digits.includes("X")) {
    // A check character only ever closes the 18 characters of an ID number.
    if (digits.indexOf("X") !== 17) return null;
    if (digits.length === 20 && /^\d{2}$/.test(digits.slice(18)) && idShaped(digits, sizes)) return { kind: "certificate", masked: maskNumber(digits) };
    if (digits.length === 18 && idShaped(digits, sizes)) return { kind: "idCard", masked: maskNumber(digits) };
    return null;
  }
  // As one group, 18 or 20 digits are an ID or certificate number when they read as one, else a card number.
  if (digits.length === 20 && (single ? plausibleId(digits) : idShaped(digits, sizes))) return { kind: "certificate", masked: maskNumber(digits) };
  if (digits.length === 18 && (single ? plausibleId(digits) : idShaped(digits, sizes))) return { kind: "idCard", masked: maskNumber(digits) };
  if (digits.length >= 16 && digits.length <= 20 && (single || (/^[3-69]/.test(digits) && cardShaped(sizes)))) {
    return { kind: "bankCard", masked: maskNumber(digits) };
  }
  if (single && digits.length > 20) return { kind: "bankCard", masked: maskNumber(digits) };
  if (single && digits.length === 15 && plausibleOldId(digits)) return { kind: "idCard", masked: maskNumber(digits) };
  return judgePhone(groups);
}

/** Mobiles and landlines, with or without a +86 / 0086 / 86 country code. */
function judgePhone(groups: DigitGroup[]): Verdict {
  const all = groups.map((g) => g.digits).join("");
  const prefix = /^(?:0086|86)/.exec(all)?.[0] ?? "";
  // The country code may stand alone ("+86 138…") or be glued on ("86138…"); either way the rest is read alone.
  const readings = prefix && prefix.length <= groups[0].digits.length ? [{ international: true, skip: prefix.length }] : [];
  readings.push({ international: false, skip: 0 });
  for (const { international, skip } of readings) {
    const sizes = groups.map((g) => g.digits.length);
    sizes[0] -= skip;
    if (sizes[0] === 0) sizes.shift();
    const verdict = judgeNationalPhone(all.slice(skip), sizes, international);
    if (verdict) return verdict;
  }
  return null;
}

/**
 * A phone number without its country code. Split into groups, a mobile's groups are phone-sized (three digits
 * or more: 138 1234 5678), or it is typed digit by digit; a landline's area code stands alone and its local
 * number is in such groups. Two-digit groups are what dates are made of.
 */
function judgeNationalPhone(national: string, sizes: number[], international: boolean): Verdict {
  const phoneSized = (list: number[]) => list.every((n) => n >= 3) || list.every((n) => n === 1);
  // A mobile dialled with the long-distance 0 in front, as from a landline: 013812345678.
  const mobile = !international && /^01[3-9]\d{9}$/.test(national) ? national.slice(1) : national;
  if (/^1[3-9]\d{9}$/.test(mobile)) {
    if (sizes.length > 1 && !phoneSized(sizes)) return null;
    return isPublicNumber(mobile) ? "public" : { kind: "mobile", masked: maskPhone(mobile) };
  }
  const parts = landlineParts(national, international);
  if (!parts) return null;
  if (sizes.length > 1 && (sizes[0] !== parts.area.length - (international ? 1 : 0) || !phoneSized(sizes.slice(1)))) return null;
  const domestic = `${parts.area}${parts.local}`;
  if (isPublicNumber(domestic)) return "public";
  return { kind: "mobile", masked: `${parts.area}-${maskNumber(parts.local)}` };
}

/**
 * A landline as area code (010, 02x, or 0 and three digits from 03xx to 09xx) and a local number of 7 or 8
 * digits that does not start with 0. Written after a country code, the area code has no leading 0.
 */
function landlineParts(digits: string, international: boolean): { area: string; local: string } | null {
  const withZero = international ? `0${digits}` : digits;
  if (!/^0\d{9,11}$/.test(withZero)) return null;
  const areaLength = /^0(?:10|2\d)/.test(withZero) ? 3 : /^0[3-9]\d\d/.test(withZero) ? 4 : 0;
  if (!areaLength) return null;
  const local = withZero.slice(areaLength);
  if (!/^[1-9]\d{6,7}$/.test(local)) return null;
  return { area: withZero.slice(0, areaLength), local };
}

/**
 * How people split an ID number (18) or a certificate number (20, the ID number and two digits) into groups: as
 * on the card (6-8-4), in fours, or as a phone number is read (3-3-4-4-4); a certificate's last two apart.
 */
const idGroupings = new Set(["6,8,4", "4,4,4,4,2", "3,3,4,4,4", "6,4,4,4", "6,6,6", "6,8,4,2", "6,8,6", "18,2", "4,4,4,4,4", "6,4,4,4,2", "6,6,6,2", "3,3,4,4,4,2"]);

/**
 * An ID or certificate number: one group, or split in one of those ways with a region and a birth date that
 * read as such (6-8-4 is enough by itself: nothing else is written that way).
 */
function idShaped(digits: string, sizes: number[]): boolean {
  if (sizes.length === 1) return true;
  const grouping = sizes.join();
  return idGroupings.has(grouping) && (plausibleId(digits) || grouping.startsWith("6,8,"));
}

/** The province codes an ID number starts with (GB/T 2260): 11 北京 … 65 新疆, 71 台湾, 81 香港, 82 澳门. */
const province = "(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])";
const date = "(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])";
const idStart = new RegExp(`^${province}\\d{4}(?:19|20)\\d{2}${date}`);
const oldId = new RegExp(`^${province}\\d{4}\\d{2}${date}\\d{3}$`);

/** An ID number starts with a province's region code and its digits 7-14 are a birth date from 1900 to 2099. */
function plausibleId(digits: string): boolean {
  return idStart.test(digits);
}

/** The first-generation 15-digit number: region, yymmdd, sequence. */
function plausibleOldId(digits: string): boolean {
  return oldId.test(digits);
}

/** How card numbers are printed: groups of four with a shorter or longer last group, or a 4- or 6-digit BIN and the rest. */
function cardShaped(sizes: number[]): boolean {
  if (sizes.length === 2) return sizes[0] === 4 || sizes[0] === 6;
  return sizes.length >= 3 && sizes.slice(0, -1).every((n) => n === 4) && sizes[sizes.length - 1] <= 7;
}
