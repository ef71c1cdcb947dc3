import type { TFunction } from "i18next";

/** What the device pages need to say availability in words ("粤北区域中心：可借 3 件"). Browser-safe. */
export interface AvailabilityLike {
  name: { zh: string; en: string };
  example: boolean;
  available: number;
  total: number;
}

export function locationName(t: TFunction, locale: string, l: { name: { zh: string; en: string }; example: boolean }): string {
  const name = locale === "en" ? l.name.en : l.name.zh;
  return l.example ? t("devices.availability.examplePoint", { name }) : name;
}

/** One location's availability as a sentence. */
export function availabilityText(t: TFunction, locale: string, l: AvailabilityLike, mode: "loan" | "fitting"): string {
  const name = locationName(t, locale, l);
  if (l.total === 0) return t("devices.availability.none", { name });
  if (l.available === 0) return t("devices.availability.allOut", { name, total: l.total });
  return mode === "fitting" ? t("devices.availability.fittingStock", { name, n: l.available }) : t("devices.availability.available", { name, n: l.available });
}

/** The whole device, in one short phrase for the catalogue. */
export function availabilitySummary(t: TFunction, d: { available: number; total: number; mode: "loan" | "fitting" }): string {
  if (d.mode === "fitting") return d.available > 0 ? t("devices.availability.fittingSummary", { n: d.available }) : t("devices.availability.fittingMade");
  if (d.total === 0) return t("devices.availability.noneAnywhere");
  return d.available > 0 ? t("devices.availability.summary", { n: d.available, total: d.total }) : t("devices.availability.summaryNone", { total: d.total });
}
