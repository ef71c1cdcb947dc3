/** The policy assistant: guarded questions, hybrid retrieval, extractive (or checked generated) answers, eligibility rules. */
export {
  askAssistant,
  getConversation,
  rateAnswer,
  listUnanswered,
  newConversationId,
  isConversationId,
  retrievalQuery,
  InvalidQuestion,
  unansweredFilters,
  type AskOptions,
  type ChatReply,
  type Citation,
  type ConversationTurn,
  type PriorTurn,
  type UnansweredFilter,
  type UnansweredItem,
} from "./assistant.server";
export { hotline, type AnswerView, type AnswerPassage, type NextStep } from "./compose.server";
export { guardQuestion, maxQuestionLength, noAnswerStatuses, type AnswerStatus, type NoAnswerStatus } from "./guards";
export { retrieve, minimumConfidence, retrievalModes, type Retrieval, type RetrievalMode, type RetrievedChunk } from "./retrieve.server";
export {
  buildAssistantIndex,
  ensureAssistantIndex,
  getAssistantIndex,
  loadAssistantIndex,
  saveAssistantIndex,
  resetAssistantIndex,
  setAssistantIndex,
  type AssistantChunk,
  type AssistantIndex,
  type IndexManifest,
} from "./vector-index.server";
export { LocalLsaEmbeddings, LsaModel, parseEmbeddingsSetting, EmbeddingsConfigError } from "./embeddings.server";
export { chatModelFromEnv, parseChatModelSetting, ChatModelConfigError } from "./llm.server";
export * from "./eligibility";
export { eligibilityFlow, readEligibilityDraft, restartEligibility, eligibilityResult } from "./eligibility-flow.server";
