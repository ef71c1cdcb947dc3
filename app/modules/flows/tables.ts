/** The guided-form engine's drafts (migration 0018-flow-drafts). */
export interface FlowDraftTable {
  id: string;
  /** The flow declaration's name. */
  flow: string;
  /** What the draft belongs to when its URL names it (an activity's id), else "". */
  scope: string;
  /** The answers so far, as JSON; read back through the flow's answers schema. */
  payload: string;
  /** What the submit made (set once, by the claim). */
  reference: string | null;
  locale: string;
  created_at: string;
  updated_at: string;
  expires_at: string;
}
