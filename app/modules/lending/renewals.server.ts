import { withAudit } from "../staff/audit.server";
import { normaliseReference } from "~/modules/shared/reference";
import type { Localized } from "./catalogue.server";
import { NotFound, RenewalRefused, type RenewalRefusal } from "./errors";
import { renewalGraceDays } from "./lending-constants";
import { inTransaction, type Actor, type Db, type Trx } from "./ledger.server";
import { chinaDay } from "./loans.server";
import { cancelLoanReminders, scheduleLoanReminders } from "./reminders.server";
import { findRequestForApplicant } from "./requests.server";

type Env = Record<string, string | undefined>;

/** The audit log's actor for a renewal the borrower makes themselves (proved by reference + phone). */
export const borrowerActor: Actor = { id: null, username: "(borrower)" };

/** How many times a borrower may renew one loan: LOAN_MAX_RENEWALS (0 turns renewal off), else 2. */
export const defaultMaxRenewals = 2;
export function maxRenewals(env: Env = process.env): number {
  const raw = env.LOAN_MAX_RENEWALS?.trim();
  const value = Number(raw);
  return raw && Number.isInteger(value) && value >= 0 ? value : defaultMaxRenewals;
}

/** What a borrower sees of their loan on the renewal page, and whether it can be renewed now (and until when). */
export interface BorrowerLoan {
  reference: string;
  device: Localized;
  place: Localized;
  dueDate: string;
  renewals: number;
  maxRenewals: number;
  daysOverdue: number;
  /** Why it cannot be renewed now, or null. */
  refusal: RenewalRefusal | null;
  /** The due date a renewal now would give (when it can be renewed). */
  renewedDueDate: string | null;
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function borrowerRow(db: Db | Trx, key: { reference: string; phone: string }) {
  // Proves reference + phone as the status page does: a wrong phone gets the same answer as an unknown reference.
  const { reference } = await findRequestForApplicant(db, key);
  const row = await db
    .selectFrom("lending_loans as n")
    .innerJoin("lending_device_types as t", "t.id", "n.type_id")
    .innerJoin("lending_locations as l", "l.id", "n.location_id")
    .select(["n.id as loan_id", "n.mode", "n.type_id", "n.due_date", "n.returned_at", "n.renewals", "t.name_zh", "t.name_en", "t.loan_days", "l.name_zh as place_zh", "l.name_en as place_en"])
    .where("n.request_reference", "=", reference)
    .executeTakeFirst();
  // Nothing lent on this request (not yet, or a fitting, or already returned): nothing to renew.
  if (!row || row.mode !== "loan" || !row.due_date || row.returned_at) throw new NotFound("loan");
  return { ...row, reference, due_date: row.due_date, renewals: Number(row.renewals) };
}
type BorrowerRow = Awaited<ReturnType<typeof borrowerRow>>;

/**
 * Someone is waiting for this kind of device: open requests for the type (pending or approved) that hold no unit
 * of their own outnumber the units free on the shelf.
 */
async function someoneWaiting(db: Db | Trx, typeId: string): Promise<boolean> {
  const waiting = await db
    .selectFrom("lending_requests as r")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("r.type_id", "=", typeId)
    .where("r.status", "in", ["pending", "approved"])
    .where((eb) => eb.not(eb.exists(eb.selectFrom("lending_units as u").select("u.id").whereRef("u.reserved_for", "=", "r.reference").where("u.status", "=", "reserved"))))
    .executeTakeFirstOrThrow();
  const free = await db
    .selectFrom("lending_units")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("type_id", "=", typeId)
    .where("status", "=", "available")
    .executeTakeFirstOrThrow();
  return Number(waiting.n) > Number(free.n);
}

async function assess(db: Db | Trx, row: BorrowerRow, now: Date, env: Env): Promise<BorrowerLoan> {
  const today = chinaDay(now);
  const max = maxRenewals(env);
  const daysOverdue = row.due_date < today ? Math.round((Date.parse(today) - Date.parse(row.due_date)) / 86_400_000) : 0;
  let refusal: RenewalRefusal | null = null;
  if (row.renewals >= max) refusal = "limit";
  else if (daysOverdue > renewalGraceDays) refusal = "overdue";
  else if (await someoneWaiting(db, row.type_id)) refusal = "waiting";
  return {
    reference: row.reference,
    device: { zh: row.name_zh, en: row.name_en },
    place: { zh: row.place_zh, en: row.place_en },
    dueDate: row.due_date,
    renewals: row.renewals,
    maxRenewals: max,
    daysOverdue,
    refusal,
    // Each renewal adds the device's loan period again (the period a check-out gives by default), from the due date.
    renewedDueDate: refusal ? null : addDays(row.due_date, Number(row.loan_days ?? 90)),
  };
}

/**
 * The borrower's open loan by request reference + phone (NotFound("request") for an unknown reference or a wrong
 * phone, alike; NotFound("loan") when nothing is on loan on it), with whether it can be renewed now.
 */
export async function findLoanForBorrower(db: Db, key: { reference: string; phone: string }, now: Date = new Date(), env: Env = process.env): Promise<BorrowerLoan> {
  return assess(db, await borrowerRow(db, key), now, env);
}

/**
 * 续借: the borrower renews their loan. Refused (RenewalRefused) when the renewals are used up
 * (LOAN_MAX_RENEWALS), when it is more than `renewalGraceDays` overdue, or when someone is waiting for that kind of
 * device; `changed` when the due date is no longer the one the person confirmed (renewed meanwhile, e.g. a second
 * click), so one confirmation renews once. The new due date adds the device's loan period to the old one. In one
 * transaction: the loan's row is written first (so concurrent renewals of one loan queue behind each other), the
 * conditional update must change exactly one row, the old reminders are cancelled and new ones queued, and the
 * audit entry is written with the borrower as actor.
 */
export async function renewLoan(
  db: Db,
  key: { reference: string; phone: string; dueDate?: string | null },
  now: Date = new Date(),
  env: Env = process.env,
): Promise<BorrowerLoan> {
  return inTransaction(db, async (trx) => {
    // A write first: the loan's row stays locked (PostgreSQL) or the database (SQLite) until commit.
    await trx.updateTable("lending_loans").set((eb) => ({ renewals: eb.ref("renewals") })).where("request_reference", "=", normaliseReference(key.reference ?? "")).where("returned_at", "is", null).execute();
    const row = await borrowerRow(trx, key);
    const before = await assess(trx, row, now, env);
    if (key.dueDate && key.dueDate !== row.due_date) throw new RenewalRefused("changed");
    if (before.refusal || !before.renewedDueDate) throw new RenewalRefused(before.refusal ?? "limit");
    const dueDate = before.renewedDueDate;
    return withAudit(
      trx,
      borrowerActor,
      async (t) => {
        const changed = await t
          .updateTable("lending_loans")
          .set({ due_date: dueDate, renewals: row.renewals + 1 })
          .where("id", "=", row.loan_id)
          .where("returned_at", "is", null)
          .where("renewals", "=", row.renewals)
          .where("due_date", "=", row.due_date)
          .executeTakeFirst();
        if (Number(changed.numUpdatedRows) !== 1) throw new RenewalRefused("changed");
        await cancelLoanReminders(t, row.loan_id);
        await scheduleLoanReminders(t, row.loan_id, now, env);
        return assess(t, { ...row, due_date: dueDate, renewals: row.renewals + 1 }, now, env);
      },
      { action: "devices.renew", targetType: "loan", targetId: row.loan_id, detail: `${row.reference} ${row.due_date} → ${dueDate} (${row.renewals + 1}/${before.maxRenewals})` },
      now,
    );
  });
}
