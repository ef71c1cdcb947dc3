/**
 * The cinema module's public face (issue 5). Routes and the staff pages use only what is exported here.
 *
 * Public booking:  listUpcomingScreenings, getScreening, seatMap, offerSeats, holdSeats, getHold, extendHold,
 *                  releaseHold, confirmHold, confirmDraft, bookSeats, findBooking, cancelBooking, joinWaitingList,
 *                  findWaitingEntry, findWaitingEntryFor, withdrawWaitingEntry (audited), waiting-list offers (findOffer, acceptOffer, declineOffer),
 *                  booking drafts (createDraft, getDraft, saveDraft), bookingCalendar
 * Staff:           createScreening, updateScreening, cancelScreening, listBookings, exportBookings, revealBookingPhone,
 *                  checkIn, bookingsCsv, listWaitingList, listOfferChain, setWaitingStatus (each change and full view audited
 *                  in its own transaction: they take the staff Actor)
 * Background:      expireWaitingOffers (the offer sweep, run by the message worker loop)
 * Errors:          CinemaError and its kinds (SoldOut, NotFound, BookingClosed, InvalidInput, HoldExpired, …)
 */
export {
  bookingWindow,
  getScreening,
  listUpcomingScreenings,
  seatMap,
  type BookingWindow,
  type Screening,
  type ScreeningFilter,
  type ScreeningWithSeats,
  type Seat,
  type SeatState,
} from "./screenings.server";
export {
  bookSeats,
  cancelBooking,
  confirmHold,
  extendHold,
  findBooking,
  getHold,
  holdSeats,
  offerSeats,
  releaseHold,
  type BookingKey,
  type BookingStatus,
  type BookingView,
  type Contact,
  type HoldView,
  type Party,
} from "./bookings.server";
export { validateContact, validateParty } from "./validation";
export { assertHoldWithinLimits, holdLimits } from "./hold-limits.server";
export {
  findWaitingEntry,
  findWaitingEntryFor,
  joinWaitingList,
  listWaitingList,
  setWaitingStatus,
  waitingWithdrawalState,
  withdrawWaitingEntry,
  type WaitingEntry,
  type WaitingStatus,
} from "./waiting-list.server";
export {
  acceptOffer,
  declineOffer,
  expireWaitingOffers,
  findOffer,
  listOfferChain,
  offerHoldHours,
  offerPath,
  type OfferKey,
  type OfferLink,
  type OfferStatus,
  type OfferView,
} from "./offers.server";
export { bookingFlow, confirmDraft, createDraft, getDraft, saveDraft, type BookingAnswers, type Draft, type DraftPatch } from "./drafts.server";
export {
  bookingsCsv,
  cancelScreening,
  checkIn,
  exportBookings,
  createScreening,
  listBookings,
  listHalls,
  listScreeningsForStaff,
  staffScreeningSortKeys,
  type StaffScreeningSort,
  revealBookingPhone,
  revealWaitingPhone,
  screeningCallList,
  updateScreening,
  type CallListEntry,
  type Hall,
  type ScreeningInput,
  type StaffScreening,
} from "./staff.server";
export { seedCinema, plannedScreenings, seedHallId } from "./seed.server";
export { bookingCalendar } from "./calendar.server";
export * from "./errors";
export * from "./cinema-constants";
export { describeSeats, seatCode, seatList } from "./seat-words";
export { allocateSeats, countAvailable, type Allocation, type AllocationKind, type PlanSeat } from "./seat-allocation";
export {
  apiBookingSchema,
  chooseSeatsSchema,
  screeningFormSchema,
  waitingStatusSchema,
  contactSchema,
  lookupSchema,
  needsSchema,
  peopleSchema,
  waitingListSchema,
  type ApiBookingInput,
} from "./cinema-schema";
