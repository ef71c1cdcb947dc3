import type { LoaderFunctionArgs } from "@remix-run/node";
import { routeLocale } from "~/http/route-locale";
import { bookingCalendar, NotFound } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";

/** The booking as a calendar file (text/calendar), in the page's language. */
export async function loader({ params }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  try {
    const { filename, body } = await bookingCalendar(getDb(), { reference: String(params.reference ?? ""), token: String(params.token ?? "") }, locale);
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFound) throw new Response("Not Found", { status: 404 });
    throw error;
  }
}
