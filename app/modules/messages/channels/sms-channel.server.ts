import type { DeliveryChannel, OutgoingMessage } from "./channel";

/**
 * SMS through a provider. The Federation contracts a gateway; each gateway gets an adapter that implements
 * `SmsProvider`. Shipped: `HttpSmsProvider`, a configurable JSON-over-HTTP provider (docs/contracts.md, "SMS
 * gateway"): POST `SMS_URL` with
 *   {"id": "<outbox id, the same on a retry>", "to": "13800000000", "text": "…", "reference": "YJ-…"}
 * and `Authorization: Bearer <SMS_TOKEN>` when set. Any 2xx is accepted; anything else (or no answer within
 * 15 s) is a failed attempt that is retried.
 */
export interface SmsProvider {
  sendText(message: { id: string; to: string; text: string; reference: string }): Promise<void>;
}

const smsTimeoutMs = 15_000;

export class HttpSmsProvider implements SmsProvider {
  constructor(
    private readonly url: string,
    private readonly token?: string,
  ) {}

  async sendText(message: { id: string; to: string; text: string; reference: string }): Promise<void> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(smsTimeoutMs),
    });
    // The answer's body is not read into the error: a gateway may echo the number back.
    await response.body?.cancel();
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
  }
}

/** The SMS channel: the text is the message's body; the subject is for e-mail only. */
export class SmsChannel implements DeliveryChannel {
  readonly name = "http-sms";
  constructor(private readonly provider: SmsProvider) {}

  async send(message: OutgoingMessage): Promise<void> {
    await this.provider.sendText({ id: message.id, to: message.recipient, text: message.body, reference: message.reference });
  }
}
