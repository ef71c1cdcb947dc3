import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { federationPhone } from "./contact-details";

describe("the Federation's phone number", () => {
  it.each(["zh-CN", "en"])("is the one the %s locale file gives wherever it names a Qingyuan number", (locale) => {
    const text = fs.readFileSync(path.resolve(__dirname, `../../i18n/locales/${locale}.json`), "utf8");
    const numbers = text.match(/0763-\d{7,8}/g) ?? [];
    expect(numbers.length).toBeGreaterThan(0);
    expect(new Set(numbers)).toEqual(new Set([federationPhone]));
  });
});
