import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { maskContact, maskPersonalData } from "../privacy/mask";
import { makeReference } from "~/modules/shared/reference";
import { defaultLocale, isLocale, type Locale } from "~/i18n/config";
import { enqueueMessage } from "../messages/enqueue.server";
import { latestStatusByTarget } from "../messages/outbox.server";
import type { FeedbackStatus, FeedbackTopic } from "./feedback-constants";
import { normaliseContact, type FeedbackInput } from "./feedback-schema";
import { selfServiceActor, withAudit, type Actor } from "../staff/audit.server";
import { withdrawalAudit, withdrawOutcome, type WithdrawalState, type WithdrawOutcome } from "~/modules/shared/withdrawal";
import { normaliseReference } from "~/modules/shared/reference";
import { sameSecret } from "~/modules/security/same-secret.server";
import { FeedbackNotFound } from "./errors";


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


/** The staff inbox: newest first, optionally one status, paginated, with the reply's delivery. Contact details are masked here. */
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
  const delivery = await latestStatusByTarget(db, "feedback", rows.map((r) => r.reference));
  return {
    items: rows.map((r) => ({
      reference: r.reference,
      topic: r.topic,
      excerpt: maskPersonalData(r.message.length > 60 ? `${r.message.slice(0, 60)}…` : r.message).text,
      contact: r.contact ? maskContact(r.contact) : null,
      status: r.status,
      createdAt: r.created_at,
      /** The newest reply message's delivery status, null when no reply was sent. */
      replyDelivery: delivery.get(r.reference) ?? null,
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

/**
 * Staff update a message's status and reply, audited in the same transaction. A new or changed reply is sent to the
 * person when they left a contact: the message is queued in that transaction too (app/modules/messages), in the
 * language they wrote in. Returns whether the message exists and whether a reply was queued.
 */
export async function updateFeedback(
  db: Kysely<Database>,
  actor: Actor,
  reference: string,
  changes: { status: FeedbackStatus; reply: string | null },
  now = new Date(),
): Promise<{ updated: boolean; replyQueued: boolean }> {
  const change = async (trx: Kysely<Database>) => {
    const before = await trx.selectFrom("feedback").select(["contact", "locale", "reply"]).where("reference", "=", reference).executeTakeFirst();
    if (!before) return { updated: false, replyQueued: false };
    await trx
      .updateTable("feedback")
      .set({ status: changes.status, reply: changes.reply, updated_at: now.toISOString() })
      .where("reference", "=", reference)
      .execute();
    const replyChanged = Boolean(changes.reply) && changes.reply !== (before.reply ?? null);
    if (!replyChanged || !before.contact) return { updated: true, replyQueued: false };
    await enqueueMessage(
      trx,
      {
        recipient: before.contact,
        locale: isLocale(before.locale) ? before.locale : defaultLocale,
        template: "feedbackReply",
        params: { reference, reply: changes.reply! },
        target: { type: "feedback", id: reference },
        managePath: "/feedback",
      },
      now,
    );
    return { updated: true, replyQueued: true };
  };
  return withAudit(db, actor, change, (r) => (r.updated ? { action: "feedback.update", targetType: "feedback", targetId: reference, detail: changes.status } : null), now);
}

/* ---------- The person withdraws their message ---------- */

/** Whether the person may still withdraw: until staff close it. */
export function feedbackWithdrawalState(status: string): WithdrawalState {
  if (status === "withdrawn") return { state: "withdrawn" };
  if (status === "closed") return { state: "tooLate", reason: "closed" };
  return { state: "open" };
}

/** The same contact as given: a mobile number by its digits, an e-mail address in any case. */
const sameContact = (given: string, stored: string) => sameSecret(normaliseContact(given).toLowerCase(), stored.toLowerCase());

/**
 * Reference + the contact the person left → the message; FeedbackNotFound for an unknown reference, another contact
 * or a message sent without one (nothing proves it is theirs: they call instead).
 */
export async function findFeedbackForSender(db: Kysely<Database>, key: { reference: string; contact: string }) {
  const row = await findFeedback(db, normaliseReference(key.reference ?? ""));
  if (!row || !row.contact || !sameContact(key.contact ?? "", row.contact)) throw new FeedbackNotFound();
  return { reference: row.reference, topic: row.topic as FeedbackTopic, status: row.status as FeedbackStatus, createdAt: row.created_at, contactMasked: maskContact(row.contact) };
}

/**
 * The person withdraws their message (reference + contact): staff no longer work on it or reply; it stays in the
 * inbox marked withdrawn, with the audit entry in the same transaction. A second withdrawal changes nothing.
 */
export async function withdrawFeedback(db: Kysely<Database>, key: { reference: string; contact: string }, now = new Date()): Promise<WithdrawOutcome> {
  const reference = normaliseReference(key.reference ?? "");
  const work = async (trx: Kysely<Database>) => {
    const found = await findFeedbackForSender(trx, key);
    const result = withdrawOutcome(feedbackWithdrawalState(found.status));
    if (result.outcome !== "withdrawn") return result;
    const updated = await trx
      .updateTable("feedback")
      .set({ status: "withdrawn", updated_at: now.toISOString() })
      .where("reference", "=", reference)
      .where("status", "in", ["new", "in_progress"])
      .executeTakeFirst();
    // Staff closed it in the meantime.
    if (Number(updated.numUpdatedRows) !== 1) return withdrawOutcome(feedbackWithdrawalState("closed"));
    return result;
  };
  return withAudit(db, selfServiceActor, work, withdrawalAudit("feedback.withdraw", "feedback", reference), now);
}
