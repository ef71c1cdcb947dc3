import { parseWithZod } from "@conform-to/zod";
import { data, type AppLoadContext } from "@remix-run/node";
import { lookupSchema } from "~/modules/privacy/text-fields";
import type { Locale } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { getFixedT } from "~/i18n/i18n.server";
import { getDb } from "~/modules/db/index.server";
import { guardLookup, type LookupKind, type LookupOutcome, type LookupRefusal } from "~/modules/security/lookup-guard.server";
import { federationPhone } from "~/modules/site/contact-details";
import { readFormData } from "./form-data.server";

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

type LookupArgs = { request: Request; context: AppLoadContext; locale: Locale };
type LookupOf<T> = {
  kind: LookupKind;
  notFound: abstract new (...args: never[]) => Error;
  notFoundCode: string;
  find: (key: { reference: string; phone: string }) => Promise<T>;
};

/**
 * A lookup page's action (reference + phone → the record), in one place: the form parsed with `lookupSchema` (400
 * with the error summary's reply), the lookup through the guard (429 when refused), an unknown reference or a wrong
 * phone as one form error `notFoundCode` (404). `refused` is that answer; else the record, the phone it was found
 * with and the form's reply. The status pages show the record (referenceLookupAction); the cinema's booking lookup
 * goes on to the booking's own page.
 */
export async function referenceLookup<T>(args: LookupArgs, lookup: LookupOf<T>) {
  const submission = parseWithZod(await readFormData(args.request), { schema: lookupSchema });
  const refusedWith = (lastResult: ReturnType<typeof submission.reply>, message: string | null, init: ResponseInit) => ({
    refused: data({ hasErrors: true, lastResult, found: null as T | null, phone: "", message }, init),
  });
  if (submission.status !== "success") return refusedWith(submission.reply(), null, { status: 400 });
  const key = { reference: submission.value.reference, phone: submission.value.phone };
  const outcome = await guardedLookup(args.context, lookup.kind, key.reference, () => lookup.find(key), lookup.notFound);
  if (outcome.status === "refused") return refusedWith(submission.reply(), lookupRefusalText(outcome, args.locale), lookupRefusalInit(outcome));
  if (outcome.status === "notFound") return refusedWith(submission.reply({ formErrors: [lookup.notFoundCode] }), null, { status: 404 });
  return { refused: null, found: outcome.value, phone: key.phone, reply: submission.reply({ resetForm: true }) };
}

/** A status page's action: the record and the phone (for the withdraw button) on the page, or the lookup's refusal. */
export async function referenceLookupAction<T>(args: LookupArgs, lookup: LookupOf<T>) {
  const outcome = await referenceLookup(args, lookup);
  if (outcome.refused) return outcome.refused;
  return data({ hasErrors: false, lastResult: outcome.reply, found: outcome.found as T | null, phone: outcome.phone, message: null as string | null });
}
