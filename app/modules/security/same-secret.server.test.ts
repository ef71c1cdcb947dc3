import { describe, expect, it } from "vitest";
import { sameSecret } from "./same-secret.server";

describe("comparing a typed secret with the stored one", () => {
  it("accepts exactly the stored secret and nothing else", () => {
    expect(sameSecret("13800138000", "13800138000")).toBe(true);
    expect(sameSecret("13800138001", "13800138000")).toBe(false);
    expect(sameSecret("1380013800", "13800138000")).toBe(false);
    expect(sameSecret("", "13800138000")).toBe(false);
    expect(sameSecret("令牌", "令牌")).toBe(true);
  });
});
