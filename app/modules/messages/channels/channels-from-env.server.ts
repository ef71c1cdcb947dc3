import type { Channels } from "./channel";
import { EmailChannel } from "./email-channel.server";
import { LogChannel } from "./log-channel.server";
import { HttpSmsProvider, SmsChannel } from "./sms-channel.server";

type Env = Record<string, string | undefined>;

/**
 * The transports as configured (README, "Configuration"): e-mail over SMTP when SMTP_URL is set, SMS through the
 * HTTP provider when SMS_URL is set; whichever is not configured records to the log instead of sending.
 */
export function channelsFromEnv(env: Env = process.env): Channels {
  const log = new LogChannel();
  const smtpUrl = env.SMTP_URL?.trim();
  const smsUrl = env.SMS_URL?.trim();
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new Error("SMTP_URL: give an smtp:// or smtps:// URL");
  if (smsUrl && !/^https?:\/\//.test(smsUrl)) throw new Error("SMS_URL: give an http:// or https:// URL");
  const from = env.MAIL_FROM?.trim() || "清远市残联服务门户 <noreply@localhost>";
  return {
    email: smtpUrl ? new EmailChannel(smtpUrl, from) : log,
    sms: smsUrl ? new SmsChannel(new HttpSmsProvider(smsUrl, env.SMS_TOKEN?.trim() || undefined)) : log,
  };
}
