import { DomainError } from "~/modules/shared/domain-error";

/**
 * The cinema's domain errors. Each code's status is in app/modules/shared/domain-error.ts; routes turn an error into
 * that status and a localized message in one place (app/http/domain-errors.server.ts); the module never speaks HTTP.
 */
export class CinemaError extends DomainError {}

/** A screening, booking, hold, draft or waiting-list entry that does not exist (or a reference with the wrong phone). */
export class NotFound extends CinemaError {
  constructor(readonly what: "screening" | "booking" | "hold" | "draft" | "waitingEntry" | "offer") {
    super("not_found", `${what} not found`);
  }
}

/** Not enough seats left for the party (`available` = seats still free for this kind of request). */
export class SoldOut extends CinemaError {
  constructor(
    readonly available: number,
    readonly reason: "notEnoughSeats" | "noWheelchairSpace" = "notEnoughSeats",
  ) {
    super(reason === "noWheelchairSpace" ? "no_wheelchair_space" : "sold_out", `sold out (${available} left)`);
  }
}

/** Booking is not possible for this screening now. */
export class BookingClosed extends CinemaError {
  constructor(readonly reason: "notOpenYet" | "closed" | "past" | "cancelled") {
    super("booking_closed", `booking closed: ${reason}`);
  }
}

/** Input the domain refuses; `fields` maps a field name to an error code ("required", "invalidPhone", "tickets"). */
export class InvalidInput extends CinemaError {
  constructor(readonly fields: Record<string, string>) {
    super("invalid_input", `invalid input: ${Object.keys(fields).join(", ")}`);
  }
}

/** The seat hold ran out (or was released); the person chooses seats again. */
export class HoldExpired extends CinemaError {
  constructor() {
    super("hold_expired", "seat hold expired");
  }
}

/** The hold was already extended the maximum number of times. */
export class ExtensionLimit extends CinemaError {
  constructor() {
    super("extension_limit", "hold cannot be extended again");
  }
}

/** Seats the person chose were taken by someone else in the meantime. */
export class SeatsTaken extends CinemaError {
  constructor(readonly seatIds: string[]) {
    super("seats_taken", "chosen seats are no longer free");
  }
}

/** The booking cannot change any more (checked in). */
export class NotAllowed extends CinemaError {
  /** checkedIn: a checked-in booking cannot be cancelled; systemStatus: only an offer itself makes an entry "offered" or "expired". */
  constructor(readonly reason: "checkedIn" | "systemStatus") {
    super("not_allowed", `not allowed: ${reason}`);
  }
}

/** The database stayed busy through every retry (heavy contention); the client may try again. */
export class Busy extends CinemaError {
  constructor() {
    super("busy", "database busy");
  }
}

/** One client or phone already holds as many seats of this screening as it may (hold-limits.server.ts). */
export class HoldLimit extends CinemaError {
  constructor(
    readonly who: "client" | "phone",
    readonly limit: number,
  ) {
    super("hold_limit", `hold limit reached (${who}, ${limit} seats)`);
  }
}

/** A waiting-list offer that can no longer be answered this way: it ran out, was declined, withdrawn or booked. */
export class OfferClosed extends CinemaError {
  constructor(readonly reason: "expired" | "declined" | "withdrawn" | "booked") {
    super("offer_closed", `offer closed: ${reason}`);
  }
}
