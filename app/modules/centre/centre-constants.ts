import { federationPhone } from "~/modules/site/contact-details";

/**
 * The regional centre's constants, zod-free so pages can import them in the browser.
 */
export const centrePhone = federationPhone;

export const cardFormats = ["braille", "largePrint", "audio"] as const;
export type CardFormat = (typeof cardFormats)[number];

export const collectOptions = ["pickup", "delivery"] as const;
export type CollectOption = (typeof collectOptions)[number];

/** `withdrawn`: the applicant withdrew it themselves (reference + phone) before it was decided. */
export const cardStatuses = ["pending", "issued", "refused", "withdrawn"] as const;
export type CardStatus = (typeof cardStatuses)[number];

export const disabilityCategories = ["vision", "hearing", "speech", "physical", "intellectual", "mental", "multiple"] as const;
export type DisabilityCategory = (typeof disabilityCategories)[number];

/** Steps of the card application; "address" only when the card is to be delivered. */
export const cardSteps = ["contact", "disability", "certificate", "format", "collect", "address", "check"] as const;
export type CardStep = (typeof cardSteps)[number] | "done";
export const cardStepPath = (draftId: string, step: CardStep, query = "") => `/library/apply/${draftId}/${step}${query}`;

export const activityTypes = ["outreach", "training", "association"] as const;
export type ActivityType = (typeof activityTypes)[number];

export const accessibilityFeatures = ["signLanguage", "audioDescription", "stepFree", "largePrint"] as const;
export type AccessibilityFeature = (typeof accessibilityFeatures)[number];

/** `offered`: a freed place is held for a sign-up that was waiting, until they answer the offer (or it runs out). */
export const signupStatuses = ["confirmed", "offered", "waiting", "cancelled"] as const;
export type SignupStatus = (typeof signupStatuses)[number];

export const signupSteps = ["contact", "needs", "check"] as const;
export type SignupStep = (typeof signupSteps)[number] | "done";
export const signupStepPath = (activityId: string, draftId: string, step: SignupStep, query = "") =>
  `/activities/${activityId}/signup/${draftId}/${step}${query}`;

/** Mainland mobile numbers, once read as typed (full-width digits, spaces, dashes, +86: normalisePhone). */
export const mobileNumberPattern = /^1[3-9]\d{9}$/;
export { normaliseMobile as normalisePhone } from "../privacy/numbers";

/** The city's specialised associations named in the Federation's 2025 report (policy-facts §10). */
export const associations = [
  { id: "deaf", registered: "2024-12", founded: null, status: "registered" },
  { id: "mental", registered: "2025-01", founded: null, status: "registered" },
  { id: "blind", registered: null, founded: "2025-08-01", status: "registering" },
  { id: "intellectual", registered: null, founded: "2025-09-17", status: "registering" },
] as const;
export type AssociationId = (typeof associations)[number]["id"];
export const associationIds = associations.map((a) => a.id) as AssociationId[];

/**
 * The report's own figures (清远市残联 巡察整改进展通报, 2025-10-16; policy-facts §8 and §10): the dated baseline shown
 * beside the portal's own records on /figures.
 */
export const reportBaseline = {
  source: "/policies/cdpf-rectification-report-2025",
  published: "2025-10-16",
  rows: [
    { key: "sessions", value: 47, period: "2024-10/2025-02" },
    { key: "filmViewings", value: 1234, period: "2024-10/2025-02" },
    { key: "readingVisits", value: 1134, period: "2024-10/2025-02" },
    { key: "cardsIssued", value: 1051, period: "2024-10/2025-02" },
    { key: "visionOutreach", value: 169, period: "2024-11/2024-12" },
  ],
} as const;

export const figureTables = ["library", "cinema", "devices", "activities", "questions"] as const;
export type FigureTable = (typeof figureTables)[number];
