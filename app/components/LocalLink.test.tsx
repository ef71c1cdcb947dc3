import { getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../tests/support/component";
import { LocalLink, LocalNavLink } from "./LocalLink";

/** Internal links keep the language the person reads in: a plain <a> to the same page in this locale. */
describe("LocalLink", () => {
  it("on a Chinese page links to the locale-neutral path, named by its text", async () => {
    const root = await routeRendered(<LocalLink to="/feedback">意见建议</LocalLink>, "/devices");
    expect(getByRole(root, "link", { name: "意见建议" }).getAttribute("href")).toBe("/feedback");
  });

  it("on an English page links to the English page", async () => {
    const root = await routeRendered(<LocalLink to="/feedback">Feedback</LocalLink>, "/en/devices");
    expect(getByRole(root, "link", { name: "Feedback" }).getAttribute("href")).toBe("/en/feedback");
  });
});

describe("LocalNavLink", () => {
  it("marks the link to the page the person is on as the current page, and no other", async () => {
    const root = await routeRendered(
      <nav aria-label="辅具">
        <LocalNavLink to="/admin/devices" end>
          Requests
        </LocalNavLink>
        <LocalNavLink to="/admin/devices/loans" end>
          Loans
        </LocalNavLink>
      </nav>,
      "/en/admin/devices/loans",
    );
    const current = getByRole(root, "link", { name: "Loans" });
    expect(current.getAttribute("href")).toBe("/en/admin/devices/loans");
    expect(current.getAttribute("aria-current")).toBe("page");
    const other = getByRole(root, "link", { name: "Requests" });
    expect(other.getAttribute("href")).toBe("/en/admin/devices");
    expect(other.hasAttribute("aria-current")).toBe(false);
  });
});
