import { data } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import type { Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { InvalidInput, LendingError, NotFound } from "~/modules/lending/index.server";
import { actorOf, type StaffSession } from "~/modules/staff/index.server";
import { domainErrorInit, domainErrorMessage, fieldErrorsOf } from "./domain-errors.server";

/**
 * What the lending staff pages share at the HTTP edge: the actor for the ledger and audit log, and one shape for
 * a failed form (which form, its Conform result, or a domain message) so each page can show the error summary
 * above the form that failed.
 */
export const lendingActor = (session: StaffSession) => actorOf(session);

export interface FormFailure {
  hasErrors: true;
  intent: string;
  lastResult: SubmissionResult<string[]> | null;
  message: string | null;
}

export function formFailure(intent: string, lastResult: SubmissionResult<string[]>, status = 400) {
  return data<FormFailure>({ hasErrors: true, intent, lastResult, message: null }, { status });
}

/** A domain error as a failed form: field errors stay on their fields, everything else is one message. */
export function domainFailure(error: unknown, intent: string, locale: Locale, reply: (fields: Record<string, string[]>) => SubmissionResult<string[]>) {
  if (!(error instanceof LendingError)) throw error;
  if (error instanceof NotFound && error.what !== "unit" && error.what !== "location") throw new Response("Not Found", { status: 404 });
  if (error instanceof InvalidInput) return formFailure(intent, reply(fieldErrorsOf(error.fields)));
  return data<FormFailure>({ hasErrors: true, intent, lastResult: null, message: domainErrorMessage(getFixedT(locale), error) }, domainErrorInit(error));
}

export const notFound = () => new Response("Not Found", { status: 404 });
