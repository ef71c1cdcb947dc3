import { z } from "zod";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { maskPhone } from "../privacy/mask";
import { makeReference, normaliseReference } from "~/modules/shared/reference";
import { selfServiceActor, withAudit, type Actor } from "../staff/audit.server";
import { withdrawalAudit, withdrawOutcome, type WithdrawalState, type WithdrawOutcome } from "~/modules/shared/withdrawal";
import { isUniqueViolation } from "~/modules/shared/transaction-retry.server";
import { answersFrom, claimFlowDraft, defineFlow, firstMissing, flowDrafts, type FlowDraft } from "~/modules/flows/index.server";
import { certificateStep, storedCertificate } from "~/modules/lending/certificate-step.server";
import { cardFormats, collectOptions, disabilityCategories, type CardFormat, type CardStatus, type CardStep, type CollectOption, type DisabilityCategory } from "./centre-constants";
import { normalisePhone } from "./centre-constants";
import { addressSchema, certificateSchema, collectSchema, contactSchema, disabilitySchema, formatSchema } from "./centre-schema";
import { NotFound, WrongState } from "./errors";
import type { CentreLibraryCardTable } from "./tables";
import { sameSecret } from "~/modules/security/same-secret.server";

/**
 * 视障图书馆 借阅证 (borrowing card) applications. The application is a guided form (app/modules/flows,
 * docs/decisions/0014): contact → disability → certificate → format → collect → (address, when delivered) → check →
 * done, its answers in a server-side draft under a random id in the URL. The certificate number is protected (hash
 * + masked form, see ../lending/certificate.server.ts) as soon as it is answered: the draft never holds it.
 */
type Db = Kysely<Database>;

const cardAnswers = z
  .object({
    // The stored answers, read back: each was cleaned by its step's schema (contactSchema …) before it was saved.
    name: z.string(), // raw: the stored answer, cleaned by contactSchema when it was given
    phone: z.string(), // raw: the stored answer, cleaned by contactSchema when it was given
    disability: z.enum(disabilityCategories),
    certificate: storedCertificate,
    format: z.enum(cardFormats),
    collect: z.enum(collectOptions),
    address: z.string(), // raw: the stored answer, cleaned by addressSchema when it was given
  })
  .partial();
export type CardAnswers = Required<z.infer<typeof cardAnswers>>;

/** The 借阅证 application as a flow declaration. */
export const cardFlow = defineFlow<CardAnswers>({
  name: "library-card",
  answers: cardAnswers,
  submitLimit: "request",
  steps: [
    { id: "contact", fields: ["name", "phone"], schema: contactSchema },
    { id: "disability", fields: ["disability"], schema: disabilitySchema },
    certificateStep<CardAnswers>(certificateSchema),
    { id: "format", fields: ["format"], schema: formatSchema },
    { id: "collect", fields: ["collect"], schema: collectSchema },
    { id: "address", fields: ["address"], schema: addressSchema, applies: (a) => a.collect === "delivery", counted: false },
  ],
  submit: (db, draft, now) => sendCard(db, draft.id, now),
});

export interface CardDraft {
  id: string;
  name: string | null;
  phone: string | null;
  disability: DisabilityCategory | null;
  certificateAnswered: boolean;
  certificate: { hash: string; masked: string } | null;
  format: CardFormat | null;
  collect: CollectOption | null;
  address: string | null;
  cardReference: string | null;
  locale: string;
}

const toDraft = (d: FlowDraft<CardAnswers>): CardDraft => ({
  id: d.id,
  name: d.answers.name ?? null,
  phone: d.answers.phone ?? null,
  disability: d.answers.disability ?? null,
  certificateAnswered: d.answers.certificate !== undefined,
  certificate: d.answers.certificate ?? null,
  format: d.answers.format ?? null,
  collect: d.answers.collect ?? null,
  address: d.answers.address ?? null,
  cardReference: d.reference,
  locale: d.locale,
});

export type CardDraftPatch = Partial<Pick<CardDraft, "name" | "phone" | "disability" | "certificate" | "format" | "collect" | "address">>;

const answersOf = (patch: CardDraftPatch) => answersFrom<CardAnswers>(patch, ["certificate"]);

/** The card drafts outside the pages (tools, tests): `cardDrafts.start(db, { locale })`, `.read(db, id)`, `.save(db, id, patch)`. */
export const cardDrafts = flowDrafts(cardFlow, { view: toDraft, answersOf, gone: () => new NotFound("draft") });

/** The first unanswered step, or "check". */
export function firstMissingCardStep(d: CardDraft): Exclude<CardStep, "done"> {
  const { certificate, certificateAnswered, ...rest } = d;
  return firstMissing(cardFlow, answersOf({ ...rest, ...(certificateAnswered ? { certificate } : {}) })) as Exclude<CardStep, "done">;
}

/** Sends a complete draft (the same as the check page's submit). */
export async function submitCardDraft(db: Db, draft: CardDraft, now = new Date()): Promise<string> {
  if (draft.cardReference) return draft.cardReference;
  if (firstMissingCardStep(draft) !== "check") throw new WrongState("incomplete");
  return sendCard(db, draft.id, now);
}

/**
 * Sends the application, in one transaction that first claims the draft (app/modules/flows, claimFlowDraft): a
 * second submit of the same draft waits, finds it claimed and answers with the same reference. One draft, one
 * application, made from the draft as it is now.
 */
async function sendCard(db: Db, draftId: string, now: Date): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const reference = makeReference("TS");
    try {
      return await db.transaction().execute(async (trx) => {
        const claim = await claimFlowDraft(trx, cardFlow, draftId, reference, now);
        if (!claim) throw new NotFound("draft");
        if (claim.earlier) return claim.earlier;
        const current = toDraft(claim.draft);
        if (firstMissingCardStep(current) !== "check") throw new WrongState("incomplete");
        await trx
          .insertInto("centre_library_cards")
          .values({
            reference,
            name: current.name ?? "",
            phone: current.phone ?? "",
            disability: current.disability ?? "",
            certificate_hash: current.certificate?.hash ?? null,
            certificate_masked: current.certificate?.masked ?? null,
            format: current.format ?? "",
            collect: current.collect ?? "",
            address: current.collect === "delivery" ? current.address : null,
            status: "pending",
            reason: null,
            decided_by: null,
            decided_at: null,
            locale: current.locale,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .execute();
        return reference;
      });
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

export interface CardView {
  reference: string;
  status: CardStatus;
  format: CardFormat;
  collect: CollectOption;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

const toView = (r: CentreLibraryCardTable): CardView => ({
  reference: r.reference,
  status: r.status as CardStatus,
  format: r.format as CardFormat,
  collect: r.collect as CollectOption,
  reason: r.reason,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
});

/** Reference + phone → the application; a wrong phone is answered exactly like an unknown reference. */
export async function findCardForApplicant(db: Db, input: { reference: string; phone: string }): Promise<CardView> {
  const row = await db.selectFrom("centre_library_cards").selectAll().where("reference", "=", normaliseReference(input.reference)).executeTakeFirst();
  if (!row || !sameSecret(normalisePhone(input.phone), row.phone)) throw new NotFound("card");
  return toView(row);
}

export interface StaffCardSummary extends CardView {
  name: string;
  phoneMasked: string;
  disability: string;
  certificateMasked: string | null;
}

export async function listCards(db: Db, filter: { status?: CardStatus } = {}): Promise<StaffCardSummary[]> {
  let q = db.selectFrom("centre_library_cards").selectAll();
  if (filter.status) q = q.where("status", "=", filter.status);
  const rows = await q.orderBy("created_at", "desc").orderBy("reference").limit(500).execute();
  return rows.map((r) => ({ ...toView(r), name: r.name, phoneMasked: maskPhone(r.phone), disability: r.disability, certificateMasked: r.certificate_masked }));
}

export async function cardCounts(db: Db): Promise<Record<CardStatus | "total", number>> {
  const rows = await db.selectFrom("centre_library_cards").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute();
  const counts = { pending: 0, issued: 0, refused: 0, withdrawn: 0, total: 0 };
  for (const r of rows) {
    if (r.status in counts) counts[r.status as CardStatus] = Number(r.n);
    counts.total += Number(r.n);
  }
  return counts;
}

export interface StaffCardDetail extends StaffCardSummary {
  phone: string;
  address: string | null;
  decidedBy: string | null;
  /** When the applicant withdrew it (no one decided it then: decidedBy and decidedAt stay empty). */
  withdrawnAt: string | null;
}

/** The full application for staff; every showing is audited (it shows the full phone and address). */
export async function getCardForStaff(db: Db, actor: Actor, reference: string, now = new Date()): Promise<StaffCardDetail> {
  const read = async (trx: Db) => {
    const found = await trx.selectFrom("centre_library_cards").selectAll().where("reference", "=", normaliseReference(reference)).executeTakeFirst();
    if (!found) throw new NotFound("card");
    return found;
  };
  const row = await withAudit(db, actor, read, (found) => ({ action: "library.card.view", targetType: "library_card", targetId: found.reference }), now);
  return {
    ...toView(row),
    name: row.name,
    phoneMasked: maskPhone(row.phone),
    phone: row.phone,
    disability: row.disability,
    certificateMasked: row.certificate_masked,
    address: row.address,
    decidedBy: row.decided_by,
    // A withdrawn application is never changed again (decideCard and withdrawCard need it pending), so its last change is the withdrawal.
    withdrawnAt: row.status === "withdrawn" ? row.updated_at : null,
  };
}

/**
 * Issue or refuse a pending application (conditional update: two staff deciding at once, one wins), audited in the
 * same transaction.
 */
export async function decideCard(db: Db, actor: Actor, reference: string, input: { decision: "issue" | "refuse"; reason?: string }, now = new Date()): Promise<CardStatus> {
  const status: CardStatus = input.decision === "issue" ? "issued" : "refused";
  const ref = normaliseReference(reference);
  const decide = async (trx: Db) => {
    const result = await trx
      .updateTable("centre_library_cards")
      .set({ status, reason: input.reason || null, decided_by: actor.username, decided_at: now.toISOString(), updated_at: now.toISOString() })
      .where("reference", "=", ref)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const row = await trx.selectFrom("centre_library_cards").select("status").where("reference", "=", ref).executeTakeFirst();
      if (!row) throw new NotFound("card");
      throw new WrongState(row.status);
    }
    return status;
  };
  return withAudit(db, actor, decide, { action: `library.card.${status}`, targetType: "library_card", targetId: ref, detail: input.reason || undefined }, now);
}

/** Whether the applicant may still withdraw: only while it is being looked at; an issued card is theirs already. */
export function cardWithdrawalState(status: string): WithdrawalState {
  if (status === "pending") return { state: "open" };
  if (status === "withdrawn") return { state: "withdrawn" };
  return { state: "tooLate", reason: status };
}

/**
 * The applicant withdraws their application (reference + phone, or NotFound): staff stop working on it; the record
 * stays, marked withdrawn, with the audit entry in the same transaction. A second withdrawal changes nothing.
 */
export async function withdrawCard(db: Db, key: { reference: string; phone: string }, now = new Date()): Promise<WithdrawOutcome> {
  const reference = normaliseReference(key.reference);
  const work = async (trx: Db) => {
    const row = await trx.selectFrom("centre_library_cards").select(["status", "phone"]).where("reference", "=", reference).executeTakeFirst();
    if (!row || !sameSecret(normalisePhone(key.phone), row.phone)) throw new NotFound("card");
    const result = withdrawOutcome(cardWithdrawalState(row.status));
    if (result.outcome !== "withdrawn") return result;
    const updated = await trx
      .updateTable("centre_library_cards")
      .set({ status: "withdrawn", updated_at: now.toISOString() })
      .where("reference", "=", reference)
      .where("status", "=", "pending")
      .executeTakeFirst();
    // A member of staff decided it in the meantime: that decision stands, and the person is told it is too late
    // (or already withdrawn), as if they had asked a moment later.
    if (Number(updated.numUpdatedRows) !== 1) {
      const current = await trx.selectFrom("centre_library_cards").select("status").where("reference", "=", reference).executeTakeFirstOrThrow();
      return withdrawOutcome(cardWithdrawalState(current.status));
    }
    return result;
  };
  return withAudit(db, selfServiceActor, work, withdrawalAudit("library.card.withdraw", "library_card", reference), now);
}
