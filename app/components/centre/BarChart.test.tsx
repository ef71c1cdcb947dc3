import { describe, expect, it } from "vitest";
import { serverRendered } from "../../../tests/support/component";
import { BarChart } from "./BarChart";

/** A picture of the table beside it: text labels that grow with the text size, hidden from screen readers (the table is the source). */
describe("BarChart", () => {
  it("is hidden from assistive technology and draws each row as a label, its value in words and a bar as wide as its share of the largest", () => {
    const root = serverRendered(<BarChart rows={[{ label: "清城区", value: 40 }, { label: "英德市", value: 10 }, { label: "连山", value: 0 }]} label={(v) => `${v} 人`} />);
    const chart = root.querySelector(".bar-chart")!;
    expect(chart.getAttribute("aria-hidden")).toBe("true");
    const rows = [...chart.querySelectorAll(".bar-chart__row")];
    expect(rows.map((r) => [r.querySelector(".bar-chart__label")?.textContent, r.querySelector(".bar-chart__value")?.textContent])).toEqual([
      ["清城区", "40 人"],
      ["英德市", "10 人"],
      ["连山", "0 人"],
    ]);
    expect(rows.map((r) => (r.querySelector(".bar-chart__bar") as HTMLElement).style.width)).toEqual(["100%", "25%", "0.5%"]);
  });
});
