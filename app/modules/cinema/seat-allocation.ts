/**
 * "Best available seats together" (pure; no database). Given a hall plan, the seats already taken and a party,
 * picks seats the way a good box-office clerk would:
 *
 * 1. a contiguous block in one row, closest to the middle rows and the centre of the row, aisle access as
 *    the tie-breaker;
 * 2. a wheelchair space with a member of the party beside it (a companion seat when there is one) when asked;
 *    wheelchair spaces are never given to anyone else, companion seats only when nothing else is left;
 * 3. the front rows marked for low vision when asked (the whole party there if possible, then nearest the front);
 * 4. when no block is free: the nearest split in the same row, then across two neighbouring rows, and as a last
 *    resort the best seats wherever they are — and the result says which (`kind`), so the page can tell.
 */

export interface PlanSeat {
  id: string;
  row: number;
  number: number;
  aisle: boolean;
  wheelchair: boolean;
  companion: boolean;
  lowVision: boolean;
}

export interface AllocationRequest {
  /** People in the party, 1–4. */
  count: number;
  wheelchair?: boolean;
  lowVision?: boolean;
}

export type AllocationKind = "together" | "sameRow" | "adjacentRows" | "scattered";

export type Allocation =
  | {
      ok: true;
      kind: AllocationKind;
      /** Sorted by row, then number. */
      seats: PlanSeat[];
      nextToAisle: boolean;
      /** Every seat is in a row marked for low vision. */
      inLowVisionRows: boolean;
    }
  | { ok: false; reason: "notEnoughSeats" | "noWheelchairSpace"; available: number };

const kindRank: Record<AllocationKind, number> = { together: 0, sameRow: 1, adjacentRows: 2, scattered: 3 };

export function sortSeats<T extends { row: number; number: number }>(seats: T[]): T[] {
  return [...seats].sort((a, b) => a.row - b.row || a.number - b.number);
}

/** Seats people other than wheelchair users can be given (wheelchair spaces have no chair). */
export function isBookableSeat(seat: PlanSeat, wheelchairRequest: boolean): boolean {
  return wheelchairRequest || !seat.wheelchair;
}

/** How many places are free for a request of this kind (for "N seats left" and SoldOut). */
export function countAvailable(plan: PlanSeat[], taken: ReadonlySet<string>, request: Pick<AllocationRequest, "wheelchair"> = {}): number {
  const free = plan.filter((s) => !taken.has(s.id));
  if (!request.wheelchair) return free.filter((s) => !s.wheelchair).length;
  const spaces = free.filter((s) => s.wheelchair).length;
  return spaces === 0 ? 0 : free.filter((s) => !s.wheelchair).length + 1;
}

/** n-element combinations of `items` (n ≤ 4 and small pools: at most a few thousand). */
function* combinations<T>(items: T[], n: number, start = 0, prefix: T[] = []): Generator<T[]> {
  if (prefix.length === n) {
    yield prefix;
    return;
  }
  for (let i = start; i <= items.length - (n - prefix.length); i++) {
    yield* combinations(items, n, i + 1, [...prefix, items[i]]);
  }
}

/** Runs of consecutive seat numbers within each row. */
function runCount(seats: PlanSeat[]): number {
  const sorted = sortSeats(seats);
  let runs = 0;
  sorted.forEach((s, i) => {
    const prev = sorted[i - 1];
    if (!prev || prev.row !== s.row || prev.number !== s.number - 1) runs++;
  });
  return runs;
}

export function allocateSeats(plan: PlanSeat[], taken: ReadonlySet<string>, request: AllocationRequest): Allocation {
  const n = Math.floor(request.count);
  const wantsWheelchair = Boolean(request.wheelchair);
  const wantsLowVision = Boolean(request.lowVision);
  const available = countAvailable(plan, taken, { wheelchair: wantsWheelchair });
  if (!(n >= 1)) return { ok: false, reason: "notEnoughSeats", available };

  const free = plan.filter((s) => !taken.has(s.id));
  if (wantsWheelchair && !free.some((s) => s.wheelchair)) {
    return { ok: false, reason: "noWheelchairSpace", available };
  }
  if (available < n) return { ok: false, reason: "notEnoughSeats", available };

  // Geometry of the hall: the ideal row (the middle, or the front for low vision) and each row's centre.
  const rows = [...new Set(plan.map((s) => s.row))].sort((a, b) => a - b);
  const idealRow = wantsLowVision ? rows[0] : (rows[0] + rows[rows.length - 1]) / 2;
  const rowCentre = new Map<number, number>();
  for (const row of rows) {
    const numbers = plan.filter((s) => s.row === row).map((s) => s.number);
    rowCentre.set(row, (Math.min(...numbers) + Math.max(...numbers)) / 2);
  }
  const seatCost = (s: PlanSeat) => 2 * Math.abs(s.row - idealRow) + Math.abs(s.number - (rowCentre.get(s.row) ?? s.number));

  const pool = free.filter((s) => isBookableSeat(s, wantsWheelchair));
  const byRow = new Map<number, PlanSeat[]>();
  for (const s of sortSeats(pool)) byRow.set(s.row, [...(byRow.get(s.row) ?? []), s]);

  /** A set is valid when it holds exactly one wheelchair space for a wheelchair request, none otherwise. */
  const valid = (set: PlanSeat[]) => set.filter((s) => s.wheelchair).length === (wantsWheelchair ? 1 : 0);

  type Scored = { set: PlanSeat[]; kind: AllocationKind; key: number[] };
  const score = (set: PlanSeat[], kind: AllocationKind): Scored => {
    const sorted = sortSeats(set);
    const space = sorted.find((s) => s.wheelchair);
    const besideSpace = space
      ? sorted.filter((s) => s !== space && s.row === space.row && Math.abs(s.number - space.number) === 1)
      : [];
    const rowsUsed = [...new Set(sorted.map((s) => s.row))];
    const spread = rowsUsed.reduce((sum, row) => {
      const numbers = sorted.filter((s) => s.row === row).map((s) => s.number);
      return sum + (Math.max(...numbers) - Math.min(...numbers) + 1 - numbers.length);
    }, 0);
    const centres = rowsUsed.map((row) => {
      const numbers = sorted.filter((s) => s.row === row).map((s) => s.number);
      return (Math.min(...numbers) + Math.max(...numbers)) / 2;
    });
    const misalignment = centres.length > 1 ? Math.abs(centres[0] - centres[1]) : 0;
    const position = Math.round((sorted.reduce((sum, s) => sum + seatCost(s), 0) / sorted.length) * 1000) / 1000;
    const key = [
      wantsLowVision && !sorted.every((s) => s.lowVision) ? 1 : 0,
      kindRank[kind],
      // A wheelchair user's party sits beside them; a companion seat there is better still.
      space && n > 1 ? (besideSpace.length ? 0 : 1) : 0,
      space && n > 1 ? (besideSpace.some((s) => s.companion) ? 0 : 1) : 0,
      // Companion seats are kept for wheelchair users' companions while other seats are left.
      wantsWheelchair ? 0 : sorted.filter((s) => s.companion).length,
      runCount(sorted),
      spread + misalignment,
      position,
      sorted.some((s) => s.aisle) ? 0 : 1,
      sorted[0].row,
      sorted[0].number,
    ];
    return { set: sorted, kind, key };
  };
  const better = (a: Scored, b: Scored | undefined) => {
    if (!b) return true;
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] < b.key[i];
    return false;
  };

  let best: Scored | undefined;
  const consider = (set: PlanSeat[], kind: AllocationKind) => {
    if (!valid(set)) return;
    const scored = score(set, kind);
    if (better(scored, best)) best = scored;
  };

  // 1. Contiguous blocks in one row.
  for (const seats of byRow.values()) {
    for (let i = 0; i + n <= seats.length; i++) {
      const block = seats.slice(i, i + n);
      if (block[n - 1].number - block[0].number === n - 1) consider(block, "together");
    }
  }
  // 2. Split within one row; 3. split across two neighbouring rows. Pools are trimmed to the seats nearest
  //    the centre so a large hall stays cheap (n ≤ 4).
  const nearest = (seats: PlanSeat[], limit: number) =>
    [...seats].sort((a, b) => seatCost(a) - seatCost(b) || Number(b.wheelchair) - Number(a.wheelchair)).slice(0, limit);
  const lowVisionSatisfied = () => best !== undefined && best.key[0] === 0;
  if (!best || (wantsLowVision && !lowVisionSatisfied())) {
    for (const seats of byRow.values()) {
      for (const set of combinations(nearest(seats, 12), n)) consider(set, runCount(set) === 1 ? "together" : "sameRow");
    }
  }
  if (!best || (wantsLowVision && !lowVisionSatisfied())) {
    for (let r = 0; r + 1 < rows.length; r++) {
      const a = nearest(byRow.get(rows[r]) ?? [], 8);
      const b = nearest(byRow.get(rows[r + 1]) ?? [], 8);
      for (const set of combinations([...a, ...b], n)) {
        if (set.some((s) => s.row === rows[r]) && set.some((s) => s.row === rows[r + 1])) consider(set, "adjacentRows");
      }
    }
  }
  // 4. Anywhere: the best single seats (the wheelchair space first for a wheelchair request).
  if (!best) {
    const ordered = [...pool].sort((x, y) => seatCost(x) - seatCost(y));
    const space = wantsWheelchair ? ordered.find((s) => s.wheelchair) : undefined;
    const others = ordered.filter((s) => !s.wheelchair);
    const set = space ? [space, ...others.slice(0, n - 1)] : others.slice(0, n);
    if (set.length === n) consider(set, "scattered");
  }
  if (!best) return { ok: false, reason: "notEnoughSeats", available };

  return {
    ok: true,
    kind: best.kind,
    seats: best.set,
    nextToAisle: best.set.some((s) => s.aisle),
    inLowVisionRows: best.set.every((s) => s.lowVision),
  };
}
