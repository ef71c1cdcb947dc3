import type { PlanSeat } from "./seat-allocation";

/**
 * The seat plan of the 粤北区域中心 盲人电影院 as seeded. The real plan is not verified: this is a plausible
 * small hall of 60 places — 6 rows of 10, an aisle along each side wall (seats 1 and 10 are aisle seats),
 * rows 1–2 marked for low vision (closest to the screen and the speakers' centre), and two wheelchair spaces
 * at the ends of the back row (level access from the side aisles), each with a companion seat beside it.
 * Staff can correct it later; seat ids are stable ("r3s5").
 */
export const hallRows = 6;
export const seatsPerRow = 10;

export function hallPlan(): PlanSeat[] {
  const seats: PlanSeat[] = [];
  for (let row = 1; row <= hallRows; row++) {
    for (let number = 1; number <= seatsPerRow; number++) {
      const backRow = row === hallRows;
      seats.push({
        id: `r${row}s${number}`,
        row,
        number,
        aisle: number === 1 || number === seatsPerRow,
        wheelchair: backRow && (number === 1 || number === seatsPerRow),
        companion: backRow && (number === 2 || number === seatsPerRow - 1),
        lowVision: row <= 2,
      });
    }
  }
  return seats;
}
