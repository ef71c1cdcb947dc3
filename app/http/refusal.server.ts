import type { Refusal, RefusalPayload } from "~/components/refusal";
import { localeFromPathname } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { refusalText } from "~/components/refusal-text";
import { apiError, apiLocale } from "./api.server";

/**
 * How the edge answers a request it refuses (docs/security.md): the JSON API with the contract's error shape,
 * pages with the root's localized error page (thrown from the route, rendered by the root ErrorBoundary), other
 * resource routes with plain text. Never cached; Retry-After when waiting helps.
 */
const statuses = { bad_input: 400, cross_site: 403, too_large: 413, unavailable: 503 } as const;
const codes = { bad_input: "invalid_input", cross_site: "cross_site_request", too_large: "payload_too_large", unavailable: "storage_unavailable" } as const;

function headersFor(refusal: Refusal): Record<string, string> {
  return { "Cache-Control": "no-store", ...(refusal.kind === "unavailable" ? { "Retry-After": "30" } : {}) };
}

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/** The JSON API's answer: `{ error, message }` in the client's language. */
export function apiRefusal(refusal: Refusal, request: Request): Response {
  const t = getFixedT(apiLocale(request, new URL(request.url).searchParams.get("locale")));
  const messages = { bad_input: () => t("security.badInput"), cross_site: () => t("security.crossSite"), unavailable: () => t("security.unavailable") };
  const message = refusal.kind === "too_large" ? t("security.tooLarge", { limit: refusal.limitKb }) : messages[refusal.kind]();
  return apiError(statuses[refusal.kind], codes[refusal.kind], message, undefined, headersFor(refusal));
}

/** A resource route outside the API (a CSV export, a calendar file): the same message as plain text. */
function textRefusal(refusal: Refusal, request: Request): Response {
  const t = getFixedT(localeFromPathname(new URL(request.url).pathname));
  return new Response(refusalText(t, refusal), { status: statuses[refusal.kind], headers: { "Content-Type": "text/plain; charset=utf-8", ...headersFor(refusal) } });
}

/**
 * A page's answer: what the root ErrorBoundary renders (components/refusal.ts). Throw it from a loader or action.
 * A Response rather than `data()`, so that a legacy `?_data=` request gets it as it is, not as a logged "error".
 */
export function pageRefusal(refusal: Refusal, root: unknown): Response {
  const payload: RefusalPayload = { refusal, root };
  return Response.json(payload, { status: statuses[refusal.kind], headers: headersFor(refusal) });
}

/** The refusal for a route of the given kind; pages get theirs thrown by the caller. */
export function resourceRefusal(refusal: Refusal, request: Request): Response {
  return isApiPath(new URL(request.url).pathname) ? apiRefusal(refusal, request) : textRefusal(refusal, request);
}

export function bytesToKb(bytes: number): number {
  return Math.round(bytes / 1024);
}
