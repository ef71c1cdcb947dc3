import type { DiffLine } from "./line-diff";

/**
 * The fields of the staff console's draft form, in page order (the error summary lists them in this order). The rest
 * of a document's front matter (steps, questions …) is kept as it is by a save. Server-free: the form imports it.
 */
export const draftFormFields = [
  "id",
  "title",
  "titleEn",
  "issuer",
  "docNumber",
  "issued",
  "effective",
  "status",
  "supersededBy",
  "changed",
  "changeNote",
  "changeNoteEn",
  "source",
  "reviewed",
  "topics",
  "audience",
  "summary",
  "summaryEn",
  "easyRead",
  "related",
  "body",
  // Articles repealed one by one (front matter repealedArticles): those already repealed to keep so (checkboxes), and
  // one more to repeal (which article, since when, why, what replaced it).
  "repealedKeep",
  "repealAnchor",
  "repealDate",
  "repealNote",
  "repealNoteEn",
  "repealSupersededBy",
] as const;
export type DraftFormField = (typeof draftFormFields)[number];

/** The fields posted as lists (checkboxes). */
export const draftListFields = ["topics", "audience", "repealedKeep"] as const satisfies readonly DraftFormField[];

/** An article of the document, as the repeal fieldset offers it (its anchor, and its heading as shown). */
export interface DraftArticle {
  anchor: string;
  heading: string;
}

/** What the form posted: one string a field, lists (topics, audience) as arrays. */
export type DraftFormValues = Partial<Record<DraftFormField, string | string[]>>;

/**
 * A save refused because someone saved the document meanwhile (issue 16, "Bad input and safety"): what differs
 * between the revision saved meanwhile and what this editor typed. Server-free: the edit page renders it.
 */
export interface StaleSaveDiff {
  /** The revision saved meanwhile. */
  saved: number;
  /** The front-matter fields whose values differ, in form order (lists as arrays). */
  fields: Array<{ field: Exclude<DraftFormField, "id" | "body">; saved: string | string[]; yours: string | string[] }>;
  /** The body's changed lines, saved (old side) against typed (new side), with context. */
  body: DiffLine[];
  /** Whether the bodies are the same. */
  sameBody: boolean;
}
