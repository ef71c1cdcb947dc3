import { federationPhone } from "~/modules/site/contact-details";

/**
 * Constants the cinema pages and the domain share. No schema library here: pages import this file and it
 * reaches the browser (the booking flow's JavaScript budget).
 */
export const minTickets = 1;
/** The person and up to three companions. */
export const maxTickets = 4;
export const ticketChoices = [1, 2, 3, 4] as const;

/** What a party can ask for. `lowVision` steers the seat offer to the front rows; `wheelchair` to a wheelchair space. */
export const cinemaNeeds = ["guideDog", "wheelchair", "escort", "headset", "lowVision"] as const;
export type CinemaNeed = (typeof cinemaNeeds)[number];

/** A seat hold lasts this long and can be extended this many times (WCAG 2.2.1: warn and extend). */
export const holdMinutes = 10;
/** WCAG 2.2.1 asks for at least ten extensions; the caps on held seats (docs/security.md) keep holds from hoarding. */
export const maxHoldExtensions = 10;
/** The page warns (polite live region) this long before a hold ends. */
export const holdWarningSeconds = 120;

/** The Federation's number for questions about the cinema (site/contact-details.ts). */
export const cinemaPhone = federationPhone;

/** The booking draft's flow in flow_drafts (app/modules/cinema/drafts.server.ts); permanent. */
export const bookingFlowName = "cinema-booking";

/** Mainland mobile numbers, once read as typed (full-width digits, spaces, dashes, +86: normalisePhone). */
export const mobileNumberPattern = /^1[3-9]\d{9}$/;
export { normaliseMobile as normalisePhone } from "../privacy/numbers";

/** "guideDog,headset" ⇄ ["guideDog", "headset"]; unknown names are dropped. */
export function parseNeeds(value: string | null | undefined): CinemaNeed[] {
  if (!value) return [];
  const wanted = new Set(value.split(","));
  return cinemaNeeds.filter((n) => wanted.has(n));
}
export function serialiseNeeds(needs: readonly CinemaNeed[]): string {
  return cinemaNeeds.filter((n) => needs.includes(n)).join(",");
}
