import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/modules/db/index.server";
import { enqueueMessage } from "~/modules/messages/enqueue.server";
import { startLocalSmsGateway } from "../support/local-sms";
import { startLocalSmtp, type LocalSmtp } from "../support/local-smtp";
import { startPortal, type PortalServer } from "../support/portal-server";
import { consoleErrors, expectNoAxeViolations, launchBrowser, newContext, tabTo, waitForHydration, waitForNewPage } from "./browser";
import { createStaffUser, staffPassword } from "./global-setup";

/**
 * Issue 17: a staff reply to feedback reaches the person by e-mail, and the staff outbox. A portal of its own,
 * sending to a real SMTP server on a loopback port (the shared test portal has no SMTP_URL).
 */
let browser: Browser;
let portal: PortalServer;
let dir: string;
let smtp: LocalSmtp;

beforeAll(async () => {
  smtp = await startLocalSmtp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-messages-"));
  const databaseUrl = `file:${path.join(dir, "portal.sqlite")}`;
  [portal, browser] = await Promise.all([
    startPortal({
      DATABASE_URL: databaseUrl,
      RATE_LIMIT_PER_MINUTE: "0",
      SMTP_URL: smtp.url,
      MAIL_FROM: "清远市残联 <noreply@access.example.cn>",
      PUBLIC_ORIGIN: "https://access.example.cn",
      MESSAGE_INTERVAL_MS: "200",
      MESSAGE_MAX_ATTEMPTS: "1",
    }),
    launchBrowser(),
  ]);
  const root = path.resolve(__dirname, "../..");
  await createStaffUser(root, { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", PORTAL_LOCAL_RUN: "1" }, "outbox-admin", "admin");
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await smtp?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function context(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return newContext(browser, { baseURL: portal.url, ...options });
}

async function staffContext(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const staff = await context(options);
  const response = await staff.request.post("/login", { form: { username: "outbox-admin", password: staffPassword }, maxRedirects: 0 });
  if (response.status() !== 302) throw new Error(`login failed: ${response.status()}`);
  return staff;
}

/** A member of the public sends feedback with a contact; returns its reference. */
async function sendFeedback(contact: string): Promise<string> {
  const visitor = await context({ javaScriptEnabled: false });
  const page = await visitor.newPage();
  await page.goto("/feedback");
  await page.getByRole("radio", { name: "使用本站时遇到的障碍" }).check();
  await page.getByRole("textbox", { name: "您的留言" }).fill("首页的按钮读不出名称");
  await page.getByRole("textbox", { name: "联系方式（选填）" }).fill(contact);
  await waitForNewPage(page, () => page.getByRole("button", { name: "提交留言" }).click());
  const reference = (await page.locator(".reference").textContent())!.trim();
  await visitor.close();
  return reference;
}

/** Staff answer with the keyboard alone: type the reply, save, and hear that it is queued. */
async function reply(page: Page, reference: string, text: string) {
  await page.goto(`/admin/feedback/${reference}`);
  await tabTo(page, page.getByRole("textbox", { name: "给留言人的回复" }));
  await page.keyboard.type(text);
  await tabTo(page, page.getByRole("button", { name: "保存" }));
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "回复已保存，并已排队发送给留言人。" }).waitFor();
}

describe("messages to people", () => {
  it("a staff reply to feedback reaches the person by e-mail, numbers masked, and the inbox shows it was sent", async () => {
    const reference = await sendFeedback("reader@example.cn");
    const staff = await staffContext();
    const page = await staff.newPage();
    await page.goto("/admin");
    await waitForHydration(page);
    await reply(page, reference, "已给按钮加上名称。如仍有问题请回电 13912345678。");

    await expect.poll(() => smtp.received.filter((m) => m.subject?.includes(reference)).length, { timeout: 15_000 }).toBe(1);
    const mail = smtp.received.find((m) => m.subject?.includes(reference))!;
    expect(mail.subject).toBe(`清远市残联：您的留言（${reference}）已回复`);
    expect(mail.text).toContain(`查询编号 ${reference}`);
    expect(mail.text).toContain("已给按钮加上名称。如仍有问题请回电 139****5678。");
    expect(mail.text).not.toContain("13912345678");
    expect(mail.text).toContain("https://access.example.cn/feedback");

    // The message page and the inbox say it was sent.
    const delivery = page.getByRole("region", { name: "回复的发送" });
    // Each reload waits for the page to hydrate: reloading a page mid-hydration makes React log an aborted render.
    await expect.poll(async () => {
      await page.reload();
      await waitForHydration(page);
      return delivery.textContent();
    }).toContain("已发送");
    expect(await delivery.textContent()).toContain("r***@example.cn");
    await waitForHydration(page);
    await expectNoAxeViolations(page, "feedback message with its reply's delivery");
    await page.goto("/admin/feedback");
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: reference }) });
    expect(await row.getByRole("cell").last().textContent()).toBe("已发送");
    expect(consoleErrors(page)).toEqual([]);
    await staff.close();
  });

  it("the outbox lists what was sent, filters by status and sends a failed message again, keyboard only, without JavaScript", async () => {
    smtp.refused.add("nobody@example.cn");
    const reference = await sendFeedback("nobody@example.cn");
    const staff = await staffContext({ javaScriptEnabled: false });
    const page = await staff.newPage();
    await reply(page, reference, "感谢反馈，已处理。");

    // The outbox is in the admin navigation.
    await page.goto("/admin");
    await waitForNewPage(page, () => page.getByRole("navigation", { name: "工作人员导航" }).getByRole("link", { name: "消息发件箱" }).click());
    await page.getByRole("heading", { level: 1, name: "消息发件箱" }).waitFor();

    // The mailbox refused it and the message has failed (one attempt in this portal): wait for that.
    await expect.poll(async () => {
      await page.goto("/admin/messages?status=failed");
      return page.getByRole("rowheader", { name: reference }).count();
    }, { timeout: 15_000 }).toBe(1);

    // Filter with the keyboard: all statuses → failed.
    await page.goto("/admin/messages");
    await tabTo(page, page.getByRole("combobox", { name: "发送状态" }));
    await page.keyboard.press("End");
    expect(await page.getByRole("combobox", { name: "发送状态" }).inputValue()).toBe("failed");
    await tabTo(page, page.getByRole("button", { name: "筛选" }));
    await waitForNewPage(page, () => page.keyboard.press("Enter"));
    expect(new URL(page.url()).searchParams.get("status")).toBe("failed");
    const table = page.getByRole("table", { name: /消息/ });
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: reference }) });
    expect(await row.textContent()).toContain("n***@example.cn");
    expect(await row.textContent()).toContain("感谢反馈，已处理。");
    expect(await row.textContent()).toContain("发送失败");
    expect(await row.textContent()).toContain("550");
    expect(await page.content()).not.toContain("nobody@example.cn");
    // Sent messages are not in this list.
    expect(await table.getByText("已发送", { exact: true }).count()).toBe(0);

    // The mailbox exists now: send it again.
    smtp.refused.delete("nobody@example.cn");
    await tabTo(page, row.getByRole("button", { name: `重新发送 ${reference} 的消息（n***@example.cn）` }));
    await waitForNewPage(page, () => page.keyboard.press("Enter"));
    await page.getByRole("status").filter({ hasText: "消息已重新排队，稍后发送。" }).waitFor();
    await expect.poll(() => smtp.received.filter((m) => m.subject?.includes(reference)).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => {
      await page.goto("/admin/messages?status=sent");
      return page.getByRole("rowheader", { name: reference }).count();
    }).toBe(1);
    await staff.close();

    // The page with JavaScript: no axe violations.
    const withJs = await staffContext();
    const outbox = await withJs.newPage();
    await outbox.goto("/admin/messages");
    await waitForHydration(outbox);
    await expectNoAxeViolations(outbox, "message outbox");
    expect(consoleErrors(outbox)).toEqual([]);
    await withJs.close();
  });

  it("a portal stopped in the middle of sending, and started again, loses no message and sends none twice", async () => {
    // Its own portal and database, sending texts to a gateway that takes 20 ms a message.
    const gateway = await startLocalSmsGateway({ latencyMs: 20 });
    const own = fs.mkdtempSync(path.join(os.tmpdir(), "qy-messages-restart-"));
    const env = {
      DATABASE_URL: `file:${path.join(own, "portal.sqlite")}`,
      RATE_LIMIT_PER_MINUTE: "0",
      SKIP_BUILD: "1",
      SMS_URL: gateway.url,
      SMS_QUIET_HOURS: "off",
      MESSAGE_INTERVAL_MS: "100",
    };
    let running = await startPortal(env);
    const conn = openDatabase(env.DATABASE_URL);
    const queued = new Set<string>();
    try {
      await conn.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 200; i++) {
          const reference = `YJ-RSTR-${String(i).padStart(4, "0")}`;
          const message = { recipient: `138${String(i).padStart(8, "0")}`, locale: "zh-CN" as const, template: "feedbackReply" as const, params: { reference, reply: "谢谢。" }, target: { type: "feedback", id: reference }, managePath: "/feedback" };
          queued.add(await enqueueMessage(trx, message, new Date(Date.now() - 1000), { SMS_QUIET_HOURS: "off" }));
        }
      });
      const ours = () => gateway.received.filter((r) => queued.has(r.body.id));
      // Stopped (SIGTERM) once some have gone out: it finishes the message in hand and stops.
      await expect.poll(() => ours().length, { timeout: 30_000, interval: 50 }).toBeGreaterThan(10);
      await running.stop();
      const beforeRestart = ours().length;
      expect(beforeRestart).toBeLessThan(200);
      const left = await conn.db.selectFrom("outbox_messages").select("id").where("status", "!=", "sent").where("reference", "like", "YJ-RSTR-%").execute();
      expect(left.length).toBe(200 - beforeRestart);

      // Started again, it sends the rest: every message exactly once.
      running = await startPortal(env);
      await expect.poll(() => ours().length, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(200);
      expect(ours()).toHaveLength(200);
      expect(new Set(ours().map((r) => r.body.id))).toEqual(queued);
      const statuses = await conn.db.selectFrom("outbox_messages").select("status").distinct().where("reference", "like", "YJ-RSTR-%").execute();
      expect(statuses.map((s) => s.status)).toEqual(["sent"]);
    } finally {
      await conn.db.destroy();
      await running.stop();
      await gateway.close();
      fs.rmSync(own, { recursive: true, force: true });
    }
  }, 240_000);
});
