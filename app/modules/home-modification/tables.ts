/* Home-modification applications (migration 0019-home-modification). Timestamps ISO-8601 UTC text. */
export interface HomeModApplicationTable {
  reference: string;
  for_whom: string;
  name: string;
  certificate_hash: string | null;
  certificate_masked: string | null;
  county: string;
  address: string | null;
  household_size: number;
  low_income: string;
  /** JSON array of need codes. */
  needs: string;
  needs_other: string | null;
  contact_name: string;
  phone: string;
  status: string;
  visit_date: string | null;
  findings: string | null;
  assessed_by: string | null;
  assessed_at: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  work_started_at: string | null;
  work_finished_at: string | null;
  supervision: string | null;
  supervision_note: string | null;
  supervised_by: string | null;
  supervised_at: string | null;
  locale: string;
  created_at: string;
  updated_at: string;
}
