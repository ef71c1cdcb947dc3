import type { TFunction } from "i18next";
import { contactVariables } from "~/modules/site/contact-details";
import type { Locale } from "./config";

/**
 * The browser's translator: the subset of i18next's `t` this portal uses (nested keys, `{{name}}`
 * interpolation, `returnObjects` for lists, `defaultValue`), over the same locale files. The server renders
 * with i18next itself; translator.test.ts checks that both give the same text for every key, so hydration
 * cannot drift. Why not i18next in the browser too: it costs 14 KB of the 100 KB budget (docs/decisions/0002).
 */
type Options = Record<string, unknown> & { returnObjects?: boolean; defaultValue?: string };

function lookup(messages: unknown, key: string): unknown {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function interpolate(text: string, options: Options): string {
  return text.replace(/{{\s*(\w+)\s*}}/g, (match, name: string) => {
    const value = options[name];
    return value === undefined || value === null ? match : String(value);
  });
}

function translateValue(value: unknown, options: Options): unknown {
  if (typeof value === "string") return interpolate(value, options);
  if (Array.isArray(value)) return value.map((v) => translateValue(v, options));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translateValue(v, options)]));
  }
  return value;
}

/**
 * `locale` gives the default variables i18next has too (the Federation's contact details, contactVariables);
 * what a caller passes wins over them, as in i18next.
 */
export function createTranslator(messages: unknown, locale: Locale, onMissing?: (key: string) => void): TFunction {
  const defaults = contactVariables(locale);
  const t = (key: string, given: Options = {}) => {
    const options: Options = { ...defaults, ...given };
    const value = lookup(messages, key);
    if (typeof value === "string") return interpolate(value, options);
    if (value !== undefined && options.returnObjects) return translateValue(value, options);
    if (options.defaultValue !== undefined) return interpolate(options.defaultValue, options);
    onMissing?.(key);
    return key;
  };
  return t as unknown as TFunction;
}
