import { z } from "zod";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { answersFrom, claimFlowDraft, defineFlow, draftGoneAs, readDraft, saveAnswers, startDraft, type FlowDraft, type StepContext } from "~/modules/flows/index.server";
import { cinemaBookings } from "~/modules/observability/metrics.server";
import { makeReference } from "~/modules/shared/reference";
import { retryTransaction } from "~/modules/shared/transaction-retry.server";
import { toBookingView, type BookingView } from "./booking-views.server";
import { confirmHoldIn, extendHold, getHold, holdSeats, releaseHold } from "./bookings.server";
import { bookingFlowName, cinemaNeeds, type CinemaNeed } from "./cinema-constants";
import { acceptSeatsSchema, chooseSeatsSchema, contactSchema, needsSchema, peopleSchema } from "./cinema-schema";
import { Busy, ExtensionLimit, HoldExpired, NotFound } from "./errors";
import { assertHoldWithinLimits } from "./hold-limits.server";
import { validateContact } from "./validation";
import { assertBookable, loadScreening } from "./screenings.server";

type Db = Kysely<Database>;

/**
 * A booking in progress: a guided form (app/modules/flows, docs/decisions/0014) — people → needs → seats → contact →
 * check — its answers in a server-side draft in `flow_drafts`, scoped to the screening, under a random id that is
 * part of each step's URL (/cinema/<screening>/book/<draftId>/people). Works without JavaScript or cookies, and
 * nothing typed is lost on an error or when a hold runs out. Drafts expire a day after their last change.
 *
 * The seats are not an answer: they are a hold, a record of its own (cinema_holds, with its expiry and extensions:
 * bookings.server.ts), and the draft keeps only the hold's id. A hold that lapsed is dropped from the draft when
 * the draft is next read or posted (the flow's `lapsed`), and the seat step is asked again.
 */
const bookingAnswers = z
  .object({
    tickets: z.number().int(),
    needs: z.array(z.enum(cinemaNeeds)),
    holdId: z.string(), // raw: an id the seat step stored (a hold of this screening), never typed by a person
    name: z.string(), // raw: the stored answer, cleaned by contactSchema when it was given
    phone: z.string(), // raw: the stored answer, normalised by contactSchema when it was given
  })
  .partial();
export type BookingAnswers = Required<z.infer<typeof bookingAnswers>>;

export { bookingFlowName };

/** The needs the seats are chosen by (a wheelchair space, the front rows). */
const seatNeeds = ["wheelchair", "lowVision"] as const;

/** The seat step's save, from the offer or the seat list: a hold of these seats for the party (bookings.server.ts). */
async function takeSeats(value: { seat: string[] }, { db, answers, scope, client, now }: StepContext<BookingAnswers>): Promise<Partial<BookingAnswers>> {
  const party = { tickets: answers.tickets ?? 1, needs: answers.needs ?? [] };
  const hold = await holdSeats(db, { screeningId: scope, party, seatIds: value.seat, replaceHoldId: answers.holdId, client, phone: answers.phone }, now);
  return { holdId: hold.id };
}

/**
 * The booking's declaration: the draft's store, its steps and their order. Its submit is confirmDraft (below), which
 * claims the draft and turns its hold into the booking in one transaction.
 */
export const bookingFlow = defineFlow<BookingAnswers>({
  name: bookingFlowName,
  answers: bookingAnswers,
  submitLimit: "booking",
  steps: [
    {
      id: "people",
      fields: ["tickets"],
      schema: peopleSchema,
      // A different party size needs different seats: the held ones go back, and the seat step is asked again.
      save: async (value: { tickets: number }, { db, answers }) => {
        if (value.tickets === answers.tickets) return { tickets: value.tickets };
        if (answers.holdId) await releaseHold(db, answers.holdId);
        return { tickets: value.tickets, holdId: undefined };
      },
    },
    {
      id: "needs",
      fields: ["needs"],
      schema: needsSchema,
      // Seats depend on the wheelchair and low-vision answers: when those change, the seats are chosen again.
      save: async (value: { needs: CinemaNeed[] }, { db, answers }) => {
        const before = answers.needs ?? [];
        const seatsChange = seatNeeds.some((n) => before.includes(n) !== value.needs.includes(n));
        if (!seatsChange) return { needs: value.needs };
        if (answers.holdId) await releaseHold(db, answers.holdId);
        return { needs: value.needs, holdId: undefined };
      },
    },
    {
      id: "seats",
      fields: ["holdId"],
      schema: acceptSeatsSchema,
      // Accepting the offered seats holds them (and gives back the ones held before), under the client's and the
      // phone's caps; a hold post is rate limited. A refusal (sold out, taken meanwhile, over a cap) is a domain error.
      limit: "hold",
      save: takeSeats,
      pages: {
        // The seat list: the person ticks the seats themselves, exactly one a person; held the same way.
        "choose-seats": {
          schema: chooseSeatsSchema,
          refuse: (value: { seat: string[] }, { answers }) => {
            const tickets = answers.tickets ?? 1;
            return value.seat.length === tickets ? null : { seat: `seatCount:${tickets}` };
          },
          save: takeSeats,
        },
      },
    },
    {
      id: "contact",
      fields: ["name", "phone"],
      schema: contactSchema,
      // Saved even when the hold ran out while the person typed: they choose seats again and lose nothing typed.
      dependsOn: ["people", "needs"],
      // The phone is known now: it may not hold more seats of this screening than its cap, across drafts (HoldLimit).
      refuse: async (value: { phone: string }, { db, answers, scope, now }) => {
        if (answers.holdId) await assertHoldWithinLimits(db, { screeningId: scope, phone: value.phone, exceptHoldId: answers.holdId, tickets: answers.tickets ?? 1, now });
        return null;
      },
    },
  ],
  actions: {
    // "Give me more time" (the hold warning's button, a plain post): the hold is extended and the person goes back to
    // the page they were on, which says the new time. No extension left: back, unchanged; no hold: the seat step.
    hold: {
      from: "seats",
      run: async ({ db, answers, form, now }) => {
        const back = String(form.get("returnTo") ?? "");
        const to = ["seats", "choose-seats", "contact", "check"].includes(back) ? back : "contact";
        if (!answers.holdId) return { step: "seats", notice: "expired" };
        try {
          await extendHold(db, answers.holdId, now);
          return { step: to, notice: "extended" };
        } catch (error) {
          if (error instanceof HoldExpired) return { step: "seats", notice: "expired" };
          if (error instanceof ExtensionLimit) return { step: to };
          throw error;
        }
      },
    },
  },
  // A hold that ran out is no answer any more: the seat step is asked again, and says why.
  lapsed: async ({ db, answers, now }) => {
    if (!answers.holdId) return [];
    return getHold(db, answers.holdId, now).then(
      () => [],
      (error: unknown) => {
        if (error instanceof HoldExpired) return ["holdId"] as const;
        throw error;
      },
    );
  },
  submit: async (db, draft, now) => (await confirmDraft(db, { screeningId: draft.scope, draftId: draft.id, locale: draft.locale }, now)).reference,
});

export interface Draft {
  id: string;
  screeningId: string;
  tickets: number | null;
  /** null until the needs question has been answered. */
  needs: CinemaNeed[] | null;
  holdId: string | null;
  name: string | null;
  /** The number as typed (normalised); only the person's own check page shows it. */
  phone: string | null;
  /** Set once the booking is made. */
  bookingReference: string | null;
  locale: string;
  updatedAt: string;
}

export function toDraft(d: FlowDraft<BookingAnswers>): Draft {
  return {
    id: d.id,
    screeningId: d.scope,
    tickets: d.answers.tickets ?? null,
    needs: d.answers.needs ? cinemaNeeds.filter((n) => d.answers.needs!.includes(n)) : null,
    holdId: d.answers.holdId ?? null,
    name: d.answers.name ?? null,
    phone: d.answers.phone ?? null,
    bookingReference: d.reference,
    locale: d.locale,
    updatedAt: d.updatedAt,
  };
}

const orNotFound = draftGoneAs(() => new NotFound("draft"));

export async function createDraft(db: Db, screeningId: string, now: Date = new Date(), locale = "zh-CN"): Promise<Draft> {
  const screening = await loadScreening(db, screeningId);
  assertBookable(screening, now);
  return toDraft(await startDraft(db, bookingFlow, { locale, scope: screeningId }, now));
}

/**
 * The draft of this screening, or NotFound (wrong id, another screening's draft, expired or purged). Without `now`
 * it is read as stored, expired or not (tools and tests with a clock of their own); the pages pass the request's time.
 */
export async function getDraft(db: Db, screeningId: string, id: string, now: Date | "even-expired" = "even-expired"): Promise<Draft> {
  return toDraft(await readDraft(db, bookingFlow, id, { scope: screeningId, now }).catch(orNotFound));
}

export type DraftPatch = Partial<Pick<Draft, "tickets" | "needs" | "holdId" | "name" | "phone" | "bookingReference">>;

/** Saves answers (null clears one: a released hold). `bookingReference` is for tools and tests; the submit claims. */
export async function saveDraft(db: Db, id: string, patch: DraftPatch, now: Date = new Date()): Promise<void> {
  const { bookingReference, ...answers } = patch;
  const cleared = Object.fromEntries(Object.entries(answers).filter(([, v]) => v === null).map(([k]) => [k, undefined]));
  await saveAnswers(db, bookingFlow, id, { ...answersFrom<BookingAnswers>(answers), ...cleared }, now).catch(orNotFound);
  if (bookingReference !== undefined) await db.updateTable("flow_drafts").set({ reference: bookingReference }).where("id", "=", id).where("flow", "=", bookingFlowName).execute();
}

/**
 * Books from a draft (the check page's "confirm"): one transaction that first claims the draft (claimFlowDraft),
 * then turns its hold into the booking. A second submit of the same draft waits, finds it claimed and answers with
 * the same booking. One draft, one booking, made from the draft as it is now (hold, needs, name, phone).
 */
export async function confirmDraft(db: Db, input: { screeningId: string; draftId: string; locale: string }, now: Date = new Date()): Promise<BookingView> {
  // Counted once committed, and only when this submit made the booking (not a second submit's answer).
  let made = false;
  // A reference that happens to exist already (a unique key), or a database busy with the rush, runs it again.
  const row = await retryTransaction(db, { onBusy: () => { throw new Busy(); }, maxAttempts: 6 }, async (trx) => {
    made = false;
    const reference = makeReference("DY");
    const claim = await claimFlowDraft(trx, bookingFlow, input.draftId, reference, now);
    // Another screening's draft is refused like an unknown one (and the claim rolls back with the error).
    if (!claim || claim.draft.scope !== input.screeningId) throw new NotFound("draft");
    if (claim.earlier) {
      const earlier = await trx.selectFrom("cinema_bookings").selectAll().where("reference", "=", claim.earlier).executeTakeFirst();
      if (!earlier) throw new NotFound("booking");
      return earlier;
    }
    const { holdId, ...rest } = claim.draft.answers;
    if (!holdId) throw new HoldExpired();
    const draft = toDraft(claim.draft);
    const contact = validateContact({ name: draft.name ?? "", phone: draft.phone ?? "" });
    const booking = await confirmHoldIn(trx, { holdId, contact, needs: draft.needs ?? [], locale: input.locale }, now, reference);
    // The hold is the booking now: the claimed draft no longer names it.
    await trx.updateTable("flow_drafts").set({ payload: JSON.stringify(rest) }).where("id", "=", input.draftId).execute();
    made = true;
    return booking;
  });
  if (made) cinemaBookings.inc({ event: "made", source: row.source });
  return toBookingView(db, row);
}
