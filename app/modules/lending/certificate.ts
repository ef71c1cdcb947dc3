import { maskNumber } from "../privacy/mask";
import { digitOf, isCheckX, isGroupSeparator, isInvisible } from "../privacy/numbers";

/**
 * 残疾人证号 (the certificate number of the 中华人民共和国残疾人证): the holder's 18-character 居民身份证号
 * (17 digits and a check character, 0–9 or X) followed by two digits, the disability category (1 视力, 2 听力,
 * 3 言语, 4 肢体, 5 智力, 6 精神, 7 多重) and the grade (1–4). Pure functions: no hashing here (see
 * certificate.server.ts), so the format check can run anywhere.
 */
export const certificateLength = 20;

/** As typed (full-width digits, a lowercase or full-width x, spaces, dashes) → 20 ASCII characters, X upper case. */
export function normaliseCertificate(value: string): string {
  let out = "";
  for (const ch of value) {
    if (isGroupSeparator(ch) || isInvisible(ch) || /\s/.test(ch)) continue;
    out += digitOf(ch) ?? (isCheckX(ch) ? "X" : ch.toUpperCase());
  }
  return out;
}

/** The GB 11643 check character of the first 17 digits of an ID number. */
export function idCheckCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return "10X98765432"[sum % 11];
}

export type CertificateProblem = "certificateLength" | "certificateFormat" | "certificateCheck" | "certificateCategory";

/** Why a certificate number is not well formed, or null when it is. */
export function certificateProblem(input: string): CertificateProblem | null {
  const value = normaliseCertificate(input);
  if (value.length !== certificateLength) return "certificateLength";
  if (!/^\d{17}[\dX]\d{2}$/.test(value)) return "certificateFormat";
  if (idCheckCharacter(value.slice(0, 17)) !== value[17]) return "certificateCheck";
  const category = Number(value[18]);
  const grade = Number(value[19]);
  if (category < 1 || category > 7 || grade < 1 || grade > 4) return "certificateCategory";
  return null;
}

/** Only the last four characters stay visible: "****************3X11" (the portal's one masking pattern, privacy/mask.ts). */
export function maskCertificate(input: string): string {
  return maskNumber(normaliseCertificate(input));
}
