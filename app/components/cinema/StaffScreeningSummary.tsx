import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";

export interface StaffScreeningSummaryData {
  title: { zh: string; en: string };
  hallName: { zh: string; en: string };
  startsAt: string;
  status: "scheduled" | "cancelled";
  booking: "open" | "notOpenYet" | "closed" | "past" | "cancelled";
  seatsTotal: number;
  seatsAvailable: number;
}

export const staffTitle = (s: { title: { zh: string; en: string } }, locale: string) => (locale === "en" ? s.title.en : `《${s.title.zh}》`);

/** When, where, seats taken and left, and whether booking is open: the head of every staff page of a screening. */
export function StaffScreeningSummary({ screening: s }: { screening: StaffScreeningSummaryData }) {
  const { t, locale } = useT();
  return (
    <dl className="details-list">
      <dt>{t("cinema.screening.when")}</dt>
      <dd>{formatDateTime(s.startsAt, locale)}</dd>
      <dt>{t("cinema.screening.where")}</dt>
      <dd>{locale === "en" ? s.hallName.en : s.hallName.zh}</dd>
      <dt>{t("cinema.screening.seats")}</dt>
      <dd>
        {s.status === "cancelled"
          ? t("cinema.admin.seatsNone")
          : t("cinema.admin.seatsTakenLeft", { taken: s.seatsTotal - s.seatsAvailable, left: s.seatsAvailable, total: s.seatsTotal })}
      </dd>
      <dt>{t("cinema.admin.colStatus")}</dt>
      <dd>{t(`cinema.admin.window.${s.booking}`)}</dd>
    </dl>
  );
}
