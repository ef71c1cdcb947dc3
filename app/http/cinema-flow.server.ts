import type { Params } from "@remix-run/react";
import type { Kysely } from "kysely";
import { bookingPath, stepPath, type Step } from "~/components/cinema/paths";
import type { Locale } from "~/i18n/config";
import {
  bookingFlow,
  findBooking,
  getHold,
  getScreening,
  HoldExpired,
  maxHoldExtensions,
  NotFound,
  type BookingAnswers,
  type HoldView,
  type ScreeningWithSeats,
} from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import type { Database } from "~/modules/db/schema";
import type { FlowDraft } from "~/modules/flows/index.server";
import { flowRoute, type FlowRouteOptions } from "./flow-route.server";
import { routeLocale } from "./route-locale";

/**
 * The booking flow's pages share this. Every page of a booking in progress (/cinema/<screening>/book/<draftId>/<page>:
 * people, needs, seats and its seat list choose-seats, contact, check, and the hold's "more time" post) is a page of
 * `bookingFlow` on the guided-form engine through `bookingStepRoute` (docs/decisions/0014): the engine loads the
 * draft, sends the person to the first step they still have to answer, notices a seat hold that ran out (back to the
 * seat step with `?expired=1`, answers kept), saves, redirects and books. The booking's own pages
 * (/cinema/booking/<reference>/<token>/…) use `loadBookingPage`.
 */
export { bookingPath, stepPath, type Step };

type Db = Kysely<Database>;

/** What a booking page's view is given: the draft, its screening, the URL, whether the hold lapsed, the page's time. */
export interface BookingView {
  db: Db;
  draft: FlowDraft<BookingAnswers>;
  screening: ScreeningWithSeats;
  url: URL;
  lapsed: boolean;
  locale: Locale;
  now: Date;
}

/**
 * A booking step on the guided-form engine (app/http/flow-route.server.ts): each step keeps its own route file and
 * URL (`…/book/<draft>/people`), the screening is the draft's scope, the first step's back link is the screening's
 * page, and a booked draft leads to its booking's confirmation (404 when that booking can no longer be found).
 */
export function bookingStepRoute<V>(
  step: Step,
  view: (args: BookingView) => V | Promise<V>,
  options: Pick<FlowRouteOptions<BookingAnswers, ScreeningWithSeats, V>, "errorMessage" | "errorFields"> = {},
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
    view: ({ db, draft, context, url, lapsed, locale, now }) => view({ db, draft, screening: context, url, lapsed, locale, now }),
    finished: async ({ db, draft }) => {
      const booking = await findBooking(db, { reference: draft.reference ?? "", phone: draft.answers.phone ?? "" });
      return bookingPath(booking.reference, booking.accessToken, "confirmation");
    },
  });
}

/** The draft's live hold at the page's time, or null (none, or one that has just run out). */
export async function liveHold({ db, draft, now }: Pick<BookingView, "db" | "draft" | "now">): Promise<HoldView | null> {
  if (!draft.answers.holdId) return null;
  return getHold(db, draft.answers.holdId, now).catch((error: unknown) => {
    if (error instanceof HoldExpired) return null;
    throw error;
  });
}

/** What a page's hold notice shows of a hold (app/components/cinema/HoldNotice.tsx, `BookingHoldNotice`). */
export const holdNotice = (hold: HoldView) => ({ expiresAt: hold.expiresAt, canExtend: hold.canExtend, extensionsLeft: maxHoldExtensions - hold.extendedCount });

/** What every page with a hold notice needs besides the hold: the server's clock, and whether "more time" was just given. */
export const holdTimes = ({ url, now }: Pick<BookingView, "url" | "now">) => ({ serverNow: now.toISOString(), extended: url.searchParams.get("extended") === "1" });

export const notFound = () => new Response("Not Found", { status: 404 });

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
