import type { MessageChannel } from "../message-constants";

/** What a channel is given to deliver: plain text, already in the person's language, numbers masked. */
export interface OutgoingMessage {
  /** The outbox id: sent along as an idempotency key (Message-ID, the SMS request's `id`), so a provider can drop a repeat. */
  id: string;
  channel: MessageChannel;
  recipient: string;
  subject: string;
  body: string;
  reference: string;
}

/** One way of delivering messages. Resolves when the message was accepted; throws (any error) when it was not. */
export interface DeliveryChannel {
  /** For the log and the staff outbox: "log", "smtp", "http-sms". */
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** The transports, one per kind of address. */
export type Channels = Record<MessageChannel, DeliveryChannel>;
