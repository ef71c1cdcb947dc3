import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales, type Locale } from "~/i18n/config";
import { getFixedT, messagesByLocale } from "~/i18n/i18n.server";
import { createTranslator } from "~/i18n/translator";
import { contactVariables, federationAddress, federationEmail, federationPhone } from "./contact-details";

const localeText = (locale: Locale) => fs.readFileSync(path.resolve(__dirname, `../../i18n/locales/${locale}.json`), "utf8");

/** Every string of a message tree with its key. */
function strings(node: unknown, prefix = ""): Array<[string, string]> {
  if (typeof node === "string") return [[prefix, node]];
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
}

describe("the Federation's contact details", () => {
  it("are the ones knowledge/faq/contact-federation.md gives", () => {
    const faq = fs.readFileSync(path.resolve(__dirname, "../../../knowledge/faq/contact-federation.md"), "utf8");
    expect(faq).toContain(`电话${federationPhone}`);
    expect(faq).toContain(`电子邮箱${federationEmail}`);
    expect(faq).toContain("清城区洲心街道凤鸣路1号");
    expect(federationAddress["zh-CN"]).toContain("清城区洲心街道凤鸣路1号");
    expect(faq).toContain("No. 1 Fengming Road, Zhouxin Subdistrict, Qingcheng District, Qingyuan");
    expect(federationAddress.en).toContain("No. 1 Fengming Road, Zhouxin Subdistrict, Qingcheng District, Qingyuan");
  });

  it.each(locales)("are never written out in the %s locale file, nor another Qingyuan number in their place", (locale) => {
    const text = localeText(locale);
    expect(text.match(/0763[-\s]?\d{7,8}/g) ?? []).toEqual([]);
    expect(text).not.toContain(federationEmail);
    expect(text).not.toMatch(/凤鸣路\s*1\s*号|1 Fengming Road/);
  });

  it.each(locales)("are what the %s messages say where they name them, on the server and in the browser alike", (locale) => {
    const server = getFixedT(locale) as unknown as (key: string) => string;
    const browser = createTranslator(messagesByLocale[locale], locale) as unknown as (key: string) => string;
    const naming = strings(messagesByLocale[locale]).filter(([, value]) => /{{\s*federation\w+\s*}}/.test(value));
    expect(naming.length).toBeGreaterThan(5);
    const values = Object.values(contactVariables(locale));
    for (const [key] of naming) {
      for (const said of [server(key), browser(key)]) {
        expect(said, key).not.toMatch(/{{\s*federation/);
        expect(values.some((v) => said.includes(v)), key).toBe(true);
      }
    }
    expect(server("cinema.hold.noMoreExtensions")).toContain(federationPhone);
    expect(server("contact.directions.1")).toContain(federationAddress["zh-CN"]);
  });

  it("a caller's own value wins over a contact variable, as in i18next", () => {
    const browser = createTranslator({ x: "{{federationPhone}}" }, "en") as unknown as (key: string, options?: object) => string;
    expect(browser("x")).toBe(federationPhone);
    expect(browser("x", { federationPhone: "1" })).toBe("1");
  });
});
