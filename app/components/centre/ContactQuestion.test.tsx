import { getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { describedBy, serverRendered } from "../../../tests/support/component";
import { ContactQuestion } from "./ContactQuestion";

describe("ContactQuestion", () => {
  it("asks in its h1 for a name and a mobile number: two labelled fields keeping what was typed, and a hidden honeypot", () => {
    const root = serverRendered(
      <ContactQuestion
        title="您的联系方式"
        intro="工作人员会用这个号码联系您。"
        id={(name) => `signup-${name}`}
        errors={{ phone: ["请填写11位手机号码"] }}
        value={(name) => (name === "name" ? "陈静" : "139")}
      />,
    );
    expect(getByRole(root, "heading", { level: 1, name: "您的联系方式" })).toBeTruthy();
    const name = getByRole(root, "textbox", { name: "姓名" }) as HTMLInputElement;
    expect([name.id, name.name, name.value, name.getAttribute("autocomplete")]).toEqual(["signup-name", "name", "陈静", "name"]);
    expect(name.hasAttribute("aria-invalid")).toBe(false);
    const phone = getByRole(root, "textbox", { name: "手机号码" }) as HTMLInputElement;
    expect([phone.id, phone.type, phone.value]).toEqual(["signup-phone", "tel", "139"]);
    expect(phone.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(phone)).toBe("只用于联系您，例如 13912345678 | 错误：请填写11位手机号码");
    // The honeypot is posted but not a field anyone is asked.
    expect(queryByRole(root, "textbox", { name: "网站（请留空）" })).toBeNull();
    expect(root.querySelector('input[name="website"]')).not.toBeNull();
  });
});
