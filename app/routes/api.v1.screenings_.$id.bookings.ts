import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiLocale, readJsonObject } from "~/http/api.server";
import { domainApiError } from "~/http/domain-errors.server";
import { getFixedT } from "~/i18n/i18n.server";
import { apiBookingSchema, bookSeats, InvalidInput, normalisePhone, seatCode } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { fingerprint, IdempotencyKeyReused } from "~/modules/security/idempotency.server";
import { idempotencyKeySchema } from "~/modules/api/api-requests.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";

/**
 * POST /api/v1/screenings/:id/bookings `{ name, phone, tickets, needs? }` (docs/contracts.md):
 * 201 `{ reference, seats: ["3排5座", …] }` with the best available seats together; 409 when not enough are left.
 *
 * `Idempotency-Key: <1–255 visible ASCII characters>` (optional; docs/security.md, "Idempotency"): the same key with
 * the same booking gives the same 201 answer (same reference, `Idempotent-Replayed: true`) and books once, even when
 * the retries arrive together; the same key with another booking is 422 `idempotency_key_reused`; a malformed key
 * is 400 `invalid_idempotency_key`. Keys are kept for a day. A request that did not book (409, 422) records nothing.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  let locale = apiLocale(request);
  const t = () => getFixedT(locale);
  if (request.method !== "POST") return apiError(405, "method_not_allowed", t()("cinema.api.methodNotAllowed"), undefined, { Allow: "POST" });

  const limit = await hitRateLimit(getDb(), "booking", context.clientIp ?? "local");
  if (!limit.allowed) {
    return apiError(429, "rate_limited", t()("errors.rateLimited"), undefined, { "Retry-After": String(limit.retryAfterSeconds) });
  }
  const body = await readJsonObject(request);
  if (!body) return apiError(400, "bad_json", t()("cinema.api.badJson"));
  locale = apiLocale(request, body.locale);

  const parsed = apiBookingSchema.safeParse(body);
  if (!parsed.success) {
    return domainApiError(new InvalidInput(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "body"), i.message]))), locale);
  }
  const { name, phone, tickets, needs } = parsed.data;
  const screeningId = String(params.id ?? "");
  const key = request.headers.get("Idempotency-Key");
  if (key !== null && !idempotencyKeySchema.safeParse(key).success) return apiError(400, "invalid_idempotency_key", t()("abuse.idempotency.invalidKey"));
  const idempotency =
    key === null
      ? undefined
      : { scope: "booking", key, fingerprint: fingerprint({ screeningId, name: name.trim(), phone: normalisePhone(phone), tickets, needs: [...(needs ?? [])].sort() }) };
  try {
    const booking = await bookSeats(getDb(), { screeningId, party: { tickets, needs }, contact: { name, phone }, locale, source: "api", idempotency });
    // A plain Response: in a resource route the status of `data()` is dropped (single fetch), and the contract says 201.
    const headers = booking.replayed ? { "Idempotent-Replayed": "true" } : undefined;
    return Response.json({ reference: booking.reference, seats: booking.seats.map(seatCode) }, { status: 201, headers });
  } catch (error) {
    if (error instanceof IdempotencyKeyReused) return apiError(422, "idempotency_key_reused", t()("abuse.idempotency.reused"));
    return domainApiError(error, locale);
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  return apiError(405, "method_not_allowed", getFixedT(apiLocale(request))("cinema.api.methodNotAllowed"), undefined, { Allow: "POST" });
}
