import { quietHoursEnd, quietHoursFromEnv } from "../messages/quiet-hours";

/**
 * How long a waiting-list offer holds what it offers (the cinema's seats, an activity's place): one setting,
 * OFFER_HOLD_HOURS, for both (issue 17, item 4).
 */
type Env = Record<string, string | undefined>;

export const defaultOfferHoldHours = 24;

/** OFFER_HOLD_HOURS: how long an offer holds (a positive number of hours; anything else is the default). */
export function offerHoldHours(env: Env = process.env): number {
  const value = Number(env.OFFER_HOLD_HOURS?.trim() || NaN);
  return Number.isFinite(value) && value > 0 ? value : defaultOfferHoldHours;
}

/**
 * When an offer made at `now` runs out: the hold time counted from when its text can be sent (after SMS quiet
 * hours), never past `cutoff` (an ISO time: the screening's booking cut-off, the activity's start).
 */
export function offerExpiry(now: Date, cutoff: string, env: Env = process.env): string {
  const quiet = quietHoursFromEnv(env);
  const from = quiet ? quietHoursEnd(now, quiet) ?? now : now;
  const end = new Date(from.getTime() + offerHoldHours(env) * 3600_000).toISOString();
  return end < cutoff ? end : cutoff;
}

/** What an offer link carries: the reference of the waiting person's record (entry, sign-up) and the offer's secret token. */
export interface OfferLinkKey {
  reference: string;
  token: string;
}
