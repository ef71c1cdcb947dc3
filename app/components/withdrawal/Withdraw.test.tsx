import { getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../../tests/support/component";
import { WithdrawButton, WithdrawLink } from "./Withdraw";

describe("WithdrawButton", () => {
  it("without JavaScript is a real form posting the reference and the proven phone to the withdrawal page (never in the URL)", async () => {
    const root = await routeRendered(<WithdrawButton kind="device-request" reference="FJ-2222-3333" secret="13800138000" />, "/devices/status");
    const button = getByRole(root, "button", { name: "撤回这项申请" }) as HTMLButtonElement;
    expect(button.type).toBe("submit");
    const form = button.form!;
    expect(form.method).toBe("post");
    expect(form.getAttribute("action")).toBe("/withdraw/device-request");
    expect(Object.fromEntries([...form.querySelectorAll("input")].map((i) => [i.name, i.value]))).toEqual({
      reference: "FJ-2222-3333",
      phone: "13800138000",
      intent: "find",
    });
  });

  it("feedback is proven by the contact given; in English on /en", async () => {
    const root = await routeRendered(<WithdrawButton kind="feedback" reference="YJ-1" secret="a@b.cn" />, "/en/feedback/status");
    const form = (getByRole(root, "button", { name: "Withdraw this message" }) as HTMLButtonElement).form!;
    expect(form.getAttribute("action")).toBe("/en/withdraw/feedback");
    expect((form.elements.namedItem("contact") as HTMLInputElement).value).toBe("a@b.cn");
  });
});

describe("WithdrawLink", () => {
  it("is a link to the withdrawal page with the reference filled in, named for what it withdraws", async () => {
    const root = await routeRendered(<WithdrawLink kind="activity-signup" reference="HD-2222-3333" />, "/en/activities/signup/done");
    expect(getByRole(root, "link", { name: "Withdraw this sign-up" }).getAttribute("href")).toBe("/en/withdraw/activity-signup?reference=HD-2222-3333");
    const bare = await routeRendered(<WithdrawLink kind="waiting-list" />, "/cinema");
    expect(getByRole(bare, "link", { name: "退出候补名单" }).getAttribute("href")).toBe("/withdraw/waiting-list");
  });
});
