import type { Transaction } from "kysely";
import { defaultLocale, isLocale } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import type { Database } from "../db/schema";
import { enqueueMessage } from "../messages/enqueue.server";

/**
 * A freed activity place passed to the first person waiting (activities.server.ts): they are told by text, in the
 * same transaction, in the language they signed up in: the activity, when, where, the reference, and that they need
 * do nothing unless they cannot come. (Activities keep moving the next person up at once rather than offering the
 * place with a deadline, as the cinema does: people asked for the place when they signed up, and a free session
 * is not lost because a text was read late.)
 */
export async function tellPlaceGiven(trx: Transaction<Database>, reference: string, now: Date): Promise<void> {
  const row = await trx
    .selectFrom("centre_signups as s")
    .innerJoin("centre_activities as a", "a.id", "s.activity_id")
    .select(["s.reference", "s.phone", "s.locale", "a.title_zh", "a.title_en", "a.place_zh", "a.place_en", "a.starts_at"])
    .where("s.reference", "=", reference)
    .executeTakeFirstOrThrow();
  const locale = isLocale(row.locale) ? row.locale : defaultLocale;
  const en = locale === "en";
  await enqueueMessage(
    trx,
    {
      recipient: row.phone,
      locale,
      template: "activityPlaceGiven",
      params: { reference: row.reference, activity: en ? row.title_en : row.title_zh, when: formatDateTime(row.starts_at, locale), place: en ? row.place_en : row.place_zh },
      target: { type: "activity_signup", id: row.reference },
      managePath: "/activities/signup",
    },
    now,
  );
}
