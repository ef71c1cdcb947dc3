import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStep } from "~/components/cinema/BookingStep";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { BookingHoldNotice } from "~/components/cinema/HoldNotice";
import { cinemaLinks } from "~/components/cinema/styles";
import { fieldId, formState } from "~/components/form-state";
import type { PageHandle } from "~/components/page-handle";
import { bookingStepRoute, holdNotice, holdTimes, liveHold } from "~/http/cinema-flow.server";
import { useT } from "~/i18n/use-t";
import { InvalidInput, seatMap, SeatsTaken } from "~/modules/cinema/index.server";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.choose.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.choose.title") }],
};

const formId = "choose";

/** The seat step's seat list (another page of the seat step): every seat by row, the person ticks one a person. */
const route = bookingStepRoute(
  "choose-seats",
  async (page) => {
    const { db, draft, screening, lapsed } = page;
    const wheelchair = draft.answers.needs?.includes("wheelchair") ?? false;
    const hold = await liveHold(page);
    const seats = await seatMap(db, screening.id, page.now, hold?.id);
    const rows = [...new Set(seats.map((s) => s.row))].map((row) => ({
      row,
      seats: seats
        .filter((s) => s.row === row)
        .map((s) => ({
          id: s.id,
          number: s.number,
          aisle: s.aisle,
          wheelchair: s.wheelchair,
          companion: s.companion,
          lowVision: s.lowVision,
          selectable: s.state !== "taken" && (wheelchair || !s.wheelchair),
          state: s.state,
        })),
    }));
    return { screening, tickets: draft.answers.tickets ?? 1, wheelchair, rows, hold: hold ? holdNotice(hold) : null, expired: lapsed, ...holdTimes(page) };
  },
  // Seats taken meanwhile, or seats the party cannot have: said at the seat list (the status stays the mapper's).
  { errorFields: (error) => (error instanceof SeatsTaken ? { seat: "seatsTaken" } : error instanceof InvalidInput ? { seat: error.fields.seats ?? "invalid" } : null) },
);
export const loader = route.loader;
export const action = route.action;

export default function ChooseSeats() {
  const { t, locale } = useT();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = cinemaErrors(t, state, formId, ["seat"]);
  // "第3排 5号 可选 靠过道" / "Row 3, seat 5, available, next to the aisle"
  const sep = locale === "en" ? ", " : " ";
  let firstSelectable = true;
  // After a refused choice ("choose exactly 2"), the seats the person ticked stay ticked (WCAG 3.3.7).
  const ticked = actionData ? new Set(state.values("seat")) : null;
  const errors = [...(d.expired ? [{ text: t("cinema.hold.expired") }] : []), ...(actionData?.message ? [{ text: actionData.message }] : []), ...summary];

  const seatName = (row: number, s: (typeof d.rows)[number]["seats"][number]) => {
    const details = [
      t(`cinema.choose.state.${s.state === "taken" ? "taken" : s.selectable ? s.state : "wheelchairOnly"}`),
      s.aisle ? t("cinema.choose.aisle") : "",
      s.wheelchair ? t("cinema.choose.wheelchair") : "",
      s.companion ? t("cinema.choose.companion") : "",
      s.lowVision ? t("cinema.choose.lowVision") : "",
    ].filter(Boolean);
    return t("cinema.choose.seatName", { row, number: s.number, details: details.join(sep) });
  };

  return (
    <BookingStep screening={d.screening} back={d.back} step={d.count} errors={errors}>
      <h1>{t("cinema.choose.question", { n: d.tickets })}</h1>
      {d.hold ? <BookingHoldNotice hold={d.hold} serverNow={d.serverNow} extended={d.extended} screeningId={d.screening.id} draftId={d.draftId} returnTo="choose-seats" /> : null}
      <Form method="post" id={formId} noValidate>
        <fieldset aria-describedby={`${formId}-hint${fieldErrors.seat.length ? ` ${formId}-error` : ""}`}>
          <legend className="field__label">{t("cinema.choose.legend", { n: d.tickets })}</legend>
          <p className="field__hint" id={`${formId}-hint`}>
            {t("cinema.choose.hint", { n: d.tickets })}
          </p>
          {fieldErrors.seat.length ? (
            <p className="field__error" id={`${formId}-error`}>
              <span className="visually-hidden">{t("site.errorTitlePrefix")}</span>
              {fieldErrors.seat.join(" ")}
            </p>
          ) : null}
          {d.rows.map(({ row, seats }) => (
            // A group, not a region: a landmark per row flooded a screen reader's landmark list.
            <div key={row} className="seat-row" role="group" aria-labelledby={`row-${row}`}>
              <h2 id={`row-${row}`}>{t("cinema.choose.row", { row, free: seats.filter((s) => s.selectable).length })}</h2>
              <ul className="seat-list">
                {seats.map((s) => {
                  const name = seatName(row, s);
                  if (!s.selectable) {
                    return (
                      <li key={s.id} className="seat--taken">
                        {name}
                      </li>
                    );
                  }
                  const id = firstSelectable ? fieldId(formId, "seat") : `seat-${s.id}`;
                  firstSelectable = false;
                  return (
                    <li key={s.id} className="checkbox">
                      <input type="checkbox" id={id} name="seat" value={s.id} defaultChecked={ticked ? ticked.has(s.id) : s.state === "yours"} />
                      <label htmlFor={id}>{name}</label>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </fieldset>
        {d.returnTo ? <input type="hidden" name="returnTo" value={d.returnTo} /> : null}
        <p>
          <button type="submit" className="button">
            {t("cinema.choose.submit", { n: d.tickets })}
          </button>
        </p>
      </Form>
    </BookingStep>
  );
}
