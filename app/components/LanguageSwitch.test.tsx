import { getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../tests/support/component";
import { LanguageSwitch } from "./LanguageSwitch";

describe("LanguageSwitch", () => {
  it("is a link to this same page, query kept, in the other language, named and marked in that language", async () => {
    const zh = await routeRendered(<LanguageSwitch />, "/policies?q=残疾人证");
    const toEn = getByRole(zh, "link", { name: "English" });
    expect(toEn.getAttribute("href")).toMatch(/^\/en\/policies\?q=/);
    expect(toEn.getAttribute("lang")).toBe("en");
    expect(toEn.getAttribute("hreflang")).toBe("en");

    const en = await routeRendered(<LanguageSwitch />, "/en/policies");
    const toZh = getByRole(en, "link", { name: "中文" });
    expect(toZh.getAttribute("href")).toBe("/policies");
    expect(toZh.getAttribute("lang")).toBe("zh-CN");
  });
});
