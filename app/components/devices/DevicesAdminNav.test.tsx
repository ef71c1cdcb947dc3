import { getAllByRole, getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../../tests/support/component";
import { DevicesAdminNav } from "./DevicesAdminNav";

describe("DevicesAdminNav", () => {
  it("is a named navigation of the lending staff pages as links, the page the person is on marked current", async () => {
    const root = await routeRendered(<DevicesAdminNav />, "/admin/devices/stocktake");
    const nav = getByRole(root, "navigation", { name: "辅具借用工作页面" });
    expect(getAllByRole(nav, "link").map((a) => a.textContent)).toEqual(["申请队列", "借出与归还", "器具清单", "入库登记", "盘点", "台账"]);
    expect(getByRole(nav, "link", { name: "盘点" }).getAttribute("aria-current")).toBe("page");
    // "Requests" is /admin/devices itself: not current on its sub-pages.
    expect(getByRole(nav, "link", { name: "申请队列" }).hasAttribute("aria-current")).toBe(false);
    expect(nav.querySelectorAll('[aria-current="page"]')).toHaveLength(1);
  });

  it("in English on /en, the links staying in English", async () => {
    const root = await routeRendered(<DevicesAdminNav />, "/en/admin/devices");
    const nav = getByRole(root, "navigation", { name: "Device lending pages" });
    const requests = getByRole(nav, "link", { name: "Requests" });
    expect(requests.getAttribute("href")).toBe("/en/admin/devices");
    expect(requests.getAttribute("aria-current")).toBe("page");
  });
});
