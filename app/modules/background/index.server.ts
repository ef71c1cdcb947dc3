import type { Kysely } from "kysely";
import { expireActivityOffers } from "../centre/index.server";
import { expireWaitingOffers } from "../cinema/index.server";
import type { Database } from "../db/schema";
import { maskForLog } from "../privacy/log.server";

/**
 * The background work run at the start of every message-worker round (app/entry.server.tsx `beforeRound`): the
 * waiting-list offer sweeps of the cinema (seats) and of activities (places). Each moves run-out offers on to the
 * next person, so their texts go out in the same round. One sweep failing does not stop the other; both are retried
 * on the next round. Returns how many offers each moved on.
 */
export async function sweepOffers(db: Kysely<Database>, now: Date = new Date(), env: Record<string, string | undefined> = process.env): Promise<{ cinema: number; activities: number }> {
  const run = (name: string, sweep: () => Promise<number>) =>
    sweep().catch((error) => {
      console.error(`${name} offer sweep failed: ${maskForLog(error)}`);
      return 0;
    });
  const cinema = await run("cinema", () => expireWaitingOffers(db, now, env));
  const activities = await run("activity", () => expireActivityOffers(db, now, env));
  return { cinema, activities };
}
