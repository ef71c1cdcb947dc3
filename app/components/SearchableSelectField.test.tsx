// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { getByRole } from "@testing-library/dom";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup } from "@testing-library/react";
import { serverRendered, translated } from "../../tests/support/component";
import { SearchableSelectField } from "./SearchableSelectField";

const options = [
  { value: "wheelchair", label: "手动轮椅" },
  { value: "electric", label: "电动轮椅" },
  { value: "reacher", label: "取物器" },
];
const field = (errors: string[] = []) => (
  <SearchableSelectField id="intake-typeId" name="typeId" label="器具" placeholder="请选择" options={options} errors={errors} />
);

afterEach(cleanup);
// jsdom has no CSS.escape, which React Aria's list uses to find an option by its key.
globalThis.CSS ??= {} as typeof CSS;
CSS.escape ??= (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`);

describe("SearchableSelectField", () => {
  it("without JavaScript is a labelled native select posting the device id", () => {
    const root = serverRendered(field());
    const select = getByRole(root, "combobox", { name: "器具" }) as HTMLSelectElement;
    expect(select.tagName).toBe("SELECT");
    expect(select.name).toBe("typeId");
    expect([...select.options].map((o) => o.value)).toEqual(["", "wheelchair", "electric", "reacher"]);
  });

  it("in the browser is a combobox named by its label, saying it can be typed into; typing filters; a choice posts its id", async () => {
    const { container } = render(<form>{translated(field(["请选择器具"]))}</form>);
    const input = screen.getByRole("combobox", { name: "器具" });
    expect(input.tagName).toBe("INPUT");
    expect(input.id).toBe("intake-typeId");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const described = (input.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent).join(" ");
    expect(described).toContain("输入名称的一部分来查找");
    expect(described).toContain("请选择器具");

    await act(async () => {
      input.focus();
      fireEvent.change(input, { target: { value: "轮椅" } });
    });
    const list = await screen.findByRole("listbox");
    expect(within(list).getAllByRole("option").map((o) => o.textContent)).toEqual(["手动轮椅", "电动轮椅"]);
    await act(async () => fireEvent.click(within(list).getByRole("option", { name: "电动轮椅" })));
    expect((input as HTMLInputElement).value).toBe("电动轮椅");
    expect((container.querySelector('input[type="hidden"][name="typeId"]') as HTMLInputElement).value).toBe("electric");

    await act(async () => fireEvent.change(input, { target: { value: "没有这种" } }));
    expect(await screen.findByText("没有符合的选项，请换个词试试。")).toBeTruthy();
  });
});
