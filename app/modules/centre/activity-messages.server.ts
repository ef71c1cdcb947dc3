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

type Person = { reference: string; phone: string; locale: string };

/** One text about an activity to one person signed up, in the language they signed up in, to the mobile they gave. */
async function queueSignupMessage(
  trx: Transaction<Database>,
  person: Person,
  template: "activityChanged" | "activityCancelled" | "activityOffer",
  activity: Pick<Row, "title_zh" | "title_en" | "place_zh" | "place_en" | "starts_at">,
  now: Date,
  offer?: { until: string; path: string },
  env?: Record<string, string | undefined>,
): Promise<void> {
  const locale = isLocale(person.locale) ? person.locale : defaultLocale;
  const en = locale === "en";
  await enqueueMessage(
    trx,
    {
      recipient: person.phone,
      locale,
      template,
      params: {
        reference: person.reference,
        activity: en ? activity.title_en : activity.title_zh,
        when: formatDateTime(activity.starts_at, locale),
        place: en ? activity.place_en : activity.place_zh,
        ...(offer ? { until: formatDateTime(offer.until, locale) } : {}),
      },
      target: { type: "activity_signup", id: person.reference },
      managePath: offer?.path ?? "/activities/signup",
    },
    now,
    env,
  );
}

/**
 * Tells everyone with a place or on the waiting list that the activity has moved (the new time and place) or is
 * cancelled: one message each, queued in the edit's own transaction (the phone is never written into the text).
 * Returns how many were queued.
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
    .where("status", "in", ["confirmed", "offered", "waiting"])
    .orderBy("created_at")
    .execute();
  for (const person of people) await queueSignupMessage(trx, person, change === "cancelled" ? "activityCancelled" : "activityChanged", after, now);
  return people.length;
}

/**
 * A freed activity place is offered to the first person waiting (activity-offers.server.ts): they are texted in the
 * same transaction the activity, when, where, until when the place is held, their reference and the link to accept
 * or decline it (`path`, /activities/offer/<reference>/<token>). The phone is never written into the text.
 */
export async function tellPlaceOffered(trx: Transaction<Database>, reference: string, offer: { until: string; path: string }, now: Date, env?: Record<string, string | undefined>): Promise<void> {
  const row = await trx
    .selectFrom("centre_signups as s")
    .innerJoin("centre_activities as a", "a.id", "s.activity_id")
    .select(["s.reference", "s.phone", "s.locale", "a.title_zh", "a.title_en", "a.place_zh", "a.place_en", "a.starts_at"])
    .where("s.reference", "=", reference)
    .executeTakeFirstOrThrow();
  await queueSignupMessage(trx, row, "activityOffer", row, now, offer, env);
}
