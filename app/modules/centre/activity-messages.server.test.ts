import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { activityInput } from "../../../tests/support/activity-input";
import { createTestDb } from "../../../tests/support/test-db";
import { sentText } from "../../../tests/support/sent-text";
import type { Connection } from "../db/index.server";
import { messagesAbout } from "../messages/index.server";
import { withdrawSignup, createActivity, signUp } from "./index.server";

const now = new Date("2026-11-26T02:00:00Z");
const actor = { id: null, username: "centre-staff" };

let conn: Connection;
beforeAll(async () => {
  conn = await createTestDb();
});
afterAll(async () => conn.db.destroy());

describe("a freed activity place", () => {
  it("is offered to the first person waiting, who is texted in their language with the deadline and a link", async () => {
    vi.stubEnv("PUBLIC_ORIGIN", "https://access.example.cn");
    const id = await createActivity(
      conn.db,
      actor,
      activityInput({ capacity: 1, waitlistSize: 2 }),
      now,
    );
    const first = await signUp(conn.db, id, { name: "参加者", phone: "13800000200", needs: [], locale: "zh-CN" }, now);
    const waiting = await signUp(conn.db, id, { name: "Waiting", phone: "13800000201", needs: [], locale: "en" }, now);
    const after = await signUp(conn.db, id, { name: "后来", phone: "13800000202", needs: [], locale: "zh-CN" }, new Date(now.getTime() + 60_000));
    expect([first.status, waiting.status, after.status]).toEqual(["confirmed", "waiting", "waiting"]);
    expect(await messagesAbout(conn.db, { type: "activity_signup", id: waiting.reference })).toEqual([]);

    const { offeredTo } = await withdrawSignup(conn.db, { reference: first.reference, phone: "13800000200" }, now);
    expect(offeredTo).toEqual([waiting.reference]);
    const [message] = await messagesAbout(conn.db, { type: "activity_signup", id: waiting.reference });
    expect(message).toMatchObject({ channel: "sms", status: "queued", reference: waiting.reference });
    expect(message.body).toContain("Screen reader course");
    expect(message.body).toContain("Regional centre");
    expect(message.body).toContain("held for you until");
    expect(message.body).toContain(waiting.reference);
    expect(message.body).toContain(`https://access.example.cn/en/activities/offer/${waiting.reference}/••••`);
    expect(await sentText(conn.db, message.id)).toMatch(new RegExp(`https://access\\.example\\.cn/en/activities/offer/${waiting.reference}/[A-Za-z0-9_-]{22}`));
    expect(message.body).not.toContain("13800000201");
    // Only the person offered the place is told.
    expect(await messagesAbout(conn.db, { type: "activity_signup", id: after.reference })).toEqual([]);
    vi.unstubAllEnvs();
  });
});
