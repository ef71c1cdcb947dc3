export { enqueueMessage, channelFor, type NewMessage } from "./enqueue.server";
export { claimDueMessages, type OutboxMessage } from "./claim.server";
export { deliverDueMessages, type DeliveryOptions, type DeliveryRound } from "./delivery.server";
export { startMessageWorker, deliverySettingsFromEnv, type MessageWorker } from "./worker.server";
export { listMessages, messagesAbout, latestStatusByTarget, retryMessage, cancelQueuedMessages, type StaffMessage } from "./outbox.server";
export { channelsFromEnv } from "./channels/channels-from-env.server";
export { LogChannel } from "./channels/log-channel.server";
export type { Channels, DeliveryChannel, OutgoingMessage } from "./channels/channel";
export { messageStatuses, messageChannels, type MessageStatus, type MessageChannel } from "./message-constants";
