export { submitFeedback, findFeedback } from "./feedback.server";
export { feedbackSchema, feedbackTopics, type FeedbackInput } from "./feedback-schema";
