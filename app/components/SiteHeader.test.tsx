import { getAllByRole, getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../tests/support/component";
import { SiteHeader } from "./SiteHeader";

describe("SiteHeader", () => {
  it("is the banner: the site name linking home, the language switch, and in the menu a search form and the named main navigation", async () => {
    const root = await routeRendered(<SiteHeader />, "/cinema/s1");
    const banner = getByRole(root, "banner");
    expect(getByRole(banner, "link", { name: "清远市残联服务门户" }).getAttribute("href")).toBe("/");
    expect(getByRole(banner, "link", { name: "English" })).toBeTruthy();
    const search = getByRole(banner, "search", { name: "搜索本站", hidden: true }) as HTMLFormElement;
    expect(search.method).toBe("get");
    expect(search.getAttribute("action")).toBe("/search");
    expect((getByRole(search, "searchbox", { name: "搜索本站", hidden: true }) as HTMLInputElement).name).toBe("q");
    const nav = getByRole(banner, "navigation", { name: "主导航", hidden: true });
    expect(getAllByRole(nav, "link", { hidden: true }).map((a) => a.textContent)).toEqual(["政策法规", "办事指南", "无障碍影院", "辅具借用", "智能问答", "联系我们"]);
    // The section the page is in is the current one, and only it.
    expect([...nav.querySelectorAll('[aria-current="page"]')].map((a) => a.textContent)).toEqual(["无障碍影院"]);
  });

  it("a page may name its section (a guide under /policies/… belongs to 办事指南); in English on /en", async () => {
    const root = await routeRendered(<SiteHeader section="/guides" />, "/en/policies/card-guide");
    const nav = getByRole(root, "navigation", { name: "Main", hidden: true });
    const current = [...nav.querySelectorAll('[aria-current="page"]')];
    expect(current.map((a) => a.getAttribute("href"))).toEqual(["/en/guides"]);
  });
});
