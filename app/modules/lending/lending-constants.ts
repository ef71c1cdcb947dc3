/**
 * Constants the device pages and the lending domain share. No schema library and no Node APIs here: pages
 * import this file and it reaches the browser (the content pages' JavaScript budget).
 */

/**
 * Device categories, following the classes of GB/T 16432-2016 (ISO 9999) in plain words. The number is the
 * class in the standard; pages show the plain name only.
 */
export const deviceCategories = ["mobility", "communication", "selfcare", "furniture", "handling", "health", "orthoses"] as const;
export type DeviceCategory = (typeof deviceCategories)[number];
export const categoryClass: Record<DeviceCategory, string> = {
  health: "04",
  orthoses: "06",
  selfcare: "09",
  mobility: "12",
  furniture: "18",
  communication: "22",
  handling: "24",
};

/** Disabilities a device serves (the six categories of the 残疾人证). */
export const disabilities = ["vision", "hearing", "speech", "physical", "intellectual", "mental"] as const;
export type Disability = (typeof disabilities)[number];

/** The applicant's disability category: the six, plus 多重 (several), as on the certificate. */
export const applicantCategories = [...disabilities, "multiple"] as const;
export type ApplicantCategory = (typeof applicantCategories)[number];

/** loan = lent and returned; fitting = assessed and fitted to the person, who keeps it. */
export const deviceModes = ["loan", "fitting"] as const;
export type DeviceMode = (typeof deviceModes)[number];

/**
 * What a unit is doing now. `fitted` (handed over for good after a fitting) and `missing` (not found at a
 * stocktake; found again it is reinstated) extend the brief's list; see README.md in this folder.
 */
export const unitStatuses = ["available", "reserved", "on_loan", "fitted", "repair", "sanitising", "missing", "written_off"] as const;
export type UnitStatus = (typeof unitStatuses)[number];
/** Statuses in which a unit is in the Federation's custody at its location: what a stocktake counts. */
export const inCustodyStatuses = ["available", "reserved", "repair", "sanitising"] as const satisfies readonly UnitStatus[];

export const unitConditions = ["good", "fair", "damaged"] as const;
export type UnitCondition = (typeof unitConditions)[number];

/** `withdrawn`: the applicant withdrew it themselves (reference + phone); `cancelled` is staff's, with a reason. */
export const requestStatuses = ["pending", "approved", "rejected", "fulfilled", "cancelled", "withdrawn"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Every kind of movement in the append-only ledger (台账). */
export const movementKinds = ["in", "out", "return", "repair", "sanitise", "write_off", "transfer", "adjustment"] as const;
export type MovementKind = (typeof movementKinds)[number];

/** After a return, the unit goes to sanitising (the default), straight back to the shelf, or to repair. */
export const afterReturn = ["sanitising", "available", "repair"] as const;
export type AfterReturn = (typeof afterReturn)[number];

/** A person with an open loan, or a fitting in the same category within this many days, is flagged. */
export const defaultDuplicateWindowDays = 365;
/** A loan overdue by more than this many days can no longer be renewed online (the borrower calls or returns it). */
export const renewalGraceDays = 7;
/** The reminders list shows loans due within this many days. */
export const reminderDays = 7;

/** The counties (县、市、区) of Qingyuan. Three hold example lending points in the seed data. */
export const qingyuanCounties = [
  { id: "qingcheng", zh: "清城区", en: "Qingcheng District" },
  { id: "qingxin", zh: "清新区", en: "Qingxin District" },
  { id: "yingde", zh: "英德市", en: "Yingde City" },
  { id: "lianzhou", zh: "连州市", en: "Lianzhou City" },
  { id: "fogang", zh: "佛冈县", en: "Fogang County" },
  { id: "yangshan", zh: "阳山县", en: "Yangshan County" },
  { id: "lianshan", zh: "连山壮族瑶族自治县", en: "Lianshan Zhuang and Yao Autonomous County" },
  { id: "liannan", zh: "连南瑶族自治县", en: "Liannan Yao Autonomous County" },
] as const;

/** The staff loan lists: open, overdue, due soon (the reminders list), returned, fittings, all. */
export const loanViews = ["open", "overdue", "dueSoon", "returned", "fittings", "all"] as const;
export type LoanView = (typeof loanViews)[number];

/** Mainland mobile numbers, once read as typed (full-width digits, spaces, dashes, +86: normalisePhone). */
export const mobileNumberPattern = /^1[3-9]\d{9}$/;
export { normaliseMobile as normalisePhone } from "../privacy/numbers";

/** The longest purpose (what the device is for) a request may give. */
export const maxPurposeLength = 500;

/** Request references: 借 (JY) and two groups of four. */
export const requestReferencePattern = /^JY-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** The steps of the request flow, one question each, in order. */
export const requestSteps = ["contact", "disability", "certificate", "purpose", "pickup", "check"] as const;
export type RequestStep = (typeof requestSteps)[number] | "done";

/** Locale-neutral path of a request step (LocalLink and localePath add /en). */
export function requestStepPath(deviceId: string, draftId: string, step: RequestStep, query = ""): string {
  return `/devices/${encodeURIComponent(deviceId)}/apply/${encodeURIComponent(draftId)}/${step}${query}`;
}
