import { getAllByRole, getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../tests/support/component";
import { federationPhone } from "~/modules/site/contact-details";
import { ErrorPage } from "./ErrorPage";

const links = (root: HTMLElement) => getAllByRole(root, "link").map((a) => [a.textContent, a.getAttribute("href")]);

describe("ErrorPage", () => {
  it("a 404 says what happened in its heading and links home and to the contact page, in the page's language", async () => {
    const root = await routeRendered(<ErrorPage kind="notFound" />, "/en/no-such-page");
    expect(getByRole(root, "heading", { level: 1 }).textContent).not.toBe("");
    expect(links(root).map(([, href]) => href)).toEqual(["/en", "/en/contact"]);
    const zh = await routeRendered(<ErrorPage kind="notFound" />, "/no-such-page");
    expect(getByRole(zh, "heading", { level: 1, name: "找不到您要的页面" })).toBeTruthy();
    expect(links(zh)).toEqual([
      ["返回首页", "/"],
      ["联系我们", "/contact"],
    ]);
  });

  it("a failure gives the way to a person (the phone); a refused post links back to the same page, query kept", async () => {
    const server = await routeRendered(<ErrorPage kind="server" />, "/feedback");
    expect(getByRole(server, "heading", { level: 1, name: "抱歉，系统出了问题" })).toBeTruthy();
    expect(server.textContent).toContain(federationPhone);

    const refused = await routeRendered(<ErrorPage kind="cross_site" refusal={{ kind: "cross_site" }} />, "/feedback?topic=cinema");
    expect(getByRole(refused, "heading", { level: 1, name: "不接受来自其他网站的提交" })).toBeTruthy();
    expect(links(refused)).toEqual([
      ["返回这个页面", "/feedback?topic=cinema"],
      ["返回首页", "/"],
    ]);
  });

  it("a 403 sends staff back to their dashboard", async () => {
    const root = await routeRendered(<ErrorPage kind="forbidden" />, "/admin/staff");
    expect(getByRole(root, "heading", { level: 1, name: "没有权限" })).toBeTruthy();
    expect(links(root)).toEqual([["返回工作台", "/admin"]]);
  });
});
