import i18next, { type i18n, type TFunction } from "i18next";
import type zhCN from "./locales/zh-CN.json";
import type { Locale } from "./config";
import { contactVariables } from "~/modules/site/contact-details";

export type Messages = typeof zhCN;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
    returnNull: false;
  }
}

export type { TFunction };

/** A ready i18next instance for one locale; synchronous because the messages are passed in. */
export function createI18n(locale: Locale, messages: unknown): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    // Only the locale itself holds messages ("zh-CN", not "zh"): looking no further spares every t() two
    // Intl.getCanonicalLocales calls (a third of a policy page's i18next time).
    load: "currentOnly",
    resources: { [locale]: { translation: messages as Record<string, unknown> } },
    initImmediate: false,
    // The Federation's phone, e-mail and address: any message may name them without its caller passing them.
    interpolation: { escapeValue: false, defaultVariables: contactVariables(locale) },
  });
  return instance;
}
