import type { Generated, Insertable, Selectable } from "kysely";
import type { AuditLogTable, StaffSessionTable, StaffUserTable } from "../staff/tables";
import type {
  LendingDeviceTypeTable,
  LendingLedgerTable,
  LendingLoanTable,
  LendingLocationTable,
  LendingRequestTable,
  LendingUnitTable,
} from "../lending/tables";
import type {
  CentreActivityOfferTable,
  CentreActivityPlaceTable,
  CentreActivityTable,
  CentreLibraryCardTable,
  CentreSignupTable,
} from "../centre/tables";
import type { IdempotencyKeyTable, LookupGuardTable } from "../security/tables";
import type { OutboxMessageTable } from "../messages/tables";
import type { FlowDraftTable } from "../flows/tables";
import type { HomeModApplicationTable } from "../home-modification/tables";
import type { ContentCorpusTable, ContentDocumentTable, ContentDocumentVersionTable, ContentGlossaryEntryTable, ContentReviewTable } from "../content/tables";

/**
 * The database as Kysely sees it. Columns use portable types only (text, integer, bigint) so that the same
 * migrations and queries run on SQLite and PostgreSQL: timestamps are ISO-8601 UTC strings, booleans 0/1.
 */
export interface Database {
  staff_users: StaffUserTable;
  staff_sessions: StaffSessionTable;
  audit_log: AuditLogTable;
  feedback: FeedbackTable;
  outbox_messages: OutboxMessageTable;
  content_documents: ContentDocumentTable;
  content_document_versions: ContentDocumentVersionTable;
  content_corpus: ContentCorpusTable;
  content_reviews: ContentReviewTable;
  content_glossary_entries: ContentGlossaryEntryTable;
  rate_limits: RateLimitTable;
  cinema_halls: CinemaHallTable;
  cinema_seats: CinemaSeatTable;
  cinema_screenings: CinemaScreeningTable;
  cinema_bookings: CinemaBookingTable;
  cinema_holds: CinemaHoldTable;
  cinema_booking_seats: CinemaBookingSeatTable;
  cinema_waiting_list: CinemaWaitingListTable;
  cinema_waiting_offers: CinemaWaitingOfferTable;
  chat_questions: ChatQuestionTable;
  lending_locations: LendingLocationTable;
  lending_device_types: LendingDeviceTypeTable;
  lending_units: LendingUnitTable;
  lending_requests: LendingRequestTable;
  lending_loans: LendingLoanTable;
  lending_ledger: LendingLedgerTable;
  centre_library_cards: CentreLibraryCardTable;
  centre_activities: CentreActivityTable;
  centre_signups: CentreSignupTable;
  centre_activity_places: CentreActivityPlaceTable;
  centre_activity_offers: CentreActivityOfferTable;
  lookup_guards: LookupGuardTable;
  idempotency_keys: IdempotencyKeyTable;
  flow_drafts: FlowDraftTable;
  home_mod_applications: HomeModApplicationTable;
}

export interface FeedbackTable {
  reference: string;
  topic: string;
  message: string;
  name: string | null;
  contact: string | null;
  locale: string;
  status: Generated<string>;
  created_at: string;
  reply?: string | null;
  updated_at?: string | null;
}
export type FeedbackRow = Selectable<FeedbackTable>;
export type NewFeedback = Insertable<FeedbackTable>;

export interface RateLimitTable {
  /** scope:client:window */
  key: string;
  window_start: number;
  count: number;
}

/* Barrier-free cinema (migration 0002-cinema; app/modules/cinema). Booleans are 0/1. */
export interface CinemaHallTable {
  id: string;
  name_zh: string;
  name_en: string;
  venue_zh: string;
  venue_en: string;
}

export interface CinemaSeatTable {
  id: string;
  hall_id: string;
  seat_row: number;
  seat_number: number;
  label: string;
  aisle: number;
  wheelchair: number;
  companion: number;
  low_vision: number;
}

export interface CinemaScreeningTable {
  id: string;
  hall_id: string;
  title_zh: string;
  title_en: string;
  synopsis_zh: string;
  synopsis_en: string;
  duration_minutes: number;
  audio_description: number;
  captions: number;
  sign_language: number;
  starts_at: string;
  booking_opens_at: string;
  booking_closes_at: string;
  /** scheduled | cancelled */
  status: string;
  created_at: string;
  updated_at: string;
}

export interface CinemaBookingTable {
  reference: string;
  screening_id: string;
  name: string;
  phone: string;
  tickets: number;
  need_guide_dog: number;
  need_wheelchair: number;
  need_escort: number;
  need_headset: number;
  need_low_vision: number;
  seat_ids: string;
  /** confirmed | cancelled | checked_in */
  status: string;
  access_token: string;
  locale: string;
  /** web | api */
  source: string;
  created_at: string;
  cancelled_at: string | null;
  checked_in_at: string | null;
}

export interface CinemaHoldTable {
  id: string;
  screening_id: string;
  tickets: number;
  expires_at: string;
  extended_count: number;
  created_at: string;
  /** The client address the hold came from (per-client cap on held seats; migration 0007-abuse-guards). */
  client?: string | null;
}

export interface CinemaBookingSeatTable {
  screening_id: string;
  seat_id: string;
  booking_reference: string | null;
  hold_id: string | null;
  hold_expires_at: string | null;
}

export interface CinemaWaitingListTable {
  id: string;
  screening_id: string;
  name: string;
  phone: string;
  tickets: number;
  /** waiting | offered | booked | declined | expired | withdrawn */
  status: string;
  locale: string;
  created_at: string;
  offered_at: string | null;
}

/** One offer of seats to a waiting-list entry (migration 0012-waiting-offers). */
export interface CinemaWaitingOfferTable {
  token: string;
  entry_id: string;
  screening_id: string;
  hold_id: string;
  /** Comma-separated seat ids, as in cinema_bookings.seat_ids. */
  seat_ids: string;
  /** open | booked | declined | expired | withdrawn */
  status: string;
  offered_at: string;
  expires_at: string;
  answered_at: string | null;
  booking_reference: string | null;
}

/* Policy assistant (migration 0004-assistant; app/modules/assistant). */
export interface ChatQuestionTable {
  id: string;
  conversation_id: string;
  /** Masked question (personal numbers hidden, invisible characters stripped). */
  question: string;
  locale: string;
  /** answered | no_content | off_topic | injection | personal_data_only | error */
  status: string;
  grounded: number;
  /** JSON [{ title, url, quote }] */
  citations: string;
  /** JSON of the answer view */
  answer: string;
  created_at: string;
  /** null = not rated, 1 = helpful, 0 = not helpful */
  helpful: number | null;
}
