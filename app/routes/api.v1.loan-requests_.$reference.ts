import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiLocale } from "~/http/api.server";
import { domainApiError } from "~/http/domain-errors.server";
import { apiLookupRefusal, guardedLookup } from "~/http/lookup.server";
import { getFixedT } from "~/i18n/i18n.server";
import { getDb } from "~/modules/db/index.server";
import { lookupQuerySchema, queryValues } from "~/modules/api/api-requests.server";
import { findRequestForApplicant, NotFound } from "~/modules/lending/index.server";

/**
 * GET /api/v1/loan-requests/:reference?phone= (docs/contracts.md): `{ reference, status, … }`. The wrong phone is
 * refused exactly like an unknown reference (404, same body). The phone comes back masked only. Through the
 * lookup guard (docs/security.md, "Lookups"): 429 `rate_limited` / `lookup_locked` when it refuses.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { phone, locale: asked } = lookupQuerySchema.parse(queryValues(new URL(request.url)));
  const locale = apiLocale(request, asked);
  const t = getFixedT(locale);
  if (!phone.trim()) {
    const message = t("devices.errors.required", { field: t("devices.fields.phone") });
    return apiError(422, "invalid_input", message, { phone: message });
  }
  try {
    const reference = String(params.reference ?? "");
    const outcome = await guardedLookup(context, "loanRequest", reference, () => findRequestForApplicant(getDb(), { reference, phone }), NotFound);
    if (outcome.status === "refused") return apiLookupRefusal(outcome, locale);
    if (outcome.status === "notFound") return domainApiError(new NotFound("request"), locale);
    const found = outcome.value;
    const en = locale === "en";
    return {
      reference: found.reference,
      status: found.status,
      statusText: t(`devices.requestStatus.${found.status}`),
      device: { id: found.device.id, name: en ? found.device.name.en : found.device.name.zh, mode: found.device.mode },
      pickupLocation: found.pickupLocation ? (en ? found.pickupLocation.en : found.pickupLocation.zh) : null,
      reason: found.reason,
      phone: found.phoneMasked,
      createdAt: found.createdAt,
      updatedAt: found.updatedAt,
      loan: found.loan,
    };
  } catch (error) {
    return domainApiError(error, locale);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  return apiError(405, "method_not_allowed", getFixedT(apiLocale(request))("devices.api.methodNotAllowed"), undefined, { Allow: "GET" });
}
