import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { makeReference } from "../shared/reference";
import type { Locale } from "~/i18n/config";
import type { FeedbackInput } from "./feedback-schema";

function normaliseContact(contact: string | undefined): string | null {
  if (!contact) return null;
  return contact.includes("@") ? contact.trim() : contact.replace(/[\s-]/g, "");
}

/** Stores a message and returns its reference (意见 → "YJ"). Retries on the rare reference collision. */
export async function submitFeedback(
  db: Kysely<Database>,
  input: FeedbackInput,
  locale: Locale,
  now: Date = new Date(),
): Promise<{ reference: string }> {
  for (let attempt = 0; ; attempt++) {
    const reference = makeReference("YJ");
    try {
      await db
        .insertInto("feedback")
        .values({
          reference,
          topic: input.topic,
          message: input.message,
          name: input.name || null,
          contact: normaliseContact(input.contact),
          locale,
          created_at: now.toISOString(),
        })
        .execute();
      return { reference };
    } catch (error) {
      if (attempt < 3 && /unique|duplicate/i.test(String(error))) continue;
      throw error;
    }
  }
}

export async function findFeedback(db: Kysely<Database>, reference: string) {
  return db.selectFrom("feedback").selectAll().where("reference", "=", reference).executeTakeFirst();
}
