import { getAllByRole, getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../../tests/support/component";
import { PolicyList, type PolicyListItem } from "./PolicyList";

const doc: PolicyListItem = {
  id: "card-rules",
  title: "残疾人证管理办法",
  titleEn: "Rules on the disability certificate",
  type: "regulation",
  issuer: "中国残联",
  docNumber: "残联发〔2017〕43号",
  summary: "办证、换证和注销。",
  summaryEn: "Applying for, renewing and cancelling the certificate.",
  topics: [],
};
const list = (items: PolicyListItem[], more: Partial<Parameters<typeof PolicyList>[0]> = {}) => (
  <PolicyList path="/policies" heading="政策法规" intro="国家和省市的政策。" filters={{ type: "", topic: "", audience: "" }} fixedType={null} items={items} total={items.length} page={1} pageCount={1} {...more} />
);

describe("PolicyList", () => {
  it("without JavaScript: a GET form of labelled filters named by its heading, the count in a status, each document a heading with a link", async () => {
    const root = await routeRendered(list([doc], { filters: { type: "regulation", topic: "", audience: "" } }), "/policies?type=regulation");
    expect(getByRole(root, "heading", { level: 1, name: "政策法规" })).toBeTruthy();
    const form = getByRole(root, "form", { name: "筛选" }) as HTMLFormElement;
    expect(form.method).toBe("get");
    expect(form.getAttribute("action")).toBe("/policies");
    const type = getByRole(form, "combobox", { name: "文件类型" }) as HTMLSelectElement;
    expect(type.name).toBe("type");
    expect(type.value).toBe("regulation");
    expect(type.options[0].textContent).toBe("全部");
    expect(getByRole(form, "combobox", { name: "主题" })).toBeTruthy();
    expect(getByRole(form, "combobox", { name: "适用人群" })).toBeTruthy();
    expect(getByRole(form, "button", { name: "显示结果" })).toBeTruthy();
    expect(getByRole(form, "link", { name: "清除筛选" }).getAttribute("href")).toBe("/policies");
    expect(getByRole(root, "status").textContent).toBe("共 1 份文件");
    const title = getByRole(root, "heading", { level: 2, name: "残疾人证管理办法" });
    expect(getByRole(title, "link").getAttribute("href")).toBe("/policies/card-rules");
  });

  it("on /en keeps the Chinese title and issuer marked Chinese, with the English title and summary; a fixed type has no type filter", async () => {
    const root = await routeRendered(list([doc], { fixedType: "guide" }), "/en/guides");
    expect(queryByRole(root, "combobox", { name: "Type" })).toBeNull();
    expect(getAllByRole(root, "combobox")).toHaveLength(2);
    const link = getByRole(root, "link", { name: "残疾人证管理办法" });
    expect(link.getAttribute("href")).toBe("/en/policies/card-rules");
    expect(link.querySelector('[lang="zh-CN"]')).not.toBeNull();
    expect(root.textContent).toContain("Rules on the disability certificate");
    expect(root.textContent).toContain("Applying for, renewing and cancelling the certificate.");
    expect(root.querySelector('[lang="zh-CN"]:not(a *)')?.textContent).toBe("中国残联");
  });

  it("with nothing found says so and how to find more; over several pages the count says which page, with paging links", async () => {
    const none = await routeRendered(list([]), "/policies?topic=x");
    expect(none.textContent).toContain("没有符合条件的文件");
    const paged = await routeRendered(list([doc], { total: 45, page: 2, pageCount: 3 }), "/policies?page=2");
    expect(getByRole(paged, "status").textContent).toBe("共 45 份文件，第2页，共3页");
    expect(getByRole(paged, "navigation", { name: "分页" })).toBeTruthy();
  });
});
