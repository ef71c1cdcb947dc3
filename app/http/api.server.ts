import type { Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";

/** The JSON API's error shape (docs/contracts.md): `{ error, message, fields? }` with a localized message. */
export function apiError(
  status: 400 | 403 | 404 | 405 | 409 | 413 | 422 | 429 | 503,
  code: string,
  message: string,
  fields?: Record<string, string>,
  headers?: HeadersInit,
) {
  // A plain Response: resource routes must not use `data()`, whose status only applies to page routes.
  return Response.json({ error: code, message, ...(fields ? { fields } : {}) }, { status, headers });
}

/** The locale an API client asked for: `locale` in the body or query, else Accept-Language, else zh-CN. */
export function apiLocale(request: Request, explicit?: unknown): Locale {
  if (explicit === "en" || explicit === "zh-CN") return explicit;
  const accept = request.headers.get("Accept-Language") ?? "";
  return /^\s*en\b/i.test(accept) ? "en" : "zh-CN";
}

export function apiNotFound(request: Request) {
  const t = getFixedT(apiLocale(request));
  return apiError(404, "not_found", t("errors.notFoundText"));
}

/** For API routes that only read: any other method gets the contract's error shape with 405. */
export function methodNotAllowed({ request }: { request: Request }) {
  const t = getFixedT(apiLocale(request));
  return apiError(405, "method_not_allowed", t("errors.badRequest"), undefined, { Allow: "GET" });
}

/** Reads a JSON API body: the object, or null for anything that is not a JSON object (the client's mistake). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json();
    return body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
