import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { maskForLog } from "./log.server";

/**
 * Retention (issue #7): personal records that are closed are removed, or stripped of the person, after
 * RETENTION_MONTHS (default 24). What counts as closed is decided per table below; what is kept for figures
 * (a booking's seats, a loan's dates) loses its name and phone. The audit log is kept: it is masked already.
 * `npm start` runs this once, the server once a day, and `npm run db:purge` on demand.
 */
export const defaultRetentionMonths = 24;

export function retentionMonths(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.RETENTION_MONTHS);
  return Number.isInteger(value) && value >= 1 ? value : defaultRetentionMonths;
}

export function retentionCutoff(months: number, now = new Date()): string {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff.toISOString();
}

/** Unfinished forms (booking and request drafts) hold personal data briefly; they go after 30 days. */
const draftDays = 30;
const removed = "（已按保留期限删除）";

type Rule = { name: string; run: (db: Kysely<Database>, cutoff: string, draftCutoff: string) => Promise<number> };
const count = (result: Array<{ numDeletedRows?: bigint; numUpdatedRows?: bigint }> | { numDeletedRows?: bigint; numUpdatedRows?: bigint }) =>
  [result].flat().reduce((n, r) => n + Number(r.numDeletedRows ?? r.numUpdatedRows ?? 0), 0);

const rules: Rule[] = [
  {
    name: "feedback",
    run: async (db, cutoff) =>
      count(await db.deleteFrom("feedback").where("status", "=", "closed").where((eb) => eb(eb.fn.coalesce("updated_at", "created_at"), "<", cutoff)).execute()),
  },
  {
    name: "cinema bookings",
    run: async (db, cutoff) => {
      const past = db.selectFrom("cinema_screenings").select("id").where("starts_at", "<", cutoff);
      return count(
        await db.updateTable("cinema_bookings").set({ name: removed, phone: "" }).where("screening_id", "in", past).where("phone", "!=", "").execute(),
      );
    },
  },
  {
    name: "cinema waiting list",
    run: async (db, cutoff) => {
      const past = db.selectFrom("cinema_screenings").select("id").where("starts_at", "<", cutoff);
      return count(await db.deleteFrom("cinema_waiting_list").where("screening_id", "in", past).execute());
    },
  },
  {
    name: "booking drafts",
    run: async (db, _cutoff, draftCutoff) => count(await db.deleteFrom("cinema_booking_drafts").where("updated_at", "<", draftCutoff).execute()),
  },
  // Seat holds keep the client address for the per-client cap (app/modules/cinema/hold-limits.server.ts): they go
  // with the drafts, with any claim rows they left; so do idempotency keys (a hash of the booking's input).
  {
    name: "lapsed seat holds",
    run: async (db, _cutoff, draftCutoff) => {
      await db.deleteFrom("cinema_booking_seats").where("hold_id", "in", db.selectFrom("cinema_holds").select("id").where("expires_at", "<", draftCutoff)).execute();
      return count(await db.deleteFrom("cinema_holds").where("expires_at", "<", draftCutoff).execute());
    },
  },
  { name: "idempotency keys", run: async (db, _cutoff, draftCutoff) => count(await db.deleteFrom("idempotency_keys").where("expires_at", "<", draftCutoff).execute()) },
  {
    name: "device requests",
    // Closed requests (refused, cancelled, or fulfilled with nothing still on loan) lose the person; the
    // request, its loans and the ledger stay for stock and figures.
    run: async (db, cutoff) => {
      const openLoans = db.selectFrom("lending_loans").select("request_reference").where("mode", "=", "loan").where("returned_at", "is", null);
      return count(
        await db
          .updateTable("lending_requests")
          .set({ name: removed, phone: "", certificate_hash: null, certificate_masked: null })
          .where("status", "in", ["rejected", "cancelled", "fulfilled"])
          .where("updated_at", "<", cutoff)
          .where("phone", "!=", "")
          .where("reference", "not in", openLoans)
          .execute(),
      );
    },
  },
  {
    name: "device request drafts",
    run: async (db, _cutoff, draftCutoff) => count(await db.deleteFrom("lending_request_drafts").where("updated_at", "<", draftCutoff).execute()),
  },
  {
    name: "assistant questions",
    run: async (db, cutoff) => count(await db.deleteFrom("chat_questions").where("created_at", "<", cutoff).execute()),
  },
  {
    name: "expired staff sessions",
    run: async (db, _cutoff, draftCutoff) => count(await db.deleteFrom("staff_sessions").where("expires_at", "<", draftCutoff).execute()),
  },
];

/** Extra rules from other areas (lending, library) register here; see their modules. */
export function registerRetentionRule(rule: Rule): void {
  if (!rules.some((r) => r.name === rule.name)) rules.push(rule);
}

export async function purgeExpiredPersonalData(
  db: Kysely<Database>,
  options: { months?: number; now?: Date } = {},
): Promise<Record<string, number>> {
  const now = options.now ?? new Date();
  const cutoff = retentionCutoff(options.months ?? retentionMonths(), now);
  const draftCutoff = new Date(now.getTime() - draftDays * 86_400_000).toISOString();
  const result: Record<string, number> = {};
  for (const rule of rules) result[rule.name] = await rule.run(db, cutoff, draftCutoff);
  return result;
}

let timer: ReturnType<typeof setInterval> | undefined;
/** Once a day in a long-running server (the first run is at start, by db-setup). */
export function schedulePurge(getDb: () => Kysely<Database>): void {
  if (timer) return;
  timer = setInterval(() => {
    purgeExpiredPersonalData(getDb()).catch((error) => console.error(`retention purge failed: ${maskForLog(error)}`));
  }, 24 * 60 * 60_000);
  timer.unref?.();
}
