import { redirect, type Params } from "@remix-run/react";
import type { Kysely } from "kysely";
import { bookingPath, stepPath, type Step } from "~/components/cinema/paths";
import { localePath, type Locale } from "~/i18n/config";
import {
  bookingFlow,
  findBooking,
  getDraft,
  getHold,
  getScreening,
  HoldExpired,
  NotFound,
  saveDraft,
  type BookingAnswers,
  type Draft,
  type HoldView,
  type ScreeningWithSeats,
} from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import type { Database } from "~/modules/db/schema";
import type { FlowDraft } from "~/modules/flows/index.server";
import { flowRoute, type FlowRouteOptions } from "./flow-route.server";
import { routeLocale } from "./route-locale";

/**
 * The booking flow's pages share this. People, needs and seats are steps on the guided-form engine, and hold its
 * action (`bookingStepRoute`, docs/decisions/0014); choose-seats, contact and check still use `loadFlow`: load the
 * screening and the draft named in the URL (/cinema/<screening>/book/<draftId>/<step>), send the person to the first
 * step they still have to answer, and notice a seat hold that ran out (back to the seat step, answers kept).
 */
export { bookingPath, stepPath, type Step };

export interface Flow {
  locale: Locale;
  screening: ScreeningWithSeats;
  draft: Draft;
  /** The live hold, if the person holds seats now. */
  hold: HoldView | null;
  /** A hold existed but ran out since the last step. */
  holdExpired: boolean;
  /** Locale-aware path of a step. */
  path: (step: Step, query?: string) => string;
}

/**
 * A booking step on the guided-form engine (app/http/flow-route.server.ts): each step keeps its own route file and
 * URL (`…/book/<draft>/people`), the screening is the draft's scope, the first step's back link is the screening's
 * page, and a booked draft leads to its booking's confirmation (404 when that booking can no longer be found).
 */
export function bookingStepRoute<V>(
  step: Step,
  view: (args: { db: Kysely<Database>; draft: FlowDraft<BookingAnswers>; screening: ScreeningWithSeats; url: URL; lapsed: boolean; locale: Locale }) => V | Promise<V>,
  options: Pick<FlowRouteOptions<BookingAnswers, ScreeningWithSeats, V>, "errorMessage"> = {},
) {
  return flowRoute(bookingFlow, {
    ...options,
    step,
    context: async (db, params) => {
      const screening = await getScreening(db, String(params.screeningId ?? ""));
      return { scope: screening.id, value: screening };
    },
    path: (screening, draftId, to, query) => stepPath(screening.id, draftId, to as Step, query),
    start: (screening) => `/cinema/${screening.id}`,
    view: ({ db, draft, context, url, lapsed, locale }) => view({ db, draft, screening: context, url, lapsed, locale }),
    finished: async ({ db, draft }) => {
      const booking = await findBooking(db, { reference: draft.reference ?? "", phone: draft.answers.phone ?? "" });
      return bookingPath(booking.reference, booking.accessToken, "confirmation");
    },
  });
}

export const notFound = () => new Response("Not Found", { status: 404 });

export async function loadFlow(params: Params, now: Date = new Date()): Promise<Flow> {
  const locale = routeLocale(params);
  const db = getDb();
  let screening: ScreeningWithSeats;
  let draft: Draft;
  try {
    screening = await getScreening(db, String(params.screeningId ?? ""), now);
    draft = await getDraft(db, screening.id, String(params.draftId ?? ""), now);
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
  // Booked already (back button, second tab): show the booking rather than a stale form. A booking that can no
  // longer be found (stripped by the retention purge, say) is a 404, not a 500.
  if (draft.bookingReference && draft.phone) {
    const booking = await findBooking(db, { reference: draft.bookingReference, phone: draft.phone }).catch((error: unknown) => {
      if (error instanceof NotFound) throw notFound();
      throw error;
    });
    throw redirect(localePath(bookingPath(booking.reference, booking.accessToken, "confirmation"), locale));
  }
  let hold: HoldView | null = null;
  let holdExpired = false;
  if (draft.holdId) {
    try {
      hold = await getHold(db, draft.holdId, now);
    } catch (error) {
      if (!(error instanceof HoldExpired)) throw error;
      holdExpired = true;
      await saveDraft(db, draft.id, { holdId: null }, now);
      draft = { ...draft, holdId: null };
    }
  }
  return {
    locale,
    screening,
    draft,
    hold,
    holdExpired,
    path: (step, query) => localePath(stepPath(screening.id, draft.id, step, query), locale),
  };
}

/** The first step still unanswered before `step`; a redirect there, or null when `step` may be shown. */
export function missingStep(flow: Flow, step: Step): Response | null {
  const { draft } = flow;
  const order: Step[] = ["people", "needs", "seats", "contact", "check"];
  const needed = order.slice(0, order.indexOf(step === "choose-seats" ? "seats" : step));
  for (const before of needed) {
    const answered =
      before === "people" ? draft.tickets !== null : before === "needs" ? draft.needs !== null : before === "seats" ? flow.hold !== null : draft.name !== null && draft.phone !== null;
    if (!answered) {
      const query = before === "seats" && flow.holdExpired ? "?expired=1" : "";
      return redirect(flow.path(before, query));
    }
  }
  return null;
}

/** Where a step goes next: back to "check your answers" when the person came from there and nothing else is missing. */
export function nextStep(flow: Flow, next: Step, returnTo: FormDataEntryValue | null): string {
  return returnTo === "check" ? flow.path("check") : flow.path(next);
}

export { HoldExpired };

/** A booking's own pages (/cinema/booking/<reference>/<token>/…): the booking and its screening, or 404. */
export async function loadBookingPage(params: Params) {
  const locale = routeLocale(params);
  const db = getDb();
  try {
    const booking = await findBooking(db, { reference: String(params.reference ?? ""), token: String(params.token ?? "") });
    const screening = await getScreening(db, booking.screeningId);
    return { locale, booking, screening };
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}
