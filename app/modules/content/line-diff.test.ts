import { describe, expect, it } from "vitest";
import { diffLines, diffWithContext } from "./line-diff";

describe("line diff", () => {
  it("lists kept, removed and added lines with their line numbers", () => {
    expect(diffLines("a\nb\nc\n", "a\nB\nc\nd\n")).toEqual([
      { kind: "same", text: "a", oldLine: 1, newLine: 1 },
      { kind: "removed", text: "b", oldLine: 2 },
      { kind: "added", text: "B", newLine: 2 },
      { kind: "same", text: "c", oldLine: 3, newLine: 3 },
      { kind: "added", text: "d", newLine: 4 },
    ]);
  });

  it("finds the common lines, not just the common ends", () => {
    const kinds = diffLines("x\n1\n2\n3\ny", "z\n1\n2\n3\nw").map((l) => l.kind);
    expect(kinds).toEqual(["removed", "added", "same", "same", "same", "removed", "added"]);
  });

  it("equal texts have no change; an empty text is all added", () => {
    expect(diffLines("a\nb", "a\nb\n").every((l) => l.kind === "same")).toBe(true);
    expect(diffLines("", "a\nb").map((l) => l.kind)).toEqual(["added", "added"]);
  });

  it("keeps a little context around each change and counts the unchanged lines left out", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n");
    const after = before.replace("line 10", "line ten");
    expect(diffWithContext(before, after, 1)).toEqual([
      { kind: "skipped", count: 8 },
      { kind: "same", text: "line 9", oldLine: 9, newLine: 9 },
      { kind: "removed", text: "line 10", oldLine: 10 },
      { kind: "added", text: "line ten", newLine: 10 },
      { kind: "same", text: "line 11", oldLine: 11, newLine: 11 },
      { kind: "skipped", count: 9 },
    ]);
  });
});
