/** "offered": seats are held for them now (offers.server.ts); "declined" / "expired": they said no, or let the offer run out. */
export type WaitingStatus = "waiting" | "offered" | "booked" | "declined" | "expired" | "withdrawn";

/** Statuses only an offer itself sets (seats held and a link sent; the link ran out); staff record the others. */
export const systemSetStatuses: readonly WaitingStatus[] = ["offered", "expired"];

/** What the staff waiting-list page offers to set an entry to: its status now, then the outcomes staff record. */
export function staffStatusChoices(current: WaitingStatus): WaitingStatus[] {
  const recorded: WaitingStatus[] = ["waiting", "booked", "declined", "withdrawn"];
  return recorded.includes(current) ? recorded : [current, ...recorded];
}
