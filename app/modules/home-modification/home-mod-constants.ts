/**
 * 困难重度残疾人家庭无障碍改造 (home accessibility modification): the words' codes, zod-free so pages can import them
 * in the browser. What the service is comes from knowledge/guides/home-accessibility-modification-guide.md: county
 * Federations screen households and keep a 台账, decide each household's work to the standard, and the City
 * Federation checks the work with a third-party supervisor. No eligibility rule or amount is stated here.
 */
export { qingyuanCounties } from "../lending/lending-constants";
import { qingyuanCounties } from "../lending/lending-constants";

export const countyIds = qingyuanCounties.map((c) => c.id) as [string, ...string[]];

/** Who the application is for: the person themselves, or a family member applying for them. */
export const forWhomOptions = ["self", "family"] as const;
export type ForWhom = (typeof forWhomOptions)[number];

/** 低保 / 特困 as the guide frames it: part of the household's circumstances, not a rule; "not sure" is an answer. */
export const lowIncomeOptions = ["dibao", "tekun", "neither", "unsure"] as const;
export type LowIncome = (typeof lowIncomeOptions)[number];

/** What the household would like looked at (the guide's examples: grab bars, thresholds, the bathroom …). */
export const homeNeeds = ["entrance", "handrails", "bathroom", "kitchen", "doors", "other"] as const;
export type HomeNeed = (typeof homeNeeds)[number];

/**
 * Where an application stands. received → assessed (home visit) → approved | refused; approved → inProgress (work
 * started) → finished → completed (supervisor's check passed) | rectifying (failed: the work is put right) → finished
 * again. The applicant may withdraw until it is approved.
 */
export const homeModStatuses = ["received", "assessed", "approved", "refused", "inProgress", "finished", "rectifying", "completed", "withdrawn"] as const;
export type HomeModStatus = (typeof homeModStatuses)[number];

/** What staff do to an application, and the statuses each may follow. */
export const homeModActions = {
  assess: ["received", "assessed"],
  approve: ["assessed"],
  refuse: ["assessed"],
  start: ["approved"],
  finish: ["inProgress", "rectifying"],
  supervise: ["finished"],
} as const satisfies Record<string, readonly HomeModStatus[]>;
export type HomeModAction = keyof typeof homeModActions;

/** The actions open to staff from a status (the detail page shows only these forms). */
export const actionsFrom = (status: string): HomeModAction[] =>
  (Object.keys(homeModActions) as HomeModAction[]).filter((a) => (homeModActions[a] as readonly string[]).includes(status));

/** The steps of the application, in order ("check" and "done" are the engine's). */
export const homeModSteps = ["for-whom", "name", "certificate", "address", "household", "low-income", "needs", "contact", "check", "done"] as const;
export type HomeModStep = (typeof homeModSteps)[number];

export const homeModStepPath = (draftId: string, step: string, query = "") => `/home-modification/apply/${encodeURIComponent(draftId)}/${step}${query}`;

/** References: 改造 (GZ) and two groups of four. */
export const homeModReferencePrefix = "GZ";
