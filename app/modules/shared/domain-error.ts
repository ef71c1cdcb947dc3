/**
 * What every domain error is, whichever module raises it: a `code` the JSON API sends as `error`
 * (docs/contracts.md), and the ONE status that code is answered with, on the HTML pages and in the API alike
 * (app/http/domain-errors.server.ts turns an error into that answer; app/modules/api/openapi.server.ts documents
 * each call's codes under the statuses this table gives). A module's error classes extend DomainError with a code
 * from this table, so a new code cannot be raised before it has a status here.
 */
export const domainErrorStatus = {
  // Something the client named does not exist (for a lookup, also the answer to a wrong phone).
  not_found: 404,
  // Input the domain refuses; `fields` says which field and why.
  invalid_input: 422,
  // The state does not allow it (the cinema).
  sold_out: 409,
  no_wheelchair_space: 409,
  booking_closed: 409,
  hold_expired: 409,
  extension_limit: 409,
  seats_taken: 409,
  not_allowed: 409,
  hold_limit: 409,
  offer_closed: 409,
  // The state does not allow it (lending).
  unit_unavailable: 409,
  insufficient_stock: 409,
  wrong_state: 409,
  renewal_refused: 409,
  // The state does not allow it (the regional centre).
  full: 409,
  signup_closed: 409,
  already_signed_up: 409,
  // The database stayed busy (or lost every race) through every retry: transient, trying again helps.
  busy: 503,
} as const satisfies Record<string, 404 | 409 | 422 | 503>;

export type DomainErrorCode = keyof typeof domainErrorStatus;
export type DomainErrorStatus = (typeof domainErrorStatus)[DomainErrorCode];

/** Codes that are transient: their answer carries `Retry-After` with this many seconds. */
export const domainRetryAfterSeconds: Partial<Record<DomainErrorCode, number>> = { busy: 1 };

/** The base of every module's domain errors (CinemaError, LendingError, CentreError). The module never speaks HTTP. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A call's domain error codes grouped by the status each is answered with, in the shape the OpenAPI declarations
 * take: `domainErrorsByStatus("not_found", "busy")` → `{ 404: ["not_found"], 503: ["busy"] }`.
 */
export function domainErrorsByStatus(...codes: DomainErrorCode[]): Partial<Record<DomainErrorStatus, [DomainErrorCode, ...DomainErrorCode[]]>> {
  const grouped: Partial<Record<DomainErrorStatus, [DomainErrorCode, ...DomainErrorCode[]]>> = {};
  for (const code of codes) {
    const status = domainErrorStatus[code];
    const list = grouped[status];
    if (!list) grouped[status] = [code];
    else if (!list.includes(code)) list.push(code);
  }
  return grouped;
}
