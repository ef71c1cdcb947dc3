/** Message vocabularies. Their own file so pages can use them without server code. */

/** How a message reaches the person: the kind of address they left. */
export const messageChannels = ["email", "sms"] as const;
export type MessageChannel = (typeof messageChannels)[number];

/** Where a message is: waiting (or waiting to retry), leased by a worker, delivered, given up. */
export const messageStatuses = ["queued", "sending", "sent", "failed"] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/** Templates: each has `subject` and `body` under `messages.templates.<name>` in both locale files. */
export const messageTemplates = ["feedbackReply", "waitingOffer", "activityPlaceGiven"] as const;
export type MessageTemplate = (typeof messageTemplates)[number];
