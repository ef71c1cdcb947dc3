import { getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { serverRendered } from "../../../tests/support/component";
import { StaleSaveDiff, staleDiffHeadingId } from "./StaleSaveDiff";

describe("StaleSaveDiff", () => {
  it("is a region named by its focusable heading (the error summary links to it), each changed field as saved → yours in words", () => {
    const root = serverRendered(
      <StaleSaveDiff
        diff={{
          saved: 4,
          fields: [
            { field: "title", saved: "残疾人证管理办法", yours: "残疾人证管理办法（修订）" },
            { field: "topics", saved: [], yours: [] },
          ],
          body: [{ kind: "added", text: "第三条", newLine: 3 }],
          sameBody: false,
        }}
      />,
    );
    const region = getByRole(root, "region", { name: "第4版和你填写的内容有哪些不同" });
    const heading = getByRole(region, "heading", { level: 2 });
    expect(heading.id).toBe(staleDiffHeadingId);
    expect(heading.getAttribute("tabindex")).toBe("-1");
    expect([...region.querySelectorAll("li")].map((li) => li.textContent)).toEqual(["标题（中文）：残疾人证管理办法 → 残疾人证管理办法（修订）", "主题（至少选一个）：（空） → （空）"]);
    const table = getByRole(region, "table", { name: /^正文：从第4版到你填写的内容改了什么/ });
    expect(table.textContent).toContain("你填写的行号");
    expect(table.querySelector("ins")?.textContent).toBe("第三条");
  });

  it("says when the fields and the body are the same", () => {
    const root = serverRendered(<StaleSaveDiff diff={{ saved: 4, fields: [], body: [], sameBody: true }} />);
    expect(root.textContent).toContain("其他栏目在第4版和你填写的内容里相同。");
    expect(root.textContent).toContain("正文在第4版和你填写的内容里相同。");
    expect(root.querySelector("table")).toBeNull();
  });
});
