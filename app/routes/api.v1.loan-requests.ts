import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiLocale, readJsonObject } from "~/http/api.server";
import { domainApiError } from "~/http/domain-errors.server";
import { getFixedT } from "~/i18n/i18n.server";
import { getDb } from "~/modules/db/index.server";
import { apiLoanRequestSchema, createRequest, InvalidInput, NotFound } from "~/modules/lending/index.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";

/**
 * POST /api/v1/loan-requests `{ deviceId, name, phone, disabilityCategory, certificateNumber?, note? }`
 * (docs/contracts.md): 201 `{ reference, status: "pending" }`. The certificate number is kept only as a keyed hash and
 * a masked form. Rate limited (scope "request", shared with the request pages).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  let locale = apiLocale(request);
  const t = () => getFixedT(locale);
  if (request.method !== "POST") return apiError(405, "method_not_allowed", t()("devices.api.methodNotAllowed"), undefined, { Allow: "POST" });

  const limit = await hitRateLimit(getDb(), "request", context.clientIp ?? "local");
  if (!limit.allowed) {
    return apiError(429, "rate_limited", t()("errors.rateLimited"), undefined, { "Retry-After": String(limit.retryAfterSeconds) });
  }
  const body = await readJsonObject(request);
  if (!body) return apiError(400, "bad_json", t()("devices.api.badJson"));
  locale = apiLocale(request, body.locale);

  const parsed = apiLoanRequestSchema.safeParse(body);
  if (!parsed.success) {
    return domainApiError(new InvalidInput(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "body"), i.message]))), locale);
  }
  const input = parsed.data;
  try {
    const created = await createRequest(getDb(), {
      typeId: input.deviceId,
      name: input.name,
      phone: input.phone,
      disability: input.disabilityCategory,
      certificateNumber: input.certificateNumber || null,
      purpose: input.note ?? "",
      locale,
      source: "api",
    });
    // A plain Response: in a resource route the status of `data()` is dropped by the real server.
    return Response.json({ reference: created.reference, status: created.status }, { status: 201 });
  } catch (error) {
    // An unknown device is a mistake in the body: a field error, like any other.
    if (error instanceof NotFound && error.what === "device") return domainApiError(new InvalidInput({ deviceId: "unknownDevice" }), locale);
    return domainApiError(error, locale);
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  return apiError(405, "method_not_allowed", getFixedT(apiLocale(request))("devices.api.methodNotAllowed"), undefined, { Allow: "POST" });
}
