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
  "source",
  "reviewed",
  "topics",
  "audience",
  "summary",
  "summaryEn",
  "easyRead",
  "related",
  "body",
] as const;
export type DraftFormField = (typeof draftFormFields)[number];

/** What the form posted: one string a field, lists (topics, audience) as arrays. */
export type DraftFormValues = Partial<Record<DraftFormField, string | string[]>>;
