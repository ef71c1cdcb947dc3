import { DomainError } from "~/modules/shared/domain-error";

/**
 * The lending module's domain errors. Each code's status is in app/modules/shared/domain-error.ts; routes turn an
 * error into that status and a localized message in one place (app/http/domain-errors.server.ts); the module never
 * speaks HTTP.
 */
export class LendingError extends DomainError {}

/** A device type, unit, location, request, loan or draft that does not exist (or a reference with the wrong phone). */
export class NotFound extends LendingError {
  constructor(readonly what: "device" | "unit" | "location" | "request" | "loan" | "draft") {
    super("not_found", `${what} not found`);
  }
}

/** Input the domain refuses; `fields` maps a field name to an error code ("required", "invalidPhone"). */
export class InvalidInput extends LendingError {
  constructor(readonly fields: Record<string, string>) {
    super("invalid_input", `invalid input: ${Object.keys(fields).join(", ")}`);
  }
}

/**
 * The unit cannot do this now: lent already, in repair, written off… (`status` is what it is). Two staff
 * lending the last unit at once: the second gets this.
 */
export class UnitUnavailable extends LendingError {
  constructor(
    readonly assetTag: string,
    readonly status: string,
  ) {
    super("unit_unavailable", `unit ${assetTag} is ${status}`);
  }
}

/** The movement would take the stock of a device type at a location below zero. */
export class InsufficientStock extends LendingError {
  constructor(
    readonly typeId: string,
    readonly locationId: string,
    readonly stock: number,
  ) {
    super("insufficient_stock", `stock of ${typeId} at ${locationId} would be ${stock}`);
  }
}

/** The request is not in a state that allows this (approving a rejected request, lending twice on one request). */
export class WrongState extends LendingError {
  constructor(
    readonly what: "request" | "loan",
    readonly status: string,
  ) {
    super("wrong_state", `${what} is ${status}`);
  }
}

/** Why a borrower cannot renew a loan now. */
export type RenewalRefusal = "limit" | "overdue" | "waiting" | "changed";

/**
 * 续借 refused: the renewals are used up, the loan is too long overdue, someone is waiting for that kind of device,
 * or it was renewed meanwhile (`changed`: the due date is not the one the person confirmed).
 */
export class RenewalRefused extends LendingError {
  constructor(readonly reason: RenewalRefusal) {
    super("renewal_refused", `renewal refused: ${reason}`);
  }
}

/** The database stayed busy through every retry (heavy contention); the client may try again. */
export class Busy extends LendingError {
  constructor() {
    super("busy", "database busy");
  }
}
