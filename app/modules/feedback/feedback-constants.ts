/** Feedback vocabularies. Their own file so pages can use them without the schema library or server code. */
export const feedbackTopics = ["suggestion", "barrier", "service", "other"] as const;
export type FeedbackTopic = (typeof feedbackTopics)[number];

/** Where a message is in the staff inbox. */
export const feedbackStatuses = ["new", "in_progress", "closed"] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];
