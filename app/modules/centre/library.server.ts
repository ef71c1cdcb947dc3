import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { maskPhone } from "../privacy/mask";
import { makeReference, normaliseReference } from "~/modules/shared/reference";
import { selfServiceActor, withAudit, type Actor } from "../staff/audit.server";
import { withdrawalAudit, withdrawOutcome, type WithdrawalState, type WithdrawOutcome } from "~/modules/shared/withdrawal";
import { isUniqueViolation } from "~/modules/shared/transaction-retry.server";
import { claimDraft } from "~/modules/shared/draft-claim.server";
import type { CardFormat, CardStatus, CardStep, CollectOption, DisabilityCategory } from "./centre-constants";
import { normalisePhone } from "./centre-constants";
import { NotFound, WrongState } from "./errors";
import type { CentreCardDraftTable, CentreLibraryCardTable } from "./tables";
import { sameSecret } from "~/modules/security/same-secret.server";

/**
 * 视障图书馆 借阅证 (borrowing card) applications. A draft on the server under a random id in the URL holds the answers
 * of the one-question-per-page flow; the certificate number is protected (hash + masked form, see
 * ../lending/certificate.server.ts) as soon as it is answered.
 */
type Db = Kysely<Database>;
const draftLifetimeMs = 24 * 60 * 60 * 1000;

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

const toDraft = (r: CentreCardDraftTable): CardDraft => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  disability: r.disability as DisabilityCategory | null,
  certificateAnswered: Number(r.certificate_answered) === 1,
  certificate: r.certificate_hash && r.certificate_masked ? { hash: r.certificate_hash, masked: r.certificate_masked } : null,
  format: r.format as CardFormat | null,
  collect: r.collect as CollectOption | null,
  address: r.address,
  cardReference: r.card_reference,
  locale: r.locale,
});

export async function createCardDraft(db: Db, locale: string, now = new Date()): Promise<CardDraft> {
  await db.deleteFrom("centre_card_drafts").where("updated_at", "<", new Date(now.getTime() - draftLifetimeMs).toISOString()).execute();
  const row: CentreCardDraftTable = {
    id: randomBytes(16).toString("base64url"),
    name: null,
    phone: null,
    disability: null,
    certificate_answered: 0,
    certificate_hash: null,
    certificate_masked: null,
    format: null,
    collect: null,
    address: null,
    card_reference: null,
    locale,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.insertInto("centre_card_drafts").values(row).execute();
  return toDraft(row);
}

export async function getCardDraft(db: Db, id: string): Promise<CardDraft> {
  const row = id ? await db.selectFrom("centre_card_drafts").selectAll().where("id", "=", id).executeTakeFirst() : undefined;
  if (!row) throw new NotFound("draft");
  return toDraft(row);
}

export type CardDraftPatch = Partial<Pick<CardDraft, "name" | "phone" | "disability" | "certificate" | "format" | "collect" | "address">>;

export async function saveCardDraft(db: Db, id: string, patch: CardDraftPatch, now = new Date()): Promise<void> {
  const set: Partial<CentreCardDraftTable> = { updated_at: now.toISOString() };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.phone !== undefined) set.phone = patch.phone;
  if (patch.disability !== undefined) set.disability = patch.disability;
  if (patch.certificate !== undefined) {
    set.certificate_answered = 1;
    set.certificate_hash = patch.certificate?.hash ?? null;
    set.certificate_masked = patch.certificate?.masked ?? null;
  }
  if (patch.format !== undefined) set.format = patch.format;
  if (patch.collect !== undefined) {
    set.collect = patch.collect;
    if (patch.collect === "pickup") set.address = null;
  }
  if (patch.address !== undefined) set.address = patch.address;
  await db.updateTable("centre_card_drafts").set(set).where("id", "=", id).execute();
}

/** The first unanswered step, or "check". */
export function firstMissingCardStep(d: CardDraft): Exclude<CardStep, "done"> {
  if (d.name === null || d.phone === null) return "contact";
  if (d.disability === null) return "disability";
  if (!d.certificateAnswered) return "certificate";
  if (d.format === null) return "format";
  if (d.collect === null) return "collect";
  if (d.collect === "delivery" && !d.address) return "address";
  return "check";
}

/**
 * Sends the application, in one transaction that first claims the draft (app/modules/shared/draft-claim.server.ts): a
 * second submit of the same draft waits, finds it claimed and answers with the same reference. One draft, one
 * application, made from the draft as it is now.
 */
export async function submitCardDraft(db: Db, draft: CardDraft, now = new Date()): Promise<string> {
  if (draft.cardReference) return draft.cardReference;
  if (firstMissingCardStep(draft) !== "check") throw new WrongState("incomplete");
  for (let attempt = 0; ; attempt++) {
    const reference = makeReference("TS");
    try {
      return await db.transaction().execute(async (trx) => {
        const claim = await claimDraft(trx, "centre_card_drafts", draft.id, reference, now);
        if (!claim) throw new NotFound("draft");
        if (claim.earlier) return claim.earlier;
        const current = toDraft(claim.row);
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
