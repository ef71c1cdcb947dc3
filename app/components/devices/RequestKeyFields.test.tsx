import { getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { describedBy, serverRendered } from "../../../tests/support/component";
import { formState } from "../form-state";
import { RequestKeyFields } from "./RequestKeyFields";

describe("RequestKeyFields", () => {
  it("asks for the request's reference and phone in the devices' words, each field with its hint", () => {
    const root = serverRendered(<RequestKeyFields formId="status" state={formState(null)} errors={{ reference: ["请填写申请编号"] }} />);
    const reference = getByRole(root, "textbox", { name: "申请编号" });
    expect(reference.id).toBe("status-reference");
    expect(describedBy(reference)).toMatch(/^例如 JY-7K3Q-M9TD.* \| 错误：请填写申请编号$/);
    const phone = getByRole(root, "textbox", { name: "手机号码" });
    expect(describedBy(phone)).toBe("申请时填写的手机号码");
  });
});
