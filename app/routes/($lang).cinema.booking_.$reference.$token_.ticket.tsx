import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { bookingPath } from "~/components/cinema/paths";
import { cinemaLinks } from "~/components/cinema/styles";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { bookingSummaryData } from "~/http/cinema-booking-data.server";
import { loadBookingPage } from "~/http/cinema-flow.server";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { cinemaPhone } from "~/modules/cinema/cinema-constants";
import { keyUnder } from "~/i18n/keys";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.ticket.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.ticket.title") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  const { locale, booking, screening } = await loadBookingPage(params);
  return { summary: bookingSummaryData(booking, screening, locale), base: bookingPath(booking.reference, booking.accessToken) };
}

/** A large-print ticket that prints on one page (the site header and footer are left out when printing). */
export default function Ticket() {
  const { t, locale } = useT();
  const { summary, base } = useLoaderData<typeof loader>();
  const en = locale === "en";
  const s = summary.screening;
  return (
    <div className="page page--narrow">
      <p className="no-print">{t("cinema.ticket.printHint")}</p>
      <article className="ticket">
        <h1>{en ? s.title.en : `《${s.title.zh}》`}</h1>
        <dl>
          <dt>{t("cinema.booking.reference")}</dt>
          <dd>
            <strong className="reference">{summary.reference}</strong>
          </dd>
          <dt>{t("cinema.screening.when")}</dt>
          <dd>{formatDateTime(s.startsAt, locale)}</dd>
          <dt>{t("cinema.screening.where")}</dt>
          <dd>{en ? s.hallName.en : s.hallName.zh}</dd>
          <dt>{t("cinema.check.seats")}</dt>
          <dd>{summary.seatWords}</dd>
          <dt>{t("cinema.check.people")}</dt>
          <dd>{t(keyUnder("cinema.people.options", summary.tickets))}</dd>
          <dt>{t("cinema.check.name")}</dt>
          <dd>{summary.name}</dd>
          <dt>{t("cinema.booking.status")}</dt>
          <dd>{t(`cinema.booking.statuses.${summary.status}`)}</dd>
        </dl>
        <p>{t("cinema.ticket.help", { phone: cinemaPhone })}</p>
      </article>
      <p className="no-print">
        <LocalLink to={base}>{t("cinema.ticket.back")}</LocalLink>
      </p>
    </div>
  );
}
