/**
 * The lending module's public face (issue 6). Routes use only what is exported here.
 *
 * Catalogue:   listDeviceTypes, getDeviceType (public unless asked withExamplePoints), listLocations, listPublicLocations
 * Public:      the request as a guided form (requestFlow; requestDrafts, firstMissingStep, submitDraft), createRequest (API),
 *              findRequestForApplicant, withdrawRequest (the applicant's own, audited), requestWithdrawalState,
 *              findLoanForBorrower and renewLoan (续借, audited with the borrower as actor)
 * Staff:       listRequests, openRequest, decideRequest (approve / reject / cancel), checkOut, returnLoan, listLoans,
 *              getLoan, loanMessages (a loan's reminders), loanCounts, intake, changeUnit (repair, sanitise, ready, writeOff, transfer), listUnits, getUnit,
 *              lendableUnits, stockSheet, compareCounts, recordStocktake, listLedger, exportLedger, exportLoans.
 *              Each change, full view and export writes its audit entry in its own transaction (they take the Actor).
 * Stock:       ledgerStock / ledgerStockAt (derived from the append-only ledger)
 * Errors:      LendingError and its kinds (NotFound, InvalidInput, UnitUnavailable, InsufficientStock, WrongState, Busy)
 */
export { getDeviceType, getLocation, listDeviceTypes, listLocations, listPublicLocations, type Availability, type CatalogueAudience, type CatalogueFilter, type DeviceDetail, type DeviceSummary, type Location, type Localized } from "./catalogue.server";
export { firstMissingStep, requestDrafts, requestFlow, submitDraft, type Draft, type DraftPatch } from "./drafts.server";
export {
  createRequest,
  decideRequest,
  duplicateWindowDays,
  earlierRecords,
  findRequestForApplicant,
  getRequest,
  listRequests,
  openRequest,
  requestWithdrawalState,
  validateApplicant,
  withdrawRequest,
  type ApplicantView,
  type Decision,
  type EarlierRecord,
  type RequestInput,
  type StaffRequestDetail,
  type StaffRequestSummary,
} from "./requests.server";
export {
  allLoans,
  checkOut,
  chinaDay,
  getLoan,
  listLoans,
  loanCounts,
  loanSortKeys,
  returnLoan,
  type CheckOutInput,
  type LoanSort,
  type LoanSummary,
  type ReturnInput,
} from "./loans.server";
export { borrowerActor, findLoanForBorrower, maxRenewals, renewLoan, type BorrowerLoan } from "./renewals.server";
export { loanMessages, loanReminderDays, scheduleLoanReminders } from "./reminders.server";
export { changeUnit, getUnit, intake, lendableUnits, listUnits, unitActions, type IntakeInput, type UnitAction, type UnitFilter, type UnitView } from "./units.server";
export { compareCounts, recordStocktake, stockSheet, type Difference, type StockRow, type StocktakeResult } from "./stocktake.server";
export { allLedger, appendMovements, inTransaction, ledgerStock, ledgerStockAt, listLedger, type Actor, type LedgerEntry, type LedgerFilter, type Movement } from "./ledger.server";
export { certificateHash, certificateHashReport, certificateKeyWarnings, protectCertificate } from "./certificate.server";
export { certificateProblem, maskCertificate, normaliseCertificate } from "./certificate";
export { exportLedger, exportLoans } from "./exports.server";
export { seedLending, makeCertificate } from "./seed.server";
export * from "./errors";
export * from "./lending-constants";
export {
  apiLoanRequestSchema,
  certificateSchema,
  checkOutSchema,
  contactSchema,
  decisionSchema,
  disabilitySchema,
  intakeSchema,
  lookupSchema,
  pickupSchema,
  purposeSchema,
  renewalSchema,
  returnSchema,
  unitActionSchema,
  type ApiLoanRequestInput,
} from "./lending-schema";
