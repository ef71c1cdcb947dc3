import type { i18n, TFunction } from "i18next";
import { createI18n } from "./i18n";
import type { Locale } from "./config";
import en from "./locales/en.json";
import zhCN from "./locales/zh-CN.json";

export const messagesByLocale: Record<Locale, unknown> = { "zh-CN": zhCN, en };

const instances = new Map<Locale, i18n>();

/** One shared instance per locale: the server never changes an instance's language. */
export function getI18n(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createI18n(locale, messagesByLocale[locale]);
    instances.set(locale, instance);
  }
  return instance;
}

export function getFixedT(locale: Locale): TFunction {
  return getI18n(locale).getFixedT(locale);
}
