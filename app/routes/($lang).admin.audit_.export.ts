import type { LoaderFunctionArgs } from "@remix-run/node";
import type { AdminHandle } from "~/components/admin-handle";
import { routeLocale } from "~/http/route-locale";
import { getDb } from "~/modules/db/index.server";
import { csvResponse, toCsv } from "~/modules/shared/csv";
import { actorOf, exportAudit, requireStaff } from "~/modules/staff/index.server";

export const handle: AdminHandle = { staffRole: "admin", title: ({ t }) => t("admin.audit") };

/** The whole audit log as CSV; the export itself is audited. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const session = await requireStaff(request, "admin");
  const rows = await exportAudit(getDb(), actorOf(session));
  const body = toCsv(
    ["at", "username", "action", "target_type", "target_id", "detail"],
    rows.map((r) => [r.at, r.username, r.action, r.target_type, r.target_id, r.detail]),
  );
  return csvResponse(`audit-${new Date().toISOString().slice(0, 10)}.csv`, body);
}
