import type { Kysely } from "kysely";
import { expireActivityOffers } from "../centre/index.server";
import { expireWaitingOffers } from "../cinema/index.server";
import { publishDueScheduled } from "../content/editorial.server";
import type { Database } from "../db/schema";
import { maskForLog } from "../privacy/log.server";

/**
 * The background work run at the start of every message-worker round (app/entry.server.tsx `beforeRound`): the
 * waiting-list offer sweeps of the cinema (seats) and of activities (places). Each moves run-out offers on to the
 * next person, so their texts go out in the same round; and the content console's scheduled publications that are due
 * (publishDueScheduled: exactly once across workers and instances, by a conditional claim of each request). One sweep
 * failing does not stop the others; each is retried on the next round. Returns how many offers each moved on and how
 * many documents were published.
 */
export async function sweepBackgroundJobs(
  db: Kysely<Database>,
  now: Date = new Date(),
  env: Record<string, string | undefined> = process.env,
): Promise<{ cinema: number; activities: number; published: number }> {
  const run = (name: string, sweep: () => Promise<number>) =>
    sweep().catch((error) => {
      console.error(`${name} sweep failed: ${maskForLog(error)}`);
      return 0;
    });
  const cinema = await run("cinema", () => expireWaitingOffers(db, now, env));
  const activities = await run("activity", () => expireActivityOffers(db, now, env));
  const published = await run("scheduled publication", async () => (await publishDueScheduled(db, now)).length);
  return { cinema, activities, published };
}
