import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { feedbackSchema } from "./feedback-schema";
import { findFeedback, submitFeedback } from "./feedback.server";

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
});
