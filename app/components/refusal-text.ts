import type { TFunction } from "i18next";
import type { Refusal } from "./refusal";
import { federationPhone } from "~/modules/site/contact-details";

/** What a refusal tells a person (the error page, and the plain-text answer of a file download). */
export function refusalText(t: TFunction, refusal: Refusal): string {
  const phone = federationPhone;
  switch (refusal.kind) {
    case "too_large":
      return t("errors.tooLargeText", { limit: refusal.limitKb, phone });
    case "cross_site":
      return t("errors.crossSiteText");
    case "bad_input":
      return t("errors.badInputText");
    case "unavailable":
      return t(refusal.during === "save" ? "errors.unavailableSaveText" : "errors.unavailableReadText", { phone });
  }
}
