import type { Generated, Insertable, Selectable } from "kysely";

/**
 * The database as Kysely sees it. Columns use portable types only (text, integer, bigint) so that the same
 * migrations and queries run on SQLite and PostgreSQL: timestamps are ISO-8601 UTC strings, booleans 0/1.
 */
export interface Database {
  feedback: FeedbackTable;
  rate_limits: RateLimitTable;
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
}
export type FeedbackRow = Selectable<FeedbackTable>;
export type NewFeedback = Insertable<FeedbackTable>;

export interface RateLimitTable {
  /** scope:client:window */
  key: string;
  window_start: number;
  count: number;
}
