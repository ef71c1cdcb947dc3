// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { translated } from "../../../tests/support/component";
import { HoldWarningDialog } from "./HoldWarningDialog";

afterEach(cleanup);
// jsdom has no CSS.escape, which React Aria uses.
globalThis.CSS ??= {} as typeof CSS;
CSS.escape ??= (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`);

const open = (canExtend: boolean, onClose = vi.fn()) => {
  const element = (
    <>
      <button type="button">继续</button>
      <HoldWarningDialog isOpen onClose={onClose} canExtend={canExtend} extendAction="/cinema/s1/book/hold" returnTo="/cinema/s1/book/contact" />
    </>
  );
  const router = createMemoryRouter([{ path: "*", element }], { initialEntries: ["/cinema/s1/book/contact"] });
  render(translated(<RouterProvider router={router} future={{ v7_startTransition: true }} />));
  return onClose;
};

describe("HoldWarningDialog", () => {
  it("is a modal alert dialog named by its heading, focus on “more time”, which is the same extend post as the notice's", () => {
    open(true);
    const dialog = screen.getByRole("alertdialog", { name: "座位保留快到时间了" });
    expect(dialog.textContent).toContain("座位保留还有2分钟就结束");
    const extend = within(dialog).getByRole("button", { name: "延长保留时间10分钟" }) as HTMLButtonElement;
    expect(document.activeElement).toBe(extend);
    expect([extend.type, extend.name, extend.value]).toEqual(["submit", "intent", "extend"]);
    expect(extend.form!.getAttribute("action")).toBe("/cinema/s1/book/hold");
    expect((extend.form!.elements.namedItem("returnTo") as HTMLInputElement).value).toBe("/cinema/s1/book/contact");
    // Modal: the rest of the page is out of the accessibility tree while it is open.
    expect(screen.queryByRole("button", { name: "继续" })).toBeNull();
  });

  it("with no extension left says so, focus on its close button; Escape or the button closes it", () => {
    const onClose = open(false);
    const dialog = screen.getByRole("alertdialog", { name: "座位保留快到时间了" });
    expect(within(dialog).queryByRole("button", { name: "延长保留时间10分钟" })).toBeNull();
    const close = within(dialog).getByRole("button", { name: "不用延长，关闭提醒" });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: "Escape" });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(close);
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
