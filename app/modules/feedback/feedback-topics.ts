/** What a feedback message can be about. Its own file so the page can use it without the schema library. */
export const feedbackTopics = ["suggestion", "barrier", "service", "other"] as const;
export type FeedbackTopic = (typeof feedbackTopics)[number];
