import type { LoaderFunctionArgs } from "@remix-run/node";
import { routeLocale } from "~/http/route-locale";
import { activityCalendar, NotFound } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";

/** The activity as a calendar file (text/calendar), in the page's language. No personal data in it. */
export async function loader({ params }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  try {
    const { filename, body } = await activityCalendar(getDb(), String(params.activityId ?? ""), locale);
    return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof NotFound) throw new Response("Not Found", { status: 404 });
    throw error;
  }
}
