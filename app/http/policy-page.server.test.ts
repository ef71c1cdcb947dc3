import { describe, expect, it } from "vitest";
import en from "~/i18n/locales/en.json";
import zhCN from "~/i18n/locales/zh-CN.json";
import { getCorpus, getDocument } from "~/modules/content/index.server";
import { pageHtml, policyPageData } from "./policy-page.server";

describe("a policy page's body", () => {
  // A document that links to other pages of the portal, so its links show the page's language.
  const doc = getCorpus().documents.find((d) => /href="\/(policies|guides)\//.test(d.html))!;

  it("links within the portal in the page's own language and labels its section links in it, whichever language came first", () => {
    for (const order of [["zh-CN", "en"], ["en", "zh-CN"]] as const) {
      for (const locale of order) {
        const html = pageHtml(doc, locale);
        const internal = [...html.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!);
        expect(internal.length, doc.id).toBeGreaterThan(0);
        for (const href of internal) expect(href.startsWith("/en/") || href === "/en", `${locale} ${href}`).toBe(locale === "en");
        expect(html).toContain(locale === "en" ? en.policies.copyLink : zhCN.policies.copyLink);
      }
    }
  });
});

describe("a policy page's 'what changed'", () => {
  it("is the last substantive change with its note in the page's language, or null when none is recorded", () => {
    const law = getDocument("disability-protection-law")!;
    expect(policyPageData(law, "zh-CN").doc.change).toEqual({ date: "2018-10-26", note: law.changeNote });
    expect(policyPageData(law, "en").doc.change).toEqual({ date: "2018-10-26", note: law.changeNoteEn });
    expect(policyPageData(getDocument("living-allowance-guide")!, "zh-CN").doc.change).toBeNull();
  });
});
