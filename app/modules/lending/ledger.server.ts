import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";
import { Busy, InsufficientStock } from "./errors";
import type { MovementKind, UnitStatus } from "./lending-constants";
import { retryTransaction } from "~/modules/shared/transaction-retry.server";

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

/** Who did it (the staff member's username; "seed" for the seed data). */
export interface Actor {
  id: string | null;
  username: string;
}

export { isBusy, isUniqueViolation } from "~/modules/shared/transaction-retry.server";

/**
 * Runs `work` in one transaction and retries it when a concurrent writer won a race: a unique key (the ledger's
 * `seq`, a reference, an asset tag, the one-open-loan-per-unit index) or a busy database; Busy when every attempt
 * lost (app/modules/shared/transaction-retry.server.ts). The retry runs the whole transaction again with a fresh
 * view, so a unit that was lent meanwhile is now refused as unavailable.
 */
export function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return retryTransaction(db, { onBusy: throwBusy }, work);
}

const throwBusy = (): never => {
  throw new Busy();
};

export interface Movement {
  kind: MovementKind;
  typeId: string;
  unitId?: string | null;
  locationId: string;
  otherLocationId?: string | null;
  /** Signed change of what is in custody at `locationId`. */
  quantity: number;
  statusAfter?: UnitStatus | null;
  condition?: string | null;
  reason?: string | null;
  approver?: string | null;
  loanId?: string | null;
  requestReference?: string | null;
}

/**
 * Appends movements to the ledger, inside the caller's transaction. Then, for every device type and location
 * that lost stock, the stock derived from the whole ledger must still be zero or more, or the transaction is
 * refused (InsufficientStock) and rolls back with everything else it did. There is no update or delete of the
 * ledger anywhere in this module.
 */
export async function appendMovements(trx: Trx, actor: Actor, movements: Movement[], now: Date): Promise<number[]> {
  if (movements.length === 0) return [];
  const { max } = await trx
    .selectFrom("lending_ledger")
    .select((eb) => eb.fn.max("seq").as("max"))
    .executeTakeFirstOrThrow();
  const first = Number(max ?? 0) + 1;
  const rows = movements.map((m, i) => ({
    seq: first + i,
    at: now.toISOString(),
    kind: m.kind,
    type_id: m.typeId,
    unit_id: m.unitId ?? null,
    location_id: m.locationId,
    other_location_id: m.otherLocationId ?? null,
    quantity: m.quantity,
    status_after: m.statusAfter ?? null,
    condition: m.condition ?? null,
    reason: m.reason?.trim() || null,
    actor: actor.username,
    actor_id: actor.id,
    approver: m.approver?.trim() || null,
    loan_id: m.loanId ?? null,
    request_reference: m.requestReference ?? null,
  }));
  await trx.insertInto("lending_ledger").values(rows).execute();

  const losing = new Map<string, { typeId: string; locationId: string }>();
  for (const m of movements) if (m.quantity < 0) losing.set(`${m.typeId}|${m.locationId}`, { typeId: m.typeId, locationId: m.locationId });
  for (const { typeId, locationId } of losing.values()) {
    const stock = await ledgerStockAt(trx, typeId, locationId);
    if (stock < 0) throw new InsufficientStock(typeId, locationId, stock);
  }
  return rows.map((r) => r.seq);
}

/** Stock of one device type at one location, derived from the ledger. */
export async function ledgerStockAt(db: Db | Trx, typeId: string, locationId: string): Promise<number> {
  const row = await db
    .selectFrom("lending_ledger")
    .select((eb) => eb.fn.sum<number>("quantity").as("stock"))
    .where("type_id", "=", typeId)
    .where("location_id", "=", locationId)
    .executeTakeFirst();
  return Number(row?.stock ?? 0);
}

/** Stock of every device type at every location that has a movement, derived from the ledger. */
export async function ledgerStock(db: Db | Trx, filter: { locationId?: string; typeId?: string } = {}) {
  let query = db
    .selectFrom("lending_ledger")
    .select(["type_id", "location_id"])
    .select((eb) => eb.fn.sum<number>("quantity").as("stock"))
    .groupBy(["type_id", "location_id"]);
  if (filter.locationId) query = query.where("location_id", "=", filter.locationId);
  if (filter.typeId) query = query.where("type_id", "=", filter.typeId);
  const rows = await query.execute();
  return rows.map((r) => ({ typeId: r.type_id, locationId: r.location_id, stock: Number(r.stock ?? 0) }));
}

export interface LedgerEntry {
  seq: number;
  at: string;
  kind: MovementKind;
  typeId: string;
  typeName: { zh: string; en: string };
  unitId: string | null;
  assetTag: string | null;
  locationId: string;
  locationName: { zh: string; en: string };
  otherLocationName: { zh: string; en: string } | null;
  quantity: number;
  statusAfter: UnitStatus | null;
  condition: string | null;
  reason: string | null;
  actor: string;
  approver: string | null;
  loanId: string | null;
  requestReference: string | null;
}

function ledgerQuery(db: Db) {
  return db
    .selectFrom("lending_ledger as g")
    .innerJoin("lending_device_types as t", "t.id", "g.type_id")
    .innerJoin("lending_locations as l", "l.id", "g.location_id")
    .leftJoin("lending_locations as o", "o.id", "g.other_location_id")
    .leftJoin("lending_units as u", "u.id", "g.unit_id")
    .select([
      "g.seq",
      "g.at",
      "g.kind",
      "g.type_id",
      "t.name_zh as type_zh",
      "t.name_en as type_en",
      "g.unit_id",
      "u.asset_tag",
      "g.location_id",
      "l.name_zh as location_zh",
      "l.name_en as location_en",
      "o.name_zh as other_zh",
      "o.name_en as other_en",
      "g.quantity",
      "g.status_after",
      "g.condition",
      "g.reason",
      "g.actor",
      "g.approver",
      "g.loan_id",
      "g.request_reference",
    ]);
}

type LedgerRow = Awaited<ReturnType<ReturnType<typeof ledgerQuery>["execute"]>>[number];

function toEntry(r: LedgerRow): LedgerEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    kind: r.kind as MovementKind,
    typeId: r.type_id,
    typeName: { zh: r.type_zh, en: r.type_en },
    unitId: r.unit_id,
    assetTag: r.asset_tag ?? null,
    locationId: r.location_id,
    locationName: { zh: r.location_zh, en: r.location_en },
    otherLocationName: r.other_zh ? { zh: r.other_zh, en: r.other_en ?? r.other_zh } : null,
    quantity: Number(r.quantity),
    statusAfter: (r.status_after as UnitStatus | null) ?? null,
    condition: r.condition,
    reason: r.reason,
    actor: r.actor,
    approver: r.approver,
    loanId: r.loan_id,
    requestReference: r.request_reference,
  };
}

export interface LedgerFilter {
  locationId?: string;
  kind?: MovementKind;
  unitId?: string;
  page?: number;
  pageSize?: number;
}

/** The ledger, newest first, a page at a time. */
export async function listLedger(db: Db, filter: LedgerFilter = {}) {
  const pageSize = filter.pageSize ?? 50;
  let query = ledgerQuery(db);
  let count = db.selectFrom("lending_ledger as g").select((eb) => eb.fn.countAll<number>().as("n"));
  if (filter.locationId) {
    query = query.where("g.location_id", "=", filter.locationId);
    count = count.where("g.location_id", "=", filter.locationId);
  }
  if (filter.kind) {
    query = query.where("g.kind", "=", filter.kind);
    count = count.where("g.kind", "=", filter.kind);
  }
  if (filter.unitId) {
    query = query.where("g.unit_id", "=", filter.unitId);
    count = count.where("g.unit_id", "=", filter.unitId);
  }
  const total = Number((await count.executeTakeFirstOrThrow()).n);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const rows = await query
    .orderBy("g.seq", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map(toEntry), total, page, pageCount };
}

/** The whole ledger in order, for the CSV export (台账). */
export async function allLedger(db: Db): Promise<LedgerEntry[]> {
  return (await ledgerQuery(db).orderBy("g.seq").execute()).map(toEntry);
}
