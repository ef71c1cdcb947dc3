import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { cinemaPhone } from "./cinema-constants";
import { calendarFile } from "~/modules/shared/ics";
import { findBooking, type BookingKey } from "./bookings.server";
import { loadScreening } from "./screenings.server";
import { seatList } from "./seat-words";

/** The `.ics` file of a booking in the person's language (RFC 5545, see ics.ts). */
export async function bookingCalendar(db: Kysely<Database>, key: BookingKey, lang: "zh-CN" | "en"): Promise<{ filename: string; body: string }> {
  const booking = await findBooking(db, key);
  const screening = await loadScreening(db, booking.screeningId);
  const en = lang === "en";
  const title = en ? `${screening.title.en} (audio described) – ${screening.hallName.en}` : `${screening.title.zh}（口述影像）- ${screening.hallName.zh}`;
  const seats = seatList(booking.seats, lang);
  const description = en
    ? `Booking reference ${booking.reference}. ${seats}. Questions and directions to the hall: ${cinemaPhone}.`
    : `预订号 ${booking.reference}。${seats}。咨询及前往影厅的路线请致电 ${cinemaPhone}。`;
  const body = calendarFile({
    uid: `${booking.reference}@cinema.qyscl`,
    title,
    description,
    location: en ? `${screening.hallName.en}, ${screening.venue.en}, Qingyuan` : `清远 ${screening.venue.zh} ${screening.hallName.zh}`,
    startsAt: screening.startsAt,
    durationMinutes: screening.durationMinutes,
    createdAt: booking.createdAt,
    alarmMinutesBefore: 120,
  });
  return { filename: `${booking.reference}.ics`, body };
}
