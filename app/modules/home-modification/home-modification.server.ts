import { z } from "zod";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { contactSchema } from "../centre/centre-schema";
import { certificateSchema } from "../lending/lending-schema";
import { maskPhone } from "../privacy/mask";
import { normaliseMobile } from "../privacy/numbers";
import { sameSecret } from "../security/same-secret.server";
import { selfServiceActor, withAudit, type Actor } from "../staff/audit.server";
import { claimFlowDraft, defineFlow, type FlowDraft } from "~/modules/flows/index.server";
import { certificateStep, storedCertificate } from "~/modules/lending/certificate-step.server";
import { toCsv } from "~/modules/shared/csv";
import { makeReference, normaliseReference } from "~/modules/shared/reference";
import { retryTransaction } from "~/modules/shared/transaction-retry.server";
import { withdrawalAudit, withdrawOutcome, type WithdrawalState, type WithdrawOutcome } from "~/modules/shared/withdrawal";
import { HomeModBusy, HomeModNotFound, HomeModWrongState } from "./errors";
import {
  countyIds,
  forWhomOptions,
  homeModActions,
  homeModReferencePrefix,
  homeNeeds,
  lowIncomeOptions,
  qingyuanCounties,
  type ForWhom,
  type HomeModAction,
  type HomeModStatus,
  type HomeNeed,
  type LowIncome,
} from "./home-mod-constants";
import { forWhomSchema, homeAddressSchema, householdSchema, lowIncomeSchema, needsSchema, personNameSchema, type HomeModStaffInput } from "./home-mod-schema";
import type { HomeModApplicationTable } from "./tables";

/**
 * 困难重度残疾人家庭无障碍改造 (home accessibility modification, issue 15 item 7): the sixth service on the guided-form
 * engine (app/modules/flows, docs/decisions/0014) — a declaration (homeModFlow) and its submit. Then the staff's
 * record of the work on the same row, which is the household's line in the 台账: the home visit, the decision, the
 * work and the third-party supervisor's check, each a conditional update audited in its own transaction; a step
 * that cannot follow the status is HomeModWrongState (409). The applicant looks it up and withdraws it by
 * reference + phone. No eligibility rule is decided here: the county Federation decides (the guide says so).
 */
type Db = Kysely<Database>;

const homeModAnswers = z
  .object({
    // The stored answers, read back: each was cleaned by its step's schema before it was saved.
    forWhom: z.enum(forWhomOptions),
    name: z.string(), // raw: the stored answer, cleaned by personNameSchema / contactSchema when it was given
    certificate: storedCertificate,
    county: z.enum(countyIds),
    address: z.string(), // raw: the stored answer, cleaned by homeAddressSchema when it was given
    householdSize: z.number().int(),
    lowIncome: z.enum(lowIncomeOptions),
    needs: z.array(z.enum(homeNeeds)),
    needsOther: z.string(), // raw: the stored answer, cleaned by needsSchema when it was given
    contactName: z.string(), // raw: the stored answer, cleaned by contactSchema when it was given
    phone: z.string(), // raw: the stored answer, cleaned by contactSchema when it was given
  })
  .partial();
export type HomeModAnswers = Required<z.infer<typeof homeModAnswers>>;

/**
 * The application as a flow: for whom → (their name, when a family member applies) → certificate → address →
 * household → 低保/特困 → needs → contact → check → done. Applying for oneself, the contact's name is the name.
 */
export const homeModFlow = defineFlow<HomeModAnswers>({
  name: "home-modification",
  answers: homeModAnswers,
  submitLimit: "request",
  steps: [
    { id: "for-whom", fields: ["forWhom"], schema: forWhomSchema },
    { id: "name", fields: ["name"], schema: personNameSchema, applies: (a) => a.forWhom === "family", counted: false },
    certificateStep<HomeModAnswers>(certificateSchema),
    { id: "address", fields: ["county", "address"], schema: homeAddressSchema },
    { id: "household", fields: ["householdSize"], schema: householdSchema },
    { id: "low-income", fields: ["lowIncome"], schema: lowIncomeSchema },
    {
      id: "needs",
      fields: ["needs", "needsOther"],
      schema: needsSchema,
      save: (v: { needs: HomeNeed[]; needsOther: string }) => ({ needs: v.needs, needsOther: v.needs.includes("other") ? v.needsOther : "" }),
    },
    { id: "contact", fields: ["contactName", "phone"], schema: contactSchema, save: (v: { name: string; phone: string }) => ({ contactName: v.name, phone: v.phone }) },
  ],
  submit: (db, draft, now) => sendApplication(db, draft.id, now),
});

/** Whose name the application is in: the family member's answer, or the contact's own when applying for oneself. */
const personName = (a: Partial<HomeModAnswers>) => (a.forWhom === "family" ? (a.name ?? "") : (a.contactName ?? ""));

/**
 * Sends the application: claims the draft first (one draft, one application), in one transaction, through the one
 * retry loop (a reference that collides, or a busy database, runs it again with a fresh reference).
 */
function sendApplication(db: Db, draftId: string, now: Date): Promise<string> {
  const busy = () => {
    throw new HomeModBusy();
  };
  return retryTransaction(db, { onBusy: busy, maxAttempts: 4 }, async (trx) => {
    const reference = makeReference(homeModReferencePrefix);
    const claim = await claimFlowDraft(trx, homeModFlow, draftId, reference, now);
    if (!claim) throw new HomeModNotFound("draft");
    if (claim.earlier) return claim.earlier;
    const a = claim.draft.answers;
    await trx
      .insertInto("home_mod_applications")
      .values({
        ...emptyWork,
        reference,
        for_whom: a.forWhom ?? "self",
        name: personName(a),
        certificate_hash: a.certificate?.hash ?? null,
        certificate_masked: a.certificate?.masked ?? null,
        county: a.county ?? "",
        address: a.address ?? null,
        household_size: a.householdSize ?? 1,
        low_income: a.lowIncome ?? "unsure",
        needs: JSON.stringify(a.needs ?? []),
        needs_other: a.needsOther || null,
        contact_name: a.contactName ?? "",
        phone: a.phone ?? "",
        status: "received",
        locale: claim.draft.locale,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    return reference;
  });
}

const emptyWork = {
  visit_date: null,
  findings: null,
  assessed_by: null,
  assessed_at: null,
  reason: null,
  decided_by: null,
  decided_at: null,
  work_started_at: null,
  work_finished_at: null,
  supervision: null,
  supervision_note: null,
  supervised_by: null,
  supervised_at: null,
};

/** The answers as the check page shows them (the certificate only masked). */
export function homeModCheckAnswers(draft: FlowDraft<HomeModAnswers>) {
  const a = draft.answers;
  return {
    forWhom: a.forWhom ?? "",
    name: a.name ?? "",
    certificateMasked: a.certificate?.masked ?? "",
    county: a.county ?? "",
    address: a.address ?? "",
    householdSize: a.householdSize === undefined ? "" : String(a.householdSize),
    lowIncome: a.lowIncome ?? "",
    needs: a.needs ?? [],
    needsOther: a.needsOther ?? "",
    contactName: a.contactName ?? "",
    phone: a.phone ?? "",
  };
}

/* ---------------------------------------------------------------- what the applicant sees */

export interface HomeModView {
  reference: string;
  status: HomeModStatus;
  county: string;
  needs: HomeNeed[];
  reason: string | null;
  visitDate: string | null;
  createdAt: string;
  updatedAt: string;
}

const needsOf = (stored: string): HomeNeed[] => {
  try {
    const parsed = z.array(z.enum(homeNeeds)).safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
};

const toView = (r: HomeModApplicationTable): HomeModView => ({
  reference: r.reference,
  status: r.status as HomeModStatus,
  county: r.county,
  needs: needsOf(r.needs),
  reason: r.reason,
  visitDate: r.visit_date,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const byReference = (db: Db, reference: string) => db.selectFrom("home_mod_applications").selectAll().where("reference", "=", normaliseReference(reference)).executeTakeFirst();

/** Reference + phone → the application; a wrong phone is answered exactly like an unknown reference. */
export async function findHomeModForApplicant(db: Db, key: { reference: string; phone: string }): Promise<HomeModView> {
  const row = await byReference(db, key.reference);
  if (!row || !row.phone || !sameSecret(normaliseMobile(key.phone), row.phone)) throw new HomeModNotFound("application");
  return toView(row);
}

/** The applicant may withdraw until it is decided: once approved, the county Federation is planning the work. */
export function homeModWithdrawalState(status: string): WithdrawalState {
  if (status === "received" || status === "assessed") return { state: "open" };
  if (status === "withdrawn") return { state: "withdrawn" };
  return { state: "tooLate", reason: "homeModDecided" };
}

/** The applicant withdraws (reference + phone, or not found); the row stays, marked withdrawn, audited with the change. */
export async function withdrawHomeMod(db: Db, key: { reference: string; phone: string }, now = new Date()): Promise<WithdrawOutcome> {
  const reference = normaliseReference(key.reference);
  const work = async (trx: Db) => {
    const row = await byReference(trx, reference);
    if (!row || !row.phone || !sameSecret(normaliseMobile(key.phone), row.phone)) throw new HomeModNotFound("application");
    const result = withdrawOutcome(homeModWithdrawalState(row.status));
    if (result.outcome !== "withdrawn") return result;
    const updated = await trx
      .updateTable("home_mod_applications")
      .set({ status: "withdrawn", updated_at: now.toISOString() })
      .where("reference", "=", reference)
      .where("status", "in", ["received", "assessed"])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return withdrawOutcome(homeModWithdrawalState((await byReference(trx, reference))?.status ?? "withdrawn"));
    return result;
  };
  return withAudit(db, selfServiceActor, work, withdrawalAudit("homeMod.withdraw", "home_modification", reference), now);
}

/* ---------------------------------------------------------------- staff */

export interface StaffHomeModSummary extends HomeModView {
  name: string;
  phoneMasked: string;
  householdSize: number;
  lowIncome: LowIncome;
}

const toSummary = (r: HomeModApplicationTable): StaffHomeModSummary => ({
  ...toView(r),
  name: r.name,
  phoneMasked: maskPhone(r.phone),
  householdSize: r.household_size,
  lowIncome: r.low_income as LowIncome,
});

export const homeModSortColumns = ["reference", "county", "status", "received"] as const;
export type HomeModSortColumn = (typeof homeModSortColumns)[number];

/** The staff list (newest first unless sorted otherwise), optionally of one status. */
export async function listHomeMods(
  db: Db,
  options: { status?: HomeModStatus; sort?: { column: HomeModSortColumn; direction: "asc" | "desc" } } = {},
): Promise<StaffHomeModSummary[]> {
  let q = db.selectFrom("home_mod_applications").selectAll();
  if (options.status) q = q.where("status", "=", options.status);
  const column = { reference: "reference", county: "county", status: "status", received: "created_at" } as const;
  const sort = options.sort ?? { column: "received", direction: "desc" };
  const rows = await q
    .orderBy(column[sort.column], sort.direction)
    .orderBy("reference")
    .limit(500)
    .execute();
  return rows.map(toSummary);
}

export async function homeModCounts(db: Db): Promise<Record<HomeModStatus | "total", number>> {
  const rows = await db.selectFrom("home_mod_applications").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute();
  const counts = { received: 0, assessed: 0, approved: 0, refused: 0, inProgress: 0, finished: 0, rectifying: 0, completed: 0, withdrawn: 0, total: 0 };
  for (const r of rows) {
    if (r.status in counts) counts[r.status as HomeModStatus] = Number(r.n);
    counts.total += Number(r.n);
  }
  return counts;
}

export interface StaffHomeModDetail extends StaffHomeModSummary {
  forWhom: ForWhom;
  phone: string;
  contactName: string;
  certificateMasked: string | null;
  address: string | null;
  needsOther: string | null;
  findings: string | null;
  assessedBy: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  workStartedAt: string | null;
  workFinishedAt: string | null;
  supervision: "passed" | "failed" | null;
  supervisionNote: string | null;
  supervisedBy: string | null;
  supervisedAt: string | null;
}

/** The full application for staff; every showing is audited (it shows the full phone and address). */
export async function getHomeModForStaff(db: Db, actor: Actor, reference: string, now = new Date()): Promise<StaffHomeModDetail> {
  const read = async (trx: Db) => {
    const found = await byReference(trx, reference);
    if (!found) throw new HomeModNotFound("application");
    return found;
  };
  const r = await withAudit(db, actor, read, (found) => ({ action: "homeMod.view", targetType: "home_modification", targetId: found.reference }), now);
  return {
    ...toSummary(r),
    forWhom: r.for_whom as ForWhom,
    phone: r.phone,
    contactName: r.contact_name,
    certificateMasked: r.certificate_masked,
    address: r.address,
    needsOther: r.needs_other,
    findings: r.findings,
    assessedBy: r.assessed_by,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    workStartedAt: r.work_started_at,
    workFinishedAt: r.work_finished_at,
    supervision: r.supervision as "passed" | "failed" | null,
    supervisionNote: r.supervision_note,
    supervisedBy: r.supervised_by,
    supervisedAt: r.supervised_at,
  };
}

type Change = { action: HomeModAction; status: HomeModStatus; set: Partial<HomeModApplicationTable>; detail?: string };

function changeFor(input: HomeModStaffInput, actor: Actor, at: string): Change {
  switch (input.intent) {
    case "assess":
      return { action: "assess", status: "assessed", set: { visit_date: input.visitDate, findings: input.findings, assessed_by: actor.username, assessed_at: at }, detail: input.visitDate };
    case "decide":
      return input.decision === "approve"
        ? { action: "approve", status: "approved", set: { reason: null, decided_by: actor.username, decided_at: at } }
        : { action: "refuse", status: "refused", set: { reason: input.reason, decided_by: actor.username, decided_at: at }, detail: input.reason };
    case "start":
      return { action: "start", status: "inProgress", set: { work_started_at: at } };
    case "finish":
      return { action: "finish", status: "finished", set: { work_finished_at: at } };
    case "supervise":
      return {
        action: "supervise",
        status: input.supervision === "passed" ? "completed" : "rectifying",
        set: { supervision: input.supervision, supervision_note: input.supervisionNote || null, supervised_by: actor.username, supervised_at: at },
        detail: [input.supervision, input.supervisionNote].filter(Boolean).join(": "),
      };
  }
}

/**
 * One step of the work: the home visit, the decision, the work started and finished, the supervisor's check. A
 * conditional update (two staff at once: one wins) from the statuses the step may follow; otherwise
 * HomeModWrongState (409: approve before the assessment). Audited in the same transaction. Returns the new status.
 */
export async function recordHomeModStep(db: Db, actor: Actor, reference: string, input: HomeModStaffInput, now = new Date()): Promise<HomeModStatus> {
  const ref = normaliseReference(reference);
  const change = changeFor(input, actor, now.toISOString());
  const from = homeModActions[change.action] as readonly string[];
  const work = async (trx: Db) => {
    const result = await trx
      .updateTable("home_mod_applications")
      .set({ ...change.set, status: change.status, updated_at: now.toISOString() })
      .where("reference", "=", ref)
      .where("status", "in", from)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const row = await byReference(trx, ref);
      if (!row) throw new HomeModNotFound("application");
      throw new HomeModWrongState(change.action, row.status);
    }
    return change.status;
  };
  return withAudit(db, actor, work, { action: `homeMod.${change.action}`, targetType: "home_modification", targetId: ref, detail: change.detail }, now);
}

/* ---------------------------------------------------------------- the 台账 */

const countyName = (id: string, locale: "zh" | "en") => qingyuanCounties.find((c) => c.id === id)?.[locale] ?? id;

/** The words of the 台账's header and codes, given by the route (they are the page's locale). */
export interface LedgerWords {
  header: string[];
  status: (s: string) => string;
  need: (n: string) => string;
  lowIncome: (v: string) => string;
  supervision: (v: string) => string;
}

/**
 * The 台账 as CSV: one row a household (application), the phone masked, UTF-8 with a byte-order mark so Excel opens
 * the Chinese (app/modules/shared/csv.ts). The export is audited, in the same transaction as its read.
 */
export async function homeModLedgerCsv(db: Db, actor: Actor, words: LedgerWords, locale: "zh" | "en", now = new Date()): Promise<string> {
  const rows = await withAudit(
    db,
    actor,
    (trx) => trx.selectFrom("home_mod_applications").selectAll().orderBy("created_at").orderBy("reference").execute(),
    (found) => ({ action: "homeMod.export", targetType: "home_modification", detail: `${found.length} rows` }),
    now,
  );
  return toCsv(
    words.header,
    rows.map((r) => [
      r.reference,
      r.created_at.slice(0, 10),
      countyName(r.county, locale),
      r.name,
      maskPhone(r.phone),
      r.household_size,
      words.lowIncome(r.low_income),
      [...needsOf(r.needs).map(words.need), r.needs_other].filter(Boolean).join("; "),
      words.status(r.status),
      r.visit_date,
      r.decided_at?.slice(0, 10),
      r.work_started_at?.slice(0, 10),
      r.work_finished_at?.slice(0, 10),
      r.supervision ? words.supervision(r.supervision) : "",
      r.supervision_note,
    ]),
  );
}
