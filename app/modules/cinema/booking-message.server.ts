import type { Transaction } from "kysely";
import type { CinemaBookingTable, Database } from "../db/schema";
import { formatDateTime } from "~/i18n/format";
import { defaultLocale, isLocale } from "~/i18n/config";
import { enqueueMessage } from "../messages/enqueue.server";
import { loadScreening, type Seat } from "./screenings.server";
import { seatList } from "./seat-words";

/**
 * The booking confirmation a person is sent (a text to the mobile they booked with), queued in the booking's own
 * transaction: the film, when, where, the seats in words and the reference, in the language they booked in, with
 * how to cancel. The phone is the recipient only; the text never carries it.
 */
export async function queueBookingConfirmation(trx: Transaction<Database>, booking: CinemaBookingTable, seats: Seat[], now: Date): Promise<void> {
  const locale = isLocale(booking.locale) ? booking.locale : defaultLocale;
  const lang = locale === "en" ? "en" : "zh";
  const screening = await loadScreening(trx, booking.screening_id);
  await enqueueMessage(
    trx,
    {
      recipient: booking.phone,
      locale,
      template: "bookingConfirmed",
      params: {
        reference: booking.reference,
        film: screening.title[lang],
        when: formatDateTime(screening.startsAt, locale),
        venue: screening.venue[lang],
        seats: seatList(seats, locale),
      },
      target: { type: "cinema_booking", id: booking.reference },
      managePath: "/cinema/booking",
    },
    now,
  );
}
