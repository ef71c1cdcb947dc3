/** Feedback vocabularies. Their own file so pages can use them without the schema library or server code. */
export const feedbackTopics = ["suggestion", "barrier", "service", "other"] as const;
export type FeedbackTopic = (typeof feedbackTopics)[number];

/** Where a message is in the staff inbox; `withdrawn`: the person withdrew it themselves (reference + contact). */
export const feedbackStatuses = ["new", "in_progress", "closed", "withdrawn"] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];
/** The statuses staff set; only the person withdraws. */
export const staffFeedbackStatuses = ["new", "in_progress", "closed"] as const satisfies readonly FeedbackStatus[];
