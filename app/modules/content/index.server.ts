/** The policy library's content: corpus loading and validation, structure (anchors, citations), rendering. */
export {
  getCorpus,
  loadCorpus,
  loadGlossary,
  resetCorpusCache,
  defaultKnowledgeDir,
  listDocuments,
  getDocument,
  relatedDocuments,
  latestNotices,
  toSummary,
  compareDocuments,
  type Corpus,
  type CorpusError,
  type CorpusRule,
  type DocumentPage,
  type DocumentSummary,
  type GlossaryLoad,
  type ListDocumentsOptions,
  type PolicyDocument,
  type PolicySection,
} from "./corpus.server";
export { checkKnowledge, formatCheckReport, guideQuestionsPerSection, type CheckIssue, type CheckReport, type CheckRule } from "./check";
export { atomContentType, feedDate, feedDocuments, policyFeedMax, policyFeedPath, policyFeedXml, type PolicyFeedOptions } from "./feed.server";
export { escapeHtml, renderMarkdown, renderPlainText } from "./markdown.server";
export {
  documentMetaSchema,
  documentQuestionsKey,
  glossarySchema,
  sectionQuestionMax,
  type DocumentMeta,
  type Glossary,
  type GlossaryTerm,
  type SectionQuestions,
} from "./schema";
export {
  chineseToNumber,
  parseStructure,
  parseMarkdownStructure,
  parsePlainTextStructure,
  type DocumentStructure,
  type Section,
  type SectionKind,
} from "./structure";
export * from "./taxonomy";
export { seedContent } from "./seed.server";
