/** Search over the policy library: jieba segmentation with the glossary, BM25 over sections. */
export {
  search,
  getLexicalIndex,
  buildLexicalIndex,
  lexicalIndexInfo,
  resetLexicalIndex,
  highlight,
  chunksOf,
  chunkWeights,
  overviewText,
  LexicalIndex,
  type Chunk,
  type ChunkHit,
  type LexicalIndexInfo,
  type SearchOptions,
  type SearchResponse,
  type SearchResult,
  type SearchSnippet,
} from "./lexical.server";
export {
  tokenize,
  tokenizeWords,
  tagWords,
  expandQuery,
  configureSegmenter,
  warmSegmenter,
  type ExpandedQuery,
  type QueryExpansion,
} from "./segment.server";
export { indexStatus, type IndexStatus } from "./index-status.server";
