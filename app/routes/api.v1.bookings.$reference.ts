import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiLocale, readJsonObject } from "~/http/api.server";
import { domainApiError } from "~/http/domain-errors.server";
import { apiLookupRefusal, guardedLookup } from "~/http/lookup.server";
import { getFixedT } from "~/i18n/i18n.server";
import type { Locale } from "~/i18n/config";
import { cancelBooking, findBooking, getScreening, NotFound, seatCode, type BookingView } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { cancelBodySchema, lookupQuerySchema, queryValues } from "~/modules/api/api-requests.server";

/**
 * GET /api/v1/bookings/:reference?phone= — the booking; DELETE the same — cancels it (docs/contracts.md).
 * The wrong phone is refused exactly like an unknown reference. The phone is never echoed back unmasked.
 * Both go through the lookup guard (docs/security.md, "Lookups"): throttled per client and per reference, and
 * locked after five wrong phones (429 `rate_limited` / `lookup_locked`).
 */
async function present(booking: BookingView, locale: Locale) {
  const screening = await getScreening(getDb(), booking.screeningId);
  const en = locale === "en";
  return {
    reference: booking.reference,
    status: booking.status,
    screening: { id: screening.id, title: en ? screening.title.en : screening.title.zh, startsAt: screening.startsAt, hall: en ? screening.hallName.en : screening.hallName.zh },
    name: booking.name,
    phone: booking.phoneMasked,
    tickets: booking.tickets,
    seats: booking.seats.map(seatCode),
    needs: booking.needs,
    createdAt: booking.createdAt,
    cancelledAt: booking.cancelledAt,
  };
}

function phoneMissing(locale: Locale) {
  const t = getFixedT(locale);
  const message = t("cinema.errors.required", { field: t("cinema.fields.phone") });
  return apiError(422, "invalid_input", message, { phone: message });
}

/** Reference + phone through the lookup guard, then `present`; every refusal in the contract's error shape. */
async function guarded(locale: Locale, reference: string, context: AppLoadContext, work: () => Promise<BookingView>) {
  try {
    const outcome = await guardedLookup(context, "booking", reference, work, NotFound);
    if (outcome.status === "refused") return apiLookupRefusal(outcome, locale);
    if (outcome.status === "notFound") return domainApiError(new NotFound("booking"), locale);
    return await present(outcome.value, locale);
  } catch (error) {
    return domainApiError(error, locale);
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { phone, locale: asked } = lookupQuerySchema.parse(queryValues(new URL(request.url)));
  const locale = apiLocale(request, asked);
  if (!phone.trim()) return phoneMissing(locale);
  const reference = String(params.reference ?? "");
  return guarded(locale, reference, context, () => findBooking(getDb(), { reference, phone }));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const query = lookupQuerySchema.parse(queryValues(new URL(request.url)));
  let locale = apiLocale(request, query.locale);
  if (request.method !== "DELETE") {
    return apiError(405, "method_not_allowed", getFixedT(locale)("cinema.api.methodNotAllowed"), undefined, { Allow: "GET, DELETE" });
  }
  let phone = query.phone;
  if (!phone.trim() && request.headers.get("Content-Type")?.includes("json")) {
    const parsed = cancelBodySchema.safeParse(await readJsonObject(request));
    const body = parsed.success ? parsed.data : {};
    if (body.phone !== undefined) phone = body.phone;
    locale = apiLocale(request, body.locale ?? query.locale);
  }
  if (!phone.trim()) return phoneMissing(locale);
  const reference = String(params.reference ?? "");
  return guarded(locale, reference, context, async () => (await cancelBooking(getDb(), { reference, phone })).booking);
}
