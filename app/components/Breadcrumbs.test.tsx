import { getAllByRole, getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../tests/support/component";
import { Breadcrumbs } from "./Breadcrumbs";

describe("Breadcrumbs", () => {
  it("is a named navigation starting at the home page; earlier pages are links, this page is text marked current", async () => {
    const root = await routeRendered(<Breadcrumbs crumbs={[{ label: "政策法规", to: "/policies" }, { label: "残疾人证办理" }]} />, "/policies/card");
    const nav = getByRole(root, "navigation", { name: "当前位置" });
    expect(getAllByRole(nav, "listitem").map((li) => li.textContent)).toEqual(["首页", "政策法规", "残疾人证办理"]);
    expect(getAllByRole(nav, "link").map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["首页", "/"],
      ["政策法规", "/policies"],
    ]);
    expect(queryByRole(nav, "link", { name: "残疾人证办理" })).toBeNull();
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe("残疾人证办理");
  });

  it("in English on /en; nothing on a page without crumbs", async () => {
    const en = await routeRendered(<Breadcrumbs crumbs={[{ label: "Policies", to: "/policies" }, { label: "Card" }]} />, "/en/policies/card");
    const nav = getByRole(en, "navigation", { name: "You are here" });
    expect(getByRole(nav, "link", { name: "Home" }).getAttribute("href")).toBe("/en");
    expect(getByRole(nav, "link", { name: "Policies" }).getAttribute("href")).toBe("/en/policies");
    expect(queryByRole(await routeRendered(<Breadcrumbs crumbs={[]} />, "/"), "navigation")).toBeNull();
  });
});
