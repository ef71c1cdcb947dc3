// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { getByLabelText } from "@testing-library/dom";
import { afterEach, describe, expect, it } from "vitest";
import { describedBy, serverRendered, translated } from "../../tests/support/component";
import { DateTimeField } from "./DateTimeField";

afterEach(cleanup);

const field = (errors: string[] = []) => (
  <DateTimeField id="screening-startsAt" name="startsAt" label="放映时间" hint="中国时间" errors={errors} defaultValue="2026-12-05T14:30" />
);

describe("DateTimeField", () => {
  it("without JavaScript is a labelled native datetime-local input posting the value as it was given", () => {
    const root = serverRendered(field(["请填写放映时间"]));
    const input = getByLabelText(root, "放映时间") as HTMLInputElement;
    expect(input.type).toBe("datetime-local");
    expect(input.id).toBe("screening-startsAt");
    expect(input.name).toBe("startsAt");
    expect(input.value).toBe("2026-12-05T14:30");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(input)).toBe("中国时间 | 错误：请填写放映时间");
  });

  it("in the browser is a group named by its label, with the summary's id, of segments changed with the arrow keys, posting the same form", () => {
    const { container } = render(<form>{translated(field(["请填写放映时间"]))}</form>);
    const group = screen.getByRole("group", { name: "放映时间" });
    expect(group.closest("#screening-startsAt")).not.toBeNull();
    const segments = within(group).getAllByRole("spinbutton");
    expect(segments.length).toBe(5);
    const posted = () => (container.querySelector('input[type="hidden"][name="startsAt"]') as HTMLInputElement).value;
    expect(posted()).toBe("2026-12-05T14:30");
    const minute = segments.find((s) => /分/.test(s.getAttribute("aria-label") ?? ""))!;
    fireEvent.keyDown(minute, { key: "ArrowUp" });
    expect(posted()).toBe("2026-12-05T14:31");
    const described = describedBy(group);
    expect(described).toContain("中国时间");
    expect(described).toContain("错误：请填写放映时间");
    expect(segments.every((s) => s.getAttribute("aria-invalid") === "true")).toBe(true);
  });
});
