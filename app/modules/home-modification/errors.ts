import { DomainError } from "~/modules/shared/domain-error";

/** The home-modification module's domain errors; answered through the one mapper (app/http/domain-errors.server.ts). */
export class HomeModError extends DomainError {}

/** No application with this reference (or a reference with the wrong phone), or a draft that is gone. */
export class HomeModNotFound extends HomeModError {
  constructor(readonly what: "application" | "draft") {
    super("not_found", `${what} not found`);
  }
}

/** The step cannot follow the application's status (approve before the assessment): 409. */
export class HomeModWrongState extends HomeModError {
  constructor(
    readonly action: string,
    readonly status: string,
  ) {
    super("wrong_state", `cannot ${action} when ${status}`);
  }
}

/** The database stayed busy through every retry. */
export class HomeModBusy extends HomeModError {
  constructor() {
    super("busy", "database busy");
  }
}
