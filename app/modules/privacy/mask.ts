/**
 * Masking of personal numbers for views, logs and anything echoed back. The rule of thumb: keep just enough
 * for a person to recognise their own number (the last four digits), never enough to reuse it.
 */

/** Chinese mobile numbers: 11 digits starting with 1[3-9]. */
export const mobilePattern = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** 居民身份证号: 17 digits and a digit or X. */
export const idCardPattern = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
/** 残疾人证号: the 18-character ID number followed by two digits (category and grade). */
export const certificatePattern = /(?<![\dA-Za-z])\d{17}[\dXx]\d{2}(?![\dA-Za-z])/g;
/** Bank card numbers: 16 to 19 digits, optionally grouped by spaces or dashes. */
export const bankCardPattern = /(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)/g;

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** Any long identifier (ID card, certificate, bank card): only the last four characters stay. */
export function maskIdentifier(value: string): string {
  const clean = value.replace(/[\s-]/g, "");
  if (clean.length <= 4) return "*".repeat(clean.length);
  return `${"*".repeat(clean.length - 4)}${clean.slice(-4)}`;
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
  /** Kinds of personal data found, for telling the person without repeating the value. */
  found: Array<"certificate" | "idCard" | "bankCard" | "mobile">;
}

/** Masks every personal number in free text (questions, messages, log lines). Longest patterns first. */
export function maskPersonalData(text: string): MaskResult {
  const found = new Set<MaskResult["found"][number]>();
  let out = text.replace(certificatePattern, (m) => (found.add("certificate"), maskIdentifier(m)));
  out = out.replace(idCardPattern, (m) => (found.add("idCard"), maskIdentifier(m)));
  out = out.replace(bankCardPattern, (m) => (found.add("bankCard"), maskIdentifier(m)));
  out = out.replace(mobilePattern, (m) => (found.add("mobile"), maskPhone(m)));
  return { text: out, found: [...found] };
}
