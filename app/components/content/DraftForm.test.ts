import { describe, expect, it } from "vitest";
import { getFixedT } from "~/i18n/i18n.server";
import { bodyIssues } from "~/modules/content/body-rules";
import { parseMarkdownStructure } from "~/modules/content/structure";
import { draftErrorText } from "./DraftForm";

/** Every body rule knowledge:check and the console share (body-rules.ts), as the rule words it today. */
function ruleMessages(): Array<[string, string]> {
  const bodies = [
    "只有一段话。\n",
    "# 标题\n\n## 一、内容\n\n#### 细节\n\n细节二\n---\n\n## 第二条 甲\n\n## 第一条 乙\n\n[a](#s-9) [b](/policies/other#s-9) [c](/policies/missing) [d](附件.docx) [e](/shop)\n",
  ];
  const other = { id: "other", sections: [{ anchor: "s-1" }] };
  const issues = bodies.flatMap((body) => bodyIssues(body, "markdown", parseMarkdownStructure(body).sections, (id) => (id === "other" ? other : undefined)));
  return issues.filter((i) => !i.warning).map((i) => [i.rule, i.message]);
}

describe("the body's rule messages in the editor's language", () => {
  const messages = ruleMessages();

  it("covers every rule the console refuses a body for", () => {
    expect(new Set(messages.map(([rule]) => rule))).toEqual(
      new Set(["no-sections", "h1-in-body", "heading-jump", "heading-syntax", "article-order", "broken-anchor", "broken-link", "bad-link", "unknown-page"]),
    );
  });

  it.each(["zh-CN", "en"] as const)("each has its own sentence in %s, naming the body field and what is wrong, not the rule's English", (locale) => {
    const t = getFixedT(locale);
    const label = t("admin.editor.fields.body");
    for (const [rule, message] of messages) {
      const text = draftErrorText(t, "body", message);
      expect(text, rule).toContain(label);
      expect(text, rule).not.toContain(message);
      expect(text, rule).not.toMatch(/\{\{|undefined/);
    }
  });

  it("names the link or heading that is wrong", () => {
    const t = getFixedT("en");
    const text = (rule: string) => draftErrorText(t, "body", messages.find(([r, m]) => r === rule && !m.startsWith("#"))![1]);
    expect(text("broken-link")).toContain("/policies/missing");
    expect(text("broken-anchor")).toContain("/policies/other#s-9");
    expect(text("bad-link")).toContain("附件.docx");
    expect(text("unknown-page")).toContain("/shop");
    expect(text("h1-in-body")).toContain("# 标题");
    expect(text("heading-jump")).toContain("细节");
  });
});
