/**
 * Self-service withdrawal (issue 17, item 6), the words every module uses for it: where a record stands for its
 * owner, and what a withdrawal did. A module decides the state from its own rules (a device already lent out, a
 * card already issued, an activity already begun: too late), and withdraws with a conditional update and its audit
 * entry in one transaction. Nothing is deleted: the record keeps a `withdrawn` status (activity sign-ups keep their
 * existing `cancelled`, the same thing).
 */
export type WithdrawalState = { state: "open" } | { state: "withdrawn" } | { state: "tooLate"; reason: string };

export type WithdrawOutcome = { outcome: "withdrawn" } | { outcome: "alreadyWithdrawn" } | { outcome: "tooLate"; reason: string };

/** What withdrawing a record in `state` does (or would do). */
export function withdrawOutcome(state: WithdrawalState): WithdrawOutcome {
  if (state.state === "open") return { outcome: "withdrawn" };
  if (state.state === "withdrawn") return { outcome: "alreadyWithdrawn" };
  return { outcome: "tooLate", reason: state.reason };
}

/** The audit entry of a withdrawal, or none when nothing changed (already withdrawn, too late). */
export const withdrawalAudit =
  (action: string, targetType: string, targetId: string) =>
  (result: WithdrawOutcome): { action: string; targetType: string; targetId: string; detail: string } | null =>
    result.outcome === "withdrawn" ? { action, targetType, targetId, detail: "withdrawn by the person (reference + phone)" } : null;
