import { getAllByRole, getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { describedBy, serverRendered } from "../../tests/support/component";
import { CertificateNumberQuestion } from "./CertificateNumberQuestion";

const question = (given: string | null, errors: string[] = []) => (
  <CertificateNumberQuestion
    id="request-certificate"
    title="残疾人证号（可不填）"
    why="填写后可以更快核对您的资格。"
    given={given}
    label="残疾人证号"
    hint="20位，例如 44180219800101123442"
    errors={errors}
    defaultValue=""
    skipLabel="不填，继续"
    returnField={<input type="hidden" name="returnTo" value="check" />}
    continueButton={
      <button type="submit" className="button">
        继续
      </button>
    }
  />
);

describe("CertificateNumberQuestion", () => {
  it("asks in its h1 why, with one labelled field, and two submit buttons: continue, or go on without a number", () => {
    const root = serverRendered(question(null, ["证号应为20位"]));
    expect(getByRole(root, "heading", { level: 1, name: "残疾人证号（可不填）" })).toBeTruthy();
    const field = getByRole(root, "textbox", { name: "残疾人证号" }) as HTMLInputElement;
    expect(field.name).toBe("certificate");
    expect(field.getAttribute("autocomplete")).toBe("off");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(field)).toBe("20位，例如 44180219800101123442 | 错误：证号应为20位");
    const buttons = getAllByRole(root, "button") as HTMLButtonElement[];
    expect(buttons.map((b) => b.textContent)).toEqual(["继续", "不填，继续"]);
    const skip = buttons[1];
    expect([skip.type, skip.name, skip.value]).toEqual(["submit", "intent", "none"]);
    expect((field.form!.elements.namedItem("returnTo") as HTMLInputElement).value).toBe("check");
  });

  it("shows only the masked number given before, never the number in the field", () => {
    const root = serverRendered(question("已填写：4418************42"));
    expect(root.textContent).toContain("已填写：4418************42");
    expect((getByRole(root, "textbox", { name: "残疾人证号" }) as HTMLInputElement).value).toBe("");
  });
});
