import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { hitRateLimit } from "../security/rate-limit.server";
import { DomainError } from "~/modules/shared/domain-error";
import { readDraft, saveAnswers } from "./drafts.server";
import { NoSuchStep } from "./errors";
import { firstMissing, flowAction, formOfPage, isFlowPage, nextAfter, pageIndex, previousOf, stepAnswered, stepApplies, stepNumber, stepOfPage, type Flow, type FlowDraft, type FlowStep } from "./flow.server";

/**
 * The one runner of every flow: "load the draft, validate the step, save it, go to the next step or back to the
 * check page", and the check page's submit. It speaks no HTTP: it answers what should happen (a page, a redirect
 * to another page of the flow, a form to show again with its errors, a refusal), and app/http/flow-route.server.ts
 * turns that into the page's answer. A draft that is gone or a page the flow does not have is DraftGone /
 * NoSuchStep (not_found), thrown.
 */
type Db = Kysely<Database>;

export interface StepAddress {
  draftId: string;
  step: string;
  /** What the URL names besides the draft (an activity's id); "" when nothing. */
  scope?: string;
}

export type StepPage<A> = {
  kind: "page";
  draft: FlowDraft<A>;
  step: string;
  /** The page before (for the back link); null on the first step. */
  back: string | null;
  /** "Step n of m". */
  count: { n: number; of: number };
  /** Answers lapsed on their own since the last page (Flow.lapsed): the page says so. */
  lapsed: boolean;
};
/** Go to another page; `notice` is what that page should say (a flow action's `extended`). */
export type GoTo = { kind: "goto"; step: string; lapsed?: true; notice?: string };

/** The draft, with the answers that lapsed on their own dropped (and saved so). */
async function current<A>(db: Db, flow: Flow<A>, address: StepAddress, now: Date): Promise<{ draft: FlowDraft<A>; lapsed: boolean }> {
  const draft = await readDraft(db, flow, address.draftId, { scope: address.scope, now });
  if (draft.reference || !flow.lapsed) return { draft, lapsed: false };
  const gone = await flow.lapsed({ db, answers: draft.answers, scope: draft.scope, now });
  if (!gone.length) return { draft, lapsed: false };
  const patch = Object.fromEntries(gone.map((f) => [f, undefined])) as Partial<A>;
  return { draft: await saveAnswers(db, flow, draft.id, patch, now), lapsed: true };
}

/** The page to show, or where to go instead: a finished draft leads to its done page, an unanswered step comes first. */
export async function loadStep<A>(db: Db, flow: Flow<A>, address: StepAddress, now = new Date()): Promise<StepPage<A> | GoTo> {
  if (!isFlowPage(flow, address.step)) throw new NoSuchStep(address.step);
  const { draft, lapsed } = await current(db, flow, address, now);
  const action = flowAction(flow, address.step);
  // An action is a post; its GET is its step's page (or what comes first).
  if (action) {
    const step = whereInstead(flow, draft, action.from) ?? action.from;
    return lapsed ? { kind: "goto", step, lapsed } : { kind: "goto", step };
  }
  const goto = whereInstead(flow, draft, address.step);
  if (goto) return lapsed ? { kind: "goto", step: goto, lapsed } : { kind: "goto", step: goto };
  return { kind: "page", draft, step: address.step, back: previousOf(flow, address.step, draft.answers), count: stepNumber(flow, address.step), lapsed };
}

function whereInstead<A>(flow: Flow<A>, draft: FlowDraft<A>, step: string): string | null {
  if (draft.reference) return step === "done" ? null : "done";
  const missing = firstMissing(flow, draft.answers);
  // "done" is a claimed draft's confirmation, or (a flow that submits nothing) the result of complete answers.
  if (step === "done") return !flow.submit && missing === "check" ? null : missing;
  const asked = stepOfPage(flow, step);
  if (asked && !stepApplies(asked, draft.answers)) return missing;
  return pageIndex(flow, missing) < pageIndex(flow, step) ? missing : null;
}

export type StepPost =
  | GoTo
  /** The form again, with Conform's reply (errors and what was typed): 400. */
  | { kind: "invalid"; lastResult: SubmissionResult<string[]> }
  /**
   * Refused: too many (429; the check page's submit, a step with a `limit`), or a domain error (its one status and
   * message). A step's form comes back with what was typed (`lastResult`; a rate limit as the form error
   * `rateLimited`, as the honeypot's is `spam`), so nothing is lost (WCAG 3.3.7).
   */
  | { kind: "limited"; retryAfterSeconds: number; lastResult?: SubmissionResult<string[]> }
  | { kind: "refused"; error: DomainError; lastResult?: SubmissionResult<string[]> };

/** A post of one page: a step's answer saved (or its errors), or the check page's submit. */
export async function postStep<A>(db: Db, flow: Flow<A>, address: StepAddress & { form: FormData; client: string }, now = new Date()): Promise<StepPost> {
  if (!isFlowPage(flow, address.step) || address.step === "done") throw new NoSuchStep(address.step);
  const { draft, lapsed } = await current(db, flow, address, now);
  const action = flowAction(flow, address.step);
  const instead = whereInstead(flow, draft, action ? action.from : address.step);
  const goInstead: GoTo | null = instead ? (lapsed ? { kind: "goto", step: instead, lapsed } : { kind: "goto", step: instead }) : null;
  if (goInstead && (action || address.step === "check")) return goInstead;
  if (action) {
    const ctx = { db, answers: draft.answers, form: address.form, scope: draft.scope, client: address.client, now };
    const back = await action.run(ctx);
    // A page the flow does not have (or another action) is the action's own step.
    const step = isFlowPage(flow, back.step) && !flowAction(flow, back.step) && back.step !== "done" ? back.step : action.from;
    if (lapsed) return { kind: "goto", step, lapsed };
    return back.notice ? { kind: "goto", step, notice: back.notice } : { kind: "goto", step };
  }
  if (address.step === "check") {
    if (!flow.submit) return { kind: "goto", step: "done" };
    const sent = await submit(db, flow, flow.submit, draft, address.client, now);
    // Refused because an answer lapsed between the read and the submit (a hold that ran out just then): that step, told.
    if (sent.kind === "refused" && flow.lapsed) {
      const again = await current(db, flow, address, now);
      if (again.lapsed) return { kind: "goto", step: firstMissing(flow, again.draft.answers), lapsed: true };
    }
    return sent;
  }

  const step = stepOfPage(flow, address.step) as FlowStep<A>;
  // An earlier step is open: the post goes there, unless this step's answer does not depend on it (`dependsOn`).
  if (goInstead) {
    const needed = flow.steps.filter((s) => step.dependsOn?.includes(s.id) && stepApplies(s, draft.answers));
    const independent = step.dependsOn && instead !== "done" && stepApplies(step, draft.answers) && needed.every((s) => stepAnswered(s, draft.answers));
    if (!independent) return goInstead;
  }
  return saveStep(db, flow, step, draft, address, now, goInstead);
}

/**
 * Validates and saves a page of a step. With `ahead` (an earlier step is open, and this one does not depend on it) a
 * valid answer is saved and the person goes to the open step; anything else goes there too, as without `dependsOn`.
 */
async function saveStep<A>(
  db: Db,
  flow: Flow<A>,
  step: FlowStep<A>,
  draft: FlowDraft<A>,
  address: StepAddress & { form: FormData; client: string },
  now: Date,
  ahead: GoTo | null,
): Promise<StepPost> {
  const ctx = { db, answers: draft.answers, form: address.form, scope: draft.scope, client: address.client, now };
  const page = formOfPage(step, address.step);
  const intent = address.form.get("intent");
  const chosen = typeof intent === "string" && page.intents && Object.hasOwn(page.intents, intent) ? page.intents[intent] : null;
  let typed: SubmissionResult<string[]> | undefined;
  try {
    let value: Record<string, unknown> | null = null;
    if (!chosen) {
      const submission = parseWithZod(address.form, { schema: page.schema });
      if (submission.status !== "success") {
        if (ahead) return ahead;
        // The honeypot (a field people never see) filled in: refused without saying which field.
        const lastResult = submission.error?.website ? submission.reply({ formErrors: ["spam"] }) : submission.reply();
        return { kind: "invalid", lastResult };
      }
      typed = submission.reply();
      value = submission.value as Record<string, unknown>;
      const refused = page.refuse ? await page.refuse(value as never, ctx) : null;
      if (refused) {
        if (ahead) return ahead;
        return { kind: "invalid", lastResult: submission.reply({ fieldErrors: Object.fromEntries(Object.entries(refused).map(([k, v]) => [k, [v]])) }) };
      }
      if (step.limit) {
        const limit = await hitRateLimit(db, step.limit, address.client);
        if (!limit.allowed) return { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds, lastResult: submission.reply({ formErrors: ["rateLimited"] }) };
      }
    } else if (step.limit) {
      const limit = await hitRateLimit(db, step.limit, address.client);
      if (!limit.allowed) return { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds };
    }
    const patch: Partial<A> = chosen
      ? await chosen(ctx)
      : page.save
        ? await page.save(value as never, ctx)
        : (Object.fromEntries(step.fields.map((f) => [f, value![f]])) as Partial<A>);
    const saved = await saveAnswers(db, flow, draft.id, patch, now);
    if (ahead) return { ...ahead, step: firstMissing(flow, saved.answers) };
    return { kind: "goto", step: nextAfter(flow, step.id, saved.answers, address.form.get("returnTo") === "check") };
  } catch (error) {
    // A domain error of `refuse` or `save` (a seat taken meanwhile) is the post's refusal: nothing is saved.
    if (error instanceof DomainError && error.code !== "not_found") return typed ? { kind: "refused", error, lastResult: typed } : { kind: "refused", error };
    throw error;
  }
}

async function submit<A>(db: Db, flow: Flow<A>, send: NonNullable<Flow<A>["submit"]>, draft: FlowDraft<A>, client: string, now: Date): Promise<StepPost> {
  const limit = await hitRateLimit(db, flow.submitLimit ?? "request", client);
  if (!limit.allowed) return { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds };
  try {
    await send(db, draft, now);
  } catch (error) {
    if (error instanceof DomainError && error.code !== "not_found") return { kind: "refused", error };
    throw error;
  }
  return { kind: "goto", step: "done" };
}
