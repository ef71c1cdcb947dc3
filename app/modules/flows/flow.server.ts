import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "../db/schema";

/**
 * A guided form (one question per page → check your answers → done) declared as data: its steps, each step's
 * form schema, which steps apply given earlier answers, how the submit turns the answers into a record. One runner
 * (./runner.server.ts) loads the draft, validates a step, saves it and goes on, for every flow; docs/decisions/0014.
 */
type Db = Kysely<Database>;

/** What a step's save sees besides the parsed form. */
export interface StepContext<A> {
  db: Db;
  answers: Partial<A>;
  form: FormData;
  /** The draft's scope (what the URL names besides it: a device, an activity). */
  scope: string;
  /** Who posts (the client address, for a cap per client), and when. */
  client: string;
  now: Date;
}

/** How a page of a step reads its form: the schema, a further check, the answers it makes, buttons without the form. */
export interface StepForm<A> {
  /** The form schema (zod, through Conform: the same codes the error summary speaks). */
  schema: z.ZodTypeAny;
  /** A check the schema cannot make (a pickup point of this device?): field → error code, or null when fine. */
  refuse?: (value: never, ctx: StepContext<A>) => Record<string, string> | null | Promise<Record<string, string> | null>;
  /** The parsed form as answers; default: the value's own `fields`. */
  save?: (value: never, ctx: StepContext<A>) => Partial<A> | Promise<Partial<A>>;
  /** Buttons that answer without the form (`intent=<name>`, e.g. "I have none"). */
  intents?: Record<string, (ctx: StepContext<A>) => Partial<A> | Promise<Partial<A>>>;
}

export interface FlowStep<A> extends StepForm<A> {
  /** The URL segment (`contact`, `address` …); "check" and "done" are the engine's own. */
  id: string;
  /** The answers this step owns: cleared when the step stops applying (a card collected needs no address). */
  fields: readonly (keyof A & string)[];
  /** Whether the step is asked, given the answers so far; default always. */
  applies?: (answers: Partial<A>) => boolean;
  /** Whether it is answered; default: every field present (null is an answer, "none"). */
  answered?: (answers: Partial<A>) => boolean;
  /**
   * Other pages of this step, by URL segment: the same answers asked another way (the seat list beside the offered
   * seats), each with a form of its own. They share the step's place in the order, its number, its `limit` and where
   * it goes next; their back link is the step's own page.
   */
  pages?: Record<string, StepForm<A>>;
  /**
   * The earlier steps this step's answer depends on; default every step before it. A post of it is saved when these
   * are answered even if another earlier step is open (a seat hold that ran out while the person typed their name),
   * and then goes to that step (told, when its answer lapsed just now). The page itself still comes after every
   * earlier step.
   */
  dependsOn?: readonly string[];
  /** False: not counted in "step n of m" (it shares the number of the step before: an address after "collect"). */
  counted?: boolean;
  /**
   * The rate-limit scope of this step's post, when its save does more than store answers (the seat step takes a
   * hold). A domain error thrown by `refuse` or `save` is the post's refusal, answered through the one mapper.
   */
  limit?: string;
}

/**
 * A post that is not a step's answer (the seat hold's "more time"): its own URL segment, run on the draft as it is
 * now (lapsed answers dropped first), and going back to the page it names. A GET of it goes to `from`.
 */
export interface FlowAction<A> {
  /** The step it belongs to: its place in the order (earlier unanswered steps come first) and where a GET goes. */
  from: string;
  /** Does what the post asks and names the page to go back to, with a notice for it (`extended`: `?extended=1`). */
  run: (ctx: StepContext<A>) => Promise<{ step: string; notice?: string }>;
}

export interface Flow<A> {
  /** Stored in flow_drafts.flow; permanent once drafts exist under it. */
  name: string;
  /** The stored payload's schema: a payload that no longer fits (a changed flow) reads as an expired draft. */
  answers: z.ZodType<Partial<A>>;
  steps: readonly FlowStep<A>[];
  /** How long a draft lives after its last change; default 24 hours. */
  lifetimeMs?: number;
  /** The rate-limit scope of the check page's submit (app/modules/security/rate-limit.server.ts). */
  submitLimit?: string;
  /** Posts that are not answers, by URL segment (FlowAction). */
  actions?: Record<string, FlowAction<A>>;
  /**
   * Answers that lapse on their own (a seat hold that ran out): the fields to drop, checked whenever a page of an
   * unsent draft is read or posted. The page is told (`lapsed`), and a page that now comes first is asked for again.
   */
  lapsed?: (ctx: { db: Db; answers: Partial<A>; scope: string; now: Date }) => Promise<readonly (keyof A & string)[]>;
  /**
   * Makes the record from a complete draft; claims it with claimFlowDraft in its transaction; returns the reference.
   * A flow without one makes no record (the eligibility check): its "done" page is the result of complete answers,
   * shown as long as they are complete, and the answers can still be changed from it.
   */
  submit?: (db: Db, draft: FlowDraft<A>, now: Date) => Promise<string>;
}

export interface FlowDraft<A> {
  id: string;
  flow: string;
  scope: string;
  answers: Partial<A>;
  /** What the submit made; set once. */
  reference: string | null;
  locale: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export const defaultLifetimeMs = 24 * 60 * 60 * 1000;

/** A flow that makes a record: its submit is there (for tools and tests that send a draft directly). */
export type SubmittingFlow<A> = Flow<A> & { submit: NonNullable<Flow<A>["submit"]> };

/** Declares a flow (an identity function: the types check the declaration). */
export function defineFlow<A>(flow: SubmittingFlow<A>): SubmittingFlow<A>;
export function defineFlow<A>(flow: Flow<A>): Flow<A>;
export function defineFlow<A>(flow: Flow<A>): Flow<A> {
  return flow;
}

export const stepApplies = <A>(step: FlowStep<A>, answers: Partial<A>) => step.applies?.(answers) ?? true;
export const stepAnswered = <A>(step: FlowStep<A>, answers: Partial<A>) => step.answered?.(answers) ?? step.fields.every((f) => answers[f] !== undefined);

/** The steps asked, given the answers. */
export const stepsFor = <A>(flow: Flow<A>, answers: Partial<A>) => flow.steps.filter((s) => stepApplies(s, answers));

/** The first step asked and not answered, or "check". */
export function firstMissing<A>(flow: Flow<A>, answers: Partial<A>): string {
  return stepsFor(flow, answers).find((s) => !stepAnswered(s, answers))?.id ?? "check";
}

/** Answers of steps that no longer apply are dropped, so the check page and the submit never see them. */
export function pruned<A>(flow: Flow<A>, answers: Partial<A>): Partial<A> {
  const out = { ...answers };
  for (const step of flow.steps) if (!stepApplies(step, out)) for (const f of step.fields) delete out[f];
  return out;
}

/** Where a saved step goes: back to the check page when asked to (unless a newly needed step comes first), else on. */
export function nextAfter<A>(flow: Flow<A>, stepId: string, answers: Partial<A>, returnToCheck: boolean): string {
  const missing = firstMissing(flow, answers);
  const asked = stepsFor(flow, answers);
  if (returnToCheck) return missing;
  const index = asked.findIndex((s) => s.id === stepId);
  return asked[index + 1]?.id ?? "check";
}

/** The step before this one (for the back link), or null on the first. */
export function previousOf<A>(flow: Flow<A>, stepId: string, answers: Partial<A>): string | null {
  // Another page of a step goes back to the step's own page.
  const owner = stepOfPage(flow, stepId);
  if (owner && owner.id !== stepId) return owner.id;
  const ids = [...stepsFor(flow, answers).map((s) => s.id), "check"];
  const index = ids.indexOf(stepId);
  return index > 0 ? ids[index - 1] : null;
}

/** "Step n of m": counted steps and the check page. */
export function stepNumber<A>(flow: Flow<A>, page: string): { n: number; of: number } {
  const stepId = stepOfPage(flow, page)?.id ?? page;
  const counted = [...flow.steps.filter((s) => s.counted !== false).map((s) => s.id), "check"];
  let n = 0;
  for (const id of [...flow.steps.map((s) => s.id), "check"]) {
    if (counted.includes(id)) n++;
    if (id === stepId) break;
  }
  return { n, of: counted.length };
}

/** The step a URL segment is a page of (its own id, or one of its `pages`), or null. */
export const stepOfPage = <A>(flow: Flow<A>, id: string): FlowStep<A> | null =>
  flow.steps.find((s) => s.id === id) ?? flow.steps.find((s) => s.pages && Object.hasOwn(s.pages, id)) ?? null;

/** The form a page of a step reads: the step's own, or that of one of its other pages. */
export const formOfPage = <A>(step: FlowStep<A>, id: string): StepForm<A> => (id !== step.id && step.pages && Object.hasOwn(step.pages, id) ? step.pages[id] : step);

/** Whether `id` is a page of the flow (its steps and their other pages, check, done, its actions). */
export const isFlowPage = <A>(flow: Flow<A>, id: string) => id === "check" || id === "done" || stepOfPage(flow, id) !== null || flowAction(flow, id) !== null;

/** The flow's action of this URL segment, or null. */
export const flowAction = <A>(flow: Flow<A>, id: string): FlowAction<A> | null => (flow.actions && Object.hasOwn(flow.actions, id) ? flow.actions[id] : null);

/** Position of a page in the flow's order, for "is the first missing step before this one". */
export const pageIndex = <A>(flow: Flow<A>, id: string) => {
  if (id === "check") return flow.steps.length;
  if (id === "done") return flow.steps.length + 1;
  const step = stepOfPage(flow, id);
  return step ? flow.steps.indexOf(step) : -1;
};

/**
 * Answers from a patch of nullable fields (a module's own draft shape): null is "not answered", except for the keys
 * where null is an answer (a certificate: none given).
 */
export function answersFrom<A>(patch: Record<string, unknown>, nullIsAnswer: readonly string[] = []): Partial<A> {
  const answers: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) if (value !== undefined && (value !== null || nullIsAnswer.includes(key))) answers[key] = value;
  return answers as Partial<A>;
}
