import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { keyUnder } from "~/i18n/keys";

export interface BookingSummaryData {
  reference: string;
  status: "confirmed" | "cancelled" | "checked_in";
  name: string;
  phoneMasked: string;
  tickets: number;
  needs: string[];
  seatWords: string;
  screening: { title: { zh: string; en: string }; startsAt: string; hallName: { zh: string; en: string }; venue: { zh: string; en: string } };
}

/** What a booking is, in a list a screen reader reads in order. The phone is always masked. */
export function BookingSummary({ booking, className = "details-list" }: { booking: BookingSummaryData; className?: string }) {
  const { t, locale } = useT();
  const en = locale === "en";
  const s = booking.screening;
  return (
    <dl className={className}>
      <dt>{t("cinema.booking.reference")}</dt>
      <dd>
        <strong className="reference">{booking.reference}</strong>
      </dd>
      <dt>{t("cinema.booking.status")}</dt>
      <dd>{t(`cinema.booking.statuses.${booking.status}`)}</dd>
      <dt>{t("cinema.check.film")}</dt>
      <dd>{en ? s.title.en : `《${s.title.zh}》`}</dd>
      <dt>{t("cinema.screening.when")}</dt>
      <dd>{formatDateTime(s.startsAt, locale)}</dd>
      <dt>{t("cinema.screening.where")}</dt>
      <dd>{en ? `${s.hallName.en}, ${s.venue.en}` : s.hallName.zh}</dd>
      <dt>{t("cinema.check.people")}</dt>
      <dd>{t(keyUnder("cinema.people.options", booking.tickets))}</dd>
      <dt>{t("cinema.check.seats")}</dt>
      <dd>{booking.seatWords}</dd>
      <dt>{t("cinema.check.needs")}</dt>
      <dd>{booking.needs.length ? booking.needs.map((n) => t(keyUnder("cinema.needs.options", n))).join(t("cinema.listSeparator")) : t("cinema.check.noNeeds")}</dd>
      <dt>{t("cinema.check.name")}</dt>
      <dd>{booking.name}</dd>
      <dt>{t("cinema.check.phone")}</dt>
      <dd>{booking.phoneMasked}</dd>
    </dl>
  );
}
