import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiLocale } from "~/http/api.server";
import { cinemaApiError, readJsonObject } from "~/http/cinema.server";
import { getFixedT } from "~/i18n/i18n.server";
import type { Locale } from "~/i18n/config";
import { cancelBooking, findBooking, getScreening, seatCode, type BookingView } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";

/**
 * GET /api/v1/bookings/:reference?phone= — the booking; DELETE the same — cancels it (CONTRACTS.md).
 * The wrong phone is refused exactly like an unknown reference. The phone is never echoed back unmasked.
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

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = apiLocale(request, url.searchParams.get("locale"));
  const phone = url.searchParams.get("phone") ?? "";
  if (!phone.trim()) return phoneMissing(locale);
  try {
    return await present(await findBooking(getDb(), { reference: String(params.reference ?? ""), phone }), locale);
  } catch (error) {
    return cinemaApiError(error, locale);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const url = new URL(request.url);
  let locale = apiLocale(request, url.searchParams.get("locale"));
  if (request.method !== "DELETE") {
    return apiError(405, "method_not_allowed", getFixedT(locale)("cinema.api.methodNotAllowed"), undefined, { Allow: "GET, DELETE" });
  }
  let phone = url.searchParams.get("phone") ?? "";
  if (!phone.trim() && request.headers.get("Content-Type")?.includes("json")) {
    const body = await readJsonObject(request);
    if (typeof body?.phone === "string") phone = body.phone;
    locale = apiLocale(request, body?.locale ?? url.searchParams.get("locale"));
  }
  if (!phone.trim()) return phoneMissing(locale);
  try {
    const { booking } = await cancelBooking(getDb(), { reference: String(params.reference ?? ""), phone });
    return await present(booking, locale);
  } catch (error) {
    return cinemaApiError(error, locale);
  }
}
