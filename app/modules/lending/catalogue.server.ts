import type { LendingDeviceTypeTable, LendingLocationTable } from "./tables";
import type { Db, Trx } from "./ledger.server";
import { NotFound } from "./errors";
import { disabilities, type DeviceCategory, type DeviceMode, type Disability } from "./lending-constants";

export interface Localized {
  zh: string;
  en: string;
}

export interface Location {
  id: string;
  name: Localized;
  county: Localized;
  kind: "centre" | "point";
  /** An example point of the seed data (no verified address). */
  example: boolean;
  note: Localized;
}

export interface Availability {
  locationId: string;
  name: Localized;
  example: boolean;
  /** Units ready to lend now. */
  available: number;
  /** Units this location holds or has out on loan (not fitted, missing or written off). */
  total: number;
}

export interface DeviceSummary {
  id: string;
  name: Localized;
  category: DeviceCategory;
  disabilities: Disability[];
  mode: DeviceMode;
  loanDays: number | null;
  audience: Localized;
  image: string;
  imageAlt: Localized;
  available: number;
  total: number;
  locations: Availability[];
}

export interface DeviceDetail extends DeviceSummary {
  description: Localized;
}

export function toLocation(row: LendingLocationTable): Location {
  return {
    id: row.id,
    name: { zh: row.name_zh, en: row.name_en },
    county: { zh: row.county_zh, en: row.county_en },
    kind: row.kind === "centre" ? "centre" : "point",
    example: Number(row.example) === 1,
    note: { zh: row.note_zh, en: row.note_en },
  };
}

export async function listLocations(db: Db | Trx): Promise<Location[]> {
  const rows = await db.selectFrom("lending_locations").selectAll().orderBy("sort").orderBy("id").execute();
  return rows.map(toLocation);
}

/**
 * Who looks at the catalogue: the public never sees the seed's example points (no verified place: issue 19), and
 * their units are not counted in what the public is told is available; staff see every location.
 */
export interface CatalogueAudience {
  withExamplePoints?: boolean;
}

const locationsFor = async (db: Db | Trx, audience: CatalogueAudience) =>
  (await listLocations(db)).filter((l) => audience.withExamplePoints || !l.example);

/** The lending points the public is told about: every location but the seed's example points. */
export const listPublicLocations = (db: Db | Trx): Promise<Location[]> => locationsFor(db, {});

export async function getLocation(db: Db | Trx, id: string): Promise<Location> {
  const row = await db.selectFrom("lending_locations").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFound("location");
  return toLocation(row);
}

export const parseDisabilities = (value: string): Disability[] => {
  const wanted = new Set(value.split(","));
  return disabilities.filter((d) => wanted.has(d));
};

/** Units per device type and location: how many are available and how many are in service. */
async function unitCounts(db: Db | Trx, typeId?: string) {
  let query = db
    .selectFrom("lending_units")
    .select(["type_id", "location_id", "status"])
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "not in", ["written_off", "fitted", "missing"])
    .groupBy(["type_id", "location_id", "status"]);
  if (typeId) query = query.where("type_id", "=", typeId);
  const rows = await query.execute();
  const counts = new Map<string, { available: number; total: number }>();
  for (const r of rows) {
    const key = `${r.type_id}|${r.location_id}`;
    const c = counts.get(key) ?? { available: 0, total: 0 };
    c.total += Number(r.n);
    if (r.status === "available") c.available += Number(r.n);
    counts.set(key, c);
  }
  return counts;
}

function toSummary(row: LendingDeviceTypeTable, locations: Location[], counts: Map<string, { available: number; total: number }>): DeviceSummary {
  const byLocation = locations.map((l) => {
    const c = counts.get(`${row.id}|${l.id}`) ?? { available: 0, total: 0 };
    return { locationId: l.id, name: l.name, example: l.example, available: c.available, total: c.total };
  });
  return {
    id: row.id,
    name: { zh: row.name_zh, en: row.name_en },
    category: row.category as DeviceCategory,
    disabilities: parseDisabilities(row.disabilities),
    mode: row.mode === "fitting" ? "fitting" : "loan",
    loanDays: row.loan_days === null ? null : Number(row.loan_days),
    audience: { zh: row.audience_zh, en: row.audience_en },
    image: row.image,
    imageAlt: { zh: row.image_alt_zh, en: row.image_alt_en },
    available: byLocation.reduce((s, l) => s + l.available, 0),
    total: byLocation.reduce((s, l) => s + l.total, 0),
    locations: byLocation,
  };
}

export interface CatalogueFilter {
  category?: DeviceCategory;
  disability?: Disability;
  /** Words to look for in the name, description and who it is for (either language). */
  q?: string;
}

/** The catalogue, filtered; each device with its availability by location. */
export async function listDeviceTypes(db: Db, filter: CatalogueFilter = {}, audience: CatalogueAudience = {}): Promise<DeviceSummary[]> {
  let query = db.selectFrom("lending_device_types").selectAll().orderBy("sort").orderBy("id");
  if (filter.category) query = query.where("category", "=", filter.category);
  let rows = await query.execute();
  if (filter.disability) rows = rows.filter((r) => parseDisabilities(r.disabilities).includes(filter.disability!));
  const words = (filter.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) {
    rows = rows.filter((r) => {
      const text = [r.name_zh, r.name_en, r.description_zh, r.description_en, r.audience_zh, r.audience_en].join(" ").toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }
  const [locations, counts] = await Promise.all([locationsFor(db, audience), unitCounts(db)]);
  return rows.map((r) => toSummary(r, locations, counts));
}

export async function getDeviceType(db: Db | Trx, id: string, audience: CatalogueAudience = {}): Promise<DeviceDetail> {
  const row = id ? await db.selectFrom("lending_device_types").selectAll().where("id", "=", id).executeTakeFirst() : undefined;
  if (!row) throw new NotFound("device");
  const [locations, counts] = await Promise.all([locationsFor(db, audience), unitCounts(db, id)]);
  return { ...toSummary(row, locations, counts), description: { zh: row.description_zh, en: row.description_en } };
}

/** Just the row, for domain checks inside a transaction. */
export async function deviceTypeRow(db: Db | Trx, id: string): Promise<LendingDeviceTypeTable> {
  const row = await db.selectFrom("lending_device_types").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFound("device");
  return row;
}
