import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { maskContact } from "../privacy/mask";
import { recordAudit, type Actor } from "../staff/audit.server";
import type { OutboxMessage } from "./claim.server";
import { hideLinkKeys } from "./link-keys";
import type { MessageStatus, MessageTemplate } from "./message-constants";

const staffColumns = [
  "id",
  "channel",
  "recipient",
  "locale",
  "template",
  "subject",
  "body",
  "reference",
  "target_type",
  "target_id",
  "status",
  "attempts",
  "next_attempt_at",
  "last_error",
  "created_at",
  "sent_at",
] as const;

/**
 * A message as staff see it: the recipient masked, the text as it was sent (rendered with numbers masked), except
 * the key in a link to the person's own page (link-keys.ts).
 */
function forStaff(row: Pick<OutboxMessage, (typeof staffColumns)[number]>) {
  return {
    id: row.id,
    channel: row.channel,
    recipient: maskContact(row.recipient),
    locale: row.locale,
    template: row.template,
    subject: hideLinkKeys(row.subject),
    body: hideLinkKeys(row.body),
    reference: row.reference,
    target: { type: row.target_type, id: row.target_id },
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
export type StaffMessage = ReturnType<typeof forStaff>;

/** The staff outbox: newest first, optionally one status, paginated. */
export async function listMessages(db: Kysely<Database>, options: { status?: MessageStatus; page?: number; pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? 20;
  const page = Math.max(1, options.page ?? 1);
  let query = db.selectFrom("outbox_messages");
  if (options.status) query = query.where("status", "=", options.status);
  const { count } = await query.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const rows = await query
    .select(staffColumns)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map(forStaff), total: Number(count), page, pageCount: Math.max(1, Math.ceil(Number(count) / pageSize)) };
}

/** The messages about one thing (a feedback message), newest first, for its staff page. */
export async function messagesAbout(db: Kysely<Database>, target: { type: string; id: string }): Promise<StaffMessage[]> {
  const rows = await db
    .selectFrom("outbox_messages")
    .select(staffColumns)
    .where("target_type", "=", target.type)
    .where("target_id", "=", target.id)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(forStaff);
}

/** The newest message's status for each of the given targets of one type (an inbox column). */
export async function latestStatusByTarget(db: Kysely<Database>, targetType: string, ids: string[]): Promise<Map<string, MessageStatus>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("outbox_messages")
    .select(["target_id", "status", "created_at"])
    .where("target_type", "=", targetType)
    .where("target_id", "in", ids)
    .orderBy("created_at")
    .execute();
  return new Map(rows.map((r) => [r.target_id, r.status]));
}

/**
 * Withdraws the messages about one thing that have not gone out yet (queued, including scheduled ones): they become
 * `cancelled` and are never claimed. Call it in the transaction of the event that makes them pointless (a loan
 * returned). A message a worker is sending right now, or has sent, is left as it is. Optionally only some templates.
 * Returns how many were cancelled.
 */
export async function cancelQueuedMessages(
  db: Kysely<Database>,
  target: { type: string; id: string },
  templates?: readonly MessageTemplate[],
): Promise<number> {
  let query = db
    .updateTable("outbox_messages")
    .set({ status: "cancelled", lease_until: null })
    .where("target_type", "=", target.type)
    .where("target_id", "=", target.id)
    .where("status", "=", "queued");
  if (templates) query = query.where("template", "in", [...templates]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Staff send a failed message again: it is queued for now with a fresh count of attempts. Only a failed message
 * can be retried (a sent one is never sent twice); the retry is audited in the same transaction.
 * Returns false when there is no failed message with that id.
 */
export async function retryMessage(db: Kysely<Database>, id: string, actor: Actor, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("outbox_messages")
      .set({ status: "queued", attempts: 0, next_attempt_at: now.toISOString(), lease_until: null, leased_by: null })
      .where("id", "=", id)
      .where("status", "=", "failed")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await recordAudit(trx, actor, { action: "message.retry", targetType: "message", targetId: id }, now);
    return true;
  });
}
