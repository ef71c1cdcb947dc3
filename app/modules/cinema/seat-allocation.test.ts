import { describe, expect, it } from "vitest";
import { allocateSeats, countAvailable, type PlanSeat } from "./seat-allocation";
import { describeSeats, seatCode } from "./seat-words";
import { hallPlan } from "./hall-plan";

/** A plain hall: `rows` × `perRow`, aisles at both ends of every row. */
function plainHall(rows: number, perRow: number, extra: (s: PlanSeat) => Partial<PlanSeat> = () => ({})): PlanSeat[] {
  const seats: PlanSeat[] = [];
  for (let row = 1; row <= rows; row++) {
    for (let number = 1; number <= perRow; number++) {
      const seat: PlanSeat = {
        id: `${row}-${number}`,
        row,
        number,
        aisle: number === 1 || number === perRow,
        wheelchair: false,
        companion: false,
        lowVision: false,
      };
      seats.push({ ...seat, ...extra(seat) });
    }
  }
  return seats;
}
const ids = (a: ReturnType<typeof allocateSeats>) => (a.ok ? a.seats.map((s) => s.id) : []);
const allBut = (plan: PlanSeat[], free: string[]) => new Set(plan.map((s) => s.id).filter((id) => !free.includes(id)));

describe("best available seats together", () => {
  it("puts a party side by side in the middle of the middle row of an empty hall", () => {
    const plan = plainHall(5, 10);
    const result = allocateSeats(plan, new Set(), { count: 2 });
    expect(result).toMatchObject({ ok: true, kind: "together" });
    expect(ids(result)).toEqual(["3-5", "3-6"]);
    const four = allocateSeats(plan, new Set(), { count: 4 });
    expect(ids(four)).toEqual(["3-4", "3-5", "3-6", "3-7"]);
  });

  it("prefers a block together over better single seats", () => {
    const plan = plainHall(5, 10);
    // Row 3 has only seats 5 and 7 free around the centre; row 2 has a free block of three.
    const taken = allBut(plan, ["3-5", "3-7", "2-2", "2-3", "2-4"]);
    const result = allocateSeats(plan, taken, { count: 3 });
    expect(result).toMatchObject({ ok: true, kind: "together" });
    expect(ids(result)).toEqual(["2-2", "2-3", "2-4"]);
  });

  it("uses aisle access as the tie-breaker between equally good blocks", () => {
    // Aisle only on the left of each row (a wall on the right).
    const plan = plainHall(3, 10, (s) => ({ aisle: s.number === 1 }));
    const taken = allBut(plan, ["2-1", "2-2", "2-9", "2-10"]);
    const result = allocateSeats(plan, taken, { count: 2 });
    expect(ids(result)).toEqual(["2-1", "2-2"]);
    expect(result.ok && result.nextToAisle).toBe(true);
  });

  it("gives a wheelchair user the wheelchair space with the companion seat beside it", () => {
    const plan = hallPlan().map((s) => ({ ...s }));
    const result = allocateSeats(plan, new Set(), { count: 2, wheelchair: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [a, b] = result.seats;
    expect(result.seats.filter((s) => s.wheelchair)).toHaveLength(1);
    expect(a.row).toBe(b.row);
    expect(Math.abs(a.number - b.number)).toBe(1);
    expect(result.seats.find((s) => !s.wheelchair)?.companion).toBe(true);
    expect(describeSeats(result.seats, "zh-CN", { kind: result.kind })).toMatch(/第6排\d+号（轮椅位）、\d+号（陪同座）|第6排\d+号（陪同座）、\d+号（轮椅位）/);
  });

  it("seats the party beside the wheelchair space, and says so when it has to split", () => {
    const plan = hallPlan();
    // One companion seat gone: the other wheelchair space and its companion seat are used.
    const one = allocateSeats(plan, new Set(["r6s2"]), { count: 3, wheelchair: true });
    expect(ids(one)).toEqual(["r6s8", "r6s9", "r6s10"]);
    // Both companion seats gone: still the wheelchair space, the party in the same row, told as a split.
    const both = allocateSeats(plan, new Set(["r6s2", "r6s9"]), { count: 3, wheelchair: true });
    expect(both).toMatchObject({ ok: true, kind: "sameRow" });
    expect(both.ok && both.seats.filter((s) => s.wheelchair)).toHaveLength(1);
  });

  it("never gives a wheelchair space to someone who did not ask, and says when none is left", () => {
    const plan = hallPlan();
    const spaces = plan.filter((s) => s.wheelchair);
    const onlySpacesFree = allBut(plan, spaces.map((s) => s.id));
    expect(allocateSeats(plan, onlySpacesFree, { count: 1 })).toMatchObject({ ok: false, reason: "notEnoughSeats" });
    expect(allocateSeats(plan, new Set(spaces.map((s) => s.id)), { count: 2, wheelchair: true })).toMatchObject({
      ok: false,
      reason: "noWheelchairSpace",
    });
  });

  it("keeps companion seats for wheelchair users while other seats are left", () => {
    const plan = hallPlan();
    const result = allocateSeats(plan, new Set(), { count: 4 });
    expect(result.ok && result.seats.some((s) => s.companion || s.wheelchair)).toBe(false);
  });

  it("puts a low-vision party in the front rows", () => {
    const plan = hallPlan();
    const result = allocateSeats(plan, new Set(), { count: 2, lowVision: true });
    expect(result).toMatchObject({ ok: true, kind: "together", inLowVisionRows: true });
    expect(result.ok && result.seats[0].row).toBe(1);
  });

  it("falls back to the nearest split in the same row and says so", () => {
    const plan = plainHall(1, 10);
    // Free: 2, 4, 5, 8 — no block of three.
    const result = allocateSeats(plan, allBut(plan, ["1-2", "1-4", "1-5", "1-8"]), { count: 3 });
    expect(result).toMatchObject({ ok: true, kind: "sameRow" });
    expect(ids(result)).toEqual(["1-2", "1-4", "1-5"]);
    expect(result.ok && describeSeats(result.seats, "zh-CN", { kind: result.kind })).toBe(
      "第1排2号、4号、5号（同一排，但没有全部相邻）",
    );
  });

  it("splits across neighbouring rows when one row has no room (fragmentation)", () => {
    const plan = plainHall(4, 10);
    // Rows 2 and 3 have two seats each in the middle; nothing else is free.
    const taken = allBut(plan, ["2-5", "2-6", "3-5", "3-6"]);
    const result = allocateSeats(plan, taken, { count: 4 });
    expect(result).toMatchObject({ ok: true, kind: "adjacentRows" });
    expect(ids(result)).toEqual(["2-5", "2-6", "3-5", "3-6"]);
    expect(result.ok && describeSeats(result.seats, "en", { kind: result.kind })).toBe(
      "Row 2, seats 5 and 6; row 3, seats 5 and 6 (not enough seats together, so split across two neighbouring rows)",
    );
  });

  it("as a last resort gives the best seats wherever they are", () => {
    const plan = plainHall(5, 10);
    const result = allocateSeats(plan, allBut(plan, ["1-1", "3-10", "5-5"]), { count: 3 });
    expect(result).toMatchObject({ ok: true, kind: "scattered" });
    expect(ids(result).sort()).toEqual(["1-1", "3-10", "5-5"]);
  });

  it("reports none left (and how many are) instead of inventing seats", () => {
    const plan = plainHall(2, 4);
    const taken = allBut(plan, ["1-1", "2-4"]);
    expect(allocateSeats(plan, taken, { count: 3 })).toEqual({ ok: false, reason: "notEnoughSeats", available: 2 });
    expect(allocateSeats(plan, new Set(plan.map((s) => s.id)), { count: 1 })).toEqual({
      ok: false,
      reason: "notEnoughSeats",
      available: 0,
    });
    expect(countAvailable(plan, taken)).toBe(2);
  });

  it("never returns a taken seat or the same seat twice (random halls)", () => {
    const plan = plainHall(6, 10);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const taken = new Set(plan.filter(() => random() < 0.7).map((s) => s.id));
      const count = 1 + Math.floor(random() * 4);
      const result = allocateSeats(plan, taken, { count });
      const free = plan.length - taken.size;
      if (free < count) {
        expect(result.ok).toBe(false);
        continue;
      }
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.seats).toHaveLength(count);
      expect(new Set(result.seats.map((s) => s.id)).size).toBe(count);
      expect(result.seats.some((s) => taken.has(s.id))).toBe(false);
    }
  });
});

describe("seats in words", () => {
  const seats = [
    { row: 3, number: 6, aisle: false },
    { row: 3, number: 5, aisle: true },
  ];
  it("reads like the box office in Chinese and English", () => {
    expect(describeSeats(seats, "zh-CN", { kind: "together" })).toBe("第3排5号、6号，靠近过道");
    expect(describeSeats(seats, "en", { kind: "together" })).toBe("Row 3, seats 5 and 6, next to the aisle");
    expect(describeSeats([{ row: 1, number: 4 }], "en")).toBe("Row 1, seat 4");
    expect(describeSeats([{ row: 2, number: 3 }, { row: 2, number: 4 }, { row: 2, number: 5 }], "en")).toBe(
      "Row 2, seats 3, 4 and 5",
    );
  });
  it("labels seats for the API as 3排5座", () => {
    expect(seatCode({ row: 3, number: 5 })).toBe("3排5座");
  });
});
