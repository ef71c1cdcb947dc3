import type { TFunction } from "i18next";
import { cinemaErrorText } from "~/components/cinema/cinema-errors";
import type { Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { BookingClosed, Busy, cinemaPhone, CinemaError, HoldLimit, InvalidInput, NotAllowed, NotFound, SeatsTaken, SoldOut } from "~/modules/cinema/index.server";
import { apiError } from "./api.server";

/**
 * The cinema's domain errors at the HTTP edge, in one place: status code, error code and a localized message.
 * Anything else is a bug and stays a 500.
 */
export function cinemaErrorMessage(t: TFunction, error: CinemaError): string {
  if (error instanceof NotFound) return t(`cinema.api.notFound.${error.what}`);
  if (error instanceof SoldOut) {
    return error.reason === "noWheelchairSpace" ? t("cinema.api.noWheelchairSpace") : t("cinema.api.soldOut", { n: error.available });
  }
  if (error instanceof BookingClosed) return t(`cinema.api.closed.${error.reason}`);
  if (error instanceof InvalidInput) {
    return Object.entries(error.fields)
      .map(([field, code]) => cinemaErrorText(t, field, code))
      .join(" ");
  }
  if (error instanceof SeatsTaken) return t("cinema.api.seatsTaken");
  if (error instanceof NotAllowed) return t("cinema.api.checkedIn");
  if (error instanceof Busy) return t("cinema.api.busy");
  if (error instanceof HoldLimit) return t(`abuse.holds.${error.who}`, { n: error.limit, phone: cinemaPhone });
  return t("errors.badRequest");
}

export function fieldMessages(t: TFunction, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, code]) => [field, cinemaErrorText(t, field, code)]));
}

/** A domain error as the JSON API's error response (docs/contracts.md); rethrows anything that is not one. */
export function cinemaApiError(error: unknown, locale: Locale) {
  if (!(error instanceof CinemaError)) throw error;
  const t = getFixedT(locale);
  const message = cinemaErrorMessage(t, error);
  if (error instanceof NotFound) return apiError(404, error.code, message);
  if (error instanceof InvalidInput) return apiError(422, error.code, message, fieldMessages(t, error.fields));
  if (error instanceof Busy) return Response.json({ error: error.code, message }, { status: 503, headers: { "Retry-After": "1" } });
  // SoldOut, BookingClosed, SeatsTaken, NotAllowed, HoldExpired, ExtensionLimit: the state does not allow it.
  return apiError(409, error.code, message);
}
