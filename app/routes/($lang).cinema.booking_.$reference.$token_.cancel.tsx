import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { bookingPath } from "~/components/cinema/paths";
import { cinemaLinks } from "~/components/cinema/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { bookingSummaryData } from "~/http/cinema-booking-data.server";
import { loadBookingPage } from "~/http/cinema-flow.server";
import { localePath } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { cancelBooking, CinemaError } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.cancel.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.cancel.title") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  const { locale, booking, screening } = await loadBookingPage(params);
  const base = bookingPath(booking.reference, booking.accessToken);
  if (booking.status !== "confirmed") throw redirect(localePath(base, locale));
  return { summary: bookingSummaryData(booking, screening, locale), base };
}

export async function action({ params }: ActionFunctionArgs) {
  const { locale, booking } = await loadBookingPage(params);
  try {
    await cancelBooking(getDb(), { reference: booking.reference, token: booking.accessToken });
  } catch (error) {
    if (!(error instanceof CinemaError)) throw error;
    return data({ hasErrors: true, message: domainErrorMessage(getFixedT(locale), error) }, domainErrorInit(error));
  }
  return redirect(localePath(`${bookingPath(booking.reference, booking.accessToken)}?cancelled=1`, locale));
}

export default function CancelBooking() {
  const { t, locale } = useT();
  const { summary, base } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const title = locale === "en" ? summary.screening.title.en : `《${summary.screening.title.zh}》`;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }] : []} />
      <h1>{t("cinema.cancel.question")}</h1>
      <p className="lead">
        {t("cinema.cancel.what", { reference: summary.reference, title, time: formatDateTime(summary.screening.startsAt, locale), seats: summary.seatWords })}
      </p>
      <p>{t("cinema.cancel.consequence")}</p>
      <Form method="post">
        <div className="button-row">
          <button type="submit" className="button">
            {t("cinema.cancel.confirm")}
          </button>
          <LocalLink to={base}>{t("cinema.cancel.keep")}</LocalLink>
        </div>
      </Form>
    </div>
  );
}
