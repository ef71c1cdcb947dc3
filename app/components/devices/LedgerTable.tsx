import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { LocalLink } from "../LocalLink";

export interface LedgerRowView {
  seq: number;
  at: string;
  kind: string;
  typeName: { zh: string; en: string };
  unitId: string | null;
  assetTag: string | null;
  locationName: { zh: string; en: string };
  otherLocationName: { zh: string; en: string } | null;
  quantity: number;
  statusAfter: string | null;
  reason: string | null;
  actor: string;
  approver: string | null;
  requestReference: string | null;
}

/** The ledger (台账) as a table with a caption and header cells; the same on the ledger and unit pages. */
export function LedgerTable({ rows, caption }: { rows: LedgerRowView[]; caption: string }) {
  const { t, locale } = useT();
  const en = locale === "en";
  const name = (x: { zh: string; en: string }) => (en ? x.en : x.zh);
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("devices.admin.col.seq")}</th>
            <th scope="col">{t("devices.admin.col.time")}</th>
            <th scope="col">{t("devices.admin.col.kind")}</th>
            <th scope="col">{t("devices.admin.col.device")}</th>
            <th scope="col">{t("devices.admin.col.assetTag")}</th>
            <th scope="col">{t("devices.admin.col.location")}</th>
            <th scope="col">{t("devices.admin.col.quantity")}</th>
            <th scope="col">{t("devices.admin.col.statusAfter")}</th>
            <th scope="col">{t("devices.admin.col.reason")}</th>
            <th scope="col">{t("devices.admin.col.who")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={10}>{t("devices.admin.ledger.empty")}</td>
            </tr>
          ) : null}
          {rows.map((r) => (
            <tr key={r.seq}>
              <th scope="row">{r.seq}</th>
              <td>{formatDateTime(r.at, locale)}</td>
              <td>{t(`devices.movementKinds.${r.kind as "in"}`)}</td>
              <td>{name(r.typeName)}</td>
              <td>{r.unitId && r.assetTag ? <LocalLink to={`/admin/devices/units/${r.unitId}`}>{r.assetTag}</LocalLink> : t("devices.admin.none")}</td>
              <td>
                {name(r.locationName)}
                {r.otherLocationName ? ` ${t(r.quantity < 0 ? "devices.admin.ledger.toOther" : "devices.admin.ledger.fromOther", { name: name(r.otherLocationName) })}` : ""}
              </td>
              <td>{r.quantity > 0 ? `+${r.quantity}` : String(r.quantity)}</td>
              <td>{r.statusAfter ? t(`devices.unitStatus.${r.statusAfter as "available"}`) : t("devices.admin.none")}</td>
              <td>
                {r.reason === "loan" || r.reason === "fitting" ? t(`devices.modes.${r.reason}`) : r.reason || t("devices.admin.none")}
                {r.requestReference ? (
                  <>
                    {" · "}
                    <LocalLink to={`/admin/devices/requests/${r.requestReference}`}>{r.requestReference}</LocalLink>
                  </>
                ) : null}
              </td>
              <td>
                {r.actor}
                {r.approver ? ` · ${t("devices.admin.ledger.approvedBy", { name: r.approver })}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
