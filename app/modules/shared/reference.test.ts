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
});
