/**
 * 困难重度残疾人家庭无障碍改造 (home accessibility modification, issue 15 item 7): the application as a guided form
 * (homeModFlow), the applicant's lookup and withdrawal (findHomeModForApplicant, withdrawHomeMod), staff's list,
 * detail (audited), the steps of the work (recordHomeModStep, audited) and the 台账 export (homeModLedgerCsv).
 */
export * from "./home-modification.server";
export * from "./home-mod-constants";
export * from "./home-mod-schema";
export * from "./errors";
