import { DomainError } from "~/modules/shared/domain-error";

/**
 * A draft that cannot be continued: there is none under that id (or it belongs to another flow or scope), or it
 * expired. Both are `not_found` (a 404 page; an expired draft's link is as dead as a mistyped one), answered through
 * the one error mapper (app/http/domain-errors.server.ts).
 */
export class DraftGone extends DomainError {
  constructor(readonly reason: "missing" | "expired") {
    super("not_found", `draft ${reason}`);
  }
}

/** A page name the flow does not have (a mistyped URL): not_found like a draft that is gone. */
export class NoSuchStep extends DomainError {
  constructor(readonly step: string) {
    super("not_found", "no such step");
  }
}

/** `.catch(draftGoneAs(() => new NotFound("draft")))`: a module's own not-found for a draft that is gone. */
export const draftGoneAs =
  (make: () => Error) =>
  (error: unknown): never => {
    if (error instanceof DraftGone) throw make();
    throw error;
  };
