/**
 * BM25 over postings held in typed arrays, with every term's per-document weight computed when the index is
 * built: a query only adds up precomputed numbers for the documents its terms occur in, and keeps the best
 * `limit` in a small heap instead of sorting every match.
 *
 * The scoring is MiniSearch 7's, to the letter (BM25+ with k = 1.2, b = 0.7, d = 0.5; a field's length is its
 * number of distinct terms; per-field document frequencies; field boosts; term boosts; prefix matches weighted
 * 0.375 · n / (n + 0.3 · extra characters); a document's score times the number of distinct query terms it
 * matches; ties kept in the order MiniSearch meets them), so replacing it changed no ranking
 * (bm25.server.test.ts compares the two on the question sets). Why not MiniSearch itself: it scores every
 * posting through Maps and objects and sorts every match on every query — ~1 s a query at 100 000 chunks,
 * where this takes milliseconds (docs/benchmarks.md) — and it offers no way to precompute or to stop early.
 */

export interface Bm25Field {
  name: string;
  boost: number;
}

export interface Bm25QueryTerm {
  term: string;
  /** Multiplies the term's weight (MiniSearch's `boostTerm`). */
  boost: number;
  /** Also match the index terms that start with it (MiniSearch's `prefix`). */
  prefix: boolean;
}

export interface Bm25Hit {
  /** Position of the document in the list the index was built from. */
  id: number;
  score: number;
}

const k1 = 1.2;
const b = 0.7;
const d = 0.5;
/** MiniSearch's weight of a prefix match. */
const prefixWeight = 0.375;

interface Postings {
  /** Document ids, ascending. */
  docs: Int32Array;
  /** Σ over fields of boost × BM25+(tf, df, length) for each of `docs`. */
  weights: Float64Array;
}

export class Bm25Index {
  readonly size: number;
  /** Every index term with how often it occurs (all fields). */
  readonly counts = new Map<string, number>();
  private readonly postings = new Map<string, Postings>();
  /** The index's Latin terms, sorted (prefix matches). */
  private readonly latin: string[];
  // Scratch space for one query at a time (queries are synchronous).
  private readonly total: Float64Array;
  private readonly part: Float64Array;
  private readonly matched: Uint16Array;
  private readonly firstSeen: Int32Array;

  constructor(documents: Array<Record<string, string>>, fields: Bm25Field[], tokenize: (text: string) => string[]) {
    const n = documents.length;
    this.size = n;
    // Per field: each term's (document, frequency) pairs, each document's number of distinct terms.
    const perField = fields.map(() => new Map<string, { docs: number[]; tfs: number[] }>());
    const lengths = fields.map(() => new Float64Array(n));
    const averages = fields.map(() => 0);
    documents.forEach((doc, id) => {
      fields.forEach((field, f) => {
        const tokens = tokenize(doc[field.name] ?? "");
        const tf = new Map<string, number>();
        for (const t of tokens) {
          if (!t) continue;
          tf.set(t, (tf.get(t) ?? 0) + 1);
          this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
        }
        const length = new Set(tokens).size;
        lengths[f][id] = length;
        // MiniSearch's running average, in its order of operations.
        averages[f] = (averages[f] * id + length) / (id + 1);
        for (const [term, freq] of tf) {
          let list = perField[f].get(term);
          if (!list) perField[f].set(term, (list = { docs: [], tfs: [] }));
          list.docs.push(id);
          list.tfs.push(freq);
        }
      });
    });
    const terms = new Set(perField.flatMap((m) => [...m.keys()]));
    for (const term of terms) {
      const weights = new Map<number, number>();
      const order: number[] = [];
      fields.forEach((field, f) => {
        const list = perField[f].get(term);
        if (!list) return;
        const df = list.docs.length;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        list.docs.forEach((id, i) => {
          const tf = list.tfs[i];
          const raw = idf * (d + (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[f][id]) / averages[f])));
          const prior = weights.get(id);
          if (prior === undefined) order.push(id);
          weights.set(id, (prior ?? 0) + field.boost * raw);
        });
      });
      order.sort((x, y) => x - y);
      this.postings.set(term, { docs: Int32Array.from(order), weights: Float64Array.from(order, (id) => weights.get(id) as number) });
    }
    this.latin = [...terms].filter((t) => /^[a-z]/.test(t)).sort();
    this.total = new Float64Array(n);
    this.part = new Float64Array(n);
    this.matched = new Uint16Array(n);
    this.firstSeen = new Int32Array(n).fill(-1);
  }

  hasTerm(term: string): boolean {
    return this.postings.has(term);
  }

  /** In how many documents the term occurs (any field). */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  /** Whether a document has the term (any field). */
  has(id: number, term: string): boolean {
    const p = this.postings.get(term);
    return p ? indexOf(p.docs, id) >= 0 : false;
  }

  /** The index terms a query term matches, with their weight (itself, and longer ones when a prefix). */
  private expansions(q: Bm25QueryTerm): Array<{ term: string; weight: number }> {
    const out = this.postings.has(q.term) ? [{ term: q.term, weight: 1 }] : [];
    if (!q.prefix) return out;
    let lo = 0;
    let hi = this.latin.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.latin[mid] < q.term) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.latin.length && this.latin[i].startsWith(q.term); i++) {
      const term = this.latin[i];
      if (term === q.term) continue;
      out.push({ term, weight: (prefixWeight * term.length) / (term.length + 0.3 * (term.length - q.term.length)) });
    }
    return out;
  }

  /** The index terms of the query (prefix matches included) that a document has. */
  matchedTerms(id: number, query: Bm25QueryTerm[]): string[] {
    const terms = new Set(query.flatMap((q) => this.expansions(q).map((e) => e.term)));
    return [...terms].filter((t) => this.has(id, t));
  }

  /**
   * The best `limit` documents for the query terms (OR), best first (all of them without a limit);
   * `accept` leaves documents out (a type filter).
   */
  search(query: Bm25QueryTerm[], options: { limit?: number; accept?: (id: number) => boolean } = {}): Bm25Hit[] {
    const touched = this.accumulate(query);
    try {
      return this.best(touched, Math.max(0, Math.floor(options.limit ?? touched.length)), options.accept);
    } finally {
      this.reset(touched);
    }
  }

  /**
   * Every document the query matches, in the order MiniSearch meets them (its tie order), with its score: for
   * callers that rank something else than the documents (the site search ranks policies by their sections).
   */
  scoreAll(query: Bm25QueryTerm[], accept?: (id: number) => boolean): { ids: Int32Array; scores: Float64Array } {
    const touched = this.accumulate(query);
    const ids = new Int32Array(touched.length);
    const scores = new Float64Array(touched.length);
    let n = 0;
    for (let i = 0; i < touched.length; i++) {
      const id = touched[i];
      if (accept && !accept(id)) continue;
      ids[n] = id;
      scores[n++] = this.total[id];
    }
    this.reset(touched);
    return { ids: ids.subarray(0, n), scores: scores.subarray(0, n) };
  }

  /** Adds up the query's weights into the scratch arrays; the documents touched, in first-seen order. */
  private accumulate(query: Bm25QueryTerm[]): number[] {
    const { total, part, matched, firstSeen } = this;
    const touched: number[] = [];
    const seenTerms = new Set<string>();
    for (const q of query) {
      const expansions = this.expansions(q);
      if (!expansions.length) continue;
      const first = !seenTerms.has(q.term);
      seenTerms.add(q.term);
      if (expansions.length === 1) {
        // One index term (the common case): its weight goes straight into the total.
        const { docs, weights } = this.postings.get(expansions[0].term) as Postings;
        const w = expansions[0].weight * q.boost;
        for (let i = 0; i < docs.length; i++) {
          const id = docs[i];
          if (firstSeen[id] < 0) {
            firstSeen[id] = touched.length;
            touched.push(id);
            total[id] = w * weights[i];
          } else total[id] += w * weights[i];
          if (first) matched[id]++;
        }
        continue;
      }
      // A prefix with several index terms: the query term's score for each document, as MiniSearch adds it
      // up, then into the total.
      const inThis: number[] = [];
      for (const { term, weight } of expansions) {
        const { docs, weights } = this.postings.get(term) as Postings;
        const w = weight * q.boost;
        for (let i = 0; i < docs.length; i++) {
          const id = docs[i];
          if (part[id] === 0) inThis.push(id);
          part[id] += w * weights[i];
        }
      }
      for (const id of inThis) {
        if (firstSeen[id] < 0) {
          firstSeen[id] = touched.length;
          touched.push(id);
          total[id] = part[id];
        } else total[id] += part[id];
        if (first) matched[id]++;
        part[id] = 0;
      }
    }
    // A document's score is its sum times the number of query terms it matched (MiniSearch's "quality").
    for (let i = 0; i < touched.length; i++) total[touched[i]] *= matched[touched[i]];
    return touched;
  }

  private reset(touched: number[]): void {
    for (const id of touched) {
      this.total[id] = 0;
      this.matched[id] = 0;
      this.firstSeen[id] = -1;
    }
  }

  /** The best `limit` of the touched documents, best first (ties: first seen first). */
  private best(touched: number[], limit: number, accept?: (id: number) => boolean): Bm25Hit[] {
    const { total: score, firstSeen } = this;
    const better = (x: number, y: number) => score[x] > score[y] || (score[x] === score[y] && firstSeen[x] < firstSeen[y]);
    // The best `limit` in a min-heap (the worst kept at the top), then in order.
    const heap: number[] = [];
    const down = (at: number) => {
      for (;;) {
        const l = 2 * at + 1;
        const r = l + 1;
        let worst = at;
        if (l < heap.length && better(heap[worst], heap[l])) worst = l;
        if (r < heap.length && better(heap[worst], heap[r])) worst = r;
        if (worst === at) return;
        const swap = heap[at];
        heap[at] = heap[worst];
        heap[worst] = swap;
        at = worst;
      }
    };
    const up = (at: number) => {
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!better(heap[parent], heap[at])) return;
        const swap = heap[at];
        heap[at] = heap[parent];
        heap[parent] = swap;
        at = parent;
      }
    };
    if (limit > 0) {
      for (let i = 0; i < touched.length; i++) {
        const id = touched[i];
        if (heap.length === limit && score[id] < score[heap[0]]) continue; // the common case, decided at once
        if (accept && !accept(id)) continue;
        if (heap.length < limit) {
          heap.push(id);
          up(heap.length - 1);
        } else if (better(id, heap[0])) {
          heap[0] = id;
          down(0);
        }
      }
    }
    const best = heap.sort((x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : 0));
    return best.map((id) => ({ id, score: score[id] }));
  }

}

/** Position of `value` in an ascending Int32Array, or -1. */
function indexOf(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
