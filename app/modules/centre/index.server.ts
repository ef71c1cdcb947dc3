/**
 * The regional centre module's public face (issue 9): 视障图书馆 借阅证, activities and training, open figures.
 *
 * Library:     the card application as a guided form (cardFlow; cardDrafts, firstMissingCardStep, submitCardDraft),
 *              findCardForApplicant, withdrawCard (audited); staff listCards, cardCounts, getCardForStaff (audited), decideCard
 * Activities:  listUpcomingActivities, getActivity, signupWindow, signUp, findSignup, withdrawSignup (audited), the sign-up flow (signupFlow, signupDrafts),
 *              place offers (findActivityOffer, acceptActivityOffer, declineActivityOffer, expireActivityOffers, listActivityOfferChain),
 *              activityCalendar; staff listActivitiesForStaff, createActivity, updateActivity, listSignups (audited),
 *              recordAttendance, signupsCsv
 * Figures:     computeFigures, figuresCsv
 */
export * from "./library.server";
export * from "./activities.server";
export * from "./figures.server";
export * from "./errors";
export * from "./centre-constants";
export * from "./centre-schema";
export { seedCentre, exampleActivities, chinaTimeAhead } from "./seed.server";
export { protectCertificate } from "~/modules/lending/index.server";
export {
  acceptActivityOffer,
  activityOfferPath,
  declineActivityOffer,
  expireActivityOffers,
  findActivityOffer,
  listActivityOfferChain,
  type ActivityOfferKey,
  type ActivityOfferLink,
  type ActivityOfferStatus,
  type ActivityOfferView,
} from "./activity-offers.server";
