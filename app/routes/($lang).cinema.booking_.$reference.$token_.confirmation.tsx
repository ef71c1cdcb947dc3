import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BookingSummary } from "~/components/cinema/BookingSummary";
import { bookingPath } from "~/components/cinema/paths";
import { cinemaLinks } from "~/components/cinema/styles";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { bookingSummaryData } from "~/http/cinema-booking-data.server";
import { loadBookingPage } from "~/http/cinema-flow.server";
import { useT } from "~/i18n/use-t";
import { cinemaPhone } from "~/modules/cinema/cinema-constants";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.confirmation.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.confirmation.title") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  const { locale, booking, screening } = await loadBookingPage(params);
  return { summary: bookingSummaryData(booking, screening, locale), base: bookingPath(booking.reference, booking.accessToken) };
}

export default function Confirmation() {
  const { t } = useT();
  const { href } = useLocale();
  const { summary, base } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <div className="confirmation">
        <h1>{t("cinema.confirmation.heading")}</h1>
        <p>
          {t("cinema.confirmation.reference")}
          <br />
          <strong className="reference">{summary.reference}</strong>
        </p>
      </div>
      <p className="lead">{t("cinema.confirmation.seats", { seats: summary.seatWords })}</p>
      <h2>{t("cinema.confirmation.nextTitle")}</h2>
      <ul>
        <li>{t("cinema.confirmation.next1")}</li>
        <li>{t("cinema.confirmation.next2")}</li>
        <li>{t("cinema.confirmation.next3")}</li>
      </ul>
      <h2>{t("cinema.confirmation.directionsTitle")}</h2>
      <p>{t("cinema.confirmation.directions", { phone: cinemaPhone })}</p>
      <p>
        <a className="big-link" href={`tel:${cinemaPhone.replace(/\D/g, "")}`}>
          {t("service.callUs", { phone: cinemaPhone })}
        </a>
      </p>
      <h2>{t("cinema.confirmation.keepTitle")}</h2>
      <ul>
        <li>
          <a href={href(`${base}/calendar.ics`)} download>
            {t("cinema.booking.icsLink")}
          </a>
        </li>
        <li>
          <LocalLink to={`${base}/ticket`}>{t("cinema.booking.ticketLink")}</LocalLink>
        </li>
        <li>
          <LocalLink to={base}>{t("cinema.confirmation.manageLink")}</LocalLink>
        </li>
      </ul>
      <h2>{t("cinema.confirmation.detailsTitle")}</h2>
      <BookingSummary booking={summary} />
    </div>
  );
}
