import type { Transaction } from "kysely";
import { defaultLocale, isLocale } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import type { Database } from "../db/schema";
import { enqueueMessage } from "../messages/enqueue.server";
import type { CentreActivityTable } from "./tables";

type Row = Pick<CentreActivityTable, "title_zh" | "title_en" | "place_zh" | "place_en" | "starts_at" | "duration_minutes" | "status">;

/** What a staff edit means for the people signed up: nothing, a change of time or place, or a cancellation. */
export function activityChangeFor(before: Row, after: Row): "changed" | "cancelled" | null {
  if (before.status !== "published") return null;
  if (after.status === "cancelled") return "cancelled";
  if (after.status !== "published") return null;
  const moved = before.starts_at !== after.starts_at || Number(before.duration_minutes) !== Number(after.duration_minutes);
  const elsewhere = before.place_zh !== after.place_zh || before.place_en !== after.place_en;
  return moved || elsewhere ? "changed" : null;
}

/**
 * Tells everyone with a place or on the waiting list that the activity has moved (the new time and place) or is
 * cancelled: one message each, queued in the edit's own transaction, in the language they signed up in, to the
 * mobile they gave (never written into the text). Returns how many were queued.
 */
export async function queueActivityChange(
  trx: Transaction<Database>,
  activityId: string,
  change: "changed" | "cancelled",
  after: Row,
  now: Date,
): Promise<number> {
  const people = await trx
    .selectFrom("centre_signups")
    .select(["reference", "phone", "locale"])
    .where("activity_id", "=", activityId)
    .where("status", "in", ["confirmed", "waiting"])
    .orderBy("created_at")
    .execute();
  for (const person of people) {
    const locale = isLocale(person.locale) ? person.locale : defaultLocale;
    const en = locale === "en";
    await enqueueMessage(
      trx,
      {
        recipient: person.phone,
        locale,
        template: change === "cancelled" ? "activityCancelled" : "activityChanged",
        params: {
          reference: person.reference,
          activity: en ? after.title_en : after.title_zh,
          when: formatDateTime(after.starts_at, locale),
          place: en ? after.place_en : after.place_zh,
        },
        target: { type: "activity_signup", id: person.reference },
        managePath: "/activities/signup",
      },
      now,
    );
  }
  return people.length;
}
