import type { LoaderFunctionArgs } from "@remix-run/node";
import type { AdminHandle } from "~/components/admin-handle";
import { routeLocale } from "~/http/route-locale";
import { getFixedT } from "~/i18n/i18n.server";
import { unansweredFilters, type UnansweredFilter } from "~/modules/assistant/assistant-constants";
import { csvColumns, unansweredCsv, unansweredForExport, unansweredJsonl } from "~/modules/assistant/unanswered.server";
import { getDb } from "~/modules/db/index.server";
import { csvResponse } from "~/modules/shared/csv";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const handle: AdminHandle = { staffRole: "content", title: ({ t }) => t("assistant.admin.title") };

/**
 * The unanswered questions of a filter as CSV (column names in the page's language) or as JSONL draft
 * evaluation cases. Masked; the export is audited like every other staff export.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const format = params.format;
  if (format !== "csv" && format !== "jsonl") throw new Response("Not Found", { status: 404 });
  const filterParam = new URL(request.url).searchParams.get("filter") ?? "";
  const filter: UnansweredFilter = (unansweredFilters as readonly string[]).includes(filterParam) ? (filterParam as UnansweredFilter) : "no_answer";
  const items = await unansweredForExport(getDb(), actorOf(session), format, filter);
  const name = `assistant-${filter}-${new Date().toISOString().slice(0, 10)}`;
  if (format === "csv") {
    const t = getFixedT(locale);
    return csvResponse(`${name}.csv`, unansweredCsv(items, csvColumns.map((c) => t(`assistant.admin.csv.${c}`))));
  }
  return new Response(unansweredJsonl(items), {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.jsonl"`,
      "Cache-Control": "no-store",
    },
  });
}
