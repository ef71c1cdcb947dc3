import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { LocalLink } from "../LocalLink";

export interface EarlierRecordView {
  kind: "openLoan" | "fitting" | "request";
  reference: string;
  typeName: { zh: string; en: string };
  date: string;
  assetTag: string | null;
}

/** "可能重复适配" with each earlier record of the same person in the same category, linked. */
export function EarlierRecords({ records }: { records: EarlierRecordView[] }) {
  const { t, locale } = useT();
  return (
    <div className="flag">
      <strong>{t("devices.admin.duplicate.flag")}</strong>
      <ul>
        {records.map((r) => (
          <li key={r.reference}>
            {t(`devices.admin.duplicate.${r.kind}`, {
              device: locale === "en" ? r.typeName.en : r.typeName.zh,
              date: formatDate(r.date, locale),
              tag: r.assetTag ?? "",
            })}{" "}
            <LocalLink to={`/admin/devices/requests/${r.reference}`}>{r.reference}</LocalLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
