/* The regional centre's services (migration 0006-centre). Timestamps ISO-8601 UTC text, booleans 0/1. */
export interface CentreLibraryCardTable {
  reference: string;
  name: string;
  phone: string;
  disability: string;
  certificate_hash: string | null;
  certificate_masked: string | null;
  format: string;
  collect: string;
  address: string | null;
  status: string;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  locale: string;
  created_at: string;
  updated_at: string;
}

export interface CentreActivityTable {
  id: string;
  type: string;
  association_id: string | null;
  title_zh: string;
  title_en: string;
  summary_zh: string;
  summary_en: string;
  place_zh: string;
  place_en: string;
  starts_at: string;
  duration_minutes: number;
  capacity: number;
  waitlist_size: number;
  accessibility: string;
  signup_opens_at: string;
  signup_closes_at: string;
  status: string;
  example: number;
  created_at: string;
  updated_at: string;
}

export interface CentreSignupTable {
  reference: string;
  activity_id: string;
  name: string;
  phone: string;
  needs: string;
  status: string;
  attended: number;
  locale: string;
  created_at: string;
  cancelled_at: string | null;
}

export interface CentreActivityPlaceTable {
  activity_id: string;
  place_no: number;
  signup_reference: string;
}

/** One offer of a freed activity place to a sign-up waiting (migration 0013-activity-offers). */
export interface CentreActivityOfferTable {
  token: string;
  signup_reference: string;
  activity_id: string;
  place_no: number;
  /** open | accepted | declined | expired | withdrawn */
  status: string;
  offered_at: string;
  expires_at: string;
  answered_at: string | null;
}
