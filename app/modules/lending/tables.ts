import type { Generated } from "kysely";
/* Assistive-device lending (migration 0005-lending). Timestamps ISO-8601 UTC text, booleans 0/1. */
export interface LendingLocationTable {
  id: string;
  name_zh: string;
  name_en: string;
  county_zh: string;
  county_en: string;
  /** centre | point */
  kind: string;
  example: number;
  note_zh: string;
  note_en: string;
  sort: number;
}

export interface LendingDeviceTypeTable {
  id: string;
  name_zh: string;
  name_en: string;
  category: string;
  /** Comma-separated disabilities served. */
  disabilities: string;
  description_zh: string;
  description_en: string;
  audience_zh: string;
  audience_en: string;
  /** loan | fitting */
  mode: string;
  loan_days: number | null;
  image: string;
  image_alt_zh: string;
  image_alt_en: string;
  sort: number;
  created_at: string;
}

export interface LendingUnitTable {
  id: string;
  asset_tag: string;
  type_id: string;
  location_id: string;
  status: string;
  condition: string;
  reserved_for: string | null;
  acquired_at: string;
  updated_at: string;
}

export interface LendingRequestTable {
  reference: string;
  type_id: string;
  name: string;
  phone: string;
  disability: string;
  certificate_hash: string | null;
  certificate_masked: string | null;
  purpose: string;
  pickup_location_id: string | null;
  status: string;
  reason: string | null;
  locale: string;
  source: string;
  created_at: string;
  updated_at: string;
  decided_by: string | null;
}

export interface LendingLoanTable {
  id: string;
  unit_id: string;
  request_reference: string;
  type_id: string;
  location_id: string;
  mode: string;
  out_at: string;
  due_date: string | null;
  condition_out: string;
  condition_in: string | null;
  returned_at: string | null;
  out_by: string;
  in_by: string | null;
  /** How often the borrower renewed the loan (migration 0010). */
  renewals: Generated<number>;
}

export interface LendingLedgerTable {
  seq: number;
  at: string;
  kind: string;
  type_id: string;
  unit_id: string | null;
  location_id: string;
  other_location_id: string | null;
  quantity: number;
  status_after: string | null;
  condition: string | null;
  reason: string | null;
  actor: string;
  actor_id: string | null;
  approver: string | null;
  loan_id: string | null;
  request_reference: string | null;
}
