import type { AppLoadContext } from "@remix-run/node";
import type { Locale } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { getFixedT } from "~/i18n/i18n.server";
import { getDb } from "~/modules/db/index.server";
import { guardLookup, type LookupKind, type LookupOutcome, type LookupRefusal } from "~/modules/security/lookup-guard.server";
import { federationPhone } from "~/modules/site/contact-details";

/**
 * A lookup the guard refused (app/modules/security/lookup-guard.server.ts) at the HTTP edge, in one place: the
 * sentence a person reads (wait until when, or call the Federation), the status (429) and Retry-After.
 */
/** A route's lookup through the guard: `find` proves reference + phone and throws `notFound` when they do not match. */
export function guardedLookup<T>(
  context: AppLoadContext,
  kind: LookupKind,
  reference: string,
  find: () => Promise<T>,
  notFound: abstract new (...args: never[]) => Error,
): Promise<LookupOutcome<T>> {
  return guardLookup(getDb(), { kind, reference, client: context.clientIp ?? "local" }, find, (error) => error instanceof notFound);
}

export function lookupRefusalText(refusal: LookupRefusal, locale: Locale): string {
  const t = getFixedT(locale);
  return refusal.reason === "locked"
    ? t("abuse.lookup.locked", { time: formatDateTime(refusal.until, locale), phone: federationPhone })
    : t("abuse.lookup.rateLimited", { phone: federationPhone });
}

export const lookupRefusalInit = (refusal: LookupRefusal): ResponseInit => ({
  status: 429,
  headers: { "Retry-After": String(refusal.retryAfterSeconds) },
});

/** The JSON API's answer (docs/contracts.md error shape): 429 `lookup_locked` or `rate_limited`. */
export function apiLookupRefusal(refusal: LookupRefusal, locale: Locale): Response {
  const code = refusal.reason === "locked" ? "lookup_locked" : "rate_limited";
  return Response.json({ error: code, message: lookupRefusalText(refusal, locale) }, lookupRefusalInit(refusal));
}
