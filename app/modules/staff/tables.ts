/* Staff accounts, sessions and the audit log (migration 0003-staff). */
export interface StaffUserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  /** Comma-separated role ids. */
  roles: string;
  active: number;
  created_at: string;
}

export interface StaffSessionTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked: number;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  username: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  detail: string | null;
}
