import type { Params } from "@remix-run/react";
import { getScreening, NotFound, type ScreeningWithSeats } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";

/** The staff pages' screening (`/admin/cinema/<screeningId>/…`), or a 404 for an unknown id. */
export async function loadStaffScreening(params: Params): Promise<ScreeningWithSeats> {
  try {
    return await getScreening(getDb(), String(params.screeningId ?? ""));
  } catch (error) {
    if (error instanceof NotFound) throw new Response("Not Found", { status: 404 });
    throw error;
  }
}

/** What the staff pages show of a screening (plain data for the browser). */
export function staffScreeningData(s: ScreeningWithSeats) {
  return {
    id: s.id,
    title: s.title,
    synopsis: s.synopsis,
    hallName: s.hallName,
    startsAt: s.startsAt,
    durationMinutes: s.durationMinutes,
    audioDescription: s.audioDescription,
    captions: s.captions,
    signLanguage: s.signLanguage,
    bookingOpensAt: s.bookingOpensAt,
    bookingClosesAt: s.bookingClosesAt,
    status: s.status,
    booking: s.booking,
    seatsTotal: s.seatsTotal,
    seatsAvailable: s.seatsAvailable,
  };
}

/** The staff form's parsed value as the module's input. */
export function screeningInput(v: {
  hallId?: string;
  titleZh: string;
  titleEn: string;
  synopsisZh: string;
  synopsisEn: string;
  durationMinutes: number;
  audioDescription: boolean;
  captions: boolean;
  signLanguage: boolean;
  startsAt: string;
  bookingOpensAt: string;
  bookingClosesAt: string;
}) {
  return {
    hallId: v.hallId ?? "",
    title: { zh: v.titleZh, en: v.titleEn },
    synopsis: { zh: v.synopsisZh, en: v.synopsisEn },
    durationMinutes: v.durationMinutes,
    audioDescription: v.audioDescription,
    captions: v.captions,
    signLanguage: v.signLanguage,
    startsAt: v.startsAt,
    bookingOpensAt: v.bookingOpensAt,
    bookingClosesAt: v.bookingClosesAt,
  };
}

// The staff screening forms' routes import it from here.
export { fieldErrorsOf } from "./domain-errors.server";
