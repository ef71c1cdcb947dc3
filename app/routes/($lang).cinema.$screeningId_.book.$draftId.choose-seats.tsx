import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStep } from "~/components/cinema/BookingStep";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { HoldNotice } from "~/components/cinema/HoldNotice";
import { stepPath } from "~/components/cinema/paths";
import { cinemaLinks } from "~/components/cinema/styles";
import { fieldId, formState } from "~/components/form-state";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { loadFlow, missingStep } from "~/http/cinema-flow.server";
import { readFormData } from "~/http/form-data.server";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { holdWarningSeconds } from "~/modules/cinema/cinema-constants";
import { chooseSeatsSchema, CinemaError, HoldLimit, holdSeats, InvalidInput, maxHoldExtensions, saveDraft, seatMap, SeatsTaken } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.choose.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.choose.title") }],
};

const formId = "choose";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const now = new Date();
  const flow = await loadFlow(params, now);
  const missing = missingStep(flow, "choose-seats");
  if (missing) throw missing;
  const wheelchair = flow.draft.needs?.includes("wheelchair") ?? false;
  const seats = await seatMap(getDb(), flow.screening.id, now, flow.hold?.id);
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
  const url = new URL(request.url);
  return {
    screening: flow.screening,
    draftId: flow.draft.id,
    tickets: flow.draft.tickets ?? 1,
    wheelchair,
    rows,
    hold: flow.hold
      ? { expiresAt: flow.hold.expiresAt, canExtend: flow.hold.canExtend, extensionsLeft: maxHoldExtensions - flow.hold.extendedCount }
      : null,
    serverNow: now.toISOString(),
    extended: url.searchParams.get("extended") === "1",
    returnTo: url.searchParams.get("return") === "check" ? "check" : "",
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const flow = await loadFlow(params);
  const missing = missingStep(flow, "choose-seats");
  if (missing) return missing;
  const form = await readFormData(request);
  const submission = parseWithZod(form, { schema: chooseSeatsSchema });
  if (submission.status !== "success") {
    return data({ hasErrors: true, lastResult: submission.reply() }, { status: 400 });
  }
  const tickets = flow.draft.tickets ?? 1;
  if (submission.value.seat.length !== tickets) {
    return data({ hasErrors: true, lastResult: submission.reply({ fieldErrors: { seat: [`seatCount:${tickets}`] } }) }, { status: 400 });
  }
  const client = context.clientIp ?? "local";
  const limit = await hitRateLimit(getDb(), "hold", client);
  if (!limit.allowed) {
    return data({ hasErrors: true, lastResult: submission.reply({ formErrors: ["rateLimited"] }) }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  }
  try {
    const hold = await holdSeats(getDb(), {
      screeningId: flow.screening.id,
      party: { tickets, needs: flow.draft.needs ?? [] },
      seatIds: submission.value.seat,
      replaceHoldId: flow.draft.holdId,
      client,
      phone: flow.draft.phone,
    });
    await saveDraft(getDb(), flow.draft.id, { holdId: hold.id });
  } catch (error) {
    if (!(error instanceof CinemaError)) throw error;
    if (error instanceof HoldLimit) {
      return data({ hasErrors: true, lastResult: submission.reply(), message: domainErrorMessage(getFixedT(flow.locale), error) }, domainErrorInit(error));
    }
    const code = error instanceof SeatsTaken ? "seatsTaken" : error instanceof InvalidInput ? (error.fields.seats ?? "invalid") : error.code;
    return data({ hasErrors: true, lastResult: submission.reply({ fieldErrors: { seat: [code] } }) }, { status: 409 });
  }
  const toCheck = form.get("returnTo") === "check" && flow.draft.name && flow.draft.phone;
  return redirect(flow.path(toCheck ? "check" : "contact"));
}

export default function ChooseSeats() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = cinemaErrors(t, state, formId, ["seat"]);
  // "第3排 5号 可选 靠过道" / "Row 3, seat 5, available, next to the aisle"
  const sep = locale === "en" ? ", " : " ";
  let firstSelectable = true;
  // After a refused choice ("choose exactly 2"), the seats the person ticked stay ticked (WCAG 3.3.7).
  const ticked = actionData ? new Set(state.values("seat")) : null;

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
    <BookingStep screening={d.screening} back={stepPath(d.screening.id, d.draftId, "seats")} step={{ n: 3, of: 5 }} errors={actionData && "message" in actionData ? [{ text: actionData.message }, ...summary] : summary}>
      <h1>{t("cinema.choose.question", { n: d.tickets })}</h1>
      {d.hold ? (
        <HoldNotice
          expiresAt={d.hold.expiresAt}
          serverNow={d.serverNow}
          canExtend={d.hold.canExtend}
          extensionsLeft={d.hold.extensionsLeft}
          extendAction={href(stepPath(d.screening.id, d.draftId, "hold"))}
          returnTo="choose-seats"
          warningSeconds={holdWarningSeconds}
          extended={d.extended}
        />
      ) : null}
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
