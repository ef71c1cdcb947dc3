import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { feedbackSchema } from "./feedback-schema";
import { findFeedback, listFeedback, submitFeedback, updateFeedback } from "./feedback.server";
import { messagesAbout } from "../messages/outbox.server";

/** The staff member answering (audited with each change). */
const staff = { id: "u-wang", username: "wang" };

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
}

describe("feedback", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
  });
  afterAll(async () => conn.db.destroy());

  it("stores a valid message and returns a reference that finds it again", async () => {
    const submission = parseWithZod(form({ topic: "barrier", message: " 按钮太小 ", contact: "138 1234 5678" }), {
      schema: feedbackSchema,
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    const { reference } = await submitFeedback(conn.db, submission.value, "zh-CN");
    const row = await findFeedback(conn.db, reference);
    expect(row?.message).toBe("按钮太小");
    expect(row?.contact).toBe("13812345678");
    expect(row?.status).toBe("new");
  });

  it("reports every problem with a code the page can translate", () => {
    const submission = parseWithZod(form({ message: "", contact: "123", website: "" }), { schema: feedbackSchema });
    expect(submission.status).toBe("error");
    expect(submission.status === "error" && submission.error).toMatchObject({ topic: ["chooseOne"], message: ["required"], contact: ["invalidContact"] });
  });

  it("refuses a filled honeypot and over-long messages", () => {
    const spam = parseWithZod(form({ topic: "other", message: "hi", website: "http://spam" }), { schema: feedbackSchema });
    expect(spam.status === "error" && spam.error?.website).toEqual(["spam"]);
    const long = parseWithZod(form({ topic: "other", message: "字".repeat(2001) }), { schema: feedbackSchema });
    expect(long.status === "error" && long.error?.message).toEqual(["tooLong:2000"]);
  });

  it("sends a staff reply to the person who left a contact, in their language, once per reply", async () => {
    const withMail = await submitFeedback(conn.db, { topic: "service", message: "What are the opening hours?", contact: "reader@example.cn" }, "en");
    const anonymous = await submitFeedback(conn.db, { topic: "service", message: "没有联系方式" }, "zh-CN");
    const target = { type: "feedback", id: withMail.reference };

    expect(await updateFeedback(conn.db, staff, withMail.reference, { status: "in_progress", reply: null })).toEqual({ updated: true, replyQueued: false });
    expect(await updateFeedback(conn.db, staff, withMail.reference, { status: "closed", reply: "Weekdays 9:00-17:00." })).toEqual({ updated: true, replyQueued: true });
    const [message] = await messagesAbout(conn.db, target);
    expect(message).toMatchObject({ channel: "email", recipient: "r***@example.cn", status: "queued", reference: withMail.reference });
    expect(message.body).toContain("Weekdays 9:00-17:00.");
    expect(message.subject).toContain(withMail.reference);
    // Saving the same reply again (a status change) sends nothing more; a changed reply is sent.
    expect((await updateFeedback(conn.db, staff, withMail.reference, { status: "closed", reply: "Weekdays 9:00-17:00." })).replyQueued).toBe(false);
    expect((await updateFeedback(conn.db, staff, withMail.reference, { status: "closed", reply: "Weekdays 9:00-17:30." })).replyQueued).toBe(true);
    expect(await messagesAbout(conn.db, target)).toHaveLength(2);
    // The inbox shows the reply's delivery.
    const inbox = await listFeedback(conn.db, { pageSize: 100 });
    expect(inbox.items.find((i) => i.reference === withMail.reference)?.replyDelivery).toBe("queued");
    expect(inbox.items.find((i) => i.reference === anonymous.reference)?.replyDelivery).toBeNull();

    expect(await updateFeedback(conn.db, staff, anonymous.reference, { status: "closed", reply: "已处理。" })).toEqual({ updated: true, replyQueued: false });
    expect(await messagesAbout(conn.db, { type: "feedback", id: anonymous.reference })).toEqual([]);
    expect(await updateFeedback(conn.db, staff, "YJ-NONE-0000", { status: "closed", reply: "x" })).toEqual({ updated: false, replyQueued: false });
  });
});
