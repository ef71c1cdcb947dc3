import type { LoaderFunctionArgs } from "@remix-run/node";
import type { AdminHandle } from "~/components/admin-handle";
import { loadStaffScreening } from "~/http/cinema-admin.server";
import { routeLocale } from "~/http/route-locale";
import { bookingsCsv, exportBookings } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { csvResponse } from "~/modules/shared/csv";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const handle: AdminHandle = { staffRole: "cinema", title: ({ t }) => t("cinema.admin.exportCsv") };

/** Every booking of a screening (cancelled ones too) as CSV, phones masked; the export is audited. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const session = await requireStaff(request, "cinema");
  const screening = await loadStaffScreening(params);
  const bookings = await exportBookings(getDb(), actorOf(session), screening.id);
  return csvResponse(`bookings-${screening.id}.csv`, bookingsCsv(bookings));
}
