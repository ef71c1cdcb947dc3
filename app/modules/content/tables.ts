/* The policy corpus in the database (migration 0014-content-documents; documents.server.ts). */

export interface ContentDocumentTable {
  id: string;
  path: string;
  type: string;
  title: string;
  title_en: string;
  issuer: string;
  doc_number: string | null;
  issued: string | null;
  effective: string | null;
  status: string;
  /** A repealed document's replacement (front matter supersededBy; migration 0016). */
  superseded_by: string | null;
  source: string | null;
  reviewed: string;
  /** JSON */
  topics: string;
  /** JSON */
  audience: string;
  summary: string;
  summary_en: string;
  /** JSON or null */
  easy_read: string | null;
  steps: string | null;
  related: string | null;
  questions: string | null;
  changed: string | null;
  change_note: string | null;
  change_note_en: string | null;
  /** JSON or null: front matter repealedArticles (migration 0023). */
  repealed_articles: string | null;
  body: string;
  layout: string | null;
  published: number;
  revision: number;
  updated_at: string;
  updated_by: string | null;
  /** A draft of a published document waiting beside its live text: its revision in the versions (migration 0016). */
  draft_revision: number | null;
}

export interface ContentDocumentVersionTable {
  document_id: string;
  revision: number;
  path: string;
  /** The validated front matter, JSON. */
  meta: string;
  body: string;
  layout: string | null;
  published: number;
  created_at: string;
  created_by: string | null;
  /** seed | staff */
  origin: string;
  note: string | null;
}

export interface ContentCorpusTable {
  id: number;
  version: number;
  seed_hash: string | null;
  changed_at: string;
}

/** A request to review one revision of a draft (migration 0015). */
export interface ContentReviewTable {
  id: string;
  document_id: string;
  revision: number;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  /** null while pending; published | withdrawn */
  decision: string | null;
  /** Approved to be published at `publish_at` (migration 0020): the approver and when; null otherwise. */
  approved_by: string | null;
  approved_at: string | null;
  publish_at: string | null;
}

/** A glossary mapping made in the staff console (migration 0017). */
export interface ContentGlossaryEntryTable {
  id: string;
  /** The word people type ("残废证"). */
  variant: string;
  /** The corpus term it is read as ("残疾人证"). */
  canonical: string;
  /** proposed | approved | removed */
  status: string;
  proposed_by: string;
  proposed_at: string;
  approved_by: string | null;
  approved_at: string | null;
  removed_by: string | null;
  removed_at: string | null;
}
