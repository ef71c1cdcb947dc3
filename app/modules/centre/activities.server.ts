import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { calendarFile } from "~/modules/shared/ics";
import type { Database } from "../db/schema";
import { maskPhone } from "../privacy/mask";
import { retryTransaction } from "~/modules/shared/transaction-retry.server";
import { answersFrom, claimFlowDraft, defineFlow, firstMissing, flowDrafts, type FlowDraft } from "~/modules/flows/index.server";
import { z } from "zod";
import { toCsv } from "~/modules/shared/csv";
import { makeReference, normaliseReference } from "~/modules/shared/reference";
import { recordAudit, selfServiceActor, withAudit, type Actor } from "../staff/audit.server";
import { withdrawalAudit, withdrawOutcome, type WithdrawalState, type WithdrawOutcome } from "~/modules/shared/withdrawal";
import { accessibilityFeatures, centrePhone, normalisePhone, type AccessibilityFeature, type ActivityType, type AssociationId, type SignupStatus } from "./centre-constants";
import { ActivityFull, AlreadySignedUp, NotFound, SignupClosed, WrongState } from "./errors";
import type { CentreActivityTable } from "./tables";
import { contactSchema, needsSchema } from "./centre-schema";
import { activityChangeFor, queueActivityChange } from "./activity-messages.server";
import { claimOptions, freePlace } from "./activity-lock.server";
import { closeOpenOffer, closeOpenOffersOf, offerFreedPlaces } from "./activity-offers.server";
import { sameSecret } from "~/modules/security/same-secret.server";

/**
 * Activities and training of the regional centre. Capacity is never exceeded: a confirmed sign-up holds one row of
 * `centre_activity_places` keyed (activity_id, place_no), place_no in 1..capacity, claimed through the booking
 * engine's retry transaction (app/modules/shared/transaction-retry.server.ts, ADR 0003): the activity's row is locked first, the
 * free places are read, one is inserted; a lost race on the key retries with a fresh view. When every place is
 * taken the person joins the waiting list (up to `waitlist_size`), else ActivityFull. A freed place is offered to the
 * first person waiting, in the same transaction (activity-offers.server.ts).
 */
type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export interface Localized {
  zh: string;
  en: string;
}

export interface Activity {
  id: string;
  type: ActivityType;
  associationId: AssociationId | null;
  title: Localized;
  summary: Localized;
  place: Localized;
  startsAt: string;
  durationMinutes: number;
  capacity: number;
  waitlistSize: number;
  accessibility: AccessibilityFeature[];
  signupOpensAt: string;
  signupClosesAt: string;
  status: "published" | "draft" | "cancelled";
  example: boolean;
  confirmed: number;
  /** Places held for people waiting who have been offered them and not yet answered. */
  offered: number;
  waiting: number;
  placesLeft: number;
}

const splitList = <T extends string>(v: string | null) => (v ? (v.split(",").filter(Boolean) as T[]) : []);

async function countsFor(db: Db | Trx, ids: string[]) {
  const map = new Map<string, { confirmed: number; offered: number; waiting: number }>();
  if (!ids.length) return map;
  const rows = await db
    .selectFrom("centre_signups")
    .select(["activity_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("activity_id", "in", ids)
    .where("status", "in", ["confirmed", "offered", "waiting"])
    .groupBy(["activity_id", "status"])
    .execute();
  for (const r of rows) {
    const c = map.get(r.activity_id) ?? { confirmed: 0, offered: 0, waiting: 0 };
    c[r.status as "confirmed" | "offered" | "waiting"] = Number(r.n);
    map.set(r.activity_id, c);
  }
  return map;
}

function toActivity(r: CentreActivityTable, c = { confirmed: 0, offered: 0, waiting: 0 }): Activity {
  return {
    id: r.id,
    type: r.type as ActivityType,
    associationId: r.association_id as AssociationId | null,
    title: { zh: r.title_zh, en: r.title_en },
    summary: { zh: r.summary_zh, en: r.summary_en },
    place: { zh: r.place_zh, en: r.place_en },
    startsAt: r.starts_at,
    durationMinutes: Number(r.duration_minutes),
    capacity: Number(r.capacity),
    waitlistSize: Number(r.waitlist_size),
    accessibility: splitList<AccessibilityFeature>(r.accessibility),
    signupOpensAt: r.signup_opens_at,
    signupClosesAt: r.signup_closes_at,
    status: r.status as Activity["status"],
    example: Number(r.example) === 1,
    confirmed: c.confirmed,
    offered: c.offered,
    waiting: c.waiting,
    // A place offered to someone waiting is held for them: it is not free.
    placesLeft: Math.max(0, Number(r.capacity) - c.confirmed - c.offered),
  };
}

/**
 * Published activities that have not ended, soonest first; optionally one type or one association. The seed's
 * examples (example = 1: no real date or place) are never shown to the public; a staff edit clears the mark.
 */
export async function listUpcomingActivities(db: Db, filter: { type?: ActivityType; associationId?: string } = {}, now = new Date()): Promise<Activity[]> {
  let q = db
    .selectFrom("centre_activities")
    .selectAll()
    .where("status", "=", "published")
    .where("example", "=", 0)
    .where("starts_at", ">=", new Date(now.getTime() - 6 * 3600_000).toISOString());
  if (filter.type) q = q.where("type", "=", filter.type);
  if (filter.associationId) q = q.where("association_id", "=", filter.associationId);
  const rows = await q.orderBy("starts_at").orderBy("id").limit(200).execute();
  const counts = await countsFor(db, rows.map((r) => r.id));
  return rows.map((r) => toActivity(r, counts.get(r.id)));
}

/** One published (or cancelled) activity for the public; drafts and the seed's examples are staff-only. */
export async function getActivity(db: Db, id: string, options: { includeDrafts?: boolean } = {}): Promise<Activity> {
  const row = id ? await db.selectFrom("centre_activities").selectAll().where("id", "=", id).executeTakeFirst() : undefined;
  if (!row || ((row.status === "draft" || Number(row.example) === 1) && !options.includeDrafts)) throw new NotFound("activity");
  const counts = await countsFor(db, [row.id]);
  return toActivity(row, counts.get(row.id));
}

export type SignupWindow = { open: true } | { open: false; reason: "notOpenYet" | "closed" | "cancelled" };
export function signupWindow(a: Pick<Activity, "status" | "signupOpensAt" | "signupClosesAt">, now = new Date()): SignupWindow {
  if (a.status !== "published") return { open: false, reason: "cancelled" };
  const t = now.toISOString();
  if (t < a.signupOpensAt) return { open: false, reason: "notOpenYet" };
  if (t >= a.signupClosesAt) return { open: false, reason: "closed" };
  return { open: true };
}

export interface SignupInput {
  name: string;
  phone: string;
  needs: AccessibilityFeature[];
  locale: string;
}

export interface SignupResult {
  reference: string;
  status: Extract<SignupStatus, "confirmed" | "waiting">;
  /** Place in the waiting queue (1 = next), when waiting. */
  position: number | null;
}

async function waitingPosition(db: Db | Trx, activityId: string, reference: string, createdAt: string): Promise<number> {
  const { n } = await db
    .selectFrom("centre_signups")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("activity_id", "=", activityId)
    .where("status", "=", "waiting")
    .where((eb) => eb.or([eb("created_at", "<", createdAt), eb.and([eb("created_at", "=", createdAt), eb("reference", "<=", reference)])]))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Signs one person up: a place when one is free, else the waiting list, else ActivityFull. */
export async function signUp(db: Db, activityId: string, input: SignupInput, now = new Date()): Promise<SignupResult> {
  return retryTransaction(db, claimOptions(activityId), (trx) => signUpIn(trx, activityId, makeReference("HD"), input, now));
}

/** The sign-up itself, inside a claim transaction that locked the activity first. */
async function signUpIn(trx: Trx, activityId: string, reference: string, input: SignupInput, now: Date): Promise<SignupResult> {
  const phone = normalisePhone(input.phone);
  const row = await trx.selectFrom("centre_activities").selectAll().where("id", "=", activityId).executeTakeFirst();
  if (!row || row.status === "draft") throw new NotFound("activity");
  const window = signupWindow(toActivity(row), now);
  if (!window.open) throw new SignupClosed(window.reason);
  const existing = await trx
    .selectFrom("centre_signups")
    .select("reference")
    .where("activity_id", "=", activityId)
    .where("phone", "=", phone)
    .where("status", "in", ["confirmed", "offered", "waiting"])
    .executeTakeFirst();
  if (existing) throw new AlreadySignedUp(existing.reference);
  const place = await freePlace(trx, activityId, Number(row.capacity));
  let status: SignupResult["status"] = "confirmed";
  if (place === null) {
    const { n } = await trx
      .selectFrom("centre_signups")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("activity_id", "=", activityId)
      .where("status", "=", "waiting")
      .executeTakeFirstOrThrow();
    if (Number(n) >= Number(row.waitlist_size)) throw new ActivityFull();
    status = "waiting";
  }
  await trx
    .insertInto("centre_signups")
    .values({ reference, activity_id: activityId, name: input.name, phone, needs: input.needs.join(","), status, attended: 0, locale: input.locale, created_at: now.toISOString(), cancelled_at: null })
    .execute();
  if (place !== null) await trx.insertInto("centre_activity_places").values({ activity_id: activityId, place_no: place, signup_reference: reference }).execute();
  const position = status === "waiting" ? await waitingPosition(trx, activityId, reference, now.toISOString()) : null;
  return { reference, status, position };
}

export interface SignupView {
  reference: string;
  status: SignupStatus;
  position: number | null;
  activity: Activity;
  phoneMasked: string;
  createdAt: string;
  /** While a place is offered to them (status "offered"): until when it is held. */
  offerExpiresAt: string | null;
}

async function signupRow(db: Db | Trx, reference: string, phone: string) {
  const row = await db.selectFrom("centre_signups").selectAll().where("reference", "=", normaliseReference(reference)).executeTakeFirst();
  if (!row || !sameSecret(normalisePhone(phone), row.phone)) throw new NotFound("signup");
  return row;
}

/** Reference + phone → the sign-up; a wrong phone is answered exactly like an unknown reference. */
export async function findSignup(db: Db, key: { reference: string; phone: string }): Promise<SignupView> {
  const row = await signupRow(db, key.reference, key.phone);
  const activity = await getActivity(db, row.activity_id, { includeDrafts: true });
  const position = row.status === "waiting" ? await waitingPosition(db, row.activity_id, row.reference, row.created_at) : null;
  const offer = row.status === "offered" ? await db.selectFrom("centre_activity_offers").select("expires_at").where("signup_reference", "=", row.reference).where("status", "=", "open").executeTakeFirst() : undefined;
  return { reference: row.reference, status: row.status as SignupStatus, position, activity, phoneMasked: maskPhone(row.phone), createdAt: row.created_at, offerExpiresAt: offer?.expires_at ?? null };
}

/**
 * Whether the person may still withdraw their sign-up: until the activity begins. A sign-up keeps its existing
 * `cancelled` status for a withdrawal.
 */
export function signupWithdrawalState(status: string, activityStartsAt: string, now = new Date()): WithdrawalState {
  if (status === "cancelled") return { state: "withdrawn" };
  if (activityStartsAt <= now.toISOString()) return { state: "tooLate", reason: "started" };
  return { state: "open" };
}

/**
 * The person withdraws their sign-up (reference + phone, or NotFound), with the audit entry in the same
 * transaction. The place it held (a confirmed place, or one offered and not yet answered: that offer is closed) is
 * offered, in that transaction too, to the first person waiting (activity-offers.server.ts), who is texted a link to
 * accept or decline it; staff see the chain. A second withdrawal changes nothing.
 */
export async function withdrawSignup(db: Db, key: { reference: string; phone: string }, now = new Date()): Promise<WithdrawOutcome & { offeredTo: string[] }> {
  const first = await signupRow(db, key.reference, key.phone);
  return retryTransaction(db, claimOptions(first.activity_id), async (trx) => {
    const row = await signupRow(trx, key.reference, key.phone);
    const activity = await trx.selectFrom("centre_activities").select("starts_at").where("id", "=", row.activity_id).executeTakeFirstOrThrow();
    const result = withdrawOutcome(signupWithdrawalState(row.status, activity.starts_at, now));
    if (result.outcome !== "withdrawn") return { ...result, offeredTo: [] };
    await trx.updateTable("centre_signups").set({ status: "cancelled", cancelled_at: now.toISOString() }).where("reference", "=", row.reference).execute();
    await closeOpenOffer(trx, row.reference, now);
    await trx.deleteFrom("centre_activity_places").where("signup_reference", "=", row.reference).execute();
    const offeredTo = await offerFreedPlaces(trx, row.activity_id, now);
    const audit = withdrawalAudit("activity.signup.withdraw", "activity_signup", row.reference)(result);
    if (audit) await recordAudit(trx, selfServiceActor, { ...audit, detail: offeredTo.length ? `${audit.detail}; place offered to ${offeredTo.join(", ")}` : audit.detail }, now);
    return { ...result, offeredTo };
  });
}

/* ---------- Sign-up drafts (one question per page) ---------- */

const signupAnswers = z
  .object({
    name: z.string(), // raw: the stored answer, cleaned by contactSchema when it was given
    phone: z.string(), // raw: the stored answer, cleaned by contactSchema when it was given
    needs: z.array(z.enum(accessibilityFeatures)),
  })
  .partial();
export type SignupAnswers = Required<z.infer<typeof signupAnswers>>;

/**
 * The sign-up as a guided form (app/modules/flows, docs/decisions/0014): contact → needs → check → done. Its drafts
 * are scoped to the activity (the URL names both). Confirming claims a place (ADR 0003) or a waiting-list row.
 */
export const signupFlow = defineFlow<SignupAnswers>({
  name: "activity-signup",
  answers: signupAnswers,
  submitLimit: "booking",
  steps: [
    { id: "contact", fields: ["name", "phone"], schema: contactSchema },
    { id: "needs", fields: ["needs"], schema: needsSchema },
  ],
  submit: async (db, draft, now) => (await sendSignup(db, draft.id, draft.scope, now)).reference,
});

export interface SignupDraft {
  id: string;
  activityId: string;
  name: string | null;
  phone: string | null;
  needs: AccessibilityFeature[] | null;
  signupReference: string | null;
  locale: string;
}

const toSignupDraft = (d: FlowDraft<SignupAnswers>): SignupDraft => ({
  id: d.id,
  activityId: d.scope,
  name: d.answers.name ?? null,
  phone: d.answers.phone ?? null,
  needs: d.answers.needs ?? null,
  signupReference: d.reference,
  locale: d.locale,
});

/**
 * The sign-up drafts outside the pages (start route, tools, tests): `signupDrafts.start(db, { locale, scope: activityId })`
 * (NotFound for an unknown activity), `.read(db, id, { scope: activityId })`, `.save(db, id, patch)`.
 */
export const signupDrafts = flowDrafts(signupFlow, {
  view: toSignupDraft,
  answersOf: (patch: { name?: string; phone?: string; needs?: AccessibilityFeature[] }) => answersFrom<SignupAnswers>(patch),
  gone: () => new NotFound("draft"),
  checkScope: (db, activityId) => getActivity(db, activityId),
});

export function firstMissingSignupStep(d: SignupDraft): "contact" | "needs" | "check" {
  return firstMissing(signupFlow, answersFrom<SignupAnswers>({ name: d.name, phone: d.phone, needs: d.needs })) as "contact" | "needs" | "check";
}

/** Sends a complete draft (the same as the check page's submit). */
export async function submitSignupDraft(db: Db, draft: SignupDraft, now = new Date()): Promise<SignupResult> {
  if (draft.signupReference) return signupResultOf(db, draft.signupReference);
  return sendSignup(db, draft.id, draft.activityId, now);
}

/**
 * Sends the sign-up from its draft, in one claim transaction: the activity's row is locked, the draft is claimed
 * (claimFlowDraft), then the place or waiting-list row is written. A second submit of the same draft waits, finds it
 * claimed and answers with the same sign-up. One draft, one sign-up, made from the draft as it is now.
 */
async function sendSignup(db: Db, draftId: string, activityId: string, now: Date): Promise<SignupResult> {
  const outcome = await retryTransaction(db, claimOptions(activityId), async (trx): Promise<SignupResult | { claimedBy: string }> => {
    const reference = makeReference("HD");
    const claim = await claimFlowDraft(trx, signupFlow, draftId, reference, now);
    if (!claim || claim.draft.scope !== activityId) throw new NotFound("draft");
    if (claim.earlier) return { claimedBy: claim.earlier };
    const current = toSignupDraft(claim.draft);
    return signUpIn(trx, activityId, reference, { name: current.name ?? "", phone: current.phone ?? "", needs: current.needs ?? [], locale: current.locale }, now);
  });
  return "claimedBy" in outcome ? signupResultOf(db, outcome.claimedBy) : outcome;
}

/** What an earlier submit of a draft made (a cancelled sign-up reads as it was confirmed). */
async function signupResultOf(db: Db, reference: string): Promise<SignupResult> {
  const row = await db.selectFrom("centre_signups").selectAll().where("reference", "=", reference).executeTakeFirst();
  if (!row) throw new NotFound("signup");
  const position = row.status === "waiting" ? await waitingPosition(db, row.activity_id, row.reference, row.created_at) : null;
  // A sign-up offered a place has not taken it yet: it still reads as waiting.
  return { reference: row.reference, status: row.status === "waiting" || row.status === "offered" ? "waiting" : "confirmed", position };
}

/* ---------- Calendar ---------- */

export async function activityCalendar(db: Db, id: string, lang: "zh-CN" | "en", now = new Date()): Promise<{ filename: string; body: string }> {
  const a = await getActivity(db, id);
  const en = lang === "en";
  const body = calendarFile({
    uid: `${a.id}@activities.qyscl`,
    title: en ? a.title.en : a.title.zh,
    description: en ? `${a.summary.en} Questions: ${centrePhone}.` : `${a.summary.zh} 咨询电话：${centrePhone}。`,
    location: en ? a.place.en : a.place.zh,
    startsAt: a.startsAt,
    durationMinutes: a.durationMinutes,
    createdAt: now.toISOString(),
    alarmMinutesBefore: 120,
  });
  return { filename: `${a.id}.ics`, body };
}

/* ---------- Staff ---------- */

export interface ActivityInput {
  type: ActivityType;
  associationId: string | null;
  title: Localized;
  summary: Localized;
  place: Localized;
  startsAt: string;
  durationMinutes: number;
  capacity: number;
  waitlistSize: number;
  accessibility: AccessibilityFeature[];
  signupOpensAt: string;
  signupClosesAt: string;
  status: Activity["status"];
}

const toRow = (input: ActivityInput) => ({
  type: input.type,
  association_id: input.type === "association" ? input.associationId : null,
  title_zh: input.title.zh,
  title_en: input.title.en,
  summary_zh: input.summary.zh,
  summary_en: input.summary.en,
  place_zh: input.place.zh,
  place_en: input.place.en,
  starts_at: input.startsAt,
  duration_minutes: input.durationMinutes,
  capacity: input.capacity,
  waitlist_size: input.waitlistSize,
  accessibility: input.accessibility.join(","),
  signup_opens_at: input.signupOpensAt,
  signup_closes_at: input.signupClosesAt,
  status: input.status,
});

export async function listActivitiesForStaff(db: Db): Promise<Activity[]> {
  const rows = await db.selectFrom("centre_activities").selectAll().orderBy("starts_at", "desc").orderBy("id").limit(300).execute();
  const counts = await countsFor(db, rows.map((r) => r.id));
  return rows.map((r) => toActivity(r, counts.get(r.id)));
}

/** Adds an activity; the new activity and its audit entry commit together. */
export async function createActivity(db: Db, actor: Actor, input: ActivityInput, now = new Date()): Promise<string> {
  const id = `a-${randomUUID().slice(0, 8)}`;
  await withAudit(
    db,
    actor,
    (trx) => trx.insertInto("centre_activities").values({ id, ...toRow(input), example: 0, created_at: now.toISOString(), updated_at: now.toISOString() }).execute(),
    { action: "activity.create", targetType: "activity", targetId: id, detail: input.title.zh },
    now,
  );
  return id;
}

/**
 * Edits an activity, audited in the same transaction; a new time or place, or a cancellation, is sent to everyone
 * signed up (activity-messages.server.ts). Capacity cannot drop below the places already confirmed or offered (they
 * are people); places it frees are offered to the people waiting. */
export async function updateActivity(db: Db, actor: Actor, id: string, input: ActivityInput, now = new Date()): Promise<void> {
  await retryTransaction(db, claimOptions(id), async (trx) => {
    const row = await trx.selectFrom("centre_activities").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new NotFound("activity");
    const { max } = await trx
      .selectFrom("centre_activity_places")
      .select((eb) => eb.fn.max<number>("place_no").as("max"))
      .where("activity_id", "=", id)
      .executeTakeFirstOrThrow();
    if (Number(max ?? 0) > input.capacity) throw new WrongState("capacityBelowConfirmed");
    const changed = { ...toRow(input), example: 0, updated_at: now.toISOString() };
    await trx.updateTable("centre_activities").set(changed).where("id", "=", id).execute();
    await recordAudit(trx, actor, { action: "activity.update", targetType: "activity", targetId: id, detail: input.title.zh }, now);
    // The people signed up hear of a new time or place, or of the cancellation, with the edit itself.
    const change = activityChangeFor(row, { ...row, ...changed });
    // Cancelled: open offers are withdrawn (their people are back on the waiting list and hear of the cancellation).
    if (input.status !== "published") await closeOpenOffersOf(trx, id, now);
    if (change) await queueActivityChange(trx, id, change, { ...row, ...changed }, now);
    // More places (a higher capacity, or published again): the first people waiting are offered them.
    await offerFreedPlaces(trx, id, now);
  });
}

export interface StaffSignup {
  reference: string;
  name: string;
  phone: string;
  needs: AccessibilityFeature[];
  status: SignupStatus;
  attended: boolean;
  createdAt: string;
}

const signupRows = (db: Db, activityId: string) =>
  db.selectFrom("centre_signups").selectAll().where("activity_id", "=", activityId).orderBy("status").orderBy("created_at").orderBy("reference").execute();

/** The sign-up list with names and full phones (to call people); every showing is audited with the read. */
export async function listSignups(db: Db, actor: Actor, activityId: string, now = new Date()): Promise<StaffSignup[]> {
  const rows = await withAudit(db, actor, (trx) => signupRows(trx, activityId), { action: "activity.signups.view", targetType: "activity", targetId: activityId }, now);
  return rows.map((r) => ({ reference: r.reference, name: r.name, phone: r.phone, needs: splitList<AccessibilityFeature>(r.needs), status: r.status as SignupStatus, attended: Number(r.attended) === 1, createdAt: r.created_at }));
}

/** Records who came: exactly the confirmed sign-ups ticked are marked attended; audited in the same transaction. */
export async function recordAttendance(db: Db, actor: Actor, activityId: string, attended: string[], now = new Date()): Promise<number> {
  const refs = attended.map(normaliseReference);
  return db.transaction().execute(async (trx) => {
    await trx.updateTable("centre_signups").set({ attended: 0 }).where("activity_id", "=", activityId).execute();
    if (refs.length) await trx.updateTable("centre_signups").set({ attended: 1 }).where("activity_id", "=", activityId).where("status", "=", "confirmed").where("reference", "in", refs).execute();
    const { n } = await trx.selectFrom("centre_signups").select((eb) => eb.fn.countAll<number>().as("n")).where("activity_id", "=", activityId).where("attended", "=", 1).executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: "activity.attendance", targetType: "activity", targetId: activityId, detail: `attended ${n}` }, now);
    return Number(n);
  });
}

/** CSV of the sign-ups (staff), phones masked; the export is audited in the transaction that reads them. */
export async function signupsCsv(db: Db, actor: Actor, activityId: string, labels: { header: string[]; status: (s: SignupStatus) => string; need: (n: AccessibilityFeature) => string; yes: string; no: string }, now = new Date()): Promise<string> {
  const activity = await getActivity(db, activityId, { includeDrafts: true });
  const rows = await withAudit(db, actor, (trx) => signupRows(trx, activity.id), { action: "activity.signups.export", targetType: "activity", targetId: activity.id }, now);
  return toCsv(
    labels.header,
    rows.map((r) => [r.reference, r.name, maskPhone(r.phone), labels.status(r.status as SignupStatus), splitList<AccessibilityFeature>(r.needs).map(labels.need).join("、"), Number(r.attended) === 1 ? labels.yes : labels.no, r.created_at]),
  );
}
