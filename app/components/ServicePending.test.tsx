import { getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../tests/support/component";
import { federationPhone } from "~/modules/site/contact-details";
import { ServicePending } from "./ServicePending";

describe("ServicePending", () => {
  it("names the service in the page's heading, says it is not online yet and gives a phone link and the feedback page", async () => {
    const root = await routeRendered(<ServicePending name="就业服务" />, "/employment");
    expect(getByRole(root, "heading", { level: 1, name: "就业服务" })).toBeTruthy();
    expect(root.textContent).toContain("这项网上服务正在建设中");
    const phone = getByRole(root, "link", { name: `咨询电话：${federationPhone}` });
    expect(phone.getAttribute("href")).toBe(`tel:${federationPhone.replace(/\D/g, "")}`);
    expect(getByRole(root, "link", { name: "意见建议" }).getAttribute("href")).toBe("/feedback");
  });

  it("in English on /en, the feedback link staying in English", async () => {
    const root = await routeRendered(<ServicePending name="Employment" />, "/en/employment");
    expect(getByRole(root, "link", { name: `Phone: ${federationPhone}` })).toBeTruthy();
    expect(getByRole(root, "link", { name: "Feedback" }).getAttribute("href")).toBe("/en/feedback");
  });
});
