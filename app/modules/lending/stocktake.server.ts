import { randomUUID } from "node:crypto";
import { deviceTypeRow, getLocation, type Localized } from "./catalogue.server";
import { InvalidInput } from "./errors";
import { appendMovements, inTransaction, ledgerStock, type Actor, type Db, type Movement, type Trx } from "./ledger.server";
import { recordAudit } from "../staff/audit.server";
import { inCustodyStatuses, unitStatuses, type UnitStatus } from "./lending-constants";
import { nextAssetTags } from "./units.server";

/**
 * 盘点 (stocktake). Staff count what is at a location, per device type (everything in custody: on the shelf,
 * waiting to be sanitised, in repair). The system compares each count with the stock derived from the ledger and
 * records an "adjustment" movement per unit for every difference, only with a reason:
 * - fewer counted: units are marked missing (盘亏), shelf units first, then sanitising, then repair;
 * - more counted: units marked missing here earlier are found again, then new units are added (盘盈).
 * After it, the derived stock equals the count.
 */
export interface StockRow {
  typeId: string;
  typeName: Localized;
  /** In custody, from the ledger. */
  stock: number;
  /** By status, from the units (for the sheet). */
  byStatus: Partial<Record<UnitStatus, number>>;
}

/** The stocktake sheet of a location: every device type with its derived stock. */
export async function stockSheet(db: Db | Trx, locationId: string): Promise<StockRow[]> {
  await getLocation(db, locationId);
  const [types, stock, units] = await Promise.all([
    db.selectFrom("lending_device_types").select(["id", "name_zh", "name_en"]).orderBy("sort").orderBy("id").execute(),
    ledgerStock(db, { locationId }),
    db
      .selectFrom("lending_units")
      .select(["type_id", "status"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("location_id", "=", locationId)
      .groupBy(["type_id", "status"])
      .execute(),
  ]);
  return types.map((t) => {
    const byStatus: Partial<Record<UnitStatus, number>> = {};
    for (const u of units) if (u.type_id === t.id && (unitStatuses as readonly string[]).includes(u.status)) byStatus[u.status as UnitStatus] = Number(u.n);
    return { typeId: t.id, typeName: { zh: t.name_zh, en: t.name_en }, stock: stock.find((s) => s.typeId === t.id)?.stock ?? 0, byStatus };
  });
}

export interface Difference {
  typeId: string;
  typeName: Localized;
  stock: number;
  counted: number;
  difference: number;
}

function checkCounts(counts: Record<string, number>) {
  const fields: Record<string, string> = {};
  for (const [typeId, n] of Object.entries(counts)) if (!Number.isInteger(n) || n < 0 || n > 9999) fields[`count-${typeId}`] = "count";
  if (Object.keys(fields).length) throw new InvalidInput(fields);
}

/** Counts against the ledger, without recording anything (types not counted are left out). */
export async function compareCounts(db: Db | Trx, locationId: string, counts: Record<string, number>): Promise<Difference[]> {
  checkCounts(counts);
  const sheet = await stockSheet(db, locationId);
  return sheet
    .filter((row) => counts[row.typeId] !== undefined)
    .map((row) => ({ typeId: row.typeId, typeName: row.typeName, stock: row.stock, counted: counts[row.typeId], difference: counts[row.typeId] - row.stock }));
}

const missingOrder: UnitStatus[] = ["available", "sanitising", "repair", "reserved"];

export interface StocktakeResult {
  differences: Difference[];
  /** Asset tags marked missing (盘亏) and found or added (盘盈). */
  missing: string[];
  found: string[];
}

/**
 * Records a stocktake: every difference becomes adjustment movements (one per unit) with the reason, and the
 * stocktake an audit entry, in one transaction. With any difference and no reason, nothing is recorded (InvalidInput reason).
 */
export async function recordStocktake(
  db: Db,
  actor: Actor,
  input: { locationId: string; counts: Record<string, number>; reason: string },
  now: Date = new Date(),
): Promise<StocktakeResult> {
  checkCounts(input.counts);
  const reason = (input.reason ?? "").trim();
  if (reason.length > 500) throw new InvalidInput({ reason: "tooLong:500" });
  return inTransaction(db, async (trx) => {
    const differences = await compareCounts(trx, input.locationId, input.counts);
    const changed = differences.filter((d) => d.difference !== 0);
    if (changed.length && !reason) throw new InvalidInput({ reason: "reasonForDifference" });
    const movements: Movement[] = [];
    const missing: string[] = [];
    const found: string[] = [];
    const stamp = now.toISOString();
    for (const d of changed) {
      if (d.difference < 0) {
        const units = await trx
          .selectFrom("lending_units")
          .select(["id", "asset_tag", "status", "condition"])
          .where("type_id", "=", d.typeId)
          .where("location_id", "=", input.locationId)
          .where("status", "in", [...inCustodyStatuses])
          .execute();
        units.sort((a, b) => missingOrder.indexOf(a.status as UnitStatus) - missingOrder.indexOf(b.status as UnitStatus) || b.asset_tag.localeCompare(a.asset_tag));
        for (const unit of units.slice(0, -d.difference)) {
          const result = await trx
            .updateTable("lending_units")
            .set({ status: "missing", reserved_for: null, updated_at: stamp })
            .where("id", "=", unit.id)
            .where("status", "=", unit.status)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) throw new InvalidInput({ reason: "changedMeanwhile" });
          missing.push(unit.asset_tag);
          movements.push({ kind: "adjustment", typeId: d.typeId, unitId: unit.id, locationId: input.locationId, quantity: -1, statusAfter: "missing", condition: unit.condition, reason });
        }
        // Fewer units in custody than the ledger says (should not happen): the movement check below refuses it.
        const short = -d.difference - Math.min(units.length, -d.difference);
        if (short > 0) movements.push({ kind: "adjustment", typeId: d.typeId, locationId: input.locationId, quantity: -short, reason });
      } else {
        const lost = await trx
          .selectFrom("lending_units")
          .select(["id", "asset_tag", "condition"])
          .where("type_id", "=", d.typeId)
          .where("location_id", "=", input.locationId)
          .where("status", "=", "missing")
          .orderBy("asset_tag")
          .limit(d.difference)
          .execute();
        for (const unit of lost) {
          await trx.updateTable("lending_units").set({ status: "available", updated_at: stamp }).where("id", "=", unit.id).where("status", "=", "missing").execute();
          found.push(unit.asset_tag);
          movements.push({ kind: "adjustment", typeId: d.typeId, unitId: unit.id, locationId: input.locationId, quantity: 1, statusAfter: "available", condition: unit.condition, reason });
        }
        const extra = d.difference - lost.length;
        if (extra > 0) {
          const type = await deviceTypeRow(trx, d.typeId);
          for (const tag of await nextAssetTags(trx, Number(type.sort), extra)) {
            const id = randomUUID();
            await trx
              .insertInto("lending_units")
              .values({ id, asset_tag: tag, type_id: d.typeId, location_id: input.locationId, status: "available", condition: "fair", reserved_for: null, acquired_at: stamp, updated_at: stamp })
              .execute();
            found.push(tag);
            movements.push({ kind: "adjustment", typeId: d.typeId, unitId: id, locationId: input.locationId, quantity: 1, statusAfter: "available", condition: "fair", reason });
          }
        }
      }
    }
    await appendMovements(trx, actor, movements, now);
    await recordAudit(trx, actor, { action: "devices.stocktake", targetType: "location", targetId: input.locationId, detail: `${changed.length} differences; ${reason}` }, now);
    return { differences, missing, found };
  });
}
