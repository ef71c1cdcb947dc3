export {
  submitFeedback,
  findFeedback,
  openFeedback,
  listFeedback,
  countNewFeedback,
  updateFeedback,
  findFeedbackForSender,
  feedbackWithdrawalState,
  withdrawFeedback,
} from "./feedback.server";
export { feedbackSchema, type FeedbackInput } from "./feedback-schema";
export { FeedbackNotFound } from "./errors";
export { feedbackStatuses, feedbackTopics, staffFeedbackStatuses, type FeedbackStatus, type FeedbackTopic } from "./feedback-constants";
