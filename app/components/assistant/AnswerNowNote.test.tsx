import { getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../../tests/support/component";
import { AnswerNowNote } from "./AnswerNowNote";

describe("AnswerNowNote", () => {
  it("an answered question says so under its label, with its first citation as a link marked Chinese", async () => {
    const root = await routeRendered(
      <AnswerNowNote label="现在：" answer={{ answered: true, status: "answered", citation: { title: "残疾人证办理", url: "/policies/card#article-3" } }} />,
      "/en/admin/assistant/questions",
    );
    expect(root.querySelector("strong")?.textContent).toBe("现在：");
    const link = getByRole(root, "link", { name: "残疾人证办理" });
    expect(link.getAttribute("href")).toBe("/en/policies/card#article-3");
    expect(link.getAttribute("lang")).toBe("zh-CN");
  });

  it("a refused question says why, as a warning, with no link; nothing when there is no answer", async () => {
    const root = await routeRendered(<AnswerNowNote label="现在：" answer={{ answered: false, status: "no_content", citation: null }} />, "/admin/assistant/questions");
    expect(root.textContent).toBe("现在： 不能回答（资料里没有）。");
    expect(root.querySelector(".notice--warning")).not.toBeNull();
    expect(queryByRole(root, "link")).toBeNull();
    expect((await routeRendered(<AnswerNowNote label="现在：" answer={null} />, "/admin")).textContent).toBe("");
  });
});
