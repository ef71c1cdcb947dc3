import { describe, expect, it } from "vitest";
import { locales } from "./config";
import { getFixedT, messagesByLocale } from "./i18n.server";
import { createTranslator } from "./translator";

/** Every key whose value is a string or a list of strings. */
function keys(node: unknown, prefix = ""): string[] {
  if (typeof node === "string" || Array.isArray(node)) return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("browser translator", () => {
  it.each(locales)("gives exactly what i18next gives on the server, for every %s message", (locale) => {
    const server = getFixedT(locale) as unknown as (key: string, options?: object) => unknown;
    const browser = createTranslator(messagesByLocale[locale], locale) as unknown as (key: string, options?: object) => unknown;
    const vars = { page: "页面", phone: "0763-3362221", title: "标题", field: "字段", max: 10, date: "2026年11月26日", service: "服务" };
    for (const key of keys(messagesByLocale[locale])) {
      const options = { ...vars, returnObjects: true };
      expect(browser(key, options), key).toEqual(server(key, options));
      // Lists are always asked for with returnObjects; plain strings also without it.
      if (typeof server(key, options) === "string") expect(browser(key, vars), key).toEqual(server(key, vars));
    }
  });

  it("falls back like i18next for unknown keys", () => {
    const browser = createTranslator(messagesByLocale.en, "en") as unknown as (key: string, options?: object) => unknown;
    const server = getFixedT("en") as unknown as (key: string, options?: object) => unknown;
    expect(browser("no.such.key")).toBe(server("no.such.key"));
    expect(browser("no.such.key", { defaultValue: "x {{n}}", n: 1 })).toBe(server("no.such.key", { defaultValue: "x {{n}}", n: 1 }));
  });
});
