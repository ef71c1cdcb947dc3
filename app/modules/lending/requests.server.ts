import { maskPhone } from "../privacy/mask";
import { makeReference, normaliseReference } from "~/modules/shared/reference";
import type { LendingRequestTable } from "./tables";
import { certificateProblem } from "./certificate";
import { protectCertificate } from "./certificate.server";
import { deviceTypeRow, getLocation, type Localized } from "./catalogue.server";
import { InvalidInput, NotFound, WrongState } from "./errors";
import { inTransaction, type Actor, type Db, type Trx } from "./ledger.server";
import { recordAudit, selfServiceActor, withAudit } from "../staff/audit.server";
import { withdrawalAudit, withdrawOutcome, type WithdrawalState, type WithdrawOutcome } from "~/modules/shared/withdrawal";
import { lendingRequests } from "~/modules/observability/metrics.server";
import {
  applicantCategories,
  defaultDuplicateWindowDays,
  maxPurposeLength,
  mobileNumberPattern,
  normalisePhone,
  type ApplicantCategory,
  type DeviceCategory,
  type DeviceMode,
  type RequestStatus,
} from "./lending-constants";
import { transition, unitRow } from "./units.server";
import { sameSecret } from "~/modules/security/same-secret.server";

export interface RequestInput {
  typeId: string;
  name: string;
  phone: string;
  disability: string;
  /** The number as typed (API); pages pass `certificate` (already protected in the draft) instead. */
  certificateNumber?: string | null;
  certificate?: { hash: string; masked: string } | null;
  purpose?: string | null;
  pickupLocationId?: string | null;
  locale: string;
  source: "web" | "api" | "seed";
}

/** Checks the applicant's answers the way the API and the pages both need it; codes, not sentences. */
export function validateApplicant(input: { name: string; phone: string; disability: string; certificateNumber?: string | null; purpose?: string | null }) {
  const fields: Record<string, string> = {};
  const name = (input.name ?? "").trim();
  const phone = normalisePhone(input.phone ?? "");
  if (!name) fields.name = "required";
  else if (name.length > 50) fields.name = "tooLong:50";
  if (!phone) fields.phone = "required";
  else if (!mobileNumberPattern.test(phone)) fields.phone = "invalidPhone";
  if (!(applicantCategories as readonly string[]).includes(input.disability)) fields.disabilityCategory = "chooseOne";
  if (input.certificateNumber) {
    const problem = certificateProblem(input.certificateNumber);
    if (problem) fields.certificateNumber = problem;
  }
  if ((input.purpose ?? "").trim().length > maxPurposeLength) fields.purpose = `tooLong:${maxPurposeLength}`;
  if (Object.keys(fields).length) throw new InvalidInput(fields);
  return { name, phone };
}

/** A new request (pending). The certificate number, if given, is kept only as a keyed hash and a masked form. */
export async function createRequest(db: Db, input: RequestInput, now: Date = new Date()): Promise<{ reference: string; status: "pending" }> {
  validateApplicant(input);
  const certificate = input.certificate ?? (await protectCertificate(db, input.certificateNumber));
  const made = await inTransaction(db, async (trx) => {
    const reference = makeReference("JY");
    await insertRequest(trx, reference, { ...input, certificate }, now);
    return { reference, status: "pending" as const };
  });
  if (input.source !== "seed") lendingRequests.inc({ source: input.source });
  return made;
}

/** Inserts a checked request under `reference`, inside the caller's transaction (the API, and a draft's submit). */
export async function insertRequest(trx: Trx, reference: string, input: RequestInput, now: Date): Promise<void> {
  const { name, phone } = validateApplicant(input);
  await deviceTypeRow(trx, input.typeId);
  if (input.pickupLocationId) {
    const location = await getLocation(trx, input.pickupLocationId);
    // The seed's example points are not offered to the public (catalogue.server.ts), so not taken from it either.
    if (location.example && input.source !== "seed") throw new NotFound("location");
  }
  await trx
    .insertInto("lending_requests")
    .values({
      reference,
      type_id: input.typeId,
      name,
      phone,
      disability: input.disability,
      certificate_hash: input.certificate?.hash ?? null,
      certificate_masked: input.certificate?.masked ?? null,
      purpose: (input.purpose ?? "").trim(),
      pickup_location_id: input.pickupLocationId ?? null,
      status: "pending",
      reason: null,
      locale: input.locale,
      source: input.source,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      decided_by: null,
    })
    .execute();
}

export interface ApplicantView {
  reference: string;
  status: RequestStatus;
  device: { id: string; name: Localized; mode: DeviceMode };
  pickupLocation: Localized | null;
  /** The reason staff gave (rejections, cancellations). */
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  /** Once handed out: when it is due back (loans) and whether it came back. */
  loan: { outAt: string; dueDate: string | null; returnedAt: string | null } | null;
  phoneMasked: string;
}

/** A request as its applicant may see it: the reference with the same phone, or NotFound (no hint which was wrong). */
export async function findRequestForApplicant(db: Db, key: { reference: string; phone: string }): Promise<ApplicantView> {
  const reference = normaliseReference(key.reference ?? "");
  const row = reference
    ? await db
        .selectFrom("lending_requests as r")
        .innerJoin("lending_device_types as t", "t.id", "r.type_id")
        .leftJoin("lending_locations as l", "l.id", "r.pickup_location_id")
        .leftJoin("lending_loans as n", "n.request_reference", "r.reference")
        .select([
          "r.reference",
          "r.status",
          "r.phone",
          "r.reason",
          "r.created_at",
          "r.updated_at",
          "t.id as type_id",
          "t.name_zh",
          "t.name_en",
          "t.mode",
          "l.name_zh as location_zh",
          "l.name_en as location_en",
          "n.out_at",
          "n.due_date",
          "n.returned_at",
        ])
        .where("r.reference", "=", reference)
        .executeTakeFirst()
    : undefined;
  if (!row || !sameSecret(normalisePhone(key.phone ?? ""), row.phone)) throw new NotFound("request");
  return {
    reference: row.reference,
    status: row.status as RequestStatus,
    device: { id: row.type_id, name: { zh: row.name_zh, en: row.name_en }, mode: row.mode === "fitting" ? "fitting" : "loan" },
    pickupLocation: row.location_zh ? { zh: row.location_zh, en: row.location_en ?? row.location_zh } : null,
    reason: row.status === "rejected" || row.status === "cancelled" ? row.reason : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    loan: row.out_at ? { outAt: row.out_at, dueDate: row.due_date ?? null, returnedAt: row.returned_at ?? null } : null,
    phoneMasked: maskPhone(row.phone),
  };
}

/* ---------- Duplicate fittings (重复适配) ---------- */

export interface EarlierRecord {
  kind: "openLoan" | "fitting" | "request";
  reference: string;
  typeName: Localized;
  /** When it was handed out (loans, fittings) or asked for (requests). */
  date: string;
  status: string;
  assetTag: string | null;
}

/** The duplicate-check window in days: DEVICE_DUPLICATE_DAYS, else 365. */
export function duplicateWindowDays(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.DEVICE_DUPLICATE_DAYS);
  return Number.isInteger(value) && value > 0 ? value : defaultDuplicateWindowDays;
}

/**
 * Earlier records of the same person (same keyed certificate hash) in the same device category: an open loan
 * (whenever it began), a fitting within the window, or another open request within the window. A request
 * without a certificate number cannot be matched and has none.
 */
export async function earlierRecords(
  db: Db | Trx,
  request: { reference: string; certificateHash: string | null; category: string },
  now: Date = new Date(),
  windowDays: number = duplicateWindowDays(),
): Promise<EarlierRecord[]> {
  if (!request.certificateHash) return [];
  const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
  const rows = await db
    .selectFrom("lending_requests as r")
    .innerJoin("lending_device_types as t", "t.id", "r.type_id")
    .leftJoin("lending_loans as n", "n.request_reference", "r.reference")
    .leftJoin("lending_units as u", "u.id", "n.unit_id")
    .select(["r.reference", "r.status", "r.created_at", "t.name_zh", "t.name_en", "n.mode", "n.out_at", "n.returned_at", "u.asset_tag"])
    .where("r.certificate_hash", "=", request.certificateHash)
    .where("t.category", "=", request.category)
    .where("r.reference", "!=", request.reference)
    .orderBy("r.created_at", "desc")
    .execute();
  const records: EarlierRecord[] = [];
  for (const r of rows) {
    const base = { reference: r.reference, typeName: { zh: r.name_zh, en: r.name_en }, status: r.status, assetTag: r.asset_tag ?? null };
    if (r.out_at && r.mode === "loan" && !r.returned_at) records.push({ ...base, kind: "openLoan", date: r.out_at });
    else if (r.out_at && r.mode === "fitting" && r.out_at >= since) records.push({ ...base, kind: "fitting", date: r.out_at });
    else if (!r.out_at && (r.status === "pending" || r.status === "approved") && r.created_at >= since) records.push({ ...base, kind: "request", date: r.created_at });
  }
  return records;
}

/* ---------- Staff: the queue and decisions ---------- */

export interface StaffRequestSummary {
  reference: string;
  status: RequestStatus;
  typeId: string;
  typeName: Localized;
  category: DeviceCategory;
  mode: DeviceMode;
  name: string;
  phoneMasked: string;
  disability: ApplicantCategory;
  certificateMasked: string | null;
  pickupLocationId: string | null;
  pickupLocation: Localized | null;
  createdAt: string;
  reason: string | null;
  earlier: EarlierRecord[];
}

function requestQuery(db: Db | Trx) {
  return db
    .selectFrom("lending_requests as r")
    .innerJoin("lending_device_types as t", "t.id", "r.type_id")
    .leftJoin("lending_locations as l", "l.id", "r.pickup_location_id")
    .select([
      "r.reference",
      "r.status",
      "r.type_id",
      "t.name_zh",
      "t.name_en",
      "t.category",
      "t.mode",
      "r.name",
      "r.phone",
      "r.disability",
      "r.certificate_hash",
      "r.certificate_masked",
      "r.purpose",
      "r.pickup_location_id",
      "l.name_zh as location_zh",
      "l.name_en as location_en",
      "r.created_at",
      "r.updated_at",
      "r.reason",
      "r.decided_by",
      "r.source",
    ]);
}
type RequestQueryRow = Awaited<ReturnType<ReturnType<typeof requestQuery>["execute"]>>[number];

async function toSummary(db: Db | Trx, r: RequestQueryRow, now: Date): Promise<StaffRequestSummary> {
  return {
    reference: r.reference,
    status: r.status as RequestStatus,
    typeId: r.type_id,
    typeName: { zh: r.name_zh, en: r.name_en },
    category: r.category as DeviceCategory,
    mode: r.mode === "fitting" ? "fitting" : "loan",
    name: r.name,
    phoneMasked: maskPhone(r.phone),
    disability: r.disability as ApplicantCategory,
    certificateMasked: r.certificate_masked,
    pickupLocationId: r.pickup_location_id,
    pickupLocation: r.location_zh ? { zh: r.location_zh, en: r.location_en ?? r.location_zh } : null,
    createdAt: r.created_at,
    reason: r.reason,
    earlier: await earlierRecords(db, { reference: r.reference, certificateHash: r.certificate_hash, category: r.category }, now),
  };
}

/** The staff queue: requests by status ("open" = pending and approved), oldest first, flagged duplicates included. */
export async function listRequests(db: Db, filter: { status?: RequestStatus | "open" | "all"; page?: number; pageSize?: number } = {}, now: Date = new Date()) {
  const pageSize = filter.pageSize ?? 25;
  const status = filter.status ?? "open";
  const statuses: string[] | null = status === "all" ? null : status === "open" ? ["pending", "approved"] : [status];
  let query = requestQuery(db);
  let count = db.selectFrom("lending_requests as r").select((eb) => eb.fn.countAll<number>().as("n"));
  if (statuses) {
    query = query.where("r.status", "in", statuses);
    count = count.where("r.status", "in", statuses);
  }
  const total = Number((await count.executeTakeFirstOrThrow()).n);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const rows = await query
    .orderBy("r.created_at", status === "open" ? "asc" : "desc")
    .orderBy("r.reference")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const items = [];
  for (const r of rows) items.push(await toSummary(db, r, now));
  return { items, total, page, pageCount };
}

export interface StaffRequestDetail extends StaffRequestSummary {
  /** In full: only for the staff page that records the view in the audit log. */
  phone: string;
  purpose: string;
  source: string;
  updatedAt: string;
  decidedBy: string | null;
  reservedUnit: { id: string; assetTag: string; locationId: string } | null;
  loan: { id: string; assetTag: string; outAt: string; dueDate: string | null; returnedAt: string | null } | null;
}

/** A request opened by staff: the applicant's phone is shown in full, so the view is audited with the read. */
export async function openRequest(db: Db, actor: Actor, reference: string, now: Date = new Date()): Promise<StaffRequestDetail> {
  return withAudit(db, actor, (trx) => getRequest(trx, reference, now), (detail) => ({ action: "devices.request.view", targetType: "loan_request", targetId: detail.reference }), now);
}

export async function getRequest(db: Db, reference: string, now: Date = new Date()): Promise<StaffRequestDetail> {
  const ref = normaliseReference(reference ?? "");
  const row = ref ? await requestQuery(db).where("r.reference", "=", ref).executeTakeFirst() : undefined;
  if (!row) throw new NotFound("request");
  const reserved = await db.selectFrom("lending_units").select(["id", "asset_tag", "location_id"]).where("reserved_for", "=", ref).where("status", "=", "reserved").executeTakeFirst();
  const loan = await db
    .selectFrom("lending_loans as n")
    .innerJoin("lending_units as u", "u.id", "n.unit_id")
    .select(["n.id", "u.asset_tag", "n.out_at", "n.due_date", "n.returned_at"])
    .where("n.request_reference", "=", ref)
    .executeTakeFirst();
  return {
    ...(await toSummary(db, row, now)),
    phone: row.phone,
    purpose: row.purpose,
    source: row.source,
    updatedAt: row.updated_at,
    decidedBy: row.decided_by,
    reservedUnit: reserved ? { id: reserved.id, assetTag: reserved.asset_tag, locationId: reserved.location_id } : null,
    loan: loan ? { id: loan.id, assetTag: loan.asset_tag, outAt: loan.out_at, dueDate: loan.due_date, returnedAt: loan.returned_at } : null,
  };
}

async function requestRow(trx: Trx, reference: string): Promise<LendingRequestTable> {
  const row = await trx.selectFrom("lending_requests").selectAll().where("reference", "=", normaliseReference(reference)).executeTakeFirst();
  if (!row) throw new NotFound("request");
  return row;
}

/** Moves a request between statuses with a conditional update; WrongState when someone else decided first. */
async function setStatus(trx: Trx, row: LendingRequestTable, from: RequestStatus[], to: RequestStatus, actor: Actor, reason: string | null, now: Date) {
  if (!from.includes(row.status as RequestStatus)) throw new WrongState("request", row.status);
  const result = await trx
    .updateTable("lending_requests")
    .set({ status: to, reason, decided_by: actor.username, updated_at: now.toISOString() })
    .where("reference", "=", row.reference)
    .where("status", "in", from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new WrongState("request", "changed");
}

async function releaseReservation(trx: Trx, reference: string, now: Date) {
  await trx
    .updateTable("lending_units")
    .set({ status: "available", reserved_for: null, updated_at: now.toISOString() })
    .where("reserved_for", "=", reference)
    .where("status", "=", "reserved")
    .execute();
}

export type Decision =
  | { decision: "approve"; reason?: string | null; reserveUnitId?: string | null }
  | { decision: "reject"; reason: string }
  | { decision: "cancel"; reason: string };

/**
 * Approve (optionally keeping a specific available unit for the person: status reserved), reject or cancel a
 * request. Rejecting and cancelling need a reason, which the applicant sees on the status page.
 */
export async function decideRequest(db: Db, actor: Actor, reference: string, decision: Decision, now: Date = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    await decideRequestIn(trx, actor, reference, decision, now);
    const detail = (decision.reason ?? "").trim() || undefined;
    await recordAudit(trx, actor, { action: `devices.request.${decision.decision}`, targetType: "loan_request", targetId: normaliseReference(reference), detail }, now);
  });
}

/** The decision inside the caller's transaction, without an audit entry (the seed's history is not staff work). */
export async function decideRequestIn(trx: Trx, actor: Actor, reference: string, decision: Decision, now: Date): Promise<void> {
  const reason = (decision.reason ?? "").trim();
  if (decision.decision !== "approve" && !reason) throw new InvalidInput({ reason: "required" });
  if (reason.length > 500) throw new InvalidInput({ reason: "tooLong:500" });
  const row = await requestRow(trx, reference);
  if (decision.decision === "approve") {
    await setStatus(trx, row, ["pending"], "approved", actor, reason || null, now);
    if (decision.reserveUnitId) {
      const unit = await unitRow(trx, decision.reserveUnitId);
      if (unit.type_id !== row.type_id) throw new InvalidInput({ reserveUnitId: "wrongType" });
      await transition(trx, unit, ["available"], "reserved", now, { reserved_for: row.reference });
    }
    return;
  }
  await setStatus(trx, row, ["pending", "approved"], decision.decision === "reject" ? "rejected" : "cancelled", actor, reason, now);
  await releaseReservation(trx, row.reference, now);
}

/* ---------- The applicant withdraws their request ---------- */

/**
 * Whether the applicant may still withdraw: while it waits for review or to be collected. Once handed out it is too
 * late (a loan: bring it back; a fitting: it is theirs); a decided request is closed already.
 */
export function requestWithdrawalState(status: string, mode: string): WithdrawalState {
  if (status === "pending" || status === "approved") return { state: "open" };
  if (status === "withdrawn") return { state: "withdrawn" };
  if (status === "fulfilled") return { state: "tooLate", reason: mode === "fitting" ? "fitted" : "lentOut" };
  return { state: "tooLate", reason: status };
}

/**
 * The applicant withdraws their request (reference + phone, or NotFound): it leaves the staff queue and a unit kept
 * for it goes back on the shelf, with the audit entry in the same transaction. A second withdrawal changes nothing.
 */
export async function withdrawRequest(db: Db, key: { reference: string; phone: string }, now: Date = new Date()): Promise<WithdrawOutcome> {
  const reference = normaliseReference(key.reference ?? "");
  return inTransaction(db, (trx) =>
    withAudit(
      trx,
      selfServiceActor,
      async (tx) => {
        const row = await tx
          .selectFrom("lending_requests as r")
          .innerJoin("lending_device_types as t", "t.id", "r.type_id")
          .select(["r.reference", "r.status", "r.phone", "t.mode"])
          .where("r.reference", "=", reference)
          .executeTakeFirst();
        if (!row || !sameSecret(normalisePhone(key.phone ?? ""), row.phone)) throw new NotFound("request");
        const result = withdrawOutcome(requestWithdrawalState(row.status, row.mode));
        if (result.outcome !== "withdrawn") return result;
        const updated = await tx
          .updateTable("lending_requests")
          .set({ status: "withdrawn", updated_at: now.toISOString() })
          .where("reference", "=", reference)
          .where("status", "in", ["pending", "approved"])
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new WrongState("request", "changed");
        await releaseReservation(tx as Trx, reference, now);
        return result;
      },
      withdrawalAudit("devices.request.withdraw", "loan_request", reference),
      now,
    ),
  );
}

export { requestRow, releaseReservation };
