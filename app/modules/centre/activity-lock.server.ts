import type { Transaction } from "kysely";
import type { Database } from "../db/schema";
import { ActivityFull, Busy } from "./errors";

/**
 * The claim transaction of an activity's places (app/modules/shared/transaction-retry.server.ts, ADR 0003): every
 * sign-up, withdrawal, staff edit and offer answer locks the activity's row first (the engine's portable "lock this
 * activity"), so places are only ever handed out one writer at a time.
 */
const lockActivity = (activityId: string) => async (trx: Transaction<Database>) => {
  await trx
    .updateTable("centre_activities")
    .set((eb) => ({ updated_at: eb.ref("updated_at") }))
    .where("id", "=", activityId)
    .execute();
};

export const claimOptions = (activityId: string) => ({
  lock: lockActivity(activityId),
  onGiveUp: (): never => {
    throw new ActivityFull();
  },
  onBusy: (): never => {
    throw new Busy();
  },
});

/** The lowest free place of an activity (1..capacity), or null. */
export async function freePlace(trx: Transaction<Database>, activityId: string, capacity: number): Promise<number | null> {
  return (await freePlaces(trx, activityId, capacity))[0] ?? null;
}

/** Every free place of an activity (1..capacity), lowest first. */
export async function freePlaces(trx: Transaction<Database>, activityId: string, capacity: number): Promise<number[]> {
  const taken = await trx.selectFrom("centre_activity_places").select("place_no").where("activity_id", "=", activityId).execute();
  const used = new Set(taken.map((t) => Number(t.place_no)));
  const free: number[] = [];
  for (let n = 1; n <= capacity; n++) if (!used.has(n)) free.push(n);
  return free;
}
