import fs from "node:fs";
import path from "node:path";
import { criteria, gbtRequirement } from "./conformance";

const root = path.resolve(__dirname, "../../..");

describe("the conformance table of the accessibility statement", () => {
  it("lists every WCAG 2.2 A and AA success criterion once (55), plus 4.1.1 marked as dropped", () => {
    const ids = criteria.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(criteria.filter((c) => !c.removedIn22)).toHaveLength(55);
    expect(criteria.filter((c) => c.removedIn22).map((c) => c.id)).toEqual(["4.1.1"]);
    expect(criteria.filter((c) => !c.removedIn22 && c.level === "A")).toHaveLength(31);
    // In WCAG's order.
    const key = (id: string) => id.split(".").map((n) => n.padStart(3, "0")).join(".");
    expect(ids.map(key)).toEqual([...ids].map(key).sort());
  });

  it("names only test files that exist", () => {
    const missing = criteria.flatMap((c) => c.tests).filter((file) => !fs.existsSync(path.join(root, file)));
    expect(missing).toEqual([]);
  });

  it("claims a GB/T 37668-2019 requirement only for the criteria of WCAG 2.0", () => {
    expect(gbtRequirement(criteria.find((c) => c.id === "1.1.1")!)).toEqual({
      principle: { zh: "可感知性", en: "Perceivable" },
      guideline: { zh: "文本替代", en: "Text alternatives" },
    });
    expect(gbtRequirement(criteria.find((c) => c.id === "1.4.10")!)).toBeNull();
    for (const c of criteria.filter((x) => x.since === "2.0")) expect(gbtRequirement(c), c.id).not.toBeNull();
  });
});
