import { federationPhone } from "~/modules/site/contact-details";

/**
 * Telephone numbers the Federation publishes, which the corpus and the assistant quote: they are not personal
 * data and are never masked, however they are typed. Digits only, in the domestic form (with the area code's 0).
 * The list is explicit on purpose: a number is public because it is listed here, not because the masking
 * happens to miss it. `public-numbers.test.ts` fails when the corpus quotes a number that is not listed.
 */
export const publicPhoneNumbers: readonly string[] = [
  // 清远市残疾人联合会: knowledge/faq/contact-federation.md, the site's footer and its error messages
  federationPhone.replace(/\D/g, ""),
];

const listed = new Set(publicPhoneNumbers);

export function isPublicNumber(domesticDigits: string): boolean {
  return listed.has(domesticDigits);
}
