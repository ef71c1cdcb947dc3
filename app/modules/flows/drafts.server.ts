import { randomBytes } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";
import { claimDraft } from "~/modules/shared/draft-claim.server";
import { DraftGone, draftGoneAs } from "./errors";
import { defaultLifetimeMs, pruned, type Flow, type FlowDraft } from "./flow.server";
import type { FlowDraftTable } from "./tables";

/**
 * The one drafts table (migration 0018) behind every flow: the answers as a JSON payload, read back through the
 * flow's own schema; an expiry 24 hours (the flow's lifetime) after the last change; the claim that makes a
 * submit happen once (app/modules/shared/draft-claim.server.ts). Starting drafts is limited per client at the
 * route edge (app/http/draft-limit.server.ts) as before.
 */
type Db = Kysely<Database>;

const expiry = (flow: { lifetimeMs?: number }, now: Date) => new Date(now.getTime() + (flow.lifetimeMs ?? defaultLifetimeMs)).toISOString();

function toDraft<A>(flow: Flow<A>, row: FlowDraftTable, now: Date | "even-expired"): FlowDraft<A> {
  if (now !== "even-expired" && row.expires_at < now.toISOString()) throw new DraftGone("expired");
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    throw new DraftGone("expired");
  }
  const answers = flow.answers.safeParse(payload);
  // A payload the flow can no longer read (its declaration changed since) is as good as expired.
  if (!answers.success) throw new DraftGone("expired");
  return {
    id: row.id,
    flow: row.flow,
    scope: row.scope,
    answers: answers.data,
    reference: row.reference,
    locale: row.locale,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
  };
}

/** A new, empty draft of `flow` (expired drafts of every flow are removed first). */
export async function startDraft<A>(db: Db, flow: Flow<A>, input: { locale: string; scope?: string; answers?: Partial<A> }, now = new Date()): Promise<FlowDraft<A>> {
  await db.deleteFrom("flow_drafts").where("expires_at", "<", now.toISOString()).execute();
  const row: FlowDraftTable = {
    id: randomBytes(16).toString("base64url"),
    flow: flow.name,
    scope: input.scope ?? "",
    payload: JSON.stringify(input.answers ?? {}),
    reference: null,
    locale: input.locale,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    expires_at: expiry(flow, now),
  };
  await db.insertInto("flow_drafts").values(row).execute();
  return toDraft(flow, row, now);
}

const rowOf = (db: Db, flow: { name: string }, id: string) =>
  id ? db.selectFrom("flow_drafts").selectAll().where("id", "=", id).where("flow", "=", flow.name).executeTakeFirst() : Promise.resolve(undefined);

/**
 * The draft `id` of `flow` (and of `scope`, when the URL names one), or DraftGone. `now: "even-expired"` reads a
 * draft that has expired but is still stored (tools and tests with a clock of their own; the pages never do).
 */
export async function readDraft<A>(db: Db, flow: Flow<A>, id: string, options: { scope?: string; now?: Date | "even-expired" } = {}): Promise<FlowDraft<A>> {
  const row = await rowOf(db, flow, id);
  if (!row || row.scope !== (options.scope ?? "")) throw new DraftGone("missing");
  return toDraft(flow, row, options.now ?? new Date());
}

/**
 * Adds `patch` to the draft's answers (answers of steps that stop applying are dropped) and moves its expiry on.
 * A claimed draft is never changed: what was submitted stays what it says.
 */
export async function saveAnswers<A>(db: Db, flow: Flow<A>, id: string, patch: Partial<A>, now = new Date()): Promise<FlowDraft<A>> {
  const row = await rowOf(db, flow, id);
  if (!row) throw new DraftGone("missing");
  // (Its expiry was checked when it was read for this save: the runner reads it with the request's time.)
  const current = toDraft(flow, row, "even-expired");
  const answers = pruned(flow, { ...current.answers, ...patch });
  await db
    .updateTable("flow_drafts")
    .set({ payload: JSON.stringify(answers), updated_at: now.toISOString(), expires_at: expiry(flow, now) })
    .where("id", "=", id)
    .where("reference", "is", null)
    .execute();
  return { ...current, answers };
}

/** Deletes the draft `id` of `flow` ("start again": the answers are not kept a moment longer than asked). */
export async function discardDraft<A>(db: Db, flow: Flow<A>, id: string): Promise<void> {
  if (id) await db.deleteFrom("flow_drafts").where("id", "=", id).where("flow", "=", flow.name).execute();
}

/**
 * The first statement of a flow's submit transaction: claims the draft under `reference` (once; a second submit
 * waits and finds the first one's reference in `earlier`) and reads the answers as they are now. Null when gone.
 */
export async function claimFlowDraft<A>(
  trx: Transaction<Database>,
  flow: Flow<A>,
  id: string,
  reference: string,
  now: Date,
): Promise<{ draft: FlowDraft<A>; earlier: string | null } | null> {
  const claim = await claimDraft(trx, "flow_drafts", id, reference, now);
  if (!claim || claim.row.flow !== flow.name) return null;
  // A claimed draft's answers are read without its expiry: the claim is the moment it was sent.
  return { draft: toDraft(flow, claim.row, "even-expired"), earlier: claim.earlier };
}

/**
 * A flow's draft calls for code outside its pages (start routes, tools, tests), in the module's own view of a draft
 * (`view`) and its own not-found (`gone`): `start` (after `checkScope`: the activity or device the scope names
 * exists), `read` as stored (expired or not by default: the pages check expiry through the runner, with the
 * request's time) and `save` (the same store and rules as a step's post; `answersOf` turns the module's patch into
 * answers). One declaration per flow, next to its `defineFlow`, instead of a create/get/save wrapper each.
 */
export function flowDrafts<A, V, P>(
  flow: Flow<A>,
  options: {
    view: (draft: FlowDraft<A>) => V;
    answersOf: (patch: P) => Partial<A>;
    gone: () => Error;
    checkScope?: (db: Db, scope: string) => Promise<unknown>;
  },
) {
  const orGone = draftGoneAs(options.gone);
  return {
    flow,
    async start(db: Db, input: { locale: string; scope?: string }, now = new Date()): Promise<V> {
      if (options.checkScope) await options.checkScope(db, input.scope ?? "");
      return options.view(await startDraft(db, flow, input, now));
    },
    async read(db: Db, id: string, read: { scope?: string; now?: Date | "even-expired" } = {}): Promise<V> {
      return options.view(await readDraft(db, flow, id, { scope: read.scope, now: read.now ?? "even-expired" }).catch(orGone));
    },
    async save(db: Db, id: string, patch: P, now = new Date()): Promise<void> {
      await saveAnswers(db, flow, id, options.answersOf(patch), now).catch(orGone);
    },
  };
}
