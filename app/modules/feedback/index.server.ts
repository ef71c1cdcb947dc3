export {
  submitFeedback,
  findFeedback,
  listFeedback,
  countNewFeedback,
  updateFeedback,
  feedbackStatuses,
  type FeedbackStatus,
} from "./feedback.server";
export { feedbackSchema, feedbackTopics, type FeedbackInput } from "./feedback-schema";
