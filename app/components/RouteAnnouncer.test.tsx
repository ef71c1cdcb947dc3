// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider, useLocation } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { translated } from "../../tests/support/component";
import { RouteAnnouncer } from "./RouteAnnouncer";

afterEach(cleanup);

const titles: Record<string, string> = { "/policies": "政策法规", "/cinema": "无障碍影院" };
function Page() {
  const { pathname } = useLocation();
  return (
    <>
      <RouteAnnouncer title={titles[pathname]} />
      <main>
        <h1>{titles[pathname]}</h1>
        <button type="button">排序</button>
      </main>
    </>
  );
}
const start = () => {
  const router = createMemoryRouter([{ path: "*", element: <Page /> }], { initialEntries: ["/policies"] });
  render(translated(<RouterProvider router={router} future={{ v7_startTransition: true }} />));
  return router;
};

describe("RouteAnnouncer", () => {
  it("says nothing and leaves focus alone on the first page", () => {
    start();
    expect(screen.getByRole("status").textContent).toBe("");
    expect(document.activeElement).toBe(document.body);
  });

  it("after a client-side navigation, moves focus to the new h1 and says politely which page opened", async () => {
    const router = start();
    await act(() => router.navigate("/cinema"));
    const heading = screen.getByRole("heading", { level: 1, name: "无障碍影院" });
    expect(document.activeElement).toBe(heading);
    const status = screen.getByRole("status");
    expect(status.getAttribute("aria-live")).toBe("polite");
    expect(status.textContent).toBe("已打开：无障碍影院");
  });

  it("a navigation that only reorders the page (keepFocus) is announced but leaves focus where it was", async () => {
    const router = start();
    const button = screen.getByRole("button", { name: "排序" });
    button.focus();
    await act(() => router.navigate("/policies?sort=title", { state: { keepFocus: true } }));
    expect(document.activeElement).toBe(button);
    expect(screen.getByRole("status").textContent).toBe("已打开：政策法规");
  });
});
