import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { bookingPath } from "~/components/cinema/paths";
import { cinemaLinks } from "~/components/cinema/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { notFound } from "~/http/cinema-flow.server";
import { answerOffer } from "~/http/offer-answer.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { acceptOffer, declineOffer, describeSeats, findOffer, NotFound, type OfferKey } from "~/modules/cinema/index.server";
import { cinemaPhone } from "~/modules/cinema/cinema-constants";
import { getDb } from "~/modules/db/index.server";

/**
 * A waiting-list offer, reached from the text's link (/cinema/offer/<entry>/<token>; offers.server.ts): the film,
 * time and seats held, until when, and two buttons: book them (an ordinary booking, then its confirmation page) or
 * say no (the seats go to the next person). Plain POST forms: works without JavaScript.
 */
export const links = cinemaLinks;

type State = "open" | "declined" | "expired" | "withdrawn";
const headings: Record<State, "cinema.offer.title" | "cinema.offer.declinedTitle" | "cinema.offer.expiredTitle" | "cinema.offer.withdrawnTitle"> = {
  open: "cinema.offer.title",
  declined: "cinema.offer.declinedTitle",
  expired: "cinema.offer.expiredTitle",
  withdrawn: "cinema.offer.withdrawnTitle",
};

export const handle: PageHandle = {
  title: ({ t, data }) => t(headings[(data as { state?: State } | undefined)?.state ?? "open"]),
  crumbs: ({ t, data }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t(headings[(data as { state?: State } | undefined)?.state ?? "open"]) }],
};

function keyOf(params: LoaderFunctionArgs["params"]): OfferKey {
  return { reference: String(params.reference ?? ""), token: String(params.token ?? "") };
}

async function load(key: OfferKey) {
  try {
    return await findOffer(getDb(), key);
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  const offer = await load(keyOf(params));
  // Booked already (the link opened again): the booking's own page.
  if (offer.status === "booked" && offer.booking) throw redirect(localePath(bookingPath(offer.booking.reference, offer.booking.accessToken), locale));
  const s = offer.screening;
  return {
    state: offer.status as State,
    reference: offer.entryId,
    name: offer.name,
    tickets: offer.tickets,
    seatWords: describeSeats(offer.seats, locale),
    expiresAt: offer.expiresAt,
    screening: { title: s.title, startsAt: s.startsAt, venue: s.venue, hallName: s.hallName },
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const key = keyOf(params);
  await load(key);
  return answerOffer(request, locale, ["book", "decline"], async (intent) => {
    if (intent === "book") {
      const booking = await acceptOffer(getDb(), key);
      return bookingPath(booking.reference, booking.accessToken, "confirmation");
    }
    await declineOffer(getDb(), key);
    return `/cinema/offer/${encodeURIComponent(key.reference)}/${encodeURIComponent(key.token)}`;
  });
}

export default function Offer() {
  const { t, locale } = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const title = locale === "en" ? d.screening.title.en : `《${d.screening.title.zh}》`;
  const venue = locale === "en" ? `${d.screening.venue.en}, ${d.screening.hallName.en}` : `${d.screening.venue.zh}${d.screening.hallName.zh}`;
  const until = formatDateTime(d.expiresAt, locale);
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={result?.message ? [{ text: result.message }] : []} />
      <h1>{t(headings[d.state])}</h1>
      {d.state === "open" ? (
        <>
          <p className="lead">{t("cinema.offer.lead", { name: d.name, title, time: formatDateTime(d.screening.startsAt, locale), venue })}</p>
          <p className="lead">
            <strong>{t("cinema.offer.seats", { seats: d.seatWords, n: d.tickets })}</strong>
          </p>
          <p>{t("cinema.offer.until", { until })}</p>
          <p>{t("cinema.offer.how")}</p>
          <Form method="post">
            <div className="button-row">
              <button type="submit" name="intent" value="book" className="button">
                {t("cinema.offer.book")}
              </button>
              <button type="submit" name="intent" value="decline" className="button button--secondary">
                {t("cinema.offer.decline")}
              </button>
            </div>
          </Form>
        </>
      ) : (
        <p className="lead">
          {d.state === "declined"
            ? t("cinema.offer.declinedText")
            : d.state === "expired"
              ? t("cinema.offer.expiredText", { until, phone: cinemaPhone })
              : t("cinema.offer.withdrawnText", { phone: cinemaPhone })}
        </p>
      )}
      <p>{t("cinema.offer.reference", { reference: d.reference })}</p>
      <p>
        <LocalLink to="/cinema">{t("cinema.offer.toSchedule")}</LocalLink>
      </p>
    </div>
  );
}
