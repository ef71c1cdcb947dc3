/**
 * Self-service withdrawal (issue 17, item 6): findForWithdrawal, withdraw, withdrawalLookupKind, NothingToWithdraw,
 * withdrawalSchema. Routes use only what is exported here.
 */
export { findForWithdrawal, NothingToWithdraw, withdraw, withdrawalLookupKind, type WithdrawalKey, type WithdrawalView } from "./withdrawal.server";
export { withdrawalSchema } from "./withdrawal-schema";
export * from "./withdrawal-constants";
