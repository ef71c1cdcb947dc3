import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "~/modules/db/schema";
import { recordAudit, withAudit, type Actor } from "~/modules/staff/index.server";
import { getCorpus, loadGlossary, type Corpus } from "./corpus.server";
import { bumpCorpusVersion, corpusVersion } from "./documents.server";
import { glossaryKey, mergeGlossary, type Mapping } from "./glossary-terms.server";
import { glossaryWordMax, type GlossaryError, type GlossaryErrorCode, type GlossaryField } from "./glossary-form";
import type { GlossaryTerm } from "./schema";

export { mergeGlossary, type Mapping };

/**
 * Glossary mappings from the staff console (issue 16, item 5b; migration 0017): a word residents type that the corpus
 * does not use (残废证), read as the corpus's term (残疾人证). One staff member proposes it (`content.glossary.add`),
 * another — content staff or an admin, never the proposer — approves it (`content.glossary.approve`); the approval
 * raises the corpus version in its transaction, so every process rebuilds its indexes with the new glossary within
 * seconds (live.server.ts). A mapping may be removed (`content.glossary.remove`; it stays, marked removed).
 */

export { glossaryWordMax, type GlossaryError, type GlossaryErrorCode, type GlossaryField };

/** The posted form (raw strings: measured and checked by proposeGlossaryMapping). */
export const glossaryFormSchema = z.object({
  // raw: cleaned (clean) and measured by checkMapping before anything is stored
  variant: z.string().default(""),
  // raw: as variant
  canonical: z.string().default(""),
});

/** Invisible and control characters dropped, full-width folded, spaces folded, ends trimmed. */
const clean = (text: string) =>
  text
    .normalize("NFKC")
    .replace(/\s+/g, " ")
    .replace(/[\p{Cf}\p{Cc}]/gu, "")
    .trim();

export interface GlossaryEntry {
  id: string;
  variant: string;
  canonical: string;
  status: "proposed" | "approved";
  proposedBy: string;
  proposedByName: string;
  proposedAt: string;
  approvedByName: string | null;
  approvedAt: string | null;
}

/** The console's mappings in use or waiting for approval, newest first, with who proposed and approved them. */
export async function listGlossaryEntries(db: Kysely<Database>): Promise<GlossaryEntry[]> {
  const rows = await db
    .selectFrom("content_glossary_entries as g")
    .leftJoin("staff_users as p", "p.id", "g.proposed_by")
    .leftJoin("staff_users as a", "a.id", "g.approved_by")
    .select(["g.id", "g.variant", "g.canonical", "g.status", "g.proposed_by", "g.proposed_at", "g.approved_at", "p.display_name as proposer", "a.display_name as approver"])
    .where("g.status", "in", ["proposed", "approved"])
    .orderBy("g.proposed_at", "desc")
    .orderBy("g.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    variant: r.variant,
    canonical: r.canonical,
    status: r.status as GlossaryEntry["status"],
    proposedBy: r.proposed_by,
    proposedByName: r.proposer ?? r.proposed_by,
    proposedAt: r.proposed_at,
    approvedByName: r.approved_at ? (r.approver ?? null) : null,
    approvedAt: r.approved_at,
  }));
}

/** The glossary the served corpus is searched with (files and approved mappings). */
export function servedGlossary(corpus: Corpus = getCorpus()): GlossaryTerm[] {
  return corpus.glossary?.terms ?? loadGlossary(corpus.dir || undefined).terms;
}

/** True when `term` is a term of the corpus: a glossary entry's term, or words a published document says. */
export function isCorpusTerm(term: string, corpus: Corpus = getCorpus()): boolean {
  const key = glossaryKey(term);
  if (servedGlossary(corpus).some((t) => glossaryKey(t.canonical) === key)) return true;
  return corpus.documents.some((d) => d.title.includes(term) || d.summary.includes(term) || d.plainText.includes(term));
}

/** The errors of a mapping (both fields measured, then its words against the glossary and the corpus). */
export function checkMapping(input: Mapping, taken: GlossaryTerm[], corpus: Corpus): GlossaryError[] {
  const errors: GlossaryError[] = [];
  for (const field of ["variant", "canonical"] as const) {
    const value = input[field];
    if (!value) errors.push({ field, code: "required" });
    else if ([...value].length > glossaryWordMax) errors.push({ field, code: "tooLong", max: glossaryWordMax });
  }
  if (errors.length) return errors;
  if (glossaryKey(input.variant) === glossaryKey(input.canonical)) return [{ field: "variant", code: "same" }];
  const owner = taken.find((t) => [t.canonical, ...t.variants].some((w) => glossaryKey(w) === glossaryKey(input.variant)));
  if (owner) errors.push({ field: "variant", code: "duplicate", term: owner.canonical });
  if (!isCorpusTerm(input.canonical, corpus)) errors.push({ field: "canonical", code: "notInCorpus" });
  return errors;
}

export type ProposeResult = { ok: true; id: string; mapping: Mapping } | { ok: false; errors: GlossaryError[]; values: Mapping };

/**
 * Proposes a mapping (not in use until another staff member approves it). Refused with field errors when a word is
 * empty or too long, the word is the term, the word is in the glossary already (files, approved or proposed), or the
 * term is not one the corpus uses. Audited in the same transaction.
 */
export async function proposeGlossaryMapping(
  db: Kysely<Database>,
  actor: Actor,
  raw: { variant: string; canonical: string },
  options: { corpus?: Corpus; now?: Date } = {},
): Promise<ProposeResult> {
  const now = options.now ?? new Date();
  const corpus = options.corpus ?? getCorpus();
  const mapping = { variant: clean(raw.variant), canonical: clean(raw.canonical) };
  return withAudit(
    db,
    actor,
    async (trx): Promise<ProposeResult> => {
      const inConsole = await trx.selectFrom("content_glossary_entries").select(["variant", "canonical"]).where("status", "in", ["proposed", "approved"]).execute();
      const taken = mergeGlossary(loadGlossary(corpus.dir || undefined).terms, inConsole);
      const errors = checkMapping(mapping, taken, corpus);
      if (errors.length) return { ok: false, errors, values: mapping };
      const id = randomUUID();
      await trx
        .insertInto("content_glossary_entries")
        .values({
          id,
          ...mapping,
          status: "proposed",
          proposed_by: actor.id ?? "",
          proposed_at: now.toISOString(),
          approved_by: null,
          approved_at: null,
          removed_by: null,
          removed_at: null,
        })
        .execute();
      return { ok: true, id, mapping };
    },
    (r) => (r.ok ? { action: "content.glossary.add", targetType: "content_glossary_entry", targetId: r.id, detail: `${r.mapping.variant} → ${r.mapping.canonical}` } : null),
    now,
  );
}

export type GlossaryDecision = { ok: true; id: string; mapping: Mapping } | { ok: false; reason: "notFound" | "notPending" | "ownProposal" };

/** Who may approve a mapping: anyone signed in but the one who proposed it (the route admits content staff and admins). */
export function mayApproveMapping(actorId: string | null, entry: Pick<GlossaryEntry, "proposedBy">): boolean {
  return actorId !== null && actorId !== entry.proposedBy;
}

/**
 * A second staff member approves a proposed mapping: it is in use from the corpus version raised here (every process
 * rebuilds its indexes with it within seconds). Audited in the same transaction.
 */
export async function approveGlossaryMapping(db: Kysely<Database>, actor: Actor, id: string, now: Date = new Date()): Promise<GlossaryDecision> {
  return db.transaction().execute(async (trx): Promise<GlossaryDecision> => {
    const row = await trx.selectFrom("content_glossary_entries").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row || row.status === "removed") return { ok: false, reason: "notFound" };
    if (row.status !== "proposed") return { ok: false, reason: "notPending" };
    if (!mayApproveMapping(actor.id, { proposedBy: row.proposed_by })) return { ok: false, reason: "ownProposal" };
    const at = now.toISOString();
    await trx.updateTable("content_glossary_entries").set({ status: "approved", approved_by: actor.id, approved_at: at }).where("id", "=", id).where("status", "=", "proposed").execute();
    // Version 0: the files are served, the database holds no documents yet; the mapping applies with the first import.
    if ((await corpusVersion(trx)) > 0) await bumpCorpusVersion(trx, at);
    const mapping = { variant: row.variant, canonical: row.canonical };
    await recordAudit(trx, actor, { action: "content.glossary.approve", targetType: "content_glossary_entry", targetId: id, detail: `${mapping.variant} → ${mapping.canonical}` }, now);
    return { ok: true, id, mapping };
  });
}

/**
 * Removes a mapping (proposed or in use; kept, marked removed). One in use leaves the glossary with the corpus version
 * raised here. Audited in the same transaction.
 */
export async function removeGlossaryMapping(db: Kysely<Database>, actor: Actor, id: string, now: Date = new Date()): Promise<GlossaryDecision> {
  return db.transaction().execute(async (trx): Promise<GlossaryDecision> => {
    const row = await trx.selectFrom("content_glossary_entries").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row || row.status === "removed") return { ok: false, reason: "notFound" };
    const at = now.toISOString();
    await trx.updateTable("content_glossary_entries").set({ status: "removed", removed_by: actor.id, removed_at: at }).where("id", "=", id).execute();
    if (row.status === "approved" && (await corpusVersion(trx)) > 0) await bumpCorpusVersion(trx, at);
    const mapping = { variant: row.variant, canonical: row.canonical };
    await recordAudit(trx, actor, { action: "content.glossary.remove", targetType: "content_glossary_entry", targetId: id, detail: `${mapping.variant} → ${mapping.canonical}` }, now);
    return { ok: true, id, mapping };
  });
}

/** A proposed mapping (for "test with this change"), or undefined. */
export async function getProposedMapping(db: Kysely<Database>, id: string): Promise<Mapping | undefined> {
  const row = await db.selectFrom("content_glossary_entries").select(["variant", "canonical"]).where("id", "=", id).where("status", "=", "proposed").executeTakeFirst();
  return row ?? undefined;
}
