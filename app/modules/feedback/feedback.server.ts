import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { maskContact, maskPersonalData } from "../privacy/mask";
import { makeReference } from "~/modules/shared/reference";
import type { Locale } from "~/i18n/config";
import type { FeedbackStatus } from "./feedback-constants";
import { normaliseContact, type FeedbackInput } from "./feedback-schema";
import { withAudit, type Actor } from "../staff/audit.server";


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
          contact: input.contact ? normaliseContact(input.contact) : null,
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

/** A message opened by staff: its contact details are shown in full, so the view is audited (undefined: no such message). */
export async function openFeedback(db: Kysely<Database>, actor: Actor, reference: string, now = new Date()) {
  return withAudit(db, actor, (trx) => findFeedback(trx, reference), (item) => (item ? { action: "feedback.view", targetType: "feedback", targetId: item.reference } : null), now);
}


/** The staff inbox: newest first, optionally one status, paginated. Contact details are masked here. */
export async function listFeedback(db: Kysely<Database>, options: { status?: FeedbackStatus; page?: number; pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? 20;
  const page = Math.max(1, options.page ?? 1);
  let query = db.selectFrom("feedback");
  if (options.status) query = query.where("status", "=", options.status);
  const { count } = await query.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const rows = await query
    .select(["reference", "topic", "message", "contact", "status", "created_at"])
    .orderBy("created_at", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      reference: r.reference,
      topic: r.topic,
      excerpt: maskPersonalData(r.message.length > 60 ? `${r.message.slice(0, 60)}…` : r.message).text,
      contact: r.contact ? maskContact(r.contact) : null,
      status: r.status,
      createdAt: r.created_at,
    })),
    total: Number(count),
    page,
    pageCount: Math.max(1, Math.ceil(Number(count) / pageSize)),
  };
}

export async function countNewFeedback(db: Kysely<Database>): Promise<number> {
  const { count } = await db
    .selectFrom("feedback")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("status", "=", "new")
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Staff set a message's status and reply; the change is audited in its transaction (false: no such message). */
export async function updateFeedback(
  db: Kysely<Database>,
  actor: Actor,
  reference: string,
  changes: { status: FeedbackStatus; reply: string | null },
  now = new Date(),
): Promise<boolean> {
  const change = async (trx: Kysely<Database>) => {
    const result = await trx
      .updateTable("feedback")
      .set({ status: changes.status, reply: changes.reply, updated_at: now.toISOString() })
      .where("reference", "=", reference)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  };
  return withAudit(db, actor, change, (updated) => (updated ? { action: "feedback.update", targetType: "feedback", targetId: reference, detail: changes.status } : null), now);
}
