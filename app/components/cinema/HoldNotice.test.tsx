import { getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../../tests/support/component";
import { HoldNotice, type HoldNoticeProps } from "./HoldNotice";

const props: HoldNoticeProps = {
  expiresAt: "2026-12-05T06:30:00Z",
  serverNow: "2026-12-05T06:21:30Z",
  canExtend: true,
  extensionsLeft: 2,
  extendAction: "/cinema/s1/book/hold",
  returnTo: "/cinema/s1/book/contact",
  warningSeconds: 120,
};

/** WCAG 2.2.1: the time the seats are held is said in words, with a way to extend that is a real form. */
describe("HoldNotice", () => {
  it("without JavaScript is a region named by its heading saying until when (in minutes left), with an extend button posting to the hold", async () => {
    const root = await routeRendered(<HoldNotice {...props} />, "/cinema/s1/book/contact");
    const region = getByRole(root, "region", { name: "座位保留时间" });
    expect(region.textContent).toContain("座位为您保留到14:30（还有约9分钟）");
    const button = getByRole(region, "button", { name: "延长保留时间10分钟" }) as HTMLButtonElement;
    expect([button.type, button.name, button.value]).toEqual(["submit", "intent", "extend"]);
    expect(button.form!.method).toBe("post");
    expect(button.form!.getAttribute("action")).toBe("/cinema/s1/book/hold");
    expect((button.form!.elements.namedItem("returnTo") as HTMLInputElement).value).toBe("/cinema/s1/book/contact");
    expect(region.textContent).toContain("还可以延长2次");
    // The live region is there from the start (empty), so what it says later is announced.
    const status = getByRole(region, "status");
    expect(status.getAttribute("aria-live")).toBe("polite");
    expect(status.textContent).toBe("");
    // The warning dialog is closed.
    expect(queryByRole(root, "dialog")).toBeNull();
  });

  it("after an extension says so in the status; with none left, says so and gives the phone instead of the button", async () => {
    const extended = await routeRendered(<HoldNotice {...props} extended />, "/cinema/s1/book/contact");
    expect(getByRole(extended, "status").textContent).toBe("已延长。座位现在保留到14:30。");

    const last = await routeRendered(<HoldNotice {...props} canExtend={false} extensionsLeft={0} />, "/en/cinema/s1/book/contact");
    const region = getByRole(last, "region", { name: "Seats held for you" });
    expect(queryByRole(region, "button")).toBeNull();
    expect(region.textContent).toMatch(/The time cannot be extended again\. For help, call [\d-]+\./);
  });
});
