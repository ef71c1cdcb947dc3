import { getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../tests/support/component";
import { Pagination } from "./Pagination";

/** Paging as plain links (no JavaScript needed), in a navigation region named for what it is. */
describe("Pagination", () => {
  it("is a named navigation with previous and next links that keep the other query parameters, and says which page this is", async () => {
    const root = await routeRendered(<Pagination page={2} pageCount={5} />, "/admin/content?status=draft&page=2");
    const nav = getByRole(root, "navigation", { name: "分页" });
    expect(getByRole(nav, "link", { name: "上一页" }).getAttribute("href")).toBe("/admin/content?status=draft&page=1");
    expect(getByRole(nav, "link", { name: "下一页" }).getAttribute("href")).toBe("/admin/content?status=draft&page=3");
    const current = nav.querySelector('[aria-current="page"]');
    expect(current?.textContent).toBe("第2页，共5页");
  });

  it("has no previous link on the first page and no next link on the last; in English on /en", async () => {
    const first = await routeRendered(<Pagination page={1} pageCount={3} />, "/en/news");
    const nav = getByRole(first, "navigation", { name: "Pagination" });
    expect(queryByRole(nav, "link", { name: "Previous page" })).toBeNull();
    expect(getByRole(nav, "link", { name: "Next page" }).getAttribute("href")).toBe("/en/news?page=2");
    const last = await routeRendered(<Pagination page={3} pageCount={3} />, "/news?page=3");
    expect(queryByRole(last, "link", { name: "下一页" })).toBeNull();
    expect(getByRole(last, "link", { name: "上一页" })).toBeTruthy();
  });

  it("is not drawn when everything fits on one page", async () => {
    const root = await routeRendered(<Pagination page={1} pageCount={1} />, "/news");
    expect(queryByRole(root, "navigation")).toBeNull();
  });
});
