import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { defineFlow, discardDraft, firstMissing, readDraft, startDraft, DraftGone, type FlowDraft } from "../flows/index.server";
import { checkEligibility, eligibilitySteps, stepFields, type EligibilityAnswers, type SchemeResult } from "./eligibility";
import { answersSchema, stepSchemas } from "./eligibility-schema";

/**
 * The guided eligibility check on the guided-form engine (docs/decisions/0014): one question a page, "check your
 * answers", and the result. The answers are health details: they live in flow_drafts like every other flow's
 * (24 hours after the last change, then gone; the retention purge removes expired drafts), never in a cookie or a
 * URL. The check makes no record, so the flow has no submit: its "done" page is the result of complete answers
 * (at /assistant/eligibility/result), and the answers can still be changed from it. No step is conditional: every
 * rule reads every answer.
 */
type Db = Kysely<Database>;

export const eligibilityFlow = defineFlow<EligibilityAnswers>({
  name: "eligibility-check",
  answers: answersSchema,
  steps: eligibilitySteps.map((id) => ({ id, fields: stepFields[id], schema: stepSchemas[id] })),
});

/** The draft `id` of the check, or null when there is none (never started, expired, or another flow's). */
export async function readEligibilityDraft(db: Db, id: string | null, now = new Date()): Promise<FlowDraft<EligibilityAnswers> | null> {
  if (!id) return null;
  try {
    return await readDraft(db, eligibilityFlow, id, { now });
  } catch (error) {
    if (error instanceof DraftGone) return null;
    throw error;
  }
}

/**
 * "Start again" (the start page) or "check step by step with these answers" (a chat answer's prefill): the earlier
 * draft is deleted, not left to expire. With `answers` (choices only, never a number) a new draft starts with them
 * and is returned with the page to go to (the first question still open, or "check"); without, nothing is kept
 * (the first answer starts the next draft) and the first question is the page.
 */
export async function restartEligibility(
  db: Db,
  input: { previous: string | null; locale: string; answers?: Partial<EligibilityAnswers> },
  now = new Date(),
): Promise<{ draft: FlowDraft<EligibilityAnswers> | null; next: string }> {
  if (input.previous) await discardDraft(db, eligibilityFlow, input.previous);
  if (!input.answers) return { draft: null, next: firstMissing(eligibilityFlow, {}) };
  const draft = await startDraft(db, eligibilityFlow, { locale: input.locale, answers: input.answers }, now);
  return { draft, next: firstMissing(eligibilityFlow, draft.answers) };
}

/** The result of complete answers (the flow's "done" page). */
export const eligibilityResult = (answers: Partial<EligibilityAnswers>): SchemeResult[] => checkEligibility(answers as EligibilityAnswers);
