import type { TFunction } from "i18next";
import { centreErrorText } from "~/components/centre/centre-errors";
import { cinemaErrorText } from "~/components/cinema/cinema-errors";
import { deviceErrorText } from "~/components/devices/device-errors";
import type { Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import * as centre from "~/modules/centre/index.server";
import * as cinema from "~/modules/cinema/index.server";
import * as lending from "~/modules/lending/index.server";
import * as flows from "~/modules/flows/index.server";
import * as homeMod from "~/modules/home-modification/index.server";
import { DomainError, domainErrorStatus, domainRetryAfterSeconds, type DomainErrorCode, type DomainErrorStatus } from "~/modules/shared/domain-error";
import { apiError } from "./api.server";
import { federationPhone } from "~/modules/site/contact-details";

/**
 * Every domain error at the HTTP edge, in one place, for the HTML pages (the error summary's message and the page's
 * status) and the JSON API (`{ error, message, fields? }`, docs/contracts.md) alike. The status and `Retry-After`
 * come from the code (app/modules/shared/domain-error.ts: one status a code, whichever module raised it); the
 * message from the table below (one entry a kind of error). Anything that is not a domain error is a bug and is
 * rethrown, to stay a 500.
 */

type Message<E extends DomainError> = (t: TFunction, error: E) => string;
type Kind<E extends DomainError> = abstract new (...args: never[]) => E;
type FieldText = (t: TFunction, field: string, code: string) => string;

const messages = new Map<Kind<DomainError>, Message<never>>();
const on = <E extends DomainError>(kind: Kind<E>, message: Message<E>) => messages.set(kind, message as Message<never>);

/** Input the domain refuses: each field's code as the module's own sentence, one after the other. */
const invalidInput = (text: FieldText) => (t: TFunction, error: { fields: Record<string, string> }) =>
  Object.values(fieldTexts(t, text, error.fields)).join(" ");
/** Busy means the same in every module: the database stayed busy through every retry. */
const busy = (t: TFunction) => t("errors.busy");

on(cinema.NotFound, (t, e) => t(`cinema.api.notFound.${e.what}`));
on(cinema.SoldOut, (t, e) => (e.reason === "noWheelchairSpace" ? t("cinema.api.noWheelchairSpace") : t("cinema.api.soldOut", { n: e.available })));
on(cinema.BookingClosed, (t, e) => t(`cinema.api.closed.${e.reason}`));
on(cinema.InvalidInput, invalidInput(cinemaErrorText));
on(cinema.HoldExpired, (t) => t("cinema.api.notFound.hold"));
on(cinema.ExtensionLimit, (t) => t("cinema.hold.noMoreExtensions"));
on(cinema.SeatsTaken, (t) => t("cinema.api.seatsTaken"));
on(cinema.NotAllowed, (t) => t("cinema.api.checkedIn"));
on(cinema.HoldLimit, (t, e) => t(`abuse.holds.${e.who}`, { n: e.limit, phone: cinema.cinemaPhone }));
on(cinema.OfferClosed, (t, e) => t(`cinema.api.offerClosed.${e.reason}`));
on(cinema.Busy, busy);

on(lending.NotFound, (t, e) => t(`devices.api.notFound.${e.what}`));
on(lending.InvalidInput, invalidInput(deviceErrorText));
on(lending.UnitUnavailable, (t, e) =>
  t("devices.api.unitUnavailable", { tag: e.assetTag, status: t(`devices.unitStatus.${e.status}`, { defaultValue: e.status }) }),
);
on(lending.InsufficientStock, (t) => t("devices.api.insufficientStock"));
on(lending.WrongState, (t, e) => t("devices.api.wrongState", { status: t(`devices.requestStatus.${e.status}`, { defaultValue: e.status }) }));
on(lending.RenewalRefused, (t, e) =>
  t(`devices.api.renewalRefused.${e.reason}`, { max: lending.maxRenewals(), grace: lending.renewalGraceDays, phone: federationPhone }),
);
on(lending.Busy, busy);

on(centre.NotFound, (t, e) => t(`centre.errors.notFound_${e.what}`));
on(centre.InvalidInput, invalidInput(centreErrorText));
on(centre.ActivityFull, (t) => t("centre.errors.full"));
on(centre.SignupClosed, (t, e) => t(`centre.errors.closed_${e.reason}`));
on(centre.AlreadySignedUp, (t, e) => t("centre.errors.alreadySignedUp", { reference: e.reference }));
on(centre.WrongState, (t, e) => t(`centre.errors.wrongState_${e.status}`, { defaultValue: t("centre.errors.wrongState") }));
on(centre.OfferClosed, (t, e) => t(`centre.offer.closed.${e.reason}`));
on(centre.Busy, busy);

on(homeMod.HomeModNotFound, (t, e) => t(`homeMod.errors.notFound_${e.what}`));
on(homeMod.HomeModWrongState, (t, e) =>
  t("homeMod.errors.wrongState", { action: t(`homeMod.admin.actions.${e.action as "assess"}`), status: t(`homeMod.status.${e.status as "received"}`, { defaultValue: e.status }) }),
);
on(homeMod.HomeModBusy, busy);

// A draft that is gone (or expired) and a page a flow does not have: the 404 page's own sentence.
on(flows.DraftGone, (t) => t("errors.notFoundText"));
on(flows.NoSuchStep, (t) => t("errors.notFoundText"));

/** Which module's field sentences an InvalidInput speaks with. */
function fieldTextOf(error: DomainError): FieldText {
  if (error instanceof cinema.CinemaError) return cinemaErrorText;
  if (error instanceof lending.LendingError) return deviceErrorText;
  return centreErrorText;
}

function fieldTexts(t: TFunction, text: FieldText, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, code]) => [field, text(t, field, code)]));
}

/** A domain error as the edge answers it. */
export interface DomainErrorAnswer {
  code: DomainErrorCode;
  status: DomainErrorStatus;
  /** For the error summary of a page, or the API's `message`. */
  message: string;
  /** Each refused field's sentence (InvalidInput only): the API's `fields`. */
  fields?: Record<string, string>;
  /** `Retry-After` for a transient error (busy). */
  headers: Record<string, string>;
}

export function domainErrorAnswer(t: TFunction, error: DomainError): DomainErrorAnswer {
  const message = messages.get(error.constructor as Kind<DomainError>);
  const fields = error.code === "invalid_input" ? fieldTexts(t, fieldTextOf(error), (error as DomainError & { fields: Record<string, string> }).fields) : undefined;
  const init = domainErrorInit(error);
  return {
    code: error.code,
    status: init.status,
    // (The map holds each kind's own message function; `get` cannot say which kind it returned.)
    message: message ? message(t, error as never) : t("errors.badRequest"),
    ...(fields ? { fields } : {}),
    headers: init.headers,
  };
}

/** The status and headers a page answers a domain error with: `data({ …, message }, domainErrorInit(error))`. */
export function domainErrorInit(error: DomainError): { status: DomainErrorStatus; headers: Record<string, string> } {
  const retryAfter = domainRetryAfterSeconds[error.code];
  return { status: domainErrorStatus[error.code], headers: retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) } };
}

/** The sentence for a page's error summary. */
export const domainErrorMessage = (t: TFunction, error: DomainError) => domainErrorAnswer(t, error).message;

/** A domain error as the JSON API's error response (docs/contracts.md); rethrows anything that is not one. */
export function domainApiError(error: unknown, locale: Locale): Response {
  if (!(error instanceof DomainError)) throw error;
  const answer = domainErrorAnswer(getFixedT(locale), error);
  return apiError(answer.status, answer.code, answer.message, answer.fields, answer.headers);
}

/** A domain InvalidInput's field codes in Conform's shape (`submission.reply({ fieldErrors })`), for staff forms. */
export const fieldErrorsOf = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]]));
