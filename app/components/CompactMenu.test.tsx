import { getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../tests/support/component";
import { CompactMenu } from "./CompactMenu";

describe("CompactMenu", () => {
  it("without JavaScript is a native disclosure: a summary named by its label, closed, holding the links", async () => {
    const root = await routeRendered(
      <CompactMenu label="菜单">
        <a href="/policies">政策法规</a>
      </CompactMenu>,
      "/",
    );
    const details = root.querySelector("details")!;
    expect(details.open).toBe(false);
    const summary = details.querySelector("summary")!;
    expect(summary.textContent).toBe("菜单");
    expect(details.firstElementChild).toBe(summary);
    expect(getByRole(details, "link", { name: "政策法规", hidden: true }).getAttribute("href")).toBe("/policies");
  });
});
