import { fuseRanks, reciprocalRankFusion, rrfK, typeBoosts } from "./fusion";

describe("reciprocal-rank fusion", () => {
  it("sums 1/(k + rank) over the lists, rank counted from 1", () => {
    const scores = reciprocalRankFusion([["a", "b", "c"], ["b", "d"]], 60);
    expect(scores.get("a")).toBeCloseTo(1 / 61);
    expect(scores.get("b")).toBeCloseTo(1 / 62 + 1 / 61);
    expect(scores.get("d")).toBeCloseTo(1 / 62);
    expect(rrfK).toBe(60);
  });

  it("ranks an item found by both lists above items found by one, whatever its raw scores", () => {
    const fused = fuseRanks([["lexical-only", "both"], ["vector-only", "both"]]);
    expect(fused[0].item).toBe("both");
  });

  it("counts only an item's best rank within one list", () => {
    expect(reciprocalRankFusion([["a", "a", "a"]]).get("a")).toBeCloseTo(1 / 61);
  });

  it("breaks ties by first appearance and applies a boost", () => {
    expect(fuseRanks([["x", "y"], ["y", "x"]]).map((r) => r.item)).toEqual(["x", "y"]);
    const boosted = fuseRanks([["notice", "guide"]], 60, (item) => typeBoosts[item]);
    expect(boosted.map((r) => r.item)).toEqual(["guide", "notice"]);
  });

  it("puts guides, FAQs and regulations before notices", () => {
    expect(typeBoosts.guide).toBeGreaterThan(typeBoosts.notice);
    expect(typeBoosts.faq).toBeGreaterThan(typeBoosts.notice);
    expect(typeBoosts.regulation).toBeGreaterThan(typeBoosts.notice);
  });
});

describe("weighted fusion", () => {
  it("weighs each list: a list at half weight moves an item less", () => {
    const even = fuseRanks([["a", "b"], ["b", "a"]]);
    expect(even[0].score).toBeCloseTo(even[1].score);
    const weighted = fuseRanks([["a", "b"], ["b", "a"]], 60, () => 1, [1, 0.5]);
    expect(weighted.map((x) => x.item)).toEqual(["a", "b"]);
  });
});
