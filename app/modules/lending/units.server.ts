import { randomUUID } from "node:crypto";
import type { LendingUnitTable } from "./tables";
import { deviceTypeRow, getLocation, type Localized } from "./catalogue.server";
import { InvalidInput, NotFound, UnitUnavailable } from "./errors";
import { appendMovements, inTransaction, listLedger, type Actor, type Db, type Trx } from "./ledger.server";
import { unitConditions, type UnitCondition, type UnitStatus } from "./lending-constants";
import { recordAudit } from "../staff/audit.server";

/**
 * Units: the individual items, each with an asset tag. A unit's status changes only through a conditional
 * UPDATE (… WHERE id = ? AND status IN (…)) whose affected-row count is checked, in the same transaction as its
 * ledger movement, so two staff acting on one unit at once cannot both succeed.
 */
export async function unitRow(db: Db | Trx, id: string): Promise<LendingUnitTable> {
  const row = id ? await db.selectFrom("lending_units").selectAll().where("id", "=", id).executeTakeFirst() : undefined;
  if (!row) throw new NotFound("unit");
  return row;
}

/** Moves a unit from one of `from` to `to`; UnitUnavailable when it is no longer in one of them. */
export async function transition(
  trx: Trx,
  unit: LendingUnitTable,
  from: readonly UnitStatus[],
  to: UnitStatus,
  now: Date,
  extra: Partial<Pick<LendingUnitTable, "condition" | "location_id" | "reserved_for">> = {},
  guard: { reservedFor?: string } = {},
): Promise<void> {
  let query = trx
    .updateTable("lending_units")
    .set({ status: to, updated_at: now.toISOString(), ...(to === "reserved" ? {} : { reserved_for: null }), ...extra })
    .where("id", "=", unit.id)
    .where("location_id", "=", unit.location_id);
  query = guard.reservedFor
    ? query.where((eb) => eb.or([eb("status", "in", [...from]), eb.and([eb("status", "=", "reserved"), eb("reserved_for", "=", guard.reservedFor!)])]))
    : query.where("status", "in", [...from]);
  const result = await query.executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const current = await trx.selectFrom("lending_units").select("status").where("id", "=", unit.id).executeTakeFirst();
    throw new UnitUnavailable(unit.asset_tag, current?.status ?? "unknown");
  }
}

function requireText(fields: Record<string, string>, name: string, value: string | undefined | null, max = 500) {
  const text = (value ?? "").trim();
  if (!text) fields[name] = "required";
  else if (text.length > max) fields[name] = `tooLong:${max}`;
}

/** The next free asset tag of a device type: FJ<sort>-<number>, e.g. FJ03-012. */
export async function nextAssetTags(trx: Trx, sort: number, count: number): Promise<string[]> {
  const prefix = `FJ${String(sort).padStart(2, "0")}-`;
  const rows = await trx.selectFrom("lending_units").select("asset_tag").where("asset_tag", "like", `${prefix}%`).execute();
  const highest = rows.reduce((max, r) => Math.max(max, Number(r.asset_tag.slice(prefix.length)) || 0), 0);
  return Array.from({ length: count }, (_, i) => `${prefix}${String(highest + i + 1).padStart(3, "0")}`);
}

export interface IntakeInput {
  typeId: string;
  locationId: string;
  quantity: number;
  condition: string;
  reason: string;
}

/** 入库: new units arrive at a location (purchase, donation). One "in" movement per unit; audited with them. */
export async function intake(db: Db, actor: Actor, input: IntakeInput, now: Date = new Date()): Promise<string[]> {
  return inTransaction(db, async (trx) => {
    const tags = await intakeIn(trx, actor, input, now);
    await recordAudit(trx, actor, { action: "devices.intake", targetType: "device_type", targetId: input.typeId, detail: tags.join(", ") }, now);
    return tags;
  });
}

/** The intake inside the caller's transaction, without an audit entry (the seed's history is not staff work). */
export async function intakeIn(trx: Trx, actor: Actor, input: IntakeInput, now: Date): Promise<string[]> {
  const fields: Record<string, string> = {};
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > 50) fields.quantity = "quantity";
  if (!(unitConditions as readonly string[]).includes(input.condition)) fields.condition = "chooseOne";
  requireText(fields, "reason", input.reason);
  if (Object.keys(fields).length) throw new InvalidInput(fields);
  const type = await deviceTypeRow(trx, input.typeId);
  await getLocation(trx, input.locationId);
  const tags = await nextAssetTags(trx, Number(type.sort), input.quantity);
  const units = tags.map((tag) => ({
    id: randomUUID(),
    asset_tag: tag,
    type_id: type.id,
    location_id: input.locationId,
    status: "available",
    condition: input.condition,
    reserved_for: null,
    acquired_at: now.toISOString(),
    updated_at: now.toISOString(),
  }));
  await trx.insertInto("lending_units").values(units).execute();
  await appendMovements(
    trx,
    actor,
    units.map((u) => ({ kind: "in", typeId: type.id, unitId: u.id, locationId: u.location_id, quantity: 1, statusAfter: "available", condition: u.condition, reason: input.reason })),
    now,
  );
  return tags;
}

export type UnitAction =
  | { action: "repair"; reason: string }
  | { action: "sanitise"; reason: string }
  | { action: "ready"; reason: string }
  | { action: "writeOff"; reason: string; approver: string }
  | { action: "transfer"; toLocationId: string; reason: string };

export const unitActions = ["repair", "sanitise", "ready", "writeOff", "transfer"] as const;

/**
 * Staff actions on one unit, each with its ledger movement and its audit entry, in one transaction:
 * - repair: to repair (blocks lending); sanitise: to sanitising (blocks lending); ready: back in service;
 * - writeOff (报废): with a reason and the approver, out of stock for good;
 * - transfer: to another location (stock moves with it).
 */
export async function changeUnit(db: Db, actor: Actor, unitId: string, change: UnitAction, now: Date = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const assetTag = await changeUnitIn(trx, actor, unitId, change, now);
    await recordAudit(trx, actor, { action: `devices.unit.${change.action}`, targetType: "unit", targetId: assetTag, detail: change.reason }, now);
  });
}

/** A unit action inside the caller's transaction, without an audit entry (the seed's history); returns the asset tag. */
export async function changeUnitIn(trx: Trx, actor: Actor, unitId: string, change: UnitAction, now: Date): Promise<string> {
  const fields: Record<string, string> = {};
  requireText(fields, "reason", change.reason);
  if (change.action === "writeOff") requireText(fields, "approver", change.approver, 50);
  if (change.action === "transfer" && !change.toLocationId) fields.toLocationId = "chooseOne";
  if (Object.keys(fields).length) throw new InvalidInput(fields);
  const unit = await unitRow(trx, unitId);
  const base = { typeId: unit.type_id, unitId: unit.id, locationId: unit.location_id, condition: unit.condition, reason: change.reason };
  switch (change.action) {
    case "repair":
      await transition(trx, unit, ["available", "sanitising"], "repair", now);
      await appendMovements(trx, actor, [{ ...base, kind: "repair", quantity: 0, statusAfter: "repair" }], now);
      return unit.asset_tag;
    case "sanitise":
      await transition(trx, unit, ["available", "repair"], "sanitising", now);
      await appendMovements(trx, actor, [{ ...base, kind: "sanitise", quantity: 0, statusAfter: "sanitising" }], now);
      return unit.asset_tag;
    case "ready": {
      if (unit.status !== "repair" && unit.status !== "sanitising") throw new UnitUnavailable(unit.asset_tag, unit.status);
      await transition(trx, unit, [unit.status], "available", now);
      await appendMovements(trx, actor, [{ ...base, kind: unit.status === "repair" ? "repair" : "sanitise", quantity: 0, statusAfter: "available" }], now);
      return unit.asset_tag;
    }
    case "writeOff":
      await transition(trx, unit, ["available", "repair", "sanitising"], "written_off", now);
      await appendMovements(trx, actor, [{ ...base, kind: "write_off", quantity: -1, statusAfter: "written_off", approver: change.approver }], now);
      return unit.asset_tag;
    case "transfer": {
      if (change.toLocationId === unit.location_id) throw new InvalidInput({ toLocationId: "sameLocation" });
      await getLocation(trx, change.toLocationId);
      const status = unit.status as UnitStatus;
      await transition(trx, unit, ["available", "repair", "sanitising"], status, now, { location_id: change.toLocationId });
      await appendMovements(
        trx,
        actor,
        [
          { ...base, kind: "transfer", quantity: -1, otherLocationId: change.toLocationId, statusAfter: status },
          { ...base, kind: "transfer", locationId: change.toLocationId, quantity: 1, otherLocationId: unit.location_id, statusAfter: status },
        ],
        now,
      );
      return unit.asset_tag;
    }
  }
}

export interface UnitView {
  id: string;
  assetTag: string;
  typeId: string;
  typeName: Localized;
  locationId: string;
  locationName: Localized;
  status: UnitStatus;
  condition: UnitCondition;
  reservedFor: string | null;
  acquiredAt: string;
  updatedAt: string;
}

function unitQuery(db: Db | Trx) {
  return db
    .selectFrom("lending_units as u")
    .innerJoin("lending_device_types as t", "t.id", "u.type_id")
    .innerJoin("lending_locations as l", "l.id", "u.location_id")
    .select([
      "u.id",
      "u.asset_tag",
      "u.type_id",
      "t.name_zh as type_zh",
      "t.name_en as type_en",
      "u.location_id",
      "l.name_zh as location_zh",
      "l.name_en as location_en",
      "u.status",
      "u.condition",
      "u.reserved_for",
      "u.acquired_at",
      "u.updated_at",
    ]);
}

type UnitQueryRow = Awaited<ReturnType<ReturnType<typeof unitQuery>["execute"]>>[number];
const toUnitView = (r: UnitQueryRow): UnitView => ({
  id: r.id,
  assetTag: r.asset_tag,
  typeId: r.type_id,
  typeName: { zh: r.type_zh, en: r.type_en },
  locationId: r.location_id,
  locationName: { zh: r.location_zh, en: r.location_en },
  status: r.status as UnitStatus,
  condition: r.condition as UnitCondition,
  reservedFor: r.reserved_for,
  acquiredAt: r.acquired_at,
  updatedAt: r.updated_at,
});

export interface UnitFilter {
  typeId?: string;
  locationId?: string;
  status?: UnitStatus;
  page?: number;
  pageSize?: number;
}

export async function listUnits(db: Db, filter: UnitFilter = {}) {
  const pageSize = filter.pageSize ?? 50;
  let query = unitQuery(db);
  let count = db.selectFrom("lending_units as u").select((eb) => eb.fn.countAll<number>().as("n"));
  if (filter.typeId) {
    query = query.where("u.type_id", "=", filter.typeId);
    count = count.where("u.type_id", "=", filter.typeId);
  }
  if (filter.locationId) {
    query = query.where("u.location_id", "=", filter.locationId);
    count = count.where("u.location_id", "=", filter.locationId);
  }
  if (filter.status) {
    query = query.where("u.status", "=", filter.status);
    count = count.where("u.status", "=", filter.status);
  }
  const total = Number((await count.executeTakeFirstOrThrow()).n);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const rows = await query.orderBy("u.asset_tag").limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(toUnitView), total, page, pageCount };
}

/** Units that can be lent for a device type now, the preferred location first. */
export async function lendableUnits(db: Db, typeId: string, options: { preferLocationId?: string | null; reservedFor?: string } = {}): Promise<UnitView[]> {
  const rows = await unitQuery(db)
    .where("u.type_id", "=", typeId)
    .where((eb) =>
      options.reservedFor
        ? eb.or([eb("u.status", "=", "available"), eb.and([eb("u.status", "=", "reserved"), eb("u.reserved_for", "=", options.reservedFor)])])
        : eb("u.status", "=", "available"),
    )
    .orderBy("u.asset_tag")
    .execute();
  const units = rows.map(toUnitView);
  const rank = (u: UnitView) => (u.reservedFor && u.reservedFor === options.reservedFor ? 0 : u.locationId === options.preferLocationId ? 1 : 2);
  return units.sort((a, b) => rank(a) - rank(b) || a.assetTag.localeCompare(b.assetTag));
}

/** A unit with its whole history from the ledger (newest first). */
export async function getUnit(db: Db, id: string) {
  const row = id ? await unitQuery(db).where("u.id", "=", id).executeTakeFirst() : undefined;
  if (!row) throw new NotFound("unit");
  const history = await listLedger(db, { unitId: id, pageSize: 500 });
  const openLoan = await db
    .selectFrom("lending_loans")
    .select(["id", "request_reference", "due_date", "mode"])
    .where("unit_id", "=", id)
    .where("returned_at", "is", null)
    .executeTakeFirst();
  return { unit: toUnitView(row), history: history.items, openLoan: openLoan ?? null };
}
