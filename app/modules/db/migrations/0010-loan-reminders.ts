import type { Kysely } from "kysely";

/**
 * Loan renewals and reminders (issue 17, item 5; app/modules/lending/renewals.server.ts). A loan counts how often
 * the borrower renewed it (LOAN_MAX_RENEWALS caps it). The reminders themselves are ordinary outbox rows
 * (`outbox_messages`, target `loan`) with a future `next_attempt_at`; a reminder no longer wanted (the loan was
 * returned or renewed) gets the outbox status `cancelled`, which needs no schema change (status is text).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("lending_loans")
    .addColumn("renewals", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("lending_loans").dropColumn("renewals").execute();
}
