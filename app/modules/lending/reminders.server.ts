import { isLocale, defaultLocale, type Locale } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { enqueueMessage } from "../messages/enqueue.server";
import type { MessageTemplate } from "../messages/message-constants";
import { cancelQueuedMessages, messagesAbout, type StaffMessage } from "../messages/outbox.server";
import type { Db, Trx } from "./ledger.server";
import { renewalGraceDays } from "./lending-constants";

type Env = Record<string, string | undefined>;

/** Days before the due date that the "due soon" reminder goes out: LOAN_REMINDER_DAYS, else 3. */
export const defaultLoanReminderDays = 3;
export function loanReminderDays(env: Env = process.env): number {
  const value = Number(env.LOAN_REMINDER_DAYS);
  return Number.isInteger(value) && value > 0 ? value : defaultLoanReminderDays;
}

/** The reminder templates of a loan. */
export const loanReminderTemplates = ["loanDueSoon", "loanOverdue"] as const satisfies readonly MessageTemplate[];

/** Where a reminder's manage link leads: the renewal page (a path without locale prefix). */
export const renewalPath = "/devices/renew";

/** Reminders go out at 10:00 China time: a calendar day plus some days, at that hour. */
function reminderTime(day: string, plusDays: number): Date {
  return new Date(Date.parse(`${day}T10:00:00+08:00`) + plusDays * 86_400_000);
}

const loanTarget = (loanId: string) => ({ type: "loan", id: loanId });

/**
 * Queues a loan's reminders, in the caller's transaction (the check-out or the renewal): "due soon" at 10:00 China
 * time `LOAN_REMINDER_DAYS` before the due date, "overdue" at 10:00 the day after it. They are ordinary outbox rows
 * whose `next_attempt_at` lies ahead, so they survive restarts; quiet hours still hold for SMS. They go to the
 * contact of the request the loan came from, in the language of that request. A time already past is skipped (a
 * loan of two days gets no "due soon"); a loan without due date or without contact gets none. Returns how many.
 */
export async function scheduleLoanReminders(trx: Trx, loanId: string, now: Date, env: Env = process.env): Promise<number> {
  const loan = await trx
    .selectFrom("lending_loans as n")
    .innerJoin("lending_requests as r", "r.reference", "n.request_reference")
    .innerJoin("lending_device_types as t", "t.id", "n.type_id")
    .innerJoin("lending_locations as l", "l.id", "n.location_id")
    .select(["n.id", "n.mode", "n.due_date", "n.returned_at", "r.reference", "r.phone", "r.locale", "t.name_zh", "t.name_en", "l.name_zh as place_zh", "l.name_en as place_en"])
    .where("n.id", "=", loanId)
    .executeTakeFirst();
  const contact = loan?.phone?.trim();
  if (!loan || loan.mode !== "loan" || loan.returned_at || !loan.due_date || !contact) return 0;
  const locale: Locale = isLocale(loan.locale) ? loan.locale : defaultLocale;
  const en = locale === "en";
  const days = loanReminderDays(env);
  const params = {
    reference: loan.reference,
    device: en ? loan.name_en : loan.name_zh,
    dueDate: formatDate(loan.due_date, locale),
    place: en ? loan.place_en : loan.place_zh,
    days: String(days),
    grace: String(renewalGraceDays),
  };
  const reminders: { template: MessageTemplate; at: Date }[] = [
    { template: "loanDueSoon", at: reminderTime(loan.due_date, -days) },
    { template: "loanOverdue", at: reminderTime(loan.due_date, 1) },
  ];
  let queued = 0;
  for (const reminder of reminders) {
    if (reminder.at <= now) continue;
    await enqueueMessage(trx, { recipient: contact, locale, template: reminder.template, params, target: loanTarget(loan.id), managePath: renewalPath, notBefore: reminder.at }, now, env);
    queued++;
  }
  return queued;
}

/** The loan's reminders not sent yet are withdrawn (status `cancelled`), in the caller's transaction. */
export function cancelLoanReminders(trx: Trx, loanId: string): Promise<number> {
  return cancelQueuedMessages(trx, loanTarget(loanId), loanReminderTemplates);
}

/** Every message about a loan (its reminders: queued, sent, cancelled…), newest first, for the staff loan page. */
export function loanMessages(db: Db, loanId: string): Promise<StaffMessage[]> {
  return messagesAbout(db, loanTarget(loanId));
}
