// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { getByRole } from "@testing-library/dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { serverRendered, translated } from "../../../tests/support/component";
import { CopyLinkEnhancer } from "./CopyLinkEnhancer";

afterEach(cleanup);

const body = (
  <CopyLinkEnhancer>
    <h2 id="article-3">第三条</h2>
    <a href="#article-3" data-copy-link="" data-section="第三条">
      复制第三条的链接
    </a>
  </CopyLinkEnhancer>
);

describe("CopyLinkEnhancer", () => {
  it("without JavaScript leaves each copy link a plain link to its section, and an empty status", () => {
    const root = serverRendered(body);
    expect(getByRole(root, "link", { name: "复制第三条的链接" }).getAttribute("href")).toBe("#article-3");
    expect(getByRole(root, "status").textContent).toBe("");
  });

  it("in the browser copies the section's full address and says so in the status", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(translated(body));
    await act(async () => {
      fireEvent.click(screen.getByRole("link", { name: "复制第三条的链接" }));
    });
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}${window.location.pathname}#article-3`);
    expect(screen.getByRole("status").textContent).toBe("已复制链接：第三条");
  });
});
