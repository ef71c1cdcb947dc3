import type { Locale } from "~/i18n/config";
import { describeSeats, type BookingView, type ScreeningWithSeats } from "~/modules/cinema/index.server";

/** The plain data a booking page sends to the browser (masked phone, seats in words, no token echo needed). */
export function bookingSummaryData(booking: BookingView, screening: ScreeningWithSeats, locale: Locale) {
  return {
    reference: booking.reference,
    status: booking.status,
    name: booking.name,
    phoneMasked: booking.phoneMasked,
    tickets: booking.tickets,
    needs: booking.needs,
    seatWords: describeSeats(booking.seats, locale),
    screening: { title: screening.title, startsAt: screening.startsAt, hallName: screening.hallName, venue: screening.venue },
  };
}
