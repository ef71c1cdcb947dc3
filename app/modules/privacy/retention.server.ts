import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { maskForLog } from "./log.server";

/**
 * Retention (issue #7): personal records that are closed are removed, or stripped of the person, after
 * RETENTION_MONTHS (default 24). What counts as closed is decided per table below; what is kept for figures
 * (a booking's seats, a loan's dates) loses its name and phone. The device ledger and the audit log are kept as
 * they are: append-only (migration 0008), and they hold no personal data of the public (see
 * ./tables-without-personal-data.ts).
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

/** Unfinished forms (guided-form drafts, as a backstop to their expiry) hold personal data briefly; they go after 30 days. */
const draftDays = 30;
/** Rate-limit counters name the client's address; a day is more than any window needs. */
const counterDays = 1;
const removed = "（已按保留期限删除）";

/**
 * A retention rule: what it removes or strips, and from which tables. Every table that holds personal data is
 * named by a rule; every other table is declared in ./tables-without-personal-data.ts with the reason.
 * retention-coverage.server.test.ts reads the live schema and fails on a table that is in neither.
 */
export interface RetentionRule {
  name: string;
  tables: readonly string[];
  run: (db: Kysely<Database>, cutoff: string, draftCutoff: string, now: Date) => Promise<number>;
}
type Rule = RetentionRule;
const count = (result: Array<{ numDeletedRows?: bigint; numUpdatedRows?: bigint }> | { numDeletedRows?: bigint; numUpdatedRows?: bigint }) =>
  [result].flat().reduce((n, r) => n + Number(r.numDeletedRows ?? r.numUpdatedRows ?? 0), 0);

const rules: Rule[] = [
  {
    // A message names its recipient and repeats what it was about: it goes with the records it came from.
    name: "messages",
    tables: ["outbox_messages"],
    run: async (db, cutoff) =>
      count(await db.deleteFrom("outbox_messages").where("status", "in", ["sent", "failed", "cancelled"]).where("created_at", "<", cutoff).execute()),
  },
  {
    name: "feedback",
    tables: ["feedback"],
    run: async (db, cutoff) =>
      count(await db.deleteFrom("feedback").where("status", "=", "closed").where((eb) => eb(eb.fn.coalesce("updated_at", "created_at"), "<", cutoff)).execute()),
  },
  {
    name: "cinema bookings",
    tables: ["cinema_bookings"],
    run: async (db, cutoff) => {
      const past = db.selectFrom("cinema_screenings").select("id").where("starts_at", "<", cutoff);
      return count(
        await db.updateTable("cinema_bookings").set({ name: removed, phone: "" }).where("screening_id", "in", past).where("phone", "!=", "").execute(),
      );
    },
  },
  {
    name: "cinema waiting list",
    // With its offers (migration 0012): they tie an entry to its booking.
    tables: ["cinema_waiting_list", "cinema_waiting_offers"],
    run: async (db, cutoff) => {
      const past = db.selectFrom("cinema_screenings").select("id").where("starts_at", "<", cutoff);
      await db.deleteFrom("cinema_waiting_offers").where("screening_id", "in", past).execute();
      return count(await db.deleteFrom("cinema_waiting_list").where("screening_id", "in", past).execute());
    },
  },
  // Seat holds keep the client address for the per-client cap (app/modules/cinema/hold-limits.server.ts): they go
  // with the drafts, with any claim rows they left; so do idempotency keys (a hash of the booking's input).
  {
    name: "lapsed seat holds",
    tables: ["cinema_holds"],
    run: async (db, _cutoff, draftCutoff) => {
      await db.deleteFrom("cinema_booking_seats").where("hold_id", "in", db.selectFrom("cinema_holds").select("id").where("expires_at", "<", draftCutoff)).execute();
      return count(await db.deleteFrom("cinema_holds").where("expires_at", "<", draftCutoff).execute());
    },
  },
  {
    name: "idempotency keys",
    tables: ["idempotency_keys"],
    run: async (db, _cutoff, draftCutoff) => count(await db.deleteFrom("idempotency_keys").where("expires_at", "<", draftCutoff).execute()),
  },
  {
    name: "device requests",
    tables: ["lending_requests"],
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
    name: "library card applications",
    tables: ["centre_library_cards"],
    // Decided applications (issued or refused) lose the person: name, phone, certificate and address. The row stays
    // for the open figures (applications, cards issued).
    run: async (db, cutoff) =>
      count(
        await db
          .updateTable("centre_library_cards")
          .set({ name: removed, phone: "", certificate_hash: null, certificate_masked: null, address: null })
          .where("status", "in", ["issued", "refused"])
          .where((eb) => eb(eb.fn.coalesce("decided_at", "updated_at"), "<", cutoff))
          .where("phone", "!=", "")
          .execute(),
      ),
  },
  {
    name: "home-modification applications",
    tables: ["home_mod_applications"],
    // Closed applications (refused, withdrawn, or completed after the supervisor's check) lose the person: names,
    // phone, certificate and street address. The 台账 line stays (county, household, needs, the work's dates).
    run: async (db, cutoff) =>
      count(
        await db
          .updateTable("home_mod_applications")
          .set({ name: removed, contact_name: removed, phone: "", certificate_hash: null, certificate_masked: null, address: null })
          .where("status", "in", ["refused", "withdrawn", "completed"])
          .where("updated_at", "<", cutoff)
          .where("phone", "!=", "")
          .execute(),
      ),
  },
  {
    name: "activity sign-ups",
    tables: ["centre_signups"],
    // Sign-ups of activities held before the cutoff lose the person; status and attendance stay for the figures.
    run: async (db, cutoff) => {
      const past = db.selectFrom("centre_activities").select("id").where("starts_at", "<", cutoff);
      return count(await db.updateTable("centre_signups").set({ name: removed, phone: "" }).where("activity_id", "in", past).where("phone", "!=", "").execute());
    },
  },
  {
    // The guided-form engine's drafts (app/modules/flows): an expired draft no page can open any more, and some hold
    // health details (the eligibility check's answers), so it goes at the first purge after its expiry (a new draft
    // deletes expired ones too); 30 days after the last change is the backstop.
    name: "guided-form drafts",
    tables: ["flow_drafts"],
    run: async (db, _cutoff, draftCutoff, now) =>
      count(await db.deleteFrom("flow_drafts").where((eb) => eb.or([eb("expires_at", "<", now.toISOString()), eb("updated_at", "<", draftCutoff)])).execute()),
  },
  {
    name: "assistant questions",
    tables: ["chat_questions"],
    run: async (db, cutoff) => count(await db.deleteFrom("chat_questions").where("created_at", "<", cutoff).execute()),
  },
  {
    name: "expired staff sessions",
    tables: ["staff_sessions"],
    run: async (db, _cutoff, draftCutoff) => count(await db.deleteFrom("staff_sessions").where("expires_at", "<", draftCutoff).execute()),
  },
  {
    name: "deactivated staff accounts",
    tables: ["staff_users"],
    // An account deactivated and untouched for the whole period keeps only its username and id, which the
    // append-only audit log names; its display name goes and its password hash is replaced by one that matches nothing.
    run: async (db, cutoff) =>
      count(
        await db
          .updateTable("staff_users")
          .set({ display_name: removed, password_hash: "!" })
          .where("active", "=", 0)
          .where("created_at", "<", cutoff)
          .where("display_name", "!=", removed)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom("audit_log")
                  .select("audit_log.id")
                  .where("audit_log.at", ">=", cutoff)
                  .where((inner) =>
                    inner.or([
                      inner("audit_log.user_id", "=", inner.ref("staff_users.id")),
                      inner.and([inner("audit_log.target_type", "=", "staff_user"), inner("audit_log.target_id", "=", inner.ref("staff_users.id"))]),
                    ]),
                  ),
              ),
            ),
          )
          .where((eb) =>
            eb.not(eb.exists(eb.selectFrom("staff_sessions").select("staff_sessions.id").whereRef("staff_sessions.user_id", "=", "staff_users.id").where("staff_sessions.last_seen_at", ">=", cutoff))),
          )
          .execute(),
      ),
  },
  {
    name: "rate-limit counters",
    tables: ["rate_limits"],
    run: async (db, _cutoff, _draftCutoff, now) =>
      count(await db.deleteFrom("rate_limits").where("window_start", "<", now.getTime() - counterDays * 86_400_000).execute()),
  },
];

/** Every rule, for the coverage test and the docs. */
export function retentionRules(): readonly RetentionRule[] {
  return rules;
}

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
  for (const rule of rules) result[rule.name] = await rule.run(db, cutoff, draftCutoff, now);
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
