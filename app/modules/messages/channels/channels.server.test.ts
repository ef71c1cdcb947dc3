import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalSmsGateway } from "../../../../tests/support/local-sms";
import { startLocalSmtp } from "../../../../tests/support/local-smtp";
import { createTestDb } from "../../../../tests/support/test-db";
import type { Connection } from "../../db/index.server";
import { deliverDueMessages } from "../delivery.server";
import { enqueueMessage } from "../enqueue.server";
import { listMessages } from "../outbox.server";
import { channelsFromEnv } from "./channels-from-env.server";
import { LogChannel } from "./log-channel.server";

const morning = new Date("2026-12-02T02:00:00Z");

describe("delivery channels", () => {
  let conn: Connection;
  let smtp: Awaited<ReturnType<typeof startLocalSmtp>>;
  let sms: Awaited<ReturnType<typeof startLocalSmsGateway>>;
  beforeAll(async () => {
    [conn, smtp, sms] = await Promise.all([createTestDb(), startLocalSmtp(), startLocalSmsGateway()]);
  });
  afterAll(async () => {
    await Promise.all([conn.db.destroy(), smtp.close(), sms.close()]);
  });

  it("record to the log when nothing is configured", () => {
    const channels = channelsFromEnv({});
    expect(channels.email).toBeInstanceOf(LogChannel);
    expect(channels.sms).toBeInstanceOf(LogChannel);
    expect(() => channelsFromEnv({ SMTP_URL: "mail.example.cn" })).toThrow(/SMTP_URL/);
    expect(() => channelsFromEnv({ SMS_URL: "ftp://gateway" })).toThrow(/SMS_URL/);
  });

  it("send e-mail over real SMTP: plain text from MAIL_FROM, with the reference and the reply", async () => {
    const env = { SMTP_URL: smtp.url, MAIL_FROM: "清远市残联 <noreply@access.example.cn>", PUBLIC_ORIGIN: "https://access.example.cn" };
    await enqueueMessage(
      conn.db,
      {
        recipient: "li.ming@example.cn",
        locale: "zh-CN",
        template: "feedbackReply",
        params: { reference: "YJ-MAIL-0001", reply: "盲道已修复。" },
        target: { type: "feedback", id: "YJ-MAIL-0001" },
        managePath: "/feedback",
      },
      morning,
      env,
    );
    const round = await deliverDueMessages(conn, { workerId: "w", channels: channelsFromEnv(env), quietHours: null, now: () => morning });
    expect(round.sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe("li.ming@example.cn");
    expect(mail.from?.value[0]).toMatchObject({ address: "noreply@access.example.cn", name: "清远市残联" });
    expect(mail.subject).toBe("清远市残联：您的留言（YJ-MAIL-0001）已回复");
    expect(mail.text).toContain("查询编号 YJ-MAIL-0001");
    expect(mail.text).toContain("盲道已修复。");
    expect(mail.text).toContain("https://access.example.cn/feedback");
    expect(mail.html).toBe(false);
    // The outbox id is the Message-ID: a repeat after a crash is recognisable as the same message.
    const [row] = (await listMessages(conn.db)).items;
    expect(mail.messageId).toBe(`<${row.id}@outbox.qingyuan-access>`);
    expect(row.status).toBe("sent");
  });

  it("send SMS as JSON to the HTTP provider, and retry when it refuses", async () => {
    await conn.db.deleteFrom("outbox_messages").execute();
    const env = { SMS_URL: sms.url, SMS_TOKEN: "gateway-token" };
    await enqueueMessage(
      conn.db,
      {
        recipient: "13812345678",
        locale: "en",
        template: "feedbackReply",
        params: { reference: "YJ-TEXT-0001", reply: "The ramp is fixed." },
        target: { type: "feedback", id: "YJ-TEXT-0001" },
        managePath: "/feedback",
      },
      morning,
      env,
    );
    const channels = channelsFromEnv(env);
    sms.answer(503);
    expect(await deliverDueMessages(conn, { workerId: "w", channels, quietHours: null, now: () => morning })).toMatchObject({ sent: 0, retrying: 1 });
    const [queued] = (await listMessages(conn.db)).items;
    expect(queued.lastError).toBe("SMS gateway answered 503");
    sms.answer(200);
    const later = new Date(queued.nextAttemptAt);
    expect(await deliverDueMessages(conn, { workerId: "w", channels, quietHours: null, now: () => later })).toMatchObject({ sent: 1 });
    expect(sms.received).toHaveLength(2);
    const body = { id: queued.id, to: "13812345678", reference: "YJ-TEXT-0001", text: expect.stringContaining("YJ-TEXT-0001 has a reply: The ramp is fixed.") };
    expect(sms.received[0]).toEqual({ authorization: "Bearer gateway-token", body });
    // The same id on the retry: the gateway can drop a repeat.
    expect(sms.received[1]).toEqual(sms.received[0]);
  });
});
