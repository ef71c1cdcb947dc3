import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxPage, parsePage, queryInteger } from "./query-numbers";

const page = (value: string) => parsePage(new URLSearchParams({ page: value }));

describe("page numbers from the query string", () => {
  it("take plain page numbers and turn everything else into page 1 or the last allowed page", () => {
    expect(parsePage(new URLSearchParams())).toBe(1);
    expect(page("3")).toBe(3);
    expect(page(" 7 ")).toBe(7);
    for (const junk of ["", "0", "-3", "1.5", "1e308", "1e3", "Infinity", "NaN", "0x10", "abc", "２", "3abc"]) expect(page(junk), junk).toBe(1);
    expect(page("10001")).toBe(maxPage);
    expect(page("9".repeat(400))).toBe(maxPage);
  });

  it("whatever is sent, the answer is a whole number within the bounds (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[-+]?[0-9.eE]{0,20}$/)), (value) => {
        const n = page(value);
        expect(Number.isSafeInteger(n) && n >= 1 && n <= maxPage).toBe(true);
      }),
    );
  });

  it("other counts use the same rules with their own bounds", () => {
    expect(queryInteger(new URLSearchParams({ added: "12" }), "added", { min: 0, max: 500, fallback: 0 })).toBe(12);
    expect(queryInteger(new URLSearchParams({ added: "1e308" }), "added", { min: 0, max: 500, fallback: 0 })).toBe(0);
    expect(queryInteger(new URLSearchParams({ added: "100000" }), "added", { min: 0, max: 500, fallback: 0 })).toBe(500);
  });
});
