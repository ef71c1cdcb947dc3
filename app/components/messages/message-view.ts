import type { OutgoingMessage } from "~/modules/messages/channels/channel";
import type { MessageStatus } from "~/modules/messages/message-constants";

/** A message as the staff pages receive it from their loaders (recipient already masked). */
export interface MessageView extends OutgoingMessage {
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
