import type { TFunction } from "i18next";
import { centreErrorText } from "~/components/centre/centre-errors";
import { ActivityFull, AlreadySignedUp, Busy, CentreError, InvalidInput, NotFound, SignupClosed, WrongState } from "~/modules/centre/index.server";

/** The centre module's domain errors as HTTP status and a localized sentence, in one place. */
export function centreErrorMessage(t: TFunction, error: CentreError): string {
  if (error instanceof NotFound) return t(`centre.errors.notFound_${error.what}`);
  if (error instanceof ActivityFull) return t("centre.errors.full");
  if (error instanceof SignupClosed) return t(`centre.errors.closed_${error.reason}`);
  if (error instanceof AlreadySignedUp) return t("centre.errors.alreadySignedUp", { reference: error.reference });
  if (error instanceof WrongState) return t(`centre.errors.wrongState_${error.status}` as never, { defaultValue: t("centre.errors.wrongState") });
  if (error instanceof Busy) return t("centre.errors.busy");
  if (error instanceof InvalidInput) return Object.entries(error.fields).map(([f, c]) => centreErrorText(t, f, c)).join(" ");
  return t("errors.badRequest");
}

export function centreErrorStatus(error: CentreError): number {
  if (error instanceof NotFound) return 404;
  if (error instanceof InvalidInput) return 422;
  if (error instanceof Busy) return 503;
  return 409;
}

/** "2026-12-05T14:30" (China time, a datetime-local value) → UTC ISO, and back. */
export const chinaLocalToIso = (value: string) => new Date(`${value}:00+08:00`).toISOString();
export const isoToChinaLocal = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16);
