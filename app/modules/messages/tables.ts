/* The message outbox (migration 0009-outbox). */
import type { MessageChannel, MessageStatus } from "./message-constants";

export interface OutboxMessageTable {
  id: string;
  channel: MessageChannel;
  /** As given; shown masked (maskContact) in every view and log. */
  recipient: string;
  locale: string;
  template: string;
  /** JSON of the template's parameters. */
  params: string;
  subject: string;
  body: string;
  reference: string;
  target_type: string;
  target_id: string;
  status: MessageStatus;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  leased_by: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
