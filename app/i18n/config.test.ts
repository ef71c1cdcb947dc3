import { describe, expect, it } from "vitest";
import { localeFromPathname, localePath, stripLocale, switchLocalePath } from "./config";

describe("locale paths", () => {
  it("treats /en and /en/... as English and everything else as Chinese", () => {
    expect(localeFromPathname("/en")).toBe("en");
    expect(localeFromPathname("/en/policies")).toBe("en");
    expect(localeFromPathname("/english")).toBe("zh-CN");
    expect(localeFromPathname("/")).toBe("zh-CN");
  });

  it("maps a page to its twin in the other language", () => {
    expect(localePath("/", "en")).toBe("/en");
    expect(localePath("/contact", "en")).toBe("/en/contact");
    expect(localePath("/contact", "zh-CN")).toBe("/contact");
    expect(stripLocale("/en")).toBe("/");
    expect(stripLocale("/en/feedback")).toBe("/feedback");
    expect(switchLocalePath("/en/search", "?q=轮椅", "zh-CN")).toBe("/search?q=轮椅");
    expect(switchLocalePath("/", "", "en")).toBe("/en");
  });
});
