import { methodNotAllowed } from "~/http/api.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiLocale } from "~/http/api.server";
import { getDb } from "~/modules/db/index.server";
import { listUpcomingScreenings } from "~/modules/cinema/index.server";
import { queryValues, screeningsQuerySchema } from "~/modules/api/api-requests.server";

/**
 * GET /api/v1/screenings (docs/contracts.md): upcoming screenings with seats left: `seatsAvailable`
 * counts what a party without a wheelchair can book, `wheelchairSpacesAvailable` the wheelchair spaces apart. Optional filters:
 * `?audioDescription=1`, `?captions=1`. Titles and hall names in the client's language (`locale` or Accept-Language).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = screeningsQuerySchema.parse(queryValues(url));
  const locale = apiLocale(request, query.locale);
  const screenings = await listUpcomingScreenings(getDb(), { audioDescription: query.audioDescription, captions: query.captions });
  const en = locale === "en";
  return {
    screenings: screenings.map((s) => ({
      id: s.id,
      title: en ? s.title.en : s.title.zh,
      startsAt: s.startsAt,
      hall: en ? s.hallName.en : s.hallName.zh,
      audioDescription: s.audioDescription,
      captions: s.captions,
      seatsTotal: s.seatsTotal,
      // What a party without a wheelchair can book; the wheelchair spaces are never sold to others.
      seatsAvailable: s.ordinarySeatsAvailable,
      wheelchairSpacesAvailable: s.wheelchairSpacesAvailable,
    })),
  };
}

/** Read-only: other methods get the JSON error shape (docs/contracts.md), not a bare 405. */
export const action = methodNotAllowed;
