import { randomBytes } from "node:crypto";
import { claimDraft } from "~/modules/shared/draft-claim.server";
import { makeReference } from "~/modules/shared/reference";
import type { LendingRequestDraftTable } from "./tables";
import { deviceTypeRow } from "./catalogue.server";
import { NotFound } from "./errors";
import { inTransaction, type Db } from "./ledger.server";
import { lendingRequests } from "~/modules/observability/metrics.server";
import type { ApplicantCategory, RequestStep } from "./lending-constants";
import { insertRequest } from "./requests.server";

/**
 * A request in progress, kept on the server under a random id that is part of each step's URL
 * (/devices/<device>/apply/<draftId>/<step>). Works without JavaScript or cookies, nothing typed is lost on an
 * error, and the certificate number is protected (hash + masked form) as soon as it is answered: not even the
 * draft holds it in clear. Drafts are purged a day after their last change.
 */
export interface Draft {
  id: string;
  typeId: string;
  name: string | null;
  phone: string | null;
  disability: ApplicantCategory | null;
  certificateAnswered: boolean;
  certificate: { hash: string; masked: string } | null;
  purpose: string | null;
  pickupLocationId: string | null;
  requestReference: string | null;
  locale: string;
}

const draftLifetimeMs = 24 * 60 * 60 * 1000;

function toDraft(row: LendingRequestDraftTable): Draft {
  return {
    id: row.id,
    typeId: row.type_id,
    name: row.name,
    phone: row.phone,
    disability: row.disability as ApplicantCategory | null,
    certificateAnswered: Number(row.certificate_answered) === 1,
    certificate: row.certificate_hash && row.certificate_masked ? { hash: row.certificate_hash, masked: row.certificate_masked } : null,
    purpose: row.purpose,
    pickupLocationId: row.pickup_location_id,
    requestReference: row.request_reference,
    locale: row.locale,
  };
}

export async function createDraft(db: Db, typeId: string, locale: string, now: Date = new Date()): Promise<Draft> {
  await deviceTypeRow(db, typeId);
  if (Math.random() < 0.1) {
    await db.deleteFrom("lending_request_drafts").where("updated_at", "<", new Date(now.getTime() - draftLifetimeMs).toISOString()).execute();
  }
  const row: LendingRequestDraftTable = {
    id: randomBytes(16).toString("base64url"),
    type_id: typeId,
    name: null,
    phone: null,
    disability: null,
    certificate_answered: 0,
    certificate_hash: null,
    certificate_masked: null,
    purpose: null,
    pickup_location_id: null,
    request_reference: null,
    locale,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.insertInto("lending_request_drafts").values(row).execute();
  return toDraft(row);
}

/** The draft of this device, or NotFound (wrong id, another device's draft, or purged). */
export async function getDraft(db: Db, typeId: string, id: string): Promise<Draft> {
  const row = id ? await db.selectFrom("lending_request_drafts").selectAll().where("id", "=", id).where("type_id", "=", typeId).executeTakeFirst() : undefined;
  if (!row) throw new NotFound("draft");
  return toDraft(row);
}

export type DraftPatch = Partial<Pick<Draft, "name" | "phone" | "disability" | "certificate" | "purpose" | "pickupLocationId">>;

export async function saveDraft(db: Db, id: string, patch: DraftPatch, now: Date = new Date()): Promise<void> {
  const set: Partial<LendingRequestDraftTable> = { updated_at: now.toISOString() };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.phone !== undefined) set.phone = patch.phone;
  if (patch.disability !== undefined) set.disability = patch.disability;
  if (patch.certificate !== undefined) {
    set.certificate_answered = 1;
    set.certificate_hash = patch.certificate?.hash ?? null;
    set.certificate_masked = patch.certificate?.masked ?? null;
  }
  if (patch.purpose !== undefined) set.purpose = patch.purpose;
  if (patch.pickupLocationId !== undefined) set.pickup_location_id = patch.pickupLocationId;
  await db.updateTable("lending_request_drafts").set(set).where("id", "=", id).execute();
}

/** The first step still unanswered (in order), or "check" when all are answered. */
export function firstMissingStep(draft: Draft): Exclude<RequestStep, "done"> {
  if (draft.name === null || draft.phone === null) return "contact";
  if (draft.disability === null) return "disability";
  if (!draft.certificateAnswered) return "certificate";
  if (draft.purpose === null) return "purpose";
  if (draft.pickupLocationId === null) return "pickup";
  return "check";
}

/**
 * Sends the request, in one transaction that first claims the draft (app/modules/shared/draft-claim.server.ts): a second
 * submit of the same draft waits, finds it claimed and answers with the same reference. One draft, one request,
 * made from the draft as it is now.
 */
export async function submitDraft(db: Db, draft: Draft, now: Date = new Date()): Promise<string> {
  if (draft.requestReference) return draft.requestReference;
  // Counted once committed, and only when this submit made the request (not a second submit's answer).
  let made = false;
  const sent = await inTransaction(db, async (trx) => {
    const reference = makeReference("JY");
    const claim = await claimDraft(trx, "lending_request_drafts", draft.id, reference, now);
    if (!claim) throw new NotFound("draft");
    if (claim.earlier) return claim.earlier;
    const current = toDraft(claim.row);
    await insertRequest(
      trx,
      reference,
      {
        typeId: current.typeId,
        name: current.name ?? "",
        phone: current.phone ?? "",
        disability: current.disability ?? "",
        certificate: current.certificate,
        purpose: current.purpose,
        pickupLocationId: current.pickupLocationId,
        locale: current.locale,
        source: "web",
      },
      now,
    );
    made = true;
    return reference;
  });
  if (made) lendingRequests.inc({ source: "web" });
  return sent;
}
