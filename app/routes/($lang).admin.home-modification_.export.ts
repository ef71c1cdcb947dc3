import type { LoaderFunctionArgs } from "@remix-run/node";
import type { AdminHandle } from "~/components/admin-handle";
import { routeLocale } from "~/http/route-locale";
import { getFixedT } from "~/i18n/i18n.server";
import { getDb } from "~/modules/db/index.server";
import { homeModLedgerCsv } from "~/modules/home-modification/index.server";
import { csvResponse } from "~/modules/shared/csv";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const handle: AdminHandle = { staffRole: "lending", title: ({ t }) => t("homeMod.admin.export") };

const columns = ["reference", "received", "county", "name", "phone", "householdSize", "lowIncome", "needs", "status", "visitDate", "decided", "started", "finished", "supervision", "supervisionNote"] as const;

/** The 台账 as CSV: one row a household, phones masked, UTF-8 with a BOM (Excel); the export is audited. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "lending");
  const t = getFixedT(locale);
  const body = await homeModLedgerCsv(
    getDb(),
    actorOf(session),
    {
      header: columns.map((c) => String(t(`homeMod.admin.csv.${c}`))),
      status: (s) => t(`homeMod.status.${s as "received"}`, { defaultValue: s }),
      need: (n) => t(`homeMod.needs.${n as "other"}`, { defaultValue: n }),
      lowIncome: (v) => t(`homeMod.lowIncome.${v as "dibao"}`, { defaultValue: v }),
      supervision: (v) => t(`homeMod.supervision.${v as "passed"}`, { defaultValue: v }),
    },
    locale === "en" ? "en" : "zh",
  );
  return csvResponse("home-modification-ledger.csv", body);
}
