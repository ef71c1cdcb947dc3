import { data, redirect } from "@remix-run/node";
import { localePath, type Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { DomainError } from "~/modules/shared/domain-error";
import { domainErrorInit, domainErrorMessage } from "./domain-errors.server";
import { readFormData } from "./form-data.server";

/**
 * The answer to a waiting-list offer from its page's plain POST form (the cinema's seats, an activity's place): the
 * button's `intent` (one of `intents`, else 400), then `answer` runs the module call and says where to go next (a
 * path, localized here). A refusal (the offer ran out, was declined …) comes back as the error summary's message with
 * the domain error's status. Call after the route has checked the offer exists (its own 404).
 */
export async function answerOffer<I extends string>(request: Request, locale: Locale, intents: readonly I[], answer: (intent: I) => Promise<string>) {
  const intent = (await readFormData(request)).get("intent");
  if (typeof intent !== "string" || !intents.includes(intent as I)) return data({ message: getFixedT(locale)("errors.badRequest") }, { status: 400 });
  try {
    return redirect(localePath(await answer(intent as I), locale));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ message: domainErrorMessage(getFixedT(locale), error) }, domainErrorInit(error));
  }
}
