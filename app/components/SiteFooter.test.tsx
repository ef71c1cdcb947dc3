import { getAllByRole, getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../tests/support/component";
import { federationAddress, federationEmail, federationPhone } from "~/modules/site/contact-details";
import { SiteFooter } from "./SiteFooter";

describe("SiteFooter", () => {
  it("is the page's contentinfo: the contact details (phone and e-mail as links) and a named list of the site's pages", async () => {
    const root = await routeRendered(<SiteFooter />, "/");
    const footer = getByRole(root, "contentinfo");
    const contact = getByRole(footer, "region", { name: "联系市残联" });
    expect(contact.textContent).toContain(federationAddress["zh-CN"]);
    expect(getByRole(contact, "link", { name: federationPhone }).getAttribute("href")).toMatch(/^tel:\d+$/);
    expect(getByRole(contact, "link", { name: federationEmail }).getAttribute("href")).toBe(`mailto:${federationEmail}`);
    const nav = getByRole(footer, "navigation", { name: "本站" });
    expect(getAllByRole(nav, "link").map((a) => a.getAttribute("href"))).toEqual(["/accessibility", "/feedback", "/settings", "/contact", "/figures"]);
    // No government identifiers configured: no list of them.
    expect(queryByRole(footer, "list", { name: "网站信息" })).toBeNull();
  });

  it("on /en gives the address in English and in Chinese marked as Chinese; the identifiers, when configured, are a named list", async () => {
    const root = await routeRendered(
      <SiteFooter identifiers={{ sponsor: "清远市残疾人联合会", siteCode: null, icp: { text: "粤ICP备12345678号", href: "https://beian.miit.gov.cn/" }, publicSecurity: null, conacUrl: null }} />,
      "/en",
    );
    const contact = getByRole(root, "region", { name: "Contact the Federation" });
    expect(contact.textContent).toContain(federationAddress.en);
    expect(contact.querySelector('[lang="zh-CN"]')?.textContent).toBe(federationAddress["zh-CN"]);
    const ids = getByRole(root, "list", { name: "About this website" });
    expect(getByRole(ids, "link", { name: "粤ICP备12345678号" }).getAttribute("lang")).toBe("zh-CN");
    expect(getByRole(root, "link", { name: "Feedback" }).getAttribute("href")).toBe("/en/feedback");
  });
});
