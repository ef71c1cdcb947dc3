// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { routeRendered, translated } from "../../../tests/support/component";
import { BodyLivePreview } from "./BodyLivePreview";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const page = (
  <>
    <label htmlFor="draft-body">正文</label>
    <textarea id="draft-body" name="body" defaultValue="## 第一条" />
    <BodyLivePreview textareaId="draft-body" />
  </>
);

describe("BodyLivePreview", () => {
  it("without JavaScript is not there at all (the save-and-preview page shows the draft)", async () => {
    const root = await routeRendered(page, "/admin/content/card-rules/edit");
    expect(root.querySelector("section")).toBeNull();
  });

  it("in the browser is a region named by its heading (not a live region) showing the server's rendering of what is typed", async () => {
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      const body = new URLSearchParams(init.body as URLSearchParams).get("body");
      return new Response(JSON.stringify({ html: `<p>${body === "## 第一条" ? "第一条" : "第二条"}</p>` }), { headers: { "content-type": "application/json" } });
    });
    vi.stubGlobal("fetch", fetchMock);
    const router = createMemoryRouter([{ path: "*", element: page }], { initialEntries: ["/en/admin/content/card-rules/edit"] });
    render(translated(<RouterProvider router={router} future={{ v7_startTransition: true }} />, "en"));
    const region = await screen.findByRole("region", { name: /./ });
    expect(region.hasAttribute("aria-live")).toBe(false);
    expect(region.querySelector('[aria-live], [role="status"]')).toBeNull();
    await waitFor(() => expect(region.textContent).toContain("第一条"));
    expect(fetchMock.mock.calls[0][0]).toBe("/en/admin/content/body-preview");
    expect(region.querySelector('[lang="zh-CN"]')).not.toBeNull();

    fireEvent.input(screen.getByRole("textbox"), { target: { value: "## 第二条" } });
    await waitFor(() => expect(region.textContent).toContain("第二条"));
  });
});
