import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { cardWithdrawalState, findCardForApplicant, findSignup, NotFound as CentreNotFound, signupWithdrawalState, withdrawCard, withdrawSignup } from "../centre/index.server";
import { findWaitingEntryFor, NotFound as CinemaNotFound, waitingWithdrawalState, withdrawWaitingEntry } from "../cinema/index.server";
import { FeedbackNotFound, feedbackWithdrawalState, findFeedbackForSender, withdrawFeedback } from "../feedback/index.server";
import { findRequestForApplicant, NotFound as LendingNotFound, requestWithdrawalState, withdrawRequest } from "../lending/index.server";
import { findHomeModForApplicant, HomeModNotFound, homeModWithdrawalState, withdrawHomeMod } from "../home-modification/index.server";
import type { LookupKind } from "../security/lookup-guard.server";
import { DomainError } from "~/modules/shared/domain-error";
import type { WithdrawalState, WithdrawOutcome } from "~/modules/shared/withdrawal";
import type { WithdrawalKind } from "./withdrawal-constants";

/**
 * Self-service withdrawal, one pattern for six records (issue 17, item 6): find by reference + phone (the contact
 * given, for feedback) → show what it is and where it stands → withdraw → done. Each record's module owns its rules
 * and its audited, conditional withdrawal; this module only gives them one shape for the one page
 * (/withdraw/<kind>). Lookups go through the lookup guard with the kind's own key (the same throttle and lock as the
 * record's status page); an unknown reference and a wrong phone are both `NothingToWithdraw`.
 */
type Db = Kysely<Database>;

export interface WithdrawalKey {
  reference: string;
  /** The mobile number given (the contact given, for feedback). */
  secret: string;
}

export interface Localized {
  zh: string;
  en: string;
}

/** A record as its owner sees it on the withdrawal page: what it is, in words, and whether it can be withdrawn. */
export interface WithdrawalView {
  kind: WithdrawalKind;
  reference: string;
  state: WithdrawalState;
  /** The device, activity or film (none for cards and feedback). */
  subject: Localized | null;
  /** When the activity or screening starts (none otherwise). */
  startsAt: string | null;
  /** When it was sent. */
  createdAt: string;
  /** A sign-up's status ("confirmed", "waiting"), a waiting-list party's size, a message's topic. */
  status: string | null;
  tickets: number | null;
  topic: string | null;
}

/** No record with this reference and this phone (or contact): one answer for both, so references cannot be probed. */
export class NothingToWithdraw extends DomainError {
  constructor() {
    super("not_found", "nothing to withdraw");
  }
}

interface Handler {
  lookup: LookupKind;
  notFound: abstract new (...args: never[]) => Error;
  find: (db: Db, key: WithdrawalKey, now: Date) => Promise<WithdrawalView>;
  withdraw: (db: Db, key: WithdrawalKey, now: Date) => Promise<WithdrawOutcome>;
}

const blank = { subject: null, startsAt: null, status: null, tickets: null, topic: null };
const phoneKey = (key: WithdrawalKey) => ({ reference: key.reference, phone: key.secret });

const handlers: Record<WithdrawalKind, Handler> = {
  "device-request": {
    lookup: "loanRequest",
    notFound: LendingNotFound,
    find: async (db, key) => {
      const r = await findRequestForApplicant(db, phoneKey(key));
      return { ...blank, kind: "device-request", reference: r.reference, state: requestWithdrawalState(r.status, r.device.mode), subject: r.device.name, createdAt: r.createdAt };
    },
    withdraw: (db, key, now) => withdrawRequest(db, phoneKey(key), now),
  },
  "library-card": {
    lookup: "libraryCard",
    notFound: CentreNotFound,
    find: async (db, key) => {
      const c = await findCardForApplicant(db, phoneKey(key));
      return { ...blank, kind: "library-card", reference: c.reference, state: cardWithdrawalState(c.status), createdAt: c.createdAt };
    },
    withdraw: (db, key, now) => withdrawCard(db, phoneKey(key), now),
  },
  "activity-signup": {
    lookup: "signup",
    notFound: CentreNotFound,
    find: async (db, key, now) => {
      const s = await findSignup(db, phoneKey(key));
      return {
        ...blank,
        kind: "activity-signup",
        reference: s.reference,
        state: signupWithdrawalState(s.status, s.activity.startsAt, now),
        subject: s.activity.title,
        startsAt: s.activity.startsAt,
        createdAt: s.createdAt,
        status: s.status,
      };
    },
    withdraw: (db, key, now) => withdrawSignup(db, phoneKey(key), now),
  },
  "waiting-list": {
    lookup: "waitingList",
    notFound: CinemaNotFound,
    find: async (db, key, now) => {
      const e = await findWaitingEntryFor(db, phoneKey(key));
      return {
        ...blank,
        kind: "waiting-list",
        reference: e.id,
        state: waitingWithdrawalState(e.status, e.screening.startsAt, now),
        subject: e.screening.title,
        startsAt: e.screening.startsAt,
        createdAt: e.createdAt,
        tickets: e.tickets,
      };
    },
    withdraw: (db, key, now) => withdrawWaitingEntry(db, phoneKey(key), now),
  },
  feedback: {
    lookup: "feedback",
    notFound: FeedbackNotFound,
    find: async (db, key) => {
      const f = await findFeedbackForSender(db, { reference: key.reference, contact: key.secret });
      return { ...blank, kind: "feedback", reference: f.reference, state: feedbackWithdrawalState(f.status), createdAt: f.createdAt, topic: f.topic };
    },
    withdraw: (db, key, now) => withdrawFeedback(db, { reference: key.reference, contact: key.secret }, now),
  },
  "home-modification": {
    lookup: "homeMod",
    notFound: HomeModNotFound,
    find: async (db, key) => {
      const h = await findHomeModForApplicant(db, phoneKey(key));
      return { ...blank, kind: "home-modification", reference: h.reference, state: homeModWithdrawalState(h.status), createdAt: h.createdAt };
    },
    withdraw: (db, key, now) => withdrawHomeMod(db, phoneKey(key), now),
  },
};

/** The lookup guard's key for a kind: the same as the record's own status page. */
export const withdrawalLookupKind = (kind: WithdrawalKind): LookupKind => handlers[kind].lookup;

async function proven<T>(kind: WithdrawalKind, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof handlers[kind].notFound && (error as DomainError).code === "not_found") throw new NothingToWithdraw();
    throw error;
  }
}

/** Reference + phone → the record and where it stands; NothingToWithdraw when they do not match. */
export function findForWithdrawal(db: Db, kind: WithdrawalKind, key: WithdrawalKey, now = new Date()): Promise<WithdrawalView> {
  return proven(kind, () => handlers[kind].find(db, key, now));
}

/**
 * Withdraws the record (audited in its own transaction by its module) and reads it again: what happened (withdrawn
 * now, already withdrawn, too late and why) and the record as it is now.
 */
export function withdraw(db: Db, kind: WithdrawalKind, key: WithdrawalKey, now = new Date()): Promise<{ result: WithdrawOutcome; view: WithdrawalView }> {
  return proven(kind, async () => {
    const result = await handlers[kind].withdraw(db, key, now);
    return { result, view: await handlers[kind].find(db, key, now) };
  });
}
