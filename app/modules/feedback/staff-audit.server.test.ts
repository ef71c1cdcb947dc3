import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, expectAuditedTogether, expectNoEntryWhenChangeFails } from "../../../tests/support/audit-outage";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { feedbackSchema } from "./feedback-schema";
import { findFeedback, openFeedback, submitFeedback, updateFeedback } from "./feedback.server";

/**
 * Staff opening a message (its contact in full) and answering it each write their audit entry in the same
 * transaction: without a working audit log nothing is shown and nothing changes.
 */
const now = new Date("2026-12-01T01:00:00Z");
const staff = { id: "u-li", username: "li" };

describe("feedback staff actions and their audit entries commit together", () => {
  let conn: Connection;
  let reference: string;
  beforeAll(async () => {
    conn = await createTestDb();
    ({ reference } = await submitFeedback(conn.db, feedbackSchema.parse({ topic: "barrier", message: "按钮太小", contact: "13812345678" }), "zh-CN", now));
  });
  afterAll(async () => conn.db.destroy());

  it("opening a message shows its contact in full only with an entry; no entry for a message that is not there", async () => {
    const item = await expectAuditedTogether(conn.db, { actions: ["feedback.view"], run: () => openFeedback(conn.db, staff, reference, now) });
    expect(item?.contact).toBe("13812345678");
    expect(await auditEntries(conn.db, "feedback.view", reference)).toHaveLength(1);
    expect(await openFeedback(conn.db, staff, "YJ-AAAA-AAAA", now)).toBeUndefined();
    expect(await auditEntries(conn.db, "feedback.view")).toHaveLength(1);
  });

  it("a status and reply are saved only with an entry; no entry for a message that is not there", async () => {
    // A reply that cannot be queued undoes the new status, and writes no entry.
    await expectNoEntryWhenChangeFails(conn.db, { action: "feedback.update", table: "outbox_messages", run: () => updateFeedback(conn.db, staff, reference, { status: "closed", reply: "已转交" }, now) });
    expect((await findFeedback(conn.db, reference))?.status).not.toBe("closed");
    const saved = await expectAuditedTogether(conn.db, {
      actions: ["feedback.update"],
      run: () => updateFeedback(conn.db, staff, reference, { status: "closed", reply: "已转交" }, now),
      observe: async () => (await findFeedback(conn.db, reference))?.status,
    });
    // The reply is queued for the person (they left a phone) in the same transaction.
    expect(saved).toEqual({ updated: true, replyQueued: true });
    expect((await findFeedback(conn.db, reference))?.reply).toBe("已转交");
    expect((await auditEntries(conn.db, "feedback.update", reference))[0]).toMatchObject({ username: "li", detail: "closed" });
    expect(await updateFeedback(conn.db, staff, "YJ-AAAA-AAAA", { status: "closed", reply: null }, now)).toEqual({ updated: false, replyQueued: false });
    expect(await auditEntries(conn.db, "feedback.update")).toHaveLength(1);
  });
});
