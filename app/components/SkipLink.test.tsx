import { getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { serverRendered } from "../../tests/support/component";
import { SkipLink } from "./SkipLink";

describe("SkipLink", () => {
  it("is a link to #main named for where it goes, in the page's language", () => {
    expect(getByRole(serverRendered(<SkipLink />), "link", { name: "跳到主要内容" }).getAttribute("href")).toBe("#main");
    expect(getByRole(serverRendered(<SkipLink />, "en"), "link", { name: "Skip to main content" }).getAttribute("href")).toBe("#main");
  });
});
