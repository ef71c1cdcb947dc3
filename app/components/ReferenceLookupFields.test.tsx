import { getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { describedBy, serverRendered } from "../../tests/support/component";
import { formState } from "./form-state";
import { ReferenceLookupFields } from "./ReferenceLookupFields";


describe("ReferenceLookupFields", () => {
  it("are two labelled text fields, the reference and a phone field, keeping what was typed and saying what is wrong", () => {
    const state = formState({ status: "error", initialValue: { reference: "fj-2222", phone: "138" }, error: { phone: ["请填写11位手机号码"] } });
    const root = serverRendered(
      <ReferenceLookupFields formId="lookup" state={state} errors={{ phone: ["请填写11位手机号码"] }} referenceLabel="申请编号" referenceHint="例如 FJ-2222-3333" phoneLabel="手机号码" />,
    );
    const reference = getByRole(root, "textbox", { name: "申请编号" }) as HTMLInputElement;
    expect(reference.id).toBe("lookup-reference");
    expect(reference.name).toBe("reference");
    expect(reference.value).toBe("fj-2222");
    expect(describedBy(reference)).toBe("例如 FJ-2222-3333");
    expect(reference.hasAttribute("aria-invalid")).toBe(false);

    const phone = getByRole(root, "textbox", { name: "手机号码" }) as HTMLInputElement;
    expect(phone.id).toBe("lookup-phone");
    expect(phone.type).toBe("tel");
    expect(phone.getAttribute("autocomplete")).toBe("tel");
    expect(phone.value).toBe("138");
    expect(phone.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(phone)).toBe("错误：请填写11位手机号码");
  });
});
