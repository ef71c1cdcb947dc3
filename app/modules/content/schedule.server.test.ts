import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "~/modules/db/index.server";
import { cliActor, createStaffUser, type Actor } from "~/modules/staff/index.server";
import { chessNotice, noticeFormValues } from "../../../tests/fixtures/test-notice";
import { createTestDb } from "../../../tests/support/test-db";
import { corpusVersion, getStoredDocument, loadDatabaseCorpus } from "./documents.server";
import {
  approveAndPublish,
  approveAndSchedule,
  cancelSchedule,
  formValuesOf,
  getEditableDocument,
  getPendingReview,
  listEditorialDocuments,
  publishDueScheduled,
  requestReview,
  saveDraft,
} from "./editorial.server";

/** Scheduled publication (issue 16, item 2): approved for a later time, published once when due by the background job. */
describe("scheduled publication", () => {
  let conn: Connection;
  let editor: Actor;
  let reviewer: Actor;
  const t0 = new Date("2026-12-05T06:00:00.000Z");
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  beforeAll(async () => {
    conn = await createTestDb();
    const a = await createStaffUser(conn.db, cliActor, { username: "sched-editor", displayName: "编辑甲", password: "a long enough password", roles: ["content"] });
    const b = await createStaffUser(conn.db, cliActor, { username: "sched-reviewer", displayName: "编辑乙", password: "a long enough password", roles: ["content"] });
    editor = { id: a.id, username: a.username };
    reviewer = { id: b.id, username: b.username };
  });
  afterAll(async () => {
    await conn.db.destroy();
  });

  /** A new notice, saved and asked about by the editor. */
  async function draftInReview(id: string): Promise<number> {
    const { meta, body } = chessNotice(id);
    const values = noticeFormValues(meta, body);
    const saved = await saveDraft(conn.db, editor, { values, create: { type: "notice" } }, t0);
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    expect(await requestReview(conn.db, editor, id, saved.revision, t0)).toMatchObject({ ok: true });
    return saved.revision;
  }
  const publicIds = async () => (await loadDatabaseCorpus(conn.db)).documents.map((d) => d.id);
  const audits = (id: string, action: string) =>
    conn.db.selectFrom("audit_log").select(["username", "detail"]).where("target_id", "=", id).where("action", "=", action).execute();

  it("refuses a time in the past or more than a year ahead, and the two-person rule still holds", async () => {
    const id = "sched-refused";
    const revision = await draftInReview(id);
    expect(await approveAndSchedule(conn.db, reviewer, id, revision, at(-1), t0)).toEqual({ ok: false, reason: "past" });
    expect(await approveAndSchedule(conn.db, reviewer, id, revision, at(367 * 24 * 60), t0)).toEqual({ ok: false, reason: "tooFar" });
    expect(await approveAndSchedule(conn.db, editor, id, revision, at(60), t0)).toEqual({ ok: false, reason: "ownDraft" });
    expect((await getPendingReview(conn.db, id))?.publishAt).toBeNull();
  });

  it("not due: nothing is published; due: published once, by the approver, even when the job runs twice at once", async () => {
    const id = "sched-due";
    const revision = await draftInReview(id);
    const when = at(60);
    expect(await approveAndSchedule(conn.db, reviewer, id, revision, when, t0)).toEqual({ ok: true, id, revision });
    expect(await audits(id, "content.review.approve")).toEqual([{ username: reviewer.username, detail: `revision ${revision}, publish at ${when.toISOString()}` }]);
    expect((await listEditorialDocuments(conn.db)).find((d) => d.id === id)).toMatchObject({ state: "scheduled", publishAt: when.toISOString() });
    // Approving it again now is refused: it is scheduled (cancel first).
    expect(await approveAndPublish(conn.db, reviewer, id, revision, t0)).toEqual({ ok: false, reason: "scheduled" });

    expect(await publishDueScheduled(conn.db, at(59))).toEqual([]);
    expect(await publicIds()).not.toContain(id);

    const before = await corpusVersion(conn.db);
    const runs = await Promise.all([publishDueScheduled(conn.db, at(61)), publishDueScheduled(conn.db, at(61))]);
    expect(runs.flat()).toEqual([id]);
    expect(await publicIds()).toContain(id);
    expect(await corpusVersion(conn.db)).toBeGreaterThan(before);
    expect((await getStoredDocument(conn.db, id))?.published).toBe(true);
    expect(await audits(id, "content.publish")).toEqual([{ username: reviewer.username, detail: `revision ${revision + 1}` }]);
    expect(await getPendingReview(conn.db, id)).toBeUndefined();
    expect(await publishDueScheduled(conn.db, at(120))).toEqual([]);
    expect((await listEditorialDocuments(conn.db)).find((d) => d.id === id)).toMatchObject({ state: "published", publishAt: null });
  });

  it("cancelled: nothing is published, and the draft waits for approval again (audited)", async () => {
    const id = "sched-cancelled";
    const revision = await draftInReview(id);
    expect(await approveAndSchedule(conn.db, reviewer, id, revision, at(60), t0)).toMatchObject({ ok: true });
    // Not the author, nor any other content editor: only the approver (or an admin).
    expect(await cancelSchedule(conn.db, { ...editor, roles: ["content"] }, id, revision, at(1))).toEqual({ ok: false, reason: "notApprover" });
    expect((await getPendingReview(conn.db, id))?.publishAt).not.toBeNull();
    expect(await audits(id, "content.schedule.cancel")).toHaveLength(0);
    expect(await cancelSchedule(conn.db, { ...reviewer, roles: ["content"] }, id, revision, at(1))).toEqual({ ok: true, id, revision });
    expect(await audits(id, "content.schedule.cancel")).toHaveLength(1);
    expect(await publishDueScheduled(conn.db, at(61))).toEqual([]);
    expect(await publicIds()).not.toContain(id);
    expect((await listEditorialDocuments(conn.db)).find((d) => d.id === id)?.state).toBe("review");
    expect(await cancelSchedule(conn.db, { ...reviewer, roles: ["content"] }, id, revision, at(2))).toEqual({ ok: false, reason: "notPending" });
  });

  it("an administrator may cancel a schedule someone else approved", async () => {
    const id = "sched-admin-cancel";
    const revision = await draftInReview(id);
    expect(await approveAndSchedule(conn.db, reviewer, id, revision, at(60), t0)).toMatchObject({ ok: true });
    const user = await createStaffUser(conn.db, cliActor, { username: "sched-admin", displayName: "管理员", password: "a long enough password", roles: ["admin"] });
    const admin = { id: user.id, username: user.username, roles: user.roles };
    expect(await cancelSchedule(conn.db, admin, id, revision, at(1))).toEqual({ ok: true, id, revision });
    expect((await getPendingReview(conn.db, id))?.publishAt).toBeNull();
  });

  it("a draft saved after the approval withdraws the schedule", async () => {
    const id = "sched-withdrawn";
    const revision = await draftInReview(id);
    expect(await approveAndSchedule(conn.db, reviewer, id, revision, at(60), t0)).toMatchObject({ ok: true });
    const editable = await getEditableDocument(conn.db, id);
    const values = { ...formValuesOf(editable!.doc), summary: "改过的摘要：12月20日比赛，12月15日前报名。" };
    expect(await saveDraft(conn.db, editor, { id, values, expectedRevision: revision }, at(5))).toMatchObject({ ok: true });
    expect(await getPendingReview(conn.db, id)).toBeUndefined();
    expect(await publishDueScheduled(conn.db, at(61))).toEqual([]);
    expect(await publicIds()).not.toContain(id);
    expect((await listEditorialDocuments(conn.db)).find((d) => d.id === id)?.state).toBe("draft");
  });
});
