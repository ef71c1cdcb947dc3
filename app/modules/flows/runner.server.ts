import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { hitRateLimit } from "../security/rate-limit.server";
import { DomainError } from "~/modules/shared/domain-error";
import { readDraft, saveAnswers } from "./drafts.server";
import { NoSuchStep } from "./errors";
import { firstMissing, flowAction, isFlowPage, nextAfter, pageIndex, previousOf, stepApplies, stepNumber, type Flow, type FlowDraft, type FlowStep } from "./flow.server";

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
  const asked = flow.steps.find((s) => s.id === step);
  if (asked && !stepApplies(asked, draft.answers)) return missing;
  return pageIndex(flow, missing) < pageIndex(flow, step) ? missing : null;
}

export type StepPost =
  | GoTo
  /** The form again, with Conform's reply (errors and what was typed): 400. */
  | { kind: "invalid"; lastResult: SubmissionResult<string[]> }
  /** Refused: too many (429; the check page's submit, a step with a `limit`), or a domain error (its one status and message). */
  | { kind: "limited"; retryAfterSeconds: number }
  | { kind: "refused"; error: DomainError };

/** A post of one page: a step's answer saved (or its errors), or the check page's submit. */
export async function postStep<A>(db: Db, flow: Flow<A>, address: StepAddress & { form: FormData; client: string }, now = new Date()): Promise<StepPost> {
  if (!isFlowPage(flow, address.step) || address.step === "done") throw new NoSuchStep(address.step);
  const { draft, lapsed } = await current(db, flow, address, now);
  const action = flowAction(flow, address.step);
  const instead = whereInstead(flow, draft, action ? action.from : address.step);
  if (instead) return lapsed ? { kind: "goto", step: instead, lapsed } : { kind: "goto", step: instead };
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

  const step = flow.steps.find((s) => s.id === address.step) as FlowStep<A>;
  if (step.limit) {
    const limit = await hitRateLimit(db, step.limit, address.client);
    if (!limit.allowed) return { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds };
  }
  try {
    return await saveStep(db, flow, step, draft, address, now);
  } catch (error) {
    if (error instanceof DomainError && error.code !== "not_found") return { kind: "refused", error };
    throw error;
  }
}

async function saveStep<A>(db: Db, flow: Flow<A>, step: FlowStep<A>, draft: FlowDraft<A>, address: StepAddress & { form: FormData; client: string }, now: Date): Promise<StepPost> {
  const ctx = { db, answers: draft.answers, form: address.form, scope: draft.scope, client: address.client, now };
  const intent = address.form.get("intent");
  let patch: Partial<A>;
  const chosen = typeof intent === "string" && step.intents && Object.hasOwn(step.intents, intent) ? step.intents[intent] : null;
  if (chosen) patch = await chosen(ctx);
  else {
    const submission = parseWithZod(address.form, { schema: step.schema });
    if (submission.status !== "success") {
      // The honeypot (a field people never see) filled in: refused without saying which field.
      const lastResult = submission.error?.website ? submission.reply({ formErrors: ["spam"] }) : submission.reply();
      return { kind: "invalid", lastResult };
    }
    const value = submission.value as Record<string, unknown>;
    const refused = step.refuse ? await step.refuse(value as never, ctx) : null;
    if (refused) return { kind: "invalid", lastResult: submission.reply({ fieldErrors: Object.fromEntries(Object.entries(refused).map(([k, v]) => [k, [v]])) }) };
    patch = step.save ? await step.save(value as never, ctx) : (Object.fromEntries(step.fields.map((f) => [f, value[f]])) as Partial<A>);
  }
  const saved = await saveAnswers(db, flow, draft.id, patch, now);
  return { kind: "goto", step: nextAfter(flow, step.id, saved.answers, address.form.get("returnTo") === "check") };
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
