import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookSeats, cancelBooking, getScreening, joinWaitingList, listUpcomingScreenings, seedCinema } from "~/modules/cinema/index.server";
import { createActivity, signUp, updateActivity, withdrawSignup } from "~/modules/centre/index.server";
import type { Connection } from "~/modules/db/index.server";
import { feedbackSchema } from "~/modules/feedback/feedback-schema";
import { submitFeedback, updateFeedback } from "~/modules/feedback/index.server";
import { checkOut, createRequest, decideRequest, seedLending } from "~/modules/lending/index.server";
import { channelsFromEnv } from "~/modules/messages/channels/channels-from-env.server";
import { messageTemplates } from "~/modules/messages/message-constants";
import { deliverDueMessages } from "~/modules/messages/index.server";
import { activityInput } from "../support/activity-input";
import { startLocalSmsGateway, type LocalSmsGateway } from "../support/local-sms";
import { startLocalSmtp, type LocalSmtp } from "../support/local-smtp";
import { createTestDb } from "../support/test-db";

/**
 * Issue 17, "done when": every event that sends a message produces it, and it is delivered through the real
 * channels: SMTP to a local server (smtp-server) for an e-mail address, the SMS adapter to a local HTTP gateway
 * for a mobile. Each template of message-constants.ts must be among what arrived, so a new event without a
 * delivery fails here.
 */
const now = new Date("2026-12-01T02:00:00Z"); // 10:00 in Qingyuan, outside SMS quiet hours
const staff = { id: null, username: "staff" };
const env = { PUBLIC_ORIGIN: "https://access.example.cn", SMS_QUIET_HOURS: "off" };

let conn: Connection;
let smtp: LocalSmtp;
let sms: LocalSmsGateway;
beforeAll(async () => {
  [conn, smtp, sms] = await Promise.all([createTestDb(), startLocalSmtp(), startLocalSmsGateway()]);
  await seedCinema(conn.db, now);
  await seedLending(conn.db, now);
});
afterAll(async () => Promise.all([conn.db.destroy(), smtp.close(), sms.close()]));

describe("every message the portal sends", () => {
  it("is produced by its event and delivered over SMTP or the SMS adapter, once each", async () => {
    // A cinema booking (bookingConfirmed), then on a full screening a cancellation that offers the seats to the first
    // person waiting (waitingOffer).
    const [screening] = await listUpcomingScreenings(conn.db, {}, now);
    let left = (await getScreening(conn.db, screening.id, now)).ordinarySeatsAvailable;
    while (left > 2) {
      const tickets = Math.min(4, left - 2);
      await bookSeats(conn.db, { screeningId: screening.id, party: { tickets }, contact: { name: "预先订座", phone: "13700000000" }, locale: "zh-CN" }, now);
      left -= tickets;
    }
    const freed = await bookSeats(conn.db, { screeningId: screening.id, party: { tickets: 2 }, contact: { name: "退票人", phone: "13900001111" }, locale: "zh-CN" }, now);
    await joinWaitingList(conn.db, { screeningId: screening.id, contact: { name: "候补", phone: "13600002222" }, tickets: 2, locale: "zh-CN" }, now);
    const { offeredTo } = await cancelBooking(conn.db, { reference: freed.reference, token: freed.accessToken }, now);
    expect(offeredTo).toHaveLength(1);

    // A staff reply to feedback with an e-mail address (feedbackReply).
    const { reference } = await submitFeedback(conn.db, feedbackSchema.parse({ topic: "other", message: "按钮读不出来", contact: "reader@example.cn" }), "zh-CN", now);
    await updateFeedback(conn.db, staff, reference, { status: "closed", reply: "已修好。" }, now);

    // A loan with a due date (loanDueSoon, loanOverdue).
    const type = await conn.db
      .selectFrom("lending_units as u")
      .innerJoin("lending_device_types as t", "t.id", "u.type_id")
      .select(["u.type_id", "u.id"])
      .where("u.status", "=", "available")
      .where("t.mode", "=", "loan")
      .executeTakeFirstOrThrow();
    const request = await createRequest(conn.db, { typeId: type.type_id, name: "陈小红", phone: "13912345678", disability: "physical", locale: "zh-CN", source: "web" }, now);
    await decideRequest(conn.db, staff, request.reference, { decision: "approve" }, now);
    await checkOut(conn.db, staff, { requestReference: request.reference, unitId: type.id, condition: "good", dueDate: "2026-12-20" }, now, env);

    // An activity: a freed place offered to the person waiting (activityOffer), a new time (activityChanged), then cancelled
    // (activityCancelled).
    const input = activityInput({ capacity: 1, waitlistSize: 2 });
    const activity = await createActivity(conn.db, staff, input, now);
    const first = await signUp(conn.db, activity, { name: "甲", phone: "13500000001", needs: [], locale: "zh-CN" }, now);
    await signUp(conn.db, activity, { name: "乙", phone: "13500000002", needs: [], locale: "en" }, now);
    await withdrawSignup(conn.db, { reference: first.reference, phone: "13500000001" }, now);
    await updateActivity(conn.db, staff, activity, { ...input, startsAt: "2026-12-11T06:30:00.000Z" }, now);
    await updateActivity(conn.db, staff, activity, { ...input, startsAt: "2026-12-11T06:30:00.000Z", status: "cancelled" }, now);

    // Deliver everything, the reminders when their day comes (a month on).
    const channels = channelsFromEnv({ SMTP_URL: smtp.url, MAIL_FROM: "清远市残联 <noreply@access.example.cn>", SMS_URL: sms.url });
    const monthOn = new Date("2026-12-31T02:00:00Z");
    for (let round = 0; round < 20; round++) {
      const result = await deliverDueMessages(conn, { workerId: "test", channels, batchSize: 50, quietHours: null, now: () => monthOn });
      if (result.sent + result.retrying + result.failed + result.postponed === 0) break;
    }

    const rows = await conn.db.selectFrom("outbox_messages").select(["id", "template", "channel", "status"]).execute();
    expect(rows.filter((r) => r.status !== "sent" && r.status !== "cancelled")).toEqual([]);
    const smsIds = sms.received.map((r) => r.body.id);
    const mailIds = smtp.received.map((m) => m.messageId);
    for (const row of rows.filter((r) => r.status === "sent")) {
      const arrivals = row.channel === "sms" ? smsIds.filter((id) => id === row.id).length : mailIds.filter((id) => id === `<${row.id}@outbox.qingyuan-access>`).length;
      expect(arrivals, `${row.template} ${row.id}`).toBe(1);
    }
    const delivered = new Set(rows.filter((r) => r.status === "sent").map((r) => r.template));
    expect([...messageTemplates].filter((t) => !delivered.has(t))).toEqual([]);
    expect(rows.find((r) => r.template === "feedbackReply")?.channel).toBe("email");
  });
});
