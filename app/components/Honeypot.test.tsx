import { queryByRole, queryByLabelText } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { serverRendered } from "../../tests/support/component";
import { Honeypot } from "./Honeypot";

/** The anti-bot field: posted with the form, but never seen, heard or reached with Tab. */
describe("Honeypot", () => {
  it("is hidden from assistive technology and out of the tab order, and posts empty under its name", () => {
    const root = serverRendered(<Honeypot label="网址（请留空）" name="website" />);
    // Not in the accessibility tree: no textbox of any name.
    expect(queryByRole(root, "textbox")).toBeNull();
    const input = queryByLabelText(root, "网址（请留空）") as HTMLInputElement;
    expect(input.name).toBe("website");
    expect(input.value).toBe("");
    expect(input.tabIndex).toBe(-1);
    expect(input.getAttribute("autocomplete")).toBe("off");
    expect(input.closest('[aria-hidden="true"]')).not.toBeNull();
    expect((input.form as HTMLFormElement).elements.namedItem("website")).toBe(input);
  });
});
