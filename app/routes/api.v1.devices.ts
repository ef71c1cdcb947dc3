import { methodNotAllowed } from "~/http/api.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiLocale } from "~/http/api.server";
import { getDb } from "~/modules/db/index.server";
import { listDeviceTypes } from "~/modules/lending/index.server";
import { devicesQuerySchema, queryValues } from "~/modules/api/api-requests.server";

/**
 * GET /api/v1/devices (docs/contracts.md): `{ devices: [{ id, name, category, available, total, locations }] }`.
 * Optional filters `?category=`, `?disability=`, `?q=`; names in the client's language (`locale` or Accept-Language).
 * `locations` is availability by lending point: `[{ id, name, available, total }]`.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = devicesQuerySchema.parse(queryValues(url));
  const locale = apiLocale(request, query.locale);
  const devices = await listDeviceTypes(getDb(), { category: query.category, disability: query.disability, q: query.q });
  const en = locale === "en";
  return {
    devices: devices.map((d) => ({
      id: d.id,
      name: en ? d.name.en : d.name.zh,
      category: d.category,
      available: d.available,
      total: d.total,
      locations: d.locations.map((l) => ({ id: l.locationId, name: en ? l.name.en : l.name.zh, available: l.available, total: l.total })),
    })),
  };
}

/** Read-only: other methods get the JSON error shape (docs/contracts.md), not a bare 405. */
export const action = methodNotAllowed;
