export {
  submitFeedback,
  findFeedback,
  openFeedback,
  listFeedback,
  countNewFeedback,
  updateFeedback,
} from "./feedback.server";
export { feedbackSchema, type FeedbackInput } from "./feedback-schema";
export { feedbackStatuses, feedbackTopics, type FeedbackStatus, type FeedbackTopic } from "./feedback-constants";
