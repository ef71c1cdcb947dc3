import { getAllByRole, getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../../tests/support/component";
import type { AnswerView } from "~/modules/assistant/answer-view";
import { answerHeadingId, ChatAnswer, type ChatTurnData } from "./ChatAnswer";

const view: AnswerView = {
  status: "answered",
  grounded: true,
  mode: "extractive",
  notices: [],
  lead: "残疾人证可以在户籍所在地的县级残联申请。",
  points: [],
  summaries: [],
  body: "",
  passages: [{ n: 1, key: 7, title: "残疾人证办理指南 · 在哪里办", url: "/policies/card-guide#where", quote: "向户籍所在地县级残联提出申请" }],
  rule: null,
  nextSteps: [
    { kind: "guide", text: "看办事指南", href: "/policies/card-guide" },
    { kind: "hotline", text: "打电话问市残联" },
  ],
  easyRead: { title: "残疾人证办理指南", lines: ["带身份证去残联。"], href: "/policies/card-guide#easy-read" },
};
const turn: ChatTurnData = { id: "t1", question: "残疾证在哪里办？", helpful: null, view };

describe("ChatAnswer", () => {
  it("is an article named by its heading (the question), focusable for when it arrives, with the quoted sources as links and next steps", async () => {
    const root = await routeRendered(<ChatAnswer turn={turn} rateAction="/assistant" />, "/assistant");
    const article = getByRole(root, "article", { name: "回答：残疾证在哪里办？" });
    const heading = getByRole(article, "heading", { level: 2 });
    expect([heading.id, heading.getAttribute("tabindex")]).toEqual([answerHeadingId("t1"), "-1"]);
    expect(article.textContent).toContain("残疾人证可以在户籍所在地的县级残联申请。");
    const sources = getByRole(article, "heading", { level: 3, name: "依据" }).nextElementSibling!;
    expect(sources.querySelector("blockquote")?.textContent).toBe("“向户籍所在地县级残联提出申请”");
    expect(getByRole(sources as HTMLElement, "link", { name: "残疾人证办理指南 · 在哪里办" }).getAttribute("href")).toBe("/policies/card-guide#where");
    expect(getByRole(article, "heading", { level: 3, name: "下一步" })).toBeTruthy();
    expect(getByRole(article, "link", { name: "看办事指南" }).getAttribute("href")).toBe("/policies/card-guide");
    expect(article.textContent).toContain("打电话问市残联");
    // The easy-read version is a native disclosure, closed.
    const details = article.querySelector("details")!;
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")?.textContent).toBe("看易读版（短句）");
  });

  it("without JavaScript rating is a form: a fieldset named by its question, two submit buttons; once rated, a thank-you", async () => {
    const root = await routeRendered(<ChatAnswer turn={turn} rateAction="/assistant" />, "/en/assistant");
    const group = getByRole(root, "group", { name: "Was this answer helpful?" });
    const buttons = getAllByRole(group, "button") as HTMLButtonElement[];
    expect(buttons.map((b) => [b.name, b.value, b.type])).toEqual([
      ["helpful", "1", "submit"],
      ["helpful", "0", "submit"],
    ]);
    const form = buttons[0].form!;
    expect(form.method).toBe("post");
    expect(form.getAttribute("action")).toBe("/en/assistant");
    expect(Object.fromEntries([...form.querySelectorAll("input")].map((i) => [i.name, i.value]))).toEqual({ intent: "rate", id: "t1" });

    const rated = await routeRendered(<ChatAnswer turn={{ ...turn, helpful: true }} rateAction="/assistant" />, "/assistant");
    expect(queryByRole(rated, "group", { name: "这个回答有帮助吗？" })).toBeNull();
    expect(rated.textContent).toContain("谢谢您的反馈。");
    // A staff retrieval test has no rating at all, and its heading sits one level down.
    const test = await routeRendered(<ChatAnswer turn={turn} level={3} />, "/admin/assistant/test");
    expect(queryByRole(test, "button")).toBeNull();
    expect(getByRole(test, "heading", { level: 3, name: "回答：残疾证在哪里办？" })).toBeTruthy();
  });
});
