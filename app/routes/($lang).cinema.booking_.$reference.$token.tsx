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
import { federationPhone } from "~/modules/site/contact-details";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.booking.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.booking.title") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { locale, booking, screening } = await loadBookingPage(params);
  return {
    summary: bookingSummaryData(booking, screening, locale),
    base: bookingPath(booking.reference, booking.accessToken),
    canCancel: booking.status === "confirmed" && screening.startsAt > new Date().toISOString(),
    justCancelled: new URL(request.url).searchParams.get("cancelled") === "1" && booking.status === "cancelled",
  };
}

export default function BookingPage() {
  const { t } = useT();
  const { href } = useLocale();
  const { summary, base, canCancel, justCancelled } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      {justCancelled ? (
        <div className="notice notice--success" role="status">
          <p>{t("cinema.cancel.done", { reference: summary.reference })}</p>
        </div>
      ) : null}
      <h1>{t("cinema.booking.title")}</h1>
      <BookingSummary booking={summary} />
      {summary.status !== "cancelled" ? (
        <ul>
          <li>
            <LocalLink to={`${base}/ticket`}>{t("cinema.booking.ticketLink")}</LocalLink>
          </li>
          <li>
            <a href={href(`${base}/calendar.ics`)} download>
              {t("cinema.booking.icsLink")}
            </a>
          </li>
        </ul>
      ) : null}
      {canCancel ? (
        <p>
          <LocalLink to={`${base}/cancel`} className="button button--secondary">
            {t("cinema.booking.cancelLink")}
          </LocalLink>
        </p>
      ) : null}
      <p>{t("cinema.flow.callUs", { phone: federationPhone })}</p>
      <p>
        <LocalLink to="/cinema">{t("cinema.flow.backToSchedule")}</LocalLink>
      </p>
    </div>
  );
}
