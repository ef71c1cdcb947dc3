import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("CSV export", () => {
  it("quotes commas, quotes and newlines, starts with a BOM, and defuses formulas", () => {
    const csv = toCsv(["编号", "内容"], [["YJ-1", 'a,"b"\nc'], ["YJ-2", "=HYPERLINK(\"x\")"], ["YJ-3", null]]);
    expect(csv.startsWith("\uFEFF编号,内容\r\n")).toBe(true);
    expect(csv).toContain('YJ-1,"a,""b""\nc"');
    expect(csv).toContain(`YJ-2,"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("YJ-3,\r\n");
  });
});
