import type { Locale } from "~/i18n/config";

/**
 * The Federation's contact details, once (zod-free: pages import them in the browser), as
 * knowledge/faq/contact-federation.md gives them. The footer, the contact page, the cinema's, the regional centre's
 * and the assistant's hotline, the text messages and the list of public numbers use these constants; the locale
 * files never write them out but interpolate them (`{{federationPhone}}` …, contactVariables below), and
 * contact-details.test.ts fails when one of them spells out a contact detail.
 */
export const federationPhone = "0763-3362221";

export const federationEmail = "qyscl@gdqy.gov.cn";

/** The address in each language; the Chinese one is also what an English page gives a taxi driver or a letter. */
export const federationAddress = {
  "zh-CN": "广东省清远市清城区洲心街道凤鸣路1号",
  en: "No. 1 Fengming Road, Zhouxin Subdistrict, Qingcheng District, Qingyuan, Guangdong",
} as const satisfies Record<Locale, string>;

/** The phone number as a `tel:` link dials it. */
export const federationPhoneHref = `tel:${federationPhone.replace(/\D/g, "")}`;

/**
 * What every message of a locale may interpolate without its caller passing it: both translators (i18next on the
 * server, translator.ts in the browser) take these as default variables.
 */
export function contactVariables(locale: Locale) {
  return {
    federationPhone,
    federationEmail,
    federationAddress: federationAddress[locale],
    federationAddressInChinese: federationAddress["zh-CN"],
  };
}

export type ContactVariable = keyof ReturnType<typeof contactVariables>;
