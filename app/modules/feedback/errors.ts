import { DomainError } from "~/modules/shared/domain-error";

/** A message that does not exist, left no contact, or was looked up with another contact: all answered alike. */
export class FeedbackNotFound extends DomainError {
  constructor() {
    super("not_found", "feedback not found");
  }
}
