import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectAuditedTogether, expectNoEntryWhenChangeFails } from "../../../tests/support/audit-outage";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { claimDueMessages, markSent } from "./claim.server";
import type { Channels, DeliveryChannel, OutgoingMessage } from "./channels/channel";
import { deliverDueMessages } from "./delivery.server";
import { enqueueMessage, type NewMessage } from "./enqueue.server";
import { listMessages, retryMessage } from "./outbox.server";
import { quietHoursFromEnv } from "./quiet-hours";

/** A channel that keeps what it was given, and fails while `failing` is set. */
class RecordingChannel implements DeliveryChannel {
  readonly name = "recording";
  sent: OutgoingMessage[] = [];
  failing: string | null = null;
  async send(message: OutgoingMessage) {
    if (this.failing) throw new Error(this.failing);
    this.sent.push(message);
  }
}

const message = (over: Partial<NewMessage> = {}): NewMessage => ({
  recipient: "li.ming@example.cn",
  locale: "zh-CN",
  template: "feedbackReply",
  params: { reference: "YJ-TEST-0001", reply: "已修复，谢谢。" },
  target: { type: "feedback", id: "YJ-TEST-0001" },
  managePath: "/feedback",
  ...over,
});

const at = (iso: string) => new Date(iso);
// 10:00 Beijing time: not quiet.
const morning = at("2026-12-02T02:00:00Z");
const env = { PUBLIC_ORIGIN: "https://access.example.cn" };
const noQuiet = null;

describe("message outbox", () => {
  let conn: Connection;
  let channel: RecordingChannel;
  let channels: Channels;
  beforeAll(async () => {
    conn = await createTestDb();
  });
  afterAll(async () => conn.db.destroy());
  beforeEach(async () => {
    await conn.db.deleteFrom("outbox_messages").execute();
    channel = new RecordingChannel();
    channels = { email: channel, sms: channel };
  });

  it("stores a message only with the transaction that caused it", async () => {
    await conn.db.transaction().execute(async (trx) => {
      await enqueueMessage(trx, message(), morning, env);
    });
    await expect(
      conn.db.transaction().execute(async (trx) => {
        await enqueueMessage(trx, message({ params: { reference: "YJ-ROLL-BACK", reply: "x" } }), morning, env);
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    const { items } = await listMessages(conn.db);
    expect(items.map((m) => m.reference)).toEqual(["YJ-TEST-0001"]);
  });

  it("renders plain text in the person's language, with the reference, what happens next, a link and numbers masked", async () => {
    await enqueueMessage(conn.db, message({ params: { reference: "YJ-TEST-0001", reply: "请携带身份证 440102199001011234 到窗口。" } }), morning, env);
    await enqueueMessage(conn.db, message({ locale: "en", recipient: "13812345678" }), morning, env);
    const { items } = await listMessages(conn.db);
    const zh = items.find((m) => m.channel === "email")!;
    expect(zh.subject).toContain("YJ-TEST-0001");
    expect(zh.body).toContain("查询编号 YJ-TEST-0001");
    expect(zh.body).toContain("接下来");
    expect(zh.body).toContain("https://access.example.cn/feedback");
    expect(zh.body).not.toContain("440102199001011234");
    expect(zh.body).toMatch(/\*{4,}1234/);
    expect(zh.recipient).toBe("l***@example.cn");
    const en = items.find((m) => m.channel === "sms")!;
    expect(en.body).toMatch(/^Qingyuan DPF: your message YJ-TEST-0001 has a reply/);
    expect(en.body).toContain("https://access.example.cn/en/feedback");
    expect(en.recipient).toBe("138****5678");
  });

  it("delivers what is due once, and never sends a sent message again", async () => {
    await enqueueMessage(conn.db, message(), morning, env);
    const round = await deliverDueMessages(conn, { workerId: "w1", channels, quietHours: noQuiet, now: () => morning });
    expect(round).toEqual({ sent: 1, retrying: 0, failed: 0, postponed: 0 });
    expect(channel.sent).toHaveLength(1);
    expect(channel.sent[0]).toMatchObject({ recipient: "li.ming@example.cn", reference: "YJ-TEST-0001" });
    const later = new Date(morning.getTime() + 24 * 3600_000);
    expect(await deliverDueMessages(conn, { workerId: "w2", channels, quietHours: noQuiet, now: () => later })).toEqual({ sent: 0, retrying: 0, failed: 0, postponed: 0 });
    const [sent] = (await listMessages(conn.db)).items;
    expect(sent).toMatchObject({ status: "sent", attempts: 1, sentAt: morning.toISOString() });
  });

  it("leases a message to one worker at a time; an expired lease makes it claimable again", async () => {
    await enqueueMessage(conn.db, message(), morning, env);
    const first = await claimDueMessages(conn, { workerId: "a", limit: 10, leaseMs: 60_000, now: morning });
    expect(first).toHaveLength(1);
    expect(await claimDueMessages(conn, { workerId: "b", limit: 10, leaseMs: 60_000, now: new Date(morning.getTime() + 59_000) })).toEqual([]);
    const again = await claimDueMessages(conn, { workerId: "b", limit: 10, leaseMs: 60_000, now: new Date(morning.getTime() + 60_000) });
    expect(again.map((m) => [m.id, m.leased_by, m.attempts])).toEqual([[first[0].id, "b", 2]]);
    // The worker that lost its lease cannot mark the message sent; its holder can, once.
    expect(await markSent(conn.db, first[0].id, "a")).toBe(false);
    expect(await markSent(conn.db, first[0].id, "b")).toBe(true);
    expect(await markSent(conn.db, first[0].id, "b")).toBe(false);
  });

  it("retries a failing delivery with exponential backoff, then gives up, and staff can send it again", async () => {
    await enqueueMessage(conn.db, message({ recipient: "wang@example.cn" }), morning, env);
    channel.failing = "connect ECONNREFUSED for wang@example.cn";
    const retry = { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 3600_000 };
    let now = morning;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const round = await deliverDueMessages(conn, { workerId: "w", channels, retry, quietHours: noQuiet, now: () => now });
      const [row] = (await listMessages(conn.db)).items;
      if (attempt < 3) {
        expect(round.retrying).toBe(1);
        expect(row.status).toBe("queued");
        waits.push(Date.parse(row.nextAttemptAt) - now.getTime());
        // Not due a second before its time.
        expect((await deliverDueMessages(conn, { workerId: "w", channels, retry, quietHours: noQuiet, now: () => new Date(Date.parse(row.nextAttemptAt) - 1000) })).retrying).toBe(0);
        now = new Date(row.nextAttemptAt);
      } else {
        expect(round.failed).toBe(1);
        expect(row.status).toBe("failed");
        // The error is kept for staff, with the address masked.
        expect(row.lastError).toBe("connect ECONNREFUSED for w***@example.cn");
      }
    }
    expect(waits).toEqual([60_000, 120_000]);
    expect((await deliverDueMessages(conn, { workerId: "w", channels, retry, quietHours: noQuiet, now: () => new Date(now.getTime() + 86_400_000) })).failed).toBe(0);

    const [failed] = (await listMessages(conn.db, { status: "failed" })).items;
    const actor = { id: null, username: "e2e-admin" };
    // The retry and its entry commit together: not without a working audit log, and no entry when the outbox
    // refuses the change.
    const send = () => retryMessage(conn.db, failed.id, actor, now);
    await expectNoEntryWhenChangeFails(conn.db, { action: "message.retry", table: "outbox_messages", operation: "update", run: send });
    const statuses = async () => (await listMessages(conn.db)).items.map((m) => m.status);
    expect(await expectAuditedTogether(conn.db, { actions: ["message.retry"], run: send, observe: statuses })).toBe(true);
    expect(await send()).toBe(false);
    channel.failing = null;
    expect((await deliverDueMessages(conn, { workerId: "w", channels, retry, quietHours: noQuiet, now: () => now })).sent).toBe(1);
    expect(await retryMessage(conn.db, failed.id, actor, now)).toBe(false);
    const audit = await conn.db.selectFrom("audit_log").select(["action", "target_id"]).where("action", "=", "message.retry").execute();
    expect(audit).toEqual([{ action: "message.retry", target_id: failed.id }]);
  });

  it("holds a text due in quiet hours until 08:00, without counting an attempt; e-mail goes at once", async () => {
    const quiet = quietHoursFromEnv({})!;
    // 22:00 Beijing time.
    const night = at("2026-12-02T14:00:00Z");
    await enqueueMessage(conn.db, message({ recipient: "13812345678" }), night, {});
    await enqueueMessage(conn.db, message({ recipient: "night@example.cn" }), night, {});
    const texts = await listMessages(conn.db, {});
    expect(texts.items.find((m) => m.channel === "sms")!.nextAttemptAt).toBe("2026-12-03T00:00:00.000Z");
    const round = await deliverDueMessages(conn, { workerId: "w", channels, quietHours: quiet, now: () => night });
    expect(round.sent).toBe(1);
    expect(channel.sent.map((m) => m.channel)).toEqual(["email"]);

    // A retry that falls due at night (the text was queued by day, the gateway failed) waits too.
    await conn.db.updateTable("outbox_messages").set({ next_attempt_at: night.toISOString() }).where("channel", "=", "sms").execute();
    expect(await deliverDueMessages(conn, { workerId: "w", channels, quietHours: quiet, now: () => night })).toMatchObject({ sent: 0, postponed: 1 });
    const [text] = (await listMessages(conn.db, { status: "queued" })).items;
    expect(text).toMatchObject({ attempts: 0, nextAttemptAt: "2026-12-03T00:00:00.000Z" });
    const eight = at("2026-12-03T00:00:00Z");
    expect(await deliverDueMessages(conn, { workerId: "w", channels, quietHours: quiet, now: () => eight })).toMatchObject({ sent: 1 });
    expect(channel.sent.map((m) => m.channel)).toEqual(["email", "sms"]);
  });
});
