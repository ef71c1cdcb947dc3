import { describe, expect, it } from "vitest";
import { makeReference, normaliseReference } from "./reference";

describe("references", () => {
  it("are readable aloud: prefix and two groups of four unambiguous characters", () => {
    for (let i = 0; i < 200; i++) {
      expect(makeReference("YJ")).toMatch(/^YJ-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    }
  });
  it("accept what people type: spaces and lower case", () => {
    expect(normaliseReference(" yj-7k3q-m9td ")).toBe("YJ-7K3Q-M9TD");
  });
  it("accept a reference typed or dictated without its dashes, with spaces, other dashes or full-width letters", () => {
    for (const typed of ["dyq3zsdk2d", "DY Q3ZS DK2D", "dy q3zs-dk2d", "DY—Q3ZS—DK2D", "ｄｙ－ｑ３ｚｓ－ｄｋ２ｄ", "DY_Q3ZS.DK2D", " D Y Q 3 Z S D K 2 D "]) {
      expect(normaliseReference(typed), typed).toBe("DY-Q3ZS-DK2D");
    }
  });
  it("leave what is not of a reference's shape folded, so it finds nothing", () => {
    expect(normaliseReference("dy-q3zs")).toBe("DYQ3ZS");
    expect(normaliseReference("DY-Q3ZS-DK2D-X")).toBe("DYQ3ZSDK2DX");
  });
});
