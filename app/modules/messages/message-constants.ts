/** Message vocabularies. Their own file so pages can use them without server code. */

/** How a message reaches the person: the kind of address they left. */
export const messageChannels = ["email", "sms"] as const;
export type MessageChannel = (typeof messageChannels)[number];

/**
 * Where a message is: waiting (or waiting to retry, or scheduled for later), leased by a worker, delivered, withdrawn
 * before it was sent (a loan reminder once the loan is returned or renewed), given up. `failed`, the one staff act
 * on, stays last in the outbox's status filter.
 */
export const messageStatuses = ["queued", "sending", "sent", "cancelled", "failed"] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/** Templates: each has `subject` and `body` under `messages.templates.<name>` in both locale files. */
export const messageTemplates = [
  "feedbackReply",
  "bookingConfirmed",
  "activityChanged",
  "activityCancelled",
  "loanDueSoon",
  "loanOverdue",
  "waitingOffer",
  "activityOffer",
] as const;
export type MessageTemplate = (typeof messageTemplates)[number];
