import type { TFunction } from "i18next";
import { deviceErrorText } from "~/components/devices/device-errors";
import type { Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { Busy, InsufficientStock, InvalidInput, LendingError, NotFound, UnitUnavailable, WrongState } from "~/modules/lending/index.server";
import { apiError } from "./api.server";

/**
 * The lending module's domain errors at the HTTP edge, in one place: status code, error code and a localized
 * message. Anything else is a bug and stays a 500.
 */
export function lendingErrorMessage(t: TFunction, error: LendingError): string {
  if (error instanceof NotFound) return t(`devices.api.notFound.${error.what}`);
  if (error instanceof InvalidInput) {
    return Object.entries(error.fields)
      .map(([field, code]) => deviceErrorText(t, field, code))
      .join(" ");
  }
  if (error instanceof UnitUnavailable) return t("devices.api.unitUnavailable", { tag: error.assetTag, status: t(`devices.unitStatus.${error.status}` as never, { defaultValue: error.status }) });
  if (error instanceof InsufficientStock) return t("devices.api.insufficientStock");
  if (error instanceof WrongState) return t("devices.api.wrongState", { status: t(`devices.requestStatus.${error.status}` as never, { defaultValue: error.status }) });
  if (error instanceof Busy) return t("devices.api.busy");
  return t("errors.badRequest");
}

export function fieldMessages(t: TFunction, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, code]) => [field, deviceErrorText(t, field, code)]));
}

/** A domain error as the JSON API's error response (docs/contracts.md); rethrows anything that is not one. */
export function lendingApiError(error: unknown, locale: Locale) {
  if (!(error instanceof LendingError)) throw error;
  const t = getFixedT(locale);
  const message = lendingErrorMessage(t, error);
  if (error instanceof NotFound) return apiError(404, error.code, message);
  if (error instanceof InvalidInput) return apiError(422, error.code, message, fieldMessages(t, error.fields));
  if (error instanceof Busy) return apiError(409, error.code, message, undefined, { "Retry-After": "1" });
  return apiError(409, error.code, message);
}
