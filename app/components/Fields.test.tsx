import { getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { describedBy, serverRendered } from "../../tests/support/component";
import { RadioGroupField, SelectField, TextField } from "./Fields";

/**
 * Fields: native controls, so the server's HTML is the whole component. Each is named by its label, describes
 * itself with its hint and error, and says when it is invalid.
 */

describe("TextField", () => {
  it("is named by its label; the hint describes it; with an error it is invalid and the error (with 错误：) describes it too", () => {
    const ok = serverRendered(<TextField id="f-phone" name="phone" label="手机号码" hint="11位数字" defaultValue="138" />);
    const input = getByRole(ok, "textbox", { name: "手机号码" });
    expect(input.getAttribute("name")).toBe("phone");
    expect((input as HTMLInputElement).value).toBe("138");
    expect(describedBy(input)).toBe("11位数字");
    expect(input.hasAttribute("aria-invalid")).toBe(false);

    const wrong = serverRendered(<TextField id="f-phone" name="phone" label="手机号码" hint="11位数字" errors={["请填写11位手机号码"]} />);
    const invalid = getByRole(wrong, "textbox", { name: "手机号码" });
    expect(invalid.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(invalid)).toBe("11位数字 | 错误：请填写11位手机号码");
    expect(wrong.querySelector(".field--error")).not.toBeNull();
  });
});

describe("SelectField", () => {
  it("is a labelled native select whose first option asks to choose, keeping the value given", () => {
    const root = serverRendered(
      <SelectField id="f-type" name="typeId" label="器具" placeholder="请选择" defaultValue="b" options={[{ value: "a", label: "轮椅" }, { value: "b", label: "取物器" }]} errors={["请选择器具"]} />,
    );
    const select = getByRole(root, "combobox", { name: "器具" }) as HTMLSelectElement;
    expect(select.tagName).toBe("SELECT");
    expect([...select.options].map((o) => o.textContent)).toEqual(["请选择", "轮椅", "取物器"]);
    expect(select.value).toBe("b");
    expect(select.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(select)).toBe("错误：请选择器具");
  });
});

describe("RadioGroupField", () => {
  it("is a fieldset named by its legend, one radio per option, the given one checked", () => {
    const root = serverRendered(
      <RadioGroupField id="f-where" name="where" legend="入库地点" defaultValue="fogang" options={[{ value: "city", label: "市残联" }, { value: "fogang", label: "佛冈县借用点" }]} />,
    );
    const group = getByRole(root, "group", { name: "入库地点" });
    expect(group.tagName).toBe("FIELDSET");
    expect((getByRole(group, "radio", { name: "佛冈县借用点" }) as HTMLInputElement).checked).toBe(true);
    expect((getByRole(group, "radio", { name: "市残联" }) as HTMLInputElement).checked).toBe(false);
    expect(queryByRole(group, "radio", { name: "其他" })).toBeNull();
  });
});
