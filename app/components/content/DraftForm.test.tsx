import { getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { describedBy, routeRendered } from "../../../tests/support/component";
import { createTranslator } from "~/i18n/translator";
import zhCN from "~/i18n/locales/zh-CN.json";
import { DraftForm, draftErrors } from "./DraftForm";

const values = { id: "card-rules", title: "残疾人证管理办法", status: "current", topics: ["certificate"], body: "## 第一条" };

describe("DraftForm", () => {
  it("without JavaScript is a post form of labelled native controls carrying the revision it was made from, errors tied to fields", async () => {
    const root = await routeRendered(
      <DraftForm action="/admin/content/card-rules/edit" values={values} fieldErrors={{ title: ["请填写标题（中文）"] }} revision={3} isNew={false} />,
      "/admin/content/card-rules/edit",
    );
    const save = getByRole(root, "button", { name: "保存为草稿" }) as HTMLButtonElement;
    const form = save.form!;
    expect(form.method).toBe("post");
    expect(form.getAttribute("action")).toBe("/admin/content/card-rules/edit");
    expect((form.elements.namedItem("revision") as HTMLInputElement).value).toBe("3");
    // An existing document's id is shown, not edited.
    expect(queryByRole(form, "textbox", { name: "文件编号（网址用）" })).toBeNull();
    expect(form.textContent).toContain("card-rules");
    const title = getByRole(form, "textbox", { name: "标题（中文）" }) as HTMLInputElement;
    expect([title.id, title.value, title.getAttribute("aria-invalid")]).toEqual(["draft-title", "残疾人证管理办法", "true"]);
    expect(describedBy(title)).toBe("错误：请填写标题（中文）");
    expect(getByRole(form, "textbox", { name: "标题（英文）" }).getAttribute("lang")).toBe("en");
    expect(describedBy(getByRole(form, "textbox", { name: "文号（可选）" }))).toBe("例如 清残联〔2026〕12号。");
    const status = getByRole(form, "group", { name: "效力状态" });
    expect((getByRole(status, "radio", { name: "现行有效" }) as HTMLInputElement).checked).toBe(true);
    expect(getByRole(form, "group", { name: "主题（至少选一个）" }).querySelectorAll("input:checked")).toHaveLength(1);
    expect((getByRole(form, "textbox", { name: "正文" }) as HTMLTextAreaElement).value).toBe("## 第一条");
    // No articles given: nothing to repeal.
    expect(queryByRole(form, "group", { name: "废止或替代某一条" })).toBeNull();
  });

  it("a new document asks for its id; with articles, a fieldset to repeal one, choosing none by default", async () => {
    const root = await routeRendered(
      <DraftForm action="/admin/content/new" values={{}} fieldErrors={{}} isNew articles={[{ anchor: "article-1", heading: "第一条", repealed: null }]} />,
      "/admin/content/new",
    );
    expect(getByRole(root, "textbox", { name: "文件编号（网址用）" })).toBeTruthy();
    expect(root.querySelector('input[name="revision"]')).toBeNull();
    const repeal = getByRole(root, "group", { name: "废止或替代某一条" });
    const anchor = getByRole(repeal, "combobox", { name: "废止哪一条" }) as HTMLSelectElement;
    expect([...anchor.options].map((o) => o.textContent)).toEqual(["不废止任何条款", "第一条"]);
    expect(anchor.value).toBe("");
  });
});

describe("draftErrors", () => {
  it("turns the schema's messages into the page's sentences, each linked in the summary to its field, form messages first", () => {
    const t = createTranslator(zhCN, "zh-CN");
    const { fieldErrors, summary } = draftErrors(t, { title: ["must not be empty"] }, ["别人刚保存过"]);
    expect(fieldErrors.title).toEqual(["请填写标题（中文）"]);
    expect(summary).toEqual([{ text: "别人刚保存过" }, { id: "draft-title", text: "请填写标题（中文）" }]);
  });
});
