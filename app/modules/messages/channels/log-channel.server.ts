import { logger } from "../../observability/logger.server";
import { maskContact } from "../../privacy/mask";
import type { DeliveryChannel, OutgoingMessage } from "./channel";

/**
 * Records instead of sending: the default when no SMTP_URL or SMS_URL is configured (a development machine, a test
 * run, a portal that has no gateway yet). Each message is one log line, recipient masked; `sent` keeps the last
 * ones in memory for tests.
 */
export class LogChannel implements DeliveryChannel {
  readonly name = "log";
  readonly sent: OutgoingMessage[] = [];

  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > 100) this.sent.shift();
    logger.info(
      { message: message.id, channel: message.channel, to: maskContact(message.recipient), reference: message.reference, subject: message.subject, body: message.body },
      "message recorded (log channel: not sent)",
    );
  }
}
