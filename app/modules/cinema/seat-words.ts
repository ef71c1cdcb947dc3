/**
 * Seats told in words, the way a person at the box office would say them, for the page, the API, the
 * calendar file and the ticket: zh "第3排5号、6号，靠近过道", en "Row 3, seats 5 and 6, next to the aisle".
 * Pure and free of any library, so pages may use it too.
 */
import type { AllocationKind } from "./seat-allocation";

export interface WordSeat {
  row: number;
  number: number;
  aisle?: boolean;
  wheelchair?: boolean;
  companion?: boolean;
}

type Lang = "zh-CN" | "en";

/** The API's seat label (docs/contracts.md): "3排5座". */
export function seatCode(seat: { row: number; number: number }): string {
  return `${seat.row}排${seat.number}座`;
}

function enList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function seatNote(seat: WordSeat, lang: Lang): string {
  if (seat.wheelchair) return lang === "en" ? " (wheelchair space)" : "（轮椅位）";
  if (seat.companion) return lang === "en" ? " (companion seat)" : "（陪同座）";
  return "";
}

/** "第3排5号、6号；第4排5号" / "Row 3, seats 5 and 6; row 4, seat 5". */
export function seatList(seats: WordSeat[], lang: Lang): string {
  const sorted = [...seats].sort((a, b) => a.row - b.row || a.number - b.number);
  const rows = [...new Set(sorted.map((s) => s.row))];
  const parts = rows.map((row, i) => {
    const inRow = sorted.filter((s) => s.row === row);
    if (lang === "en") {
      const numbers = inRow.map((s) => `${s.number}${seatNote(s, lang)}`);
      const noun = inRow.length === 1 ? "seat" : "seats";
      return `${i === 0 ? "Row" : "row"} ${row}, ${noun} ${enList(numbers)}`;
    }
    return `第${row}排${inRow.map((s) => `${s.number}号${seatNote(s, lang)}`).join("、")}`;
  });
  return parts.join(lang === "en" ? "; " : "；");
}

/**
 * The offer in one sentence: the seats, whether they are by the aisle or in the front rows, and — when the
 * party could not sit together — how they are split.
 */
export function describeSeats(
  seats: WordSeat[],
  lang: Lang,
  options: { kind?: AllocationKind; frontRows?: boolean } = {},
): string {
  const notes: string[] = [];
  if (seats.some((s) => s.aisle)) notes.push(lang === "en" ? "next to the aisle" : "靠近过道");
  if (options.frontRows) notes.push(lang === "en" ? "in the front rows for low vision" : "在低视力优先的前排");
  const split: Record<AllocationKind, [string, string]> = {
    together: ["", ""],
    sameRow: ["同一排，但没有全部相邻", "in one row but not all side by side"],
    adjacentRows: ["没有足够的相邻座位，分在前后相邻的两排", "not enough seats together, so split across two neighbouring rows"],
    scattered: ["座位分散，不能坐在一起", "the seats are apart, not together"],
  };
  const splitNote = options.kind ? split[options.kind][lang === "en" ? 1 : 0] : "";
  if (lang === "en") {
    const text = [seatList(seats, lang), ...notes].join(", ");
    return splitNote ? `${text} (${splitNote})` : text;
  }
  const text = [seatList(seats, lang), ...notes].join("，");
  return splitNote ? `${text}（${splitNote}）` : text;
}
