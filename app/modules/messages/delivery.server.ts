import type { Connection } from "../db/index.server";
import { maskContact, maskPersonalData } from "../privacy/mask";
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from "./backoff";
import type { Channels } from "./channels/channel";
import { claimDueMessages, markAttemptFailed, markSent, postpone, type OutboxMessage } from "./claim.server";
import { quietHoursEnd, type QuietHours } from "./quiet-hours";

export interface DeliveryOptions {
  workerId: string;
  channels: Channels;
  /** How many messages one round claims. */
  batchSize?: number;
  /** How long a claimed message is this worker's: longer than any channel's own timeout. */
  leaseMs?: number;
  retry?: RetryPolicy;
  quietHours?: QuietHours | null;
  now?: () => Date;
}

export interface DeliveryRound {
  sent: number;
  retrying: number;
  failed: number;
  postponed: number;
}

export const defaultLeaseMs = 2 * 60_000;

/** A channel's error as stored and shown to staff: the recipient and any personal number masked, kept short. */
function describeError(error: unknown, message: OutboxMessage): string {
  const text = error instanceof Error ? error.message : String(error);
  return maskPersonalData(text.split(message.recipient).join(maskContact(message.recipient))).text.slice(0, 500);
}

/**
 * One round of delivery: claim what is due, send each, record the outcome. A failed attempt is retried with
 * exponential backoff until `retry.maxAttempts`, then the message has failed. An SMS in quiet hours goes back to
 * the queue until morning without counting an attempt. A row whose lease this worker lost (it took longer than the
 * lease) is left to its new holder.
 */
export async function deliverDueMessages(connection: Pick<Connection, "db" | "kind">, options: DeliveryOptions): Promise<DeliveryRound> {
  const clock = options.now ?? (() => new Date());
  const retry = options.retry ?? defaultRetryPolicy;
  const round: DeliveryRound = { sent: 0, retrying: 0, failed: 0, postponed: 0 };
  const claimed = await claimDueMessages(connection, {
    workerId: options.workerId,
    limit: options.batchSize ?? 20,
    leaseMs: options.leaseMs ?? defaultLeaseMs,
    now: clock(),
  });
  for (const message of claimed) {
    if (message.channel === "sms" && options.quietHours) {
      const morning = quietHoursEnd(clock(), options.quietHours);
      if (morning) {
        if (await postpone(connection.db, message.id, options.workerId, morning)) round.postponed++;
        continue;
      }
    }
    try {
      await options.channels[message.channel].send({
        id: message.id,
        channel: message.channel,
        recipient: message.recipient,
        subject: message.subject,
        body: message.body,
        reference: message.reference,
      });
    } catch (error) {
      const giveUp = message.attempts >= retry.maxAttempts;
      const retryAt = giveUp ? null : new Date(clock().getTime() + retryDelayMs(message.attempts, retry));
      if (await markAttemptFailed(connection.db, message.id, options.workerId, describeError(error, message), retryAt)) {
        if (giveUp) round.failed++;
        else round.retrying++;
      }
      continue;
    }
    if (await markSent(connection.db, message.id, options.workerId, clock())) round.sent++;
  }
  return round;
}
