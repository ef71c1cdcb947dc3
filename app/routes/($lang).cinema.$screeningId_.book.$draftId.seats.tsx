import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStep } from "~/components/cinema/BookingStep";
import { HoldNotice } from "~/components/cinema/HoldNotice";
import { cinemaLinks } from "~/components/cinema/styles";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { loadFlow, missingStep } from "~/http/cinema-flow.server";
import { stepPath } from "~/components/cinema/paths";
import { holdMinutes, holdWarningSeconds } from "~/modules/cinema/cinema-constants";
import { readFormData } from "~/http/form-data.server";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import {
  CinemaError,
  cinemaPhone,
  describeSeats,
  holdSeats,
  maxHoldExtensions,
  offerSeats,
  saveDraft,
  SoldOut,
} from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.seatsStep.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.seatsStep.title") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const now = new Date();
  const flow = await loadFlow(params, now);
  const missing = missingStep(flow, "seats");
  if (missing) throw missing;
  const url = new URL(request.url);
  const lang = flow.locale;
  const needs = flow.draft.needs ?? [];
  const tickets = flow.draft.tickets ?? 1;
  const base = {
    screening: flow.screening,
    draftId: flow.draft.id,
    tickets,
    expired: flow.holdExpired || url.searchParams.get("expired") === "1",
    returnTo: url.searchParams.get("return") === "check" ? "check" : "",
    serverNow: now.toISOString(),
    extended: url.searchParams.get("extended") === "1",
    phone: cinemaPhone,
  };
  if (flow.hold) {
    return {
      ...base,
      held: {
        words: describeSeats(flow.hold.seats, lang),
        expiresAt: flow.hold.expiresAt,
        canExtend: flow.hold.canExtend,
        extensionsLeft: maxHoldExtensions - flow.hold.extendedCount,
      },
      offer: null,
      problem: null,
    };
  }
  try {
    const offer = await offerSeats(getDb(), flow.screening.id, { tickets, needs }, now);
    return {
      ...base,
      held: null,
      offer: {
        seatIds: offer.seats.map((s) => s.id),
        words: describeSeats(offer.seats, lang, { kind: offer.kind, frontRows: needs.includes("lowVision") && offer.inLowVisionRows }),
        together: offer.kind === "together",
      },
      problem: null,
    };
  } catch (error) {
    if (!(error instanceof CinemaError)) throw error;
    const noWheelchair = error instanceof SoldOut && error.reason === "noWheelchairSpace";
    return {
      ...base,
      held: null,
      offer: null,
      problem: {
        soldOut: error instanceof SoldOut,
        noWheelchair,
        available: error instanceof SoldOut ? error.available : 0,
        message: domainErrorMessage(getFixedT(lang), error),
      },
    };
  }
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const flow = await loadFlow(params);
  const missing = missingStep(flow, "seats");
  if (missing) return missing;
  const form = await readFormData(request);
  const seatIds = form.getAll("seat").map(String).slice(0, 8);
  const client = context.clientIp ?? "local";
  const limit = await hitRateLimit(getDb(), "hold", client);
  if (!limit.allowed) {
    return data({ hasErrors: true, message: getFixedT(flow.locale)("errors.rateLimited") }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  }
  try {
    const hold = await holdSeats(getDb(), {
      screeningId: flow.screening.id,
      party: { tickets: flow.draft.tickets ?? 1, needs: flow.draft.needs ?? [] },
      seatIds,
      replaceHoldId: flow.draft.holdId,
      client,
      phone: flow.draft.phone,
    });
    await saveDraft(getDb(), flow.draft.id, { holdId: hold.id });
  } catch (error) {
    if (!(error instanceof CinemaError)) throw error;
    const t = getFixedT(flow.locale);
    const text = error.code === "seats_taken" || error.code === "invalid_input" ? t("cinema.seatsStep.offerGone") : domainErrorMessage(t, error);
    return data({ hasErrors: true, message: text }, domainErrorInit(error));
  }
  const toCheck = form.get("returnTo") === "check" && flow.draft.name && flow.draft.phone;
  return redirect(flow.path(toCheck ? "check" : "contact"));
}

export default function SeatsStep() {
  const { t } = useT();
  const { href } = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { screening, draftId } = d;
  const step = (s: "people" | "needs" | "contact" | "choose-seats") => stepPath(screening.id, draftId, s);
  const errors = [
    ...(d.expired ? [{ text: t("cinema.hold.expired") }] : []),
    ...(actionData?.message ? [{ text: actionData.message }] : []),
  ];

  return (
    <BookingStep screening={screening} back={step("needs")} step={{ n: 3, of: 5 }} errors={errors}>
      <h1>{t("cinema.seatsStep.question", { n: d.tickets })}</h1>

      {d.held ? (
        <>
          <p>{t("cinema.seatsStep.heldIntro")}</p>
          <p className="offer">{d.held.words}</p>
          <HoldNotice
            expiresAt={d.held.expiresAt}
            serverNow={d.serverNow}
            canExtend={d.held.canExtend}
            extensionsLeft={d.held.extensionsLeft}
            extendAction={href(stepPath(screening.id, draftId, "hold"))}
            returnTo="seats"
            warningSeconds={holdWarningSeconds}
            extended={d.extended}
          />
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

