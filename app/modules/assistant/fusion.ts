/**
 * Reciprocal-rank fusion (Cormack, Clarke & Büttcher 2009): each ranked list gives an item 1/(k + rank),
 * rank counted from 1; an item's fused score is the sum over the lists it appears in. Rank-based, so the
 * lexical and vector scores never have to be put on one scale.
 */
export const rrfK = 60;

export function reciprocalRankFusion<T>(lists: T[][], k = rrfK, weights: number[] = []): Map<T, number> {
  const scores = new Map<T, number>();
  lists.forEach((list, li) => {
    const weight = weights[li] ?? 1;
    const seen = new Set<T>();
    list.forEach((item, i) => {
      if (seen.has(item)) return; // only an item's best rank in each list counts
      seen.add(item);
      scores.set(item, (scores.get(item) ?? 0) + weight / (k + i + 1));
    });
  });
  return scores;
}

/** Items by fused score (descending), each list weighted (default 1); ties keep the order of first appearance. */
export function fuseRanks<T>(lists: T[][], k = rrfK, boost: (item: T) => number = () => 1, weights: number[] = []): Array<{ item: T; score: number }> {
  const scores = reciprocalRankFusion(lists, k, weights);
  const order = new Map<T, number>();
  let n = 0;
  for (const list of lists) for (const item of list) if (!order.has(item)) order.set(item, n++);
  return [...scores.entries()]
    .map(([item, score]) => ({ item, score: score * boost(item) }))
    .sort((a, b) => b.score - a.score || (order.get(a.item) as number) - (order.get(b.item) as number));
}

/** Ranking weight by document type: guides, FAQs and regulations before notices (a gentle tie-breaker). */
export const typeBoosts: Record<string, number> = { guide: 1.1, faq: 1.08, regulation: 1.04, notice: 0.92 };
