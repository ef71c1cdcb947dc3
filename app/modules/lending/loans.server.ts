import { randomUUID } from "node:crypto";
import { maskPhone } from "../privacy/mask";
import { deviceTypeRow, getLocation, type Localized } from "./catalogue.server";
import { InvalidInput, NotFound, WrongState } from "./errors";
import { appendMovements, inTransaction, type Actor, type Db, type Trx } from "./ledger.server";
import { recordAudit } from "../staff/audit.server";
import { normaliseReference } from "~/modules/shared/reference";
import { afterReturn, reminderDays, unitConditions, type AfterReturn, type DeviceMode, type LoanView, type UnitCondition } from "./lending-constants";
import { cancelLoanReminders, scheduleLoanReminders } from "./reminders.server";
import { releaseReservation, requestRow } from "./requests.server";
import { transition, unitRow } from "./units.server";

/** Today's calendar day in China (the portal serves Qingyuan), YYYY-MM-DD. */
export function chinaDay(now: Date = new Date(), plusDays = 0): string {
  return new Date(now.getTime() + 8 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}

const isCalendarDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

export interface CheckOutInput {
  requestReference: string;
  unitId: string;
  /** YYYY-MM-DD; loans only (default: today + the device's loan period). */
  dueDate?: string | null;
  condition: string;
}

/**
 * 出库: hands a specific unit to the person of an approved request. In one transaction: the unit goes from
 * available (or reserved for this request) to on_loan (fitted, for a fitting) by a conditional update that must
 * change exactly one row; the request from approved to fulfilled the same way; the loan row (one open loan per
 * unit and one loan per request, enforced by unique indexes); and an "out" movement whose stock check must hold.
 * Two staff lending the last unit at once: one succeeds, the other gets UnitUnavailable. A loan's reminders to the
 * borrower are queued in the same transaction.
 */
export async function checkOut(
  db: Db,
  actor: Actor,
  input: CheckOutInput,
  now: Date = new Date(),
  env: Record<string, string | undefined> = process.env,
): Promise<{ loanId: string; assetTag: string; dueDate: string | null }> {
  return inTransaction(db, async (trx) => {
    const loan = await checkOutIn(trx, actor, input, now);
    // The due-soon and overdue reminders, queued with the loan (reminders.server.ts).
    await scheduleLoanReminders(trx, loan.loanId, now, env);
    const detail = `${loan.assetTag} ${loan.dueDate ?? ""}`.trim();
    await recordAudit(trx, actor, { action: "devices.checkout", targetType: "loan_request", targetId: normaliseReference(input.requestReference), detail }, now);
    return loan;
  });
}

/** The check-out inside the caller's transaction, without an audit entry (the seed's history is not staff work). */
export async function checkOutIn(trx: Trx, actor: Actor, input: CheckOutInput, now: Date): Promise<{ loanId: string; assetTag: string; dueDate: string | null }> {
  if (!(unitConditions as readonly string[]).includes(input.condition)) throw new InvalidInput({ condition: "chooseOne" });
  if (!input.unitId) throw new InvalidInput({ unitId: "chooseOne" });
  const request = await requestRow(trx, input.requestReference);
  if (request.status !== "approved") throw new WrongState("request", request.status);
  const unit = await unitRow(trx, input.unitId);
  if (unit.type_id !== request.type_id) throw new InvalidInput({ unitId: "wrongType" });
  const type = await deviceTypeRow(trx, request.type_id);
  const mode: DeviceMode = type.mode === "fitting" ? "fitting" : "loan";
  let dueDate: string | null = null;
  if (mode === "loan") {
    dueDate = input.dueDate?.trim() || chinaDay(now, Number(type.loan_days ?? 90));
    if (!isCalendarDay(dueDate)) throw new InvalidInput({ dueDate: "invalidDate" });
    if (dueDate < chinaDay(now)) throw new InvalidInput({ dueDate: "dateInPast" });
  }

  await transition(trx, unit, ["available"], mode === "fitting" ? "fitted" : "on_loan", now, { condition: input.condition }, { reservedFor: request.reference });
  const changed = await trx
    .updateTable("lending_requests")
    .set({ status: "fulfilled", updated_at: now.toISOString() })
    .where("reference", "=", request.reference)
    .where("status", "=", "approved")
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) throw new WrongState("request", "changed");
  // Another unit kept for this request goes back on the shelf.
  await releaseReservation(trx, request.reference, now);

  const loanId = randomUUID();
  await trx
    .insertInto("lending_loans")
    .values({
      id: loanId,
      unit_id: unit.id,
      request_reference: request.reference,
      type_id: unit.type_id,
      location_id: unit.location_id,
      mode,
      out_at: now.toISOString(),
      due_date: dueDate,
      condition_out: input.condition,
      condition_in: null,
      returned_at: null,
      out_by: actor.username,
      in_by: null,
    })
    .execute();
  await appendMovements(
    trx,
    actor,
    [
      {
        kind: "out",
        typeId: unit.type_id,
        unitId: unit.id,
        locationId: unit.location_id,
        quantity: -1,
        statusAfter: mode === "fitting" ? "fitted" : "on_loan",
        condition: input.condition,
        reason: mode === "fitting" ? "fitting" : "loan",
        loanId,
        requestReference: request.reference,
      },
    ],
    now,
  );
  return { loanId, assetTag: unit.asset_tag, dueDate };
}

export interface ReturnInput {
  loanId: string;
  condition: string;
  /** Where the unit goes next (default sanitising). */
  next?: AfterReturn;
  /** Where it is handed back (default where it went out). */
  locationId?: string | null;
  note?: string | null;
}

/**
 * 入库 of a loan: the unit comes back with its condition, to sanitising, the shelf or repair; a "return" movement.
 * The loan's reminders not sent yet are cancelled in the same transaction.
 */
export async function returnLoan(db: Db, actor: Actor, input: ReturnInput, now: Date = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const assetTag = await returnLoanIn(trx, actor, input, now);
    await cancelLoanReminders(trx, input.loanId);
    const detail = `${assetTag} ${input.condition} → ${input.next ?? "sanitising"}`;
    await recordAudit(trx, actor, { action: "devices.return", targetType: "loan", targetId: input.loanId, detail }, now);
  });
}

/** The return inside the caller's transaction, without an audit entry (the seed's history); returns the asset tag. */
export async function returnLoanIn(trx: Trx, actor: Actor, input: ReturnInput, now: Date): Promise<string> {
  const fields: Record<string, string> = {};
  if (!(unitConditions as readonly string[]).includes(input.condition)) fields.condition = "chooseOne";
  const next = input.next ?? "sanitising";
  if (!(afterReturn as readonly string[]).includes(next)) fields.next = "chooseOne";
  if ((input.note ?? "").length > 500) fields.note = "tooLong:500";
  if (Object.keys(fields).length) throw new InvalidInput(fields);
  const loan = input.loanId ? await trx.selectFrom("lending_loans").selectAll().where("id", "=", input.loanId).executeTakeFirst() : undefined;
  if (!loan) throw new NotFound("loan");
  if (loan.mode !== "loan" || loan.returned_at) throw new WrongState("loan", loan.returned_at ? "returned" : "fitting");
  const locationId = input.locationId || loan.location_id;
  await getLocation(trx, locationId);
  const closed = await trx
    .updateTable("lending_loans")
    .set({ returned_at: now.toISOString(), condition_in: input.condition, in_by: actor.username })
    .where("id", "=", loan.id)
    .where("returned_at", "is", null)
    .executeTakeFirst();
  if (Number(closed.numUpdatedRows) !== 1) throw new WrongState("loan", "returned");
  const unit = await unitRow(trx, loan.unit_id);
  await transition(trx, unit, ["on_loan"], next, now, { condition: input.condition, location_id: locationId });
  await appendMovements(
    trx,
    actor,
    [
      {
        kind: "return",
        typeId: loan.type_id,
        unitId: unit.id,
        locationId,
        quantity: 1,
        statusAfter: next,
        condition: input.condition,
        reason: input.note?.trim() || null,
        loanId: loan.id,
        requestReference: loan.request_reference,
      },
    ],
    now,
  );
  return unit.asset_tag;
}


export interface LoanSummary {
  id: string;
  mode: DeviceMode;
  assetTag: string;
  unitId: string;
  typeName: Localized;
  requestReference: string;
  name: string;
  phoneMasked: string;
  locationName: Localized;
  outAt: string;
  dueDate: string | null;
  returnedAt: string | null;
  conditionOut: UnitCondition;
  conditionIn: UnitCondition | null;
  /** Days past the due date (overdue loans), else 0. */
  daysOverdue: number;
  outBy: string;
  inBy: string | null;
  /** How often the borrower renewed it. */
  renewals: number;
}

function loanQuery(db: Db) {
  return db
    .selectFrom("lending_loans as n")
    .innerJoin("lending_units as u", "u.id", "n.unit_id")
    .innerJoin("lending_device_types as t", "t.id", "n.type_id")
    .innerJoin("lending_requests as r", "r.reference", "n.request_reference")
    .innerJoin("lending_locations as l", "l.id", "n.location_id")
    .select([
      "n.id",
      "n.mode",
      "u.asset_tag",
      "u.id as unit_id",
      "t.name_zh",
      "t.name_en",
      "n.request_reference",
      "r.name",
      "r.phone",
      "l.name_zh as location_zh",
      "l.name_en as location_en",
      "n.out_at",
      "n.due_date",
      "n.returned_at",
      "n.condition_out",
      "n.condition_in",
      "n.out_by",
      "n.in_by",
      "n.renewals",
    ]);
}
type LoanRow = Awaited<ReturnType<ReturnType<typeof loanQuery>["execute"]>>[number];

function toLoanSummary(r: LoanRow, today: string): LoanSummary {
  const overdue = r.mode === "loan" && !r.returned_at && r.due_date && r.due_date < today;
  return {
    id: r.id,
    mode: r.mode === "fitting" ? "fitting" : "loan",
    assetTag: r.asset_tag,
    unitId: r.unit_id,
    typeName: { zh: r.name_zh, en: r.name_en },
    requestReference: r.request_reference,
    name: r.name,
    phoneMasked: maskPhone(r.phone),
    locationName: { zh: r.location_zh, en: r.location_en },
    outAt: r.out_at,
    dueDate: r.due_date,
    returnedAt: r.returned_at,
    conditionOut: r.condition_out as UnitCondition,
    conditionIn: (r.condition_in as UnitCondition | null) ?? null,
    daysOverdue: overdue ? Math.round((Date.parse(today) - Date.parse(r.due_date!)) / 86_400_000) : 0,
    outBy: r.out_by,
    inBy: r.in_by,
    renewals: Number(r.renewals ?? 0),
  };
}

/** The staff loans table's sortable columns: asset tag, date out, due date. */
export const loanSortKeys = ["assetTag", "out", "due"] as const;
export type LoanSort = { column: (typeof loanSortKeys)[number]; direction: "asc" | "desc" };
const loanSortValue: Record<LoanSort["column"], (l: LoanSummary) => string> = {
  assetTag: (l) => l.assetTag,
  out: (l) => l.outAt,
  due: (l) => l.dueDate ?? "",
};

/**
 * Loans by view: open, overdue (due date before today), dueSoon (the reminders list: due today or within
 * `reminderDays`), returned, fittings, all. Open lists are sorted by due date, the others newest first, unless
 * `sort` asks for another order (ties keep that default order).
 */
export async function listLoans(
  db: Db,
  filter: { view?: LoanView; page?: number; pageSize?: number; sort?: LoanSort } = {},
  now: Date = new Date(),
) {
  const view = filter.view ?? "open";
  const pageSize = filter.pageSize ?? 50;
  const today = chinaDay(now);
  const soon = chinaDay(now, reminderDays);
  let query = loanQuery(db);
  if (view === "open" || view === "overdue" || view === "dueSoon") query = query.where("n.mode", "=", "loan").where("n.returned_at", "is", null);
  if (view === "overdue") query = query.where("n.due_date", "<", today);
  if (view === "dueSoon") query = query.where("n.due_date", ">=", today).where("n.due_date", "<=", soon);
  if (view === "returned") query = query.where("n.returned_at", "is not", null);
  if (view === "fittings") query = query.where("n.mode", "=", "fitting");
  const ordered = view === "open" || view === "overdue" || view === "dueSoon" ? query.orderBy("n.due_date").orderBy("n.id") : query.orderBy("n.out_at", "desc").orderBy("n.id");
  const rows = (await ordered.execute()).map((r) => toLoanSummary(r, today));
  const sort = filter.sort;
  if (sort) {
    const value = loanSortValue[sort.column];
    const sign = sort.direction === "desc" ? -1 : 1;
    rows.sort((a, b) => sign * (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0));
  }
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageCount };
}

export async function getLoan(db: Db, id: string, now: Date = new Date()): Promise<LoanSummary & { locationId: string }> {
  const row = id ? await loanQuery(db).select("n.location_id").where("n.id", "=", id).executeTakeFirst() : undefined;
  if (!row) throw new NotFound("loan");
  return { ...toLoanSummary(row, chinaDay(now)), locationId: row.location_id };
}

/** How many loans are overdue and due soon, for the staff overview. */
export async function loanCounts(db: Db, now: Date = new Date()) {
  const [overdue, dueSoon] = await Promise.all([listLoans(db, { view: "overdue", pageSize: 1 }, now), listLoans(db, { view: "dueSoon", pageSize: 1 }, now)]);
  return { overdue: overdue.total, dueSoon: dueSoon.total };
}

/** Every loan and fitting, oldest first, for the CSV export (phones masked). */
export async function allLoans(db: Db, now: Date = new Date()): Promise<LoanSummary[]> {
  const today = chinaDay(now);
  return (await loanQuery(db).orderBy("n.out_at").orderBy("n.id").execute()).map((r) => toLoanSummary(r, today));
}
