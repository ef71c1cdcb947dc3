import type { LoaderFunctionArgs } from "@remix-run/node";
import type { AdminHandle } from "~/components/admin-handle";
import { routeLocale } from "~/http/route-locale";
import { getFixedT } from "~/i18n/i18n.server";
import { getDb } from "~/modules/db/index.server";
import { exportLedger, exportLoans } from "~/modules/lending/index.server";
import { csvResponse, toCsv } from "~/modules/shared/csv";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const handle: AdminHandle = { staffRole: "lending", title: ({ t }) => t("devices.admin.ledger.title") };

/**
 * CSV exports: the ledger (台账, every movement in order) and the loans (phones masked). Column names in the
 * page's language; the export itself is audited.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "lending");
  const kind = params.kind;
  if (kind !== "ledger" && kind !== "loans") throw new Response("Not Found", { status: 404 });
  const t = getFixedT(locale);
  const en = locale === "en";
  const name = (x: { zh: string; en: string } | null) => (x ? (en ? x.en : x.zh) : "");
  const day = new Date().toISOString().slice(0, 10);
  if (kind === "ledger") {
    const rows = await exportLedger(getDb(), actorOf(session));
    const header = (["seq", "at", "kind", "device", "asset_tag", "location", "other_location", "quantity", "status_after", "condition", "reason", "who", "approver", "request"] as const).map((c) =>
      t(`devices.admin.csv.${c}`),
    );
    return csvResponse(
      `ledger-${day}.csv`,
      toCsv(
        header,
        rows.map((r) => [
          r.seq,
          r.at,
          t(`devices.movementKinds.${r.kind}`),
          name(r.typeName),
          r.assetTag,
          name(r.locationName),
          name(r.otherLocationName),
          r.quantity,
          r.statusAfter ? t(`devices.unitStatus.${r.statusAfter}`) : "",
          r.condition ? t(`devices.conditions.${r.condition as "good"}`) : "",
          r.reason,
          r.actor,
          r.approver,
          r.requestReference,
        ]),
      ),
    );
  }
  const loans = await exportLoans(getDb(), actorOf(session));
  const header = (["request", "asset_tag", "device", "mode", "name", "phone", "location", "out_at", "due_date", "returned_at", "condition_out", "condition_in", "days_overdue", "out_by", "in_by"] as const).map((c) =>
    t(`devices.admin.csv.${c}`),
  );
  return csvResponse(
    `loans-${day}.csv`,
    toCsv(
      header,
      loans.map((l) => [
        l.requestReference,
        l.assetTag,
        name(l.typeName),
        t(`devices.modes.${l.mode}`),
        l.name,
        l.phoneMasked,
        name(l.locationName),
        l.outAt,
        l.dueDate,
        l.returnedAt,
        t(`devices.conditions.${l.conditionOut}`),
        l.conditionIn ? t(`devices.conditions.${l.conditionIn}`) : "",
        l.daysOverdue || "",
        l.outBy,
        l.inBy,
      ]),
    ),
  );
}
