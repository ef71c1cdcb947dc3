import { DomainError } from "~/modules/shared/domain-error";

/** The centre module's domain errors; routes map them to HTTP and localized messages (app/http/domain-errors.server.ts). */
export class CentreError extends DomainError {}

/** An application, activity, sign-up or draft that does not exist (or a reference with the wrong phone). */
export class NotFound extends CentreError {
  constructor(readonly what: "card" | "activity" | "signup" | "draft" | "offer") {
    super("not_found", `${what} not found`);
  }
}

/** Input the domain refuses; `fields` maps a field name to an error code. */
export class InvalidInput extends CentreError {
  constructor(readonly fields: Record<string, string>) {
    super("invalid_input", `invalid input: ${Object.keys(fields).join(", ")}`);
  }
}

/** Every place is taken and the waiting list is full too. */
export class ActivityFull extends CentreError {
  constructor() {
    super("full", "activity full, waiting list full");
  }
}

/** Sign-up is not possible for this activity now. */
export class SignupClosed extends CentreError {
  constructor(readonly reason: "notOpenYet" | "closed" | "cancelled") {
    super("signup_closed", `sign-up closed: ${reason}`);
  }
}

/** The same mobile number already holds a sign-up for this activity. */
export class AlreadySignedUp extends CentreError {
  constructor(readonly reference: string) {
    super("already_signed_up", "already signed up");
  }
}

/** The record is not in a state that allows this (a decided card, a cancelled sign-up). */
export class WrongState extends CentreError {
  constructor(readonly status: string) {
    super("wrong_state", `wrong state: ${status}`);
  }
}

/** A place offer that can no longer be answered that way (activity-offers.server.ts). */
export class OfferClosed extends CentreError {
  constructor(readonly reason: "expired" | "declined" | "withdrawn" | "accepted") {
    super("offer_closed", `offer closed: ${reason}`);
  }
}

/** The database stayed busy through every retry. */
export class Busy extends CentreError {
  constructor() {
    super("busy", "database busy");
  }
}
