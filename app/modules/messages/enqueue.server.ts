import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Locale } from "~/i18n/config";
import type { Database } from "../db/schema";
import type { MessageChannel, MessageTemplate } from "./message-constants";
import { quietHoursEnd, quietHoursFromEnv } from "./quiet-hours";
import { renderMessage, type TemplateParams } from "./templates.server";

export interface NewMessage {
  /** An e-mail address or an 11-digit mobile number, as the person gave it. */
  recipient: string;
  locale: Locale;
  template: MessageTemplate;
  params: TemplateParams;
  /** What the message is about, for the staff views (e.g. feedback / YJ-…). */
  target: { type: string; id: string };
  /** The page where the person manages what the message is about (a path without locale prefix). */
  managePath: string;
  /** Not before this time (a reminder): the row waits in the queue until then. Default: now. */
  notBefore?: Date;
}

/** The channel for a contact: an address with @ is e-mail, anything else a mobile number. */
export function channelFor(recipient: string): MessageChannel {
  return recipient.includes("@") ? "email" : "sms";
}

/**
 * Queues a message. Call it with the SAME transaction as the event that causes it: the message is stored if and only
 * if the event is. The text is rendered now, in the person's language, so staff see exactly what is sent.
 * A message may be scheduled (`notBefore`): it is an ordinary queued row whose `next_attempt_at` lies ahead, so it
 * survives restarts. An SMS due in quiet hours waits until they end. Returns the message id.
 */
export async function enqueueMessage(
  trx: Transaction<Database> | Kysely<Database>,
  message: NewMessage,
  now: Date = new Date(),
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  const channel = channelFor(message.recipient);
  const rendered = renderMessage(message.template, channel, message.locale, message.params, { managePath: message.managePath, env });
  const quiet = channel === "sms" ? quietHoursFromEnv(env) : null;
  const notBefore = message.notBefore && message.notBefore > now ? message.notBefore : now;
  const due = quiet ? quietHoursEnd(notBefore, quiet) ?? notBefore : notBefore;
  const id = randomUUID();
  await trx
    .insertInto("outbox_messages")
    .values({
      id,
      channel,
      recipient: message.recipient,
      locale: message.locale,
      template: message.template,
      params: JSON.stringify(message.params),
      subject: rendered.subject,
      body: rendered.body,
      reference: message.params.reference,
      target_type: message.target.type,
      target_id: message.target.id,
      status: "queued",
      attempts: 0,
      next_attempt_at: due.toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
  return id;
}
