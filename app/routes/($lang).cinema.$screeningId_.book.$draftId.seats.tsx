import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStep } from "~/components/cinema/BookingStep";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { BookingHoldNotice } from "~/components/cinema/HoldNotice";
import { stepPath } from "~/components/cinema/paths";
import { cinemaLinks } from "~/components/cinema/styles";
import { formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { bookingStepRoute, holdNotice, holdTimes, liveHold } from "~/http/cinema-flow.server";
import { domainErrorMessage } from "~/http/domain-errors.server";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { holdMinutes } from "~/modules/cinema/cinema-constants";
import { CinemaError, cinemaPhone, describeSeats, offerSeats, SoldOut } from "~/modules/cinema/index.server";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.seatsStep.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.seatsStep.title") }],
};

/** The seat step: the seats held (kept or changed), or the best seats offered in words, or why there are none. */
const route = bookingStepRoute(
  "seats",
  async (page) => {
    const { db, draft, screening, url, lapsed, locale, now } = page;
    const { tickets = 1, needs = [] } = draft.answers;
    const base = { screening, tickets, expired: lapsed || url.searchParams.get("expired") === "1", ...holdTimes(page), phone: cinemaPhone };
    const hold = await liveHold(page);
    if (hold) {
      return {
        ...base,
        held: { words: describeSeats(hold.seats, locale), ...holdNotice(hold) },
        offer: null,
        problem: null,
      };
    }
    try {
      const offer = await offerSeats(db, screening.id, { tickets, needs }, now);
      return {
        ...base,
        held: null,
        offer: {
          seatIds: offer.seats.map((s) => s.id),
          words: describeSeats(offer.seats, locale, { kind: offer.kind, frontRows: needs.includes("lowVision") && offer.inLowVisionRows }),
          together: offer.kind === "together",
        },
        problem: null,
      };
    } catch (error) {
      if (!(error instanceof CinemaError)) throw error;
      return {
        ...base,
        held: null,
        offer: null,
        problem: {
          soldOut: error instanceof SoldOut,
          noWheelchair: error instanceof SoldOut && error.reason === "noWheelchairSpace",
          available: error instanceof SoldOut ? error.available : 0,
          message: domainErrorMessage(getFixedT(locale), error),
        },
      };
    }
  },
  // The offered seats were taken meanwhile (or no longer fit): say so; the page offers the best ones now.
  { errorMessage: (t, error) => (error.code === "seats_taken" || error.code === "invalid_input" ? t("cinema.seatsStep.offerGone") : null) },
);
export const loader = route.loader;
export const action = route.action;

export default function SeatsStep() {
  const { t } = useT();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { screening, draftId } = d;
  const state = formState(actionData?.lastResult);
  const { summary } = cinemaErrors(t, state, "seats", ["seat"]);
  const step = (s: "people" | "needs" | "contact" | "choose-seats") => stepPath(screening.id, draftId, s);
  const errors = [
    ...(d.expired ? [{ text: t("cinema.hold.expired") }] : []),
    ...(actionData?.message ? [{ text: actionData.message }] : []),
    ...summary,
  ];

  return (
    <BookingStep screening={screening} back={d.back} step={d.count} errors={errors}>
      <h1>{t("cinema.seatsStep.question", { n: d.tickets })}</h1>

      {d.held ? (
        <>
          <p>{t("cinema.seatsStep.heldIntro")}</p>
          <p className="offer">{d.held.words}</p>
          <BookingHoldNotice hold={d.held} serverNow={d.serverNow} extended={d.extended} screeningId={screening.id} draftId={draftId} returnTo="seats" />
          <div className="button-row">
            <LocalLink to={stepPath(screening.id, draftId, d.returnTo ? "check" : "contact")} className="button">
              {t("cinema.seatsStep.keep")}
            </LocalLink>
            <LocalLink to={step("choose-seats")}>{t("cinema.seatsStep.chooseOther")}</LocalLink>
          </div>
        </>
      ) : null}

      {d.offer ? (
        <Form method="post" noValidate>
          <p>{d.offer.together ? t("cinema.seatsStep.offerIntro") : t("cinema.seatsStep.offerSplitIntro")}</p>
          <p className="offer" id="offer-words">
            {d.offer.words}
          </p>
          {d.offer.seatIds.map((id) => (
            <input key={id} type="hidden" name="seat" value={id} />
          ))}
          {d.returnTo ? <input type="hidden" name="returnTo" value={d.returnTo} /> : null}
          <p>{t("cinema.seatsStep.holdNote", { minutes: holdMinutes })}</p>
          <div className="button-row">
            <button type="submit" className="button" aria-describedby="offer-words">
              {t("cinema.seatsStep.accept")}
            </button>
            <LocalLink to={step("choose-seats")}>{t("cinema.seatsStep.chooseMyself")}</LocalLink>
          </div>
        </Form>
      ) : null}

      {d.problem ? (
        <div className="notice">
          <p>{d.problem.message}</p>
          <ul>
            {d.problem.soldOut && d.problem.available > 0 ? (
              <li>
                <LocalLink to={step("people")}>{t("cinema.seatsStep.fewerPeople", { n: d.problem.available })}</LocalLink>
              </li>
            ) : null}
            {d.problem.soldOut ? (
              <li>
                <LocalLink to={`/cinema/${screening.id}/waiting-list`}>{t("cinema.waiting.join")}</LocalLink>
              </li>
            ) : null}
            <li>
              <LocalLink to="/cinema">{t("cinema.flow.otherScreening")}</LocalLink>
            </li>
            <li>{t("cinema.flow.callUs", { phone: d.phone })}</li>
          </ul>
        </div>
      ) : null}
    </BookingStep>
  );
}

