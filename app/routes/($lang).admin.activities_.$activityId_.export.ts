import type { LoaderFunctionArgs } from "@remix-run/node";
import type { AdminHandle } from "~/components/admin-handle";
import { routeLocale } from "~/http/route-locale";
import { getFixedT } from "~/i18n/i18n.server";
import { NotFound, signupsCsv } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";
import { csvResponse } from "~/modules/shared/csv";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const handle: AdminHandle = { staffRole: "content", title: ({ t }) => t("centre.admin.signups.export") };

/** The sign-up list as CSV (phones masked); audited. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const t = getFixedT(locale);
  const id = String(params.activityId ?? "");
  try {
    const body = await signupsCsv(getDb(), actorOf(session), id, {
      header: (["colReference", "colName", "colPhone", "colStatus", "colNeeds", "colAttended"] as const).map((k) => String(t(`centre.admin.signups.${k}`))).concat(t("centre.admin.library.colReceived")),
      status: (s) => t(`centre.signupStatus.${s}`),
      need: (n) => t(`centre.features.${n}`),
      yes: t("centre.admin.signups.yes"),
      no: t("centre.admin.signups.no"),
    });
    return csvResponse(`signups-${id}.csv`, body);
  } catch (error) {
    if (error instanceof NotFound) throw new Response("Not Found", { status: 404 });
    throw error;
  }
}
