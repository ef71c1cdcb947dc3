/**
 * Tables that hold no personal data of the public, so no retention rule touches them: why, and the columns that
 * reason was checked against. Every other table is named by a rule in ./retention.server.ts.
 * retention-coverage.server.test.ts reads the live schema (sqlite_master / information_schema) and fails on a
 * table that is in neither list, and on a new column of a table listed here — a new column may hold a person,
 * so look at it, then add it here (with the reason still true) or write a rule.
 */
export interface NoPersonalData {
  reason: string;
  columns: readonly string[];
}

export const tablesWithoutPersonalData: Record<string, NoPersonalData> = {
  kysely_migration: { reason: "Kysely's record of applied migrations", columns: ["name", "timestamp"] },
  kysely_migration_lock: { reason: "Kysely's migration lock row", columns: ["id", "is_locked"] },
  cinema_halls: { reason: "the cinema's halls and venues", columns: ["id", "name_zh", "name_en", "venue_zh", "venue_en"] },
  cinema_seats: {
    reason: "the seat plan",
    columns: ["id", "hall_id", "seat_row", "seat_number", "label", "aisle", "wheelchair", "companion", "low_vision"],
  },
  cinema_screenings: {
    reason: "the programme",
    columns: [
      "id",
      "hall_id",
      "title_zh",
      "title_en",
      "synopsis_zh",
      "synopsis_en",
      "duration_minutes",
      "audio_description",
      "captions",
      "sign_language",
      "starts_at",
      "booking_opens_at",
      "booking_closes_at",
      "status",
      "created_at",
      "updated_at",
    ],
  },
  lookup_guards: {
    reason: "wrong-phone counts and locks per looked-up reference (migration 0007): no phone tried, no client address",
    columns: ["key", "failures", "pending", "strikes", "locked_until", "updated_at"],
  },
  cinema_booking_seats: {
    reason: "which seat is claimed by which booking or hold; the person is on the booking (stripped by its rule)",
    columns: ["screening_id", "seat_id", "booking_reference", "hold_id", "hold_expires_at"],
  },
  audit_log: {
    reason:
      "append-only (migration 0008); names staff accounts, never a member of the public: targets are references and ids, details are masked before they are written (ADR 0004)",
    columns: ["id", "at", "user_id", "username", "action", "target_type", "target_id", "detail"],
  },
  lending_locations: {
    reason: "the lending points",
    columns: ["id", "name_zh", "name_en", "county_zh", "county_en", "kind", "example", "note_zh", "note_en", "sort"],
  },
  lending_device_types: {
    reason: "the device catalogue",
    columns: [
      "id",
      "name_zh",
      "name_en",
      "category",
      "disabilities",
      "description_zh",
      "description_en",
      "audience_zh",
      "audience_en",
      "mode",
      "loan_days",
      "image",
      "image_alt_zh",
      "image_alt_en",
      "sort",
      "created_at",
    ],
  },
  lending_units: {
    reason: "the devices themselves; `reserved_for` is a request reference, the person is on the request",
    columns: ["id", "asset_tag", "type_id", "location_id", "status", "condition", "reserved_for", "acquired_at", "updated_at"],
  },
  lending_loans: {
    reason: "which unit went out on which request and when, and which staff member handed it over; the person is on the request; `renewals` is how many times the borrower renewed",
    columns: ["id", "unit_id", "request_reference", "type_id", "location_id", "mode", "out_at", "due_date", "condition_out", "condition_in", "returned_at", "out_by", "in_by", "renewals"],
  },
  lending_ledger: {
    reason: "append-only (migration 0008): movements of devices with staff usernames and request references, never an applicant's name or number",
    columns: [
      "seq",
      "at",
      "kind",
      "type_id",
      "unit_id",
      "location_id",
      "other_location_id",
      "quantity",
      "status_after",
      "condition",
      "reason",
      "actor",
      "actor_id",
      "approver",
      "loan_id",
      "request_reference",
    ],
  },
  centre_activities: {
    reason: "the regional centre's activities and training",
    columns: [
      "id",
      "type",
      "association_id",
      "title_zh",
      "title_en",
      "summary_zh",
      "summary_en",
      "place_zh",
      "place_en",
      "starts_at",
      "duration_minutes",
      "capacity",
      "waitlist_size",
      "accessibility",
      "signup_opens_at",
      "signup_closes_at",
      "status",
      "example",
      "created_at",
      "updated_at",
    ],
  },
  centre_activity_places: {
    reason: "which place of an activity is held by which sign-up; the person is on the sign-up (stripped by its rule)",
    columns: ["activity_id", "place_no", "signup_reference"],
  },
  centre_activity_offers: {
    reason: "which freed place was offered to which sign-up, when and with what outcome (migration 0013); the person is on the sign-up (stripped by its rule)",
    columns: ["token", "signup_reference", "activity_id", "place_no", "status", "offered_at", "expires_at", "answered_at"],
  },
  content_documents: {
    reason:
      "the published policy corpus (migration 0014): regulations, guides, notices and FAQs written for the public, with the staff account that last changed each (an id, never a member of the public)",
    columns: [
      "id", "path", "type", "title", "title_en", "issuer", "doc_number", "issued", "effective", "status", "source", "reviewed", "topics", "audience",
      "summary", "summary_en", "easy_read", "steps", "related", "questions", "changed", "change_note", "change_note_en", "body", "layout", "published",
      "revision", "updated_at", "updated_by", "draft_revision", "superseded_by", "repealed_articles",
    ],
  },
  content_document_versions: {
    reason: "every version of the policy documents (migration 0014): the same public texts, with the staff account that made each version",
    columns: ["document_id", "revision", "path", "meta", "body", "layout", "published", "created_at", "created_by", "origin", "note"],
  },
  content_corpus: { reason: "the corpus version and the hash of the seed files (migration 0014)", columns: ["id", "version", "seed_hash", "changed_at"] },
  content_reviews: {
    reason:
      "review requests of draft policy documents (migration 0015): which staff account asked, approved a scheduled publication and decided, and when it is to be published (migration 0020; ids, never a member of the public)",
    columns: ["id", "document_id", "revision", "requested_by", "requested_at", "decided_by", "decided_at", "decision", "approved_by", "approved_at", "publish_at"],
  },
  content_glossary_entries: {
    reason:
      "glossary mappings made in the staff console (migration 0017): a word and the corpus term it stands for (never the question it came from), and the staff accounts that proposed, approved or removed it (ids, never a member of the public)",
    columns: ["id", "variant", "canonical", "status", "proposed_by", "proposed_at", "approved_by", "approved_at", "removed_by", "removed_at"],
  },
};
