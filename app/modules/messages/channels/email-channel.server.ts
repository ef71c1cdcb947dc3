import nodemailer, { type Transporter } from "nodemailer";
import type { DeliveryChannel, OutgoingMessage } from "./channel";

/** How long one SMTP conversation may take: well inside a delivery lease, so a slow server cannot cause a repeat. */
const smtpTimeoutMs = 30_000;

/**
 * E-mail over SMTP (nodemailer). `SMTP_URL` is nodemailer's connection URL: `smtp://user:pass@host:587` (STARTTLS
 * when the server offers it), `smtps://…:465` (TLS from the start). `MAIL_FROM` is the sender. Plain text only: it
 * reads well in every mail client and with every screen reader.
 */
export class EmailChannel implements DeliveryChannel {
  readonly name = "smtp";
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(smtpUrl, {
      connectionTimeout: smtpTimeoutMs,
      greetingTimeout: smtpTimeoutMs,
      socketTimeout: smtpTimeoutMs,
    } as never); // (nodemailer takes these connection timeouts beside a URL; its types do not say so.)
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: message.recipient,
      subject: message.subject,
      text: message.body,
      messageId: `<${message.id}@outbox.qingyuan-access>`,
      headers: { "X-Reference": message.reference },
    });
  }

  close(): void {
    this.transporter.close();
  }
}
